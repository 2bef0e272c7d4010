import { AuthenticatedRequest } from '@cxm/platform-http';
import { tenantCosts } from './ingest-protection.interceptor';

const request = (parts: Partial<AuthenticatedRequest>) => ({ params: {}, body: {}, ...parts }) as AuthenticatedRequest;
const tenants = new Set(['demo', 'acme']);

describe('tenantCosts', () => {
  it("charges a webhook to the route's tenant, whatever the payload says", () => {
    const costs = tenantCosts(request({ params: { tenantId: 'acme' }, body: { tenantId: 'demo' } }), tenants);
    expect([...costs]).toEqual([['acme', 1]]);
  });

  it("charges a tenant token's request to its own tenant", () => {
    expect([...tenantCosts(request({ principal: { kind: 'tenant', tenantId: 'demo' }, body: { tenantId: 'acme' } }), tenants)]).toEqual([['demo', 1]]);
  });

  it("charges an admin's batch one token per item, to each item's tenant", () => {
    const body = { items: [{ tenantId: 'demo' }, { tenantId: 'acme' }, { tenantId: 'demo' }, null] };
    expect(Object.fromEntries(tenantCosts(request({ principal: { kind: 'admin' }, body }), tenants))).toEqual({ demo: 2, acme: 1, unknown: 1 });
  });

  it('puts names that are not configured tenants into one shared bucket', () => {
    const costs = tenantCosts(request({ body: { items: [{ tenantId: 'made-up-1' }, { tenantId: 'made-up-2' }] } }), tenants);
    expect([...costs]).toEqual([['unknown', 2]]);
  });
});
