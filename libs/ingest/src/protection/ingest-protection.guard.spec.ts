import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import { loadPlatformConfig } from '@cxm/platform-config';
import { AuthenticatedRequest, ProblemException } from '@cxm/platform-http';
import { EventEmitter } from 'node:events';
import { IngestMetrics } from '../metrics/ingest-metrics';
import { IngestProtectionGuard, tenantCosts } from './ingest-protection.guard';
import { PublishGate } from './publish-gate';

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

describe('IngestProtectionGuard', () => {
  const config = (perSecond: number, burst: number) => loadPlatformConfig({ HOME: '/tmp', CXM_TENANTS: 'demo,acme', CXM_INGEST_RATE_LIMIT: String(perSecond), CXM_INGEST_RATE_BURST: String(burst) });
  /** Node.js's response under Fastify's reply: an emitter of `finish` whose status the answer sets. */
  const response = () => Object.assign(new EventEmitter(), { statusCode: 200 });
  const context = (req: Partial<AuthenticatedRequest>, res: EventEmitter) =>
    new ExecutionContextHost([request({ routeOptions: { url: '/v1/mentions' } as AuthenticatedRequest['routeOptions'], url: '/v1/mentions', ...req }), { raw: res }]);
  const status = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      return { status: (error as ProblemException).getStatus(), retryAfterSeconds: (error as ProblemException).problem.retryAfterSeconds };
    }
    return 'let through';
  };

  it('refuses at once with 503 while the bus is saturated', () => {
    const guard = new IngestProtectionGuard(PublishGate.ofSize(0), new IngestMetrics(), config(0, 1));
    expect(status(() => guard.canActivate(context({ body: { tenantId: 'demo' } }, response())))).toEqual({ status: 503, retryAfterSeconds: 1 });
  });

  it("lets a tenant through within its rate and answers 429 with Retry-After once its tokens are spent, other tenants unaffected", () => {
    const guard = new IngestProtectionGuard(PublishGate.ofSize(10), new IngestMetrics(), config(1, 2));
    const demo = () => guard.canActivate(context({ body: { items: [{ tenantId: 'demo' }, { tenantId: 'demo' }] } }, response()));
    expect(status(demo)).toBe('let through');
    expect(status(demo)).toEqual({ status: 429, retryAfterSeconds: 2 });
    expect(status(() => guard.canActivate(context({ body: { tenantId: 'acme' } }, response())))).toBe('let through');
  });

  it('times each request into the histogram once its answer is sent, with the status actually sent', async () => {
    const metrics = new IngestMetrics(config(0, 1));
    const guard = new IngestProtectionGuard(PublishGate.ofSize(10), metrics, config(0, 1));
    const res = response();
    guard.canActivate(context({ body: { tenantId: 'demo' } }, res));
    expect(await metrics.render()).not.toContain('route="/v1/mentions",status=');
    // The problem filter answered after the handler threw: that status is the one recorded.
    res.statusCode = 400;
    res.emit('finish');
    expect(await metrics.render()).toMatch(/cxm_ingest_request_duration_seconds_count\{route="\/v1\/mentions",status="400"\} 1/);
  });
});
