import { aCanonicalMention, waitFor } from '@cxm/testing';
import { ApiClient } from './support/api-client';
import { E2E_ACME_TOKEN, startAllInOneTarget, Target } from './support/all-in-one-target';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

interface Story {
  stage: string;
  mention: { text: string };
  profileId?: string;
  case?: { id: string };
  classification?: { intent: { label: string } };
  replies: { id: string; delivery: { status: string } }[];
}

describe('ingest over HTTP: edits, batches, protections and metrics', () => {
  let receiver: WebhookReceiver;
  let target: Target;
  let api: ApiClient;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    // A small bucket for the acme tenant's traffic in the rate-limit test; demo's tests stay under it.
    target = await startAllInOneTarget(await receiver.start(), { CXM_INGEST_RATE_LIMIT: '2', CXM_INGEST_RATE_BURST: '20' });
    api = target.api;
  });

  afterAll(async () => {
    await target?.stop();
    await receiver?.stop();
  });

  it('updates an edited mention everywhere, without a second mention, case, count or acknowledgement', async () => {
    const original = aCanonicalMention({
      externalId: 'edit-e2e-1',
      author: { id: 'edit-author', handle: '@kenji', displayName: 'Kenji' },
      text: 'My Aurora X5 battery died again, I want a refund',
    });
    const first = await api.post<{ id: string }>('/v1/mentions', original);
    expect(first.status).toBe(202);
    const id = first.body.id;
    await waitFor(async () => {
      const story = await api.get<Story>(`/v1/mentions/${id}`);
      return story.body.replies?.[0]?.delivery.status === 'delivered' ? true : undefined;
    }, 20_000, 'the acknowledgement of the original');

    const edit = await api.post('/v1/mentions', { ...original, text: 'My Aurora X5 battery died again — zerstört, ich will mein Geld zurück', editedAt: '2026-11-20T10:10:00Z' });
    expect(edit).toMatchObject({ status: 202, body: { id, edited: true } });
    const redelivered = await api.post('/v1/mentions', { ...original, text: 'My Aurora X5 battery died again — zerstört, ich will mein Geld zurück', editedAt: '2026-11-20T10:10:00Z' });
    expect(redelivered).toMatchObject({ status: 200, body: { id, duplicate: true } });

    const found = await waitFor(async () => {
      const search = await api.get<{ items: { id: string }[] }>('/v1/search?q=zerstört');
      return search.body.items.length ? search.body.items : undefined;
    }, 20_000, 'the edit to be searchable');
    expect(found.map((i) => i.id)).toEqual([id]);
    const story = await waitFor(async () => {
      const s = (await api.get<Story>(`/v1/mentions/${id}`)).body;
      return s.stage === 'routed' && s.mention.text.includes('zerstört') ? s : undefined;
    }, 20_000, 'the story to show the edit');
    // The original's words are gone from the index: the edit replaced the document, it did not add one.
    expect((await api.get<{ total: number }>('/v1/search?q=refund')).body.total).toBe(0);
    const profile = await api.get<{ mentionCount: number; timeline: { text: string }[] }>(`/v1/profiles/${story.profileId}`);
    expect(profile.body.mentionCount).toBe(1);
    expect(profile.body.timeline.map((e) => e.text)).toEqual([expect.stringContaining('zerstört')]);
    const supportCase = await api.get<{ mentionIds: string[] }>(`/v1/cases/${story.case!.id}`);
    expect(supportCase.body.mentionIds).toEqual([id]);
    // Give a wrongly re-triggered acknowledgement time to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(receiver.received.filter((r) => r.body.inReplyTo === 'edit-e2e-1')).toHaveLength(1);
  });

  it('answers each item of a batch on its own, storing the valid ones', async () => {
    const good = aCanonicalMention({ externalId: 'batch-1', text: 'Отличный сервис, спасибо!' });
    const response = await api.post<{ items: { index: number; status: number; errors?: { field: string }[] }[]; accepted: number; rejected: number; duplicates: number }>(
      '/v1/mentions/batch',
      { items: [good, { ...good, externalId: 'batch-2', author: { id: '', handle: '@x', displayName: 'X' } }, good] },
    );
    expect(response.status).toBe(200);
    expect(response.body.items.map((i) => i.status)).toEqual([202, 400, 200]);
    expect(response.body.items[1].errors?.map((e) => e.field)).toEqual(['author.id']);
    expect(response.body).toMatchObject({ accepted: 1, rejected: 1, duplicates: 1 });
  });

  it("answers 429 with Retry-After once a tenant's bucket is empty, without slowing another tenant", async () => {
    const acme = api.withToken(E2E_ACME_TOKEN);
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof api.post>> | undefined;
    for (let i = 0; i < 60 && !limited; i++) {
      const response = await acme.post('/v1/mentions', aCanonicalMention({ tenantId: 'acme', externalId: `rl-${i}` }));
      statuses.push(response.status);
      if (response.status === 429) limited = response;
    }
    expect(limited).toBeDefined();
    expect(limited!.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(limited!.headers.get('content-type')).toContain('application/problem+json');
    expect(limited!.body).toMatchObject({ type: '/problems/rate-limited', status: 429 });
    expect(statuses.slice(0, -1).every((s) => s === 202)).toBe(true);
    expect((await api.post('/v1/mentions', aCanonicalMention({ externalId: 'rl-other-tenant' }))).status).toBe(202);
  });

  it('serves Prometheus metrics to the admin only, counting outcomes and every kind of rejection', async () => {
    await api.post('/v1/mentions', { tenantId: 'demo', channel: 'x' });
    await api.post('/v1/mentions', aCanonicalMention({ text: 'b'.repeat(300_000) }));

    expect((await api.withToken(undefined).get('/metrics')).status).toBe(401);
    expect((await api.withToken(E2E_ACME_TOKEN).get('/metrics')).status).toBe(403);
    const response = await fetch(`${api.baseUrl}/metrics`, { headers: { authorization: 'Bearer e2e-admin-token-0123456789' } });
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/cxm_ingest_mentions_total\{tenant="demo",channel="x",outcome="edited"\} 1\b/);
    expect(text).toMatch(/cxm_ingest_mentions_total\{tenant="demo",channel="x",outcome="duplicate"\} [1-9]/);
    expect(text).toMatch(/cxm_ingest_rejections_total\{tenant="demo",channel="x",status="400"\} [1-9]/);
    expect(text).toMatch(/cxm_ingest_rejections_total\{tenant="unknown",channel="unknown",status="413"\} 1\b/);
    expect(text).toMatch(/cxm_ingest_rejections_total\{tenant="acme",channel="x",status="429"\} 1\b/);
    expect(text).toMatch(/cxm_ingest_request_duration_seconds_bucket\{le="0.05",route="\/v1\/mentions",status="202"\} [1-9]/);
  });
});
