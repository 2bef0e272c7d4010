import { aCanonicalMention } from '@cxm/testing';
import { ApiClient } from './support/api-client';
import { E2E_ACME_TOKEN, startAllInOneTarget, Target } from './support/all-in-one-target';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(30_000);

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
  position?: number;
}

describe('bad input gets a clear answer and is never accepted', () => {
  let receiver: WebhookReceiver;
  let target: Target;
  let api: ApiClient;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    target = await startAllInOneTarget(await receiver.start());
    api = target.api;
  });

  afterAll(async () => {
    await target?.stop();
    await receiver?.stop();
  });

  const fieldsOf = (problem: Problem) => (problem.errors ?? []).map((e) => e.field);

  it('names every missing field in an RFC 9457 problem', async () => {
    const { status, body, headers } = await api.post<Problem>('/v1/mentions', { tenantId: 'demo', channel: 'x' });
    expect(status).toBe(400);
    expect(headers.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({ type: '/problems/validation-error', title: 'Validation failed', status: 400 });
    expect(fieldsOf(body)).toEqual(expect.arrayContaining(['externalId', 'author', 'text', 'createdAt']));
  });

  it('names fields of the wrong type or value, nested ones by their path', async () => {
    const mention = { ...aCanonicalMention(), channel: 'fax', createdAt: 'yesterday', author: { id: 7, handle: '@x', displayName: 'X' }, url: 'not a url' };
    const { status, body } = await api.post<Problem>('/v1/mentions', mention);
    expect(status).toBe(400);
    expect(fieldsOf(body)).toEqual(expect.arrayContaining(['channel', 'createdAt', 'author.id', 'url']));
    expect(body.errors!.find((e) => e.field === 'channel')!.message).toContain('one of the following values');
  });

  it('refuses unknown fields rather than silently dropping them', async () => {
    const { status, body } = await api.post<Problem>('/v1/mentions', { ...aCanonicalMention(), sentiment: 'positive' });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'sentiment', message: 'property sentiment should not exist' }]);
  });

  it('refuses text over the limit, and a body over the size limit with 413', async () => {
    const long = await api.post<Problem>('/v1/mentions', aCanonicalMention({ text: 'a'.repeat(20_001) }));
    expect(long.status).toBe(400);
    expect(fieldsOf(long.body)).toEqual(['text']);
    const huge = await api.post<Problem>('/v1/mentions', aCanonicalMention({ text: 'b'.repeat(300_000) }));
    expect(huge.status).toBe(413);
    expect(huge.body.type).toBe('/problems/payload-too-large');
  });

  it('answers malformed JSON with 400', async () => {
    const { status, body } = await api.post<Problem>('/v1/mentions', '{"tenantId": "demo",');
    expect(status).toBe(400);
    expect(body.type).toBe('/problems/malformed-json');
  });

  it('refuses an unknown tenant', async () => {
    const { status, body } = await api.post<Problem>('/v1/mentions', aCanonicalMention({ tenantId: 'nobody' }));
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ field: 'tenantId', message: 'unknown tenant "nobody"' }]);
  });

  it('requires a valid bearer token on every /v1 route, but not on health probes', async () => {
    const anonymous = api.withToken(undefined);
    for (const [method, path] of [
      ['POST', '/v1/mentions'],
      ['GET', '/v1/search?q=x'],
      ['GET', '/v1/mentions/8640968c-1f1e-5c43-b8ea-0f5cd43d6520'],
      ['GET', '/v1/cases/8640968c-1f1e-5c43-b8ea-0f5cd43d6520'],
      ['POST', '/v1/cases/8640968c-1f1e-5c43-b8ea-0f5cd43d6520/replies'],
      ['GET', '/v1/profiles/8640968c-1f1e-5c43-b8ea-0f5cd43d6520'],
    ]) {
      const { status, body } = await anonymous.request<Problem>(method, path, method === 'POST' ? aCanonicalMention() : undefined);
      expect([path, status]).toEqual([path, 401]);
      expect(body.title).toBe('Unauthorized');
    }
    expect((await api.withToken('wrong-token-wrong-token').get('/v1/search?q=x')).status).toBe(401);
    expect((await anonymous.get('/healthz')).status).toBe(200);
    const ready = await anonymous.get<{ checks: Record<string, boolean> }>('/readyz');
    expect(ready.status).toBe(200);
    // The routes above that the lifecycle services answer were handed to their thread (ADR 0028), which refused them itself.
    // (Where there are two cores, the front-door replicas are checked beside it: ADR 0032's default.)
    expect(ready.body.checks).toMatchObject({ 'lifecycle-thread': true });
  });

  it("keeps tenants apart: a tenant's token cannot read or write another tenant's data", async () => {
    const acme = api.withToken(E2E_ACME_TOKEN).withHeaders({ 'x-tenant-id': 'acme' });
    const demoMention = await api.post<{ id: string }>('/v1/mentions', aCanonicalMention({ text: 'demo tenant only' }));
    expect(demoMention.status).toBe(202);
    expect((await acme.post<Problem>('/v1/mentions', aCanonicalMention({ tenantId: 'demo' }))).status).toBe(403);
    expect((await acme.get(`/v1/mentions/${demoMention.body.id}`)).status).toBe(404);
    expect((await acme.get('/v1/search?q=tenant', { 'x-tenant-id': 'demo' })).status).toBe(403);
    const acmeSearch = await acme.get<{ total: number }>('/v1/search?q=tenant');
    expect(acmeSearch.body.total).toBe(0);
  });

  it('answers a query syntax error with its position and what was expected', async () => {
    const { status, body } = await api.get<Problem>(`/v1/search?q=${encodeURIComponent('battery AND (charger')}`);
    expect(status).toBe(400);
    expect(body.type).toBe('/problems/query-syntax-error');
    expect(body.position).toBe(20);
    expect(body.detail).toMatch(/position 20/);
    const unknownField = await api.get<Problem>(`/v1/search?q=${encodeURIComponent('mood:happy')}`);
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.position).toBe(0);
  });

  it('refuses a malformed id, a bad limit and a forged cursor', async () => {
    expect((await api.get<Problem>('/v1/mentions/not-a-uuid')).status).toBe(400);
    const limit = await api.get<Problem>('/v1/search?q=&limit=5000');
    expect(limit.status).toBe(400);
    expect(fieldsOf(limit.body)).toEqual(['limit']);
    const cursor = await api.get<Problem>('/v1/search?cursor=forged');
    expect(cursor.status).toBe(400);
    expect(fieldsOf(cursor.body)).toEqual(['cursor']);
  });

  it('answers a reply to an unknown case with 404 and an empty reply with 400', async () => {
    const unknown = await api.post<Problem>('/v1/cases/8640968c-1f1e-5c43-b8ea-0f5cd43d6520/replies', { text: 'hello' });
    expect(unknown.status).toBe(404);
    const empty = await api.post<Problem>('/v1/cases/8640968c-1f1e-5c43-b8ea-0f5cd43d6520/replies', { text: '' });
    expect(empty.status).toBe(400);
    expect(fieldsOf(empty.body)).toEqual(['text']);
  });
});
