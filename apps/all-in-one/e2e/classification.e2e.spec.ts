import { aCanonicalMention, waitFor } from '@cxm/testing';
import { ApiClient } from './support/api-client';
import { startAllInOneTarget, Target } from './support/all-in-one-target';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

interface Story {
  stage: string;
  classification: { intent: { label: string }; topics: string[]; modelVersion: string; priority: { score: number; reasons: { factor: string }[] } };
  replies: { id: string }[];
}

describe('classification: topics, learning from labels, reprocessing', () => {
  let receiver: WebhookReceiver;
  let target: Target;
  let api: ApiClient;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    target = await startAllInOneTarget(await receiver.start(), { CXM_REPROCESS_RATE: '1000' });
    api = target.api;
  });

  afterAll(async () => {
    await target?.stop();
    await receiver?.stop();
  });

  const post = async (overrides: Parameters<typeof aCanonicalMention>[0]) => (await api.post<{ id: string }>('/v1/mentions', aCanonicalMention(overrides))).body.id;
  const routedStory = (id: string, until: (s: Story) => boolean = () => true) =>
    waitFor(async () => {
      const { status, body } = await api.get<Story>(`/v1/mentions/${id}`);
      return status === 200 && body.stage === 'routed' && until(body) ? body : undefined;
    }, 20_000, `mention ${id}`);

  it("tags mentions with the tenant's taxonomy topics, searchable with topic:", async () => {
    const put = await api.request('PUT', '/v1/topics/battery', { query: '(battery OR charger) AND NOT "battery park"' });
    expect(put.status).toBe(200);
    const charger = await post({ text: 'My charger stopped working after two days 😡' });
    const park = await post({ text: 'Lovely walk in Battery Park today' });
    expect((await routedStory(charger)).classification.topics).toEqual(['battery']);
    expect((await routedStory(park)).classification.topics).toEqual([]);
    const found = await api.get<{ items: { id: string }[] }>('/v1/search?q=topic:battery');
    expect(found.body.items.map((i) => i.id)).toEqual([charger]);
    const topics = await api.get<{ items: { id: string; query: string }[] }>('/v1/topics');
    expect(topics.body.items.map((t) => t.id)).toEqual(['battery']);
  });

  it('refuses a topic whose query does not parse, saying where', async () => {
    const { status, body } = await api.request<{ position: number; type: string }>('PUT', '/v1/topics/broken', { query: 'battery AND (charger' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ type: '/problems/query-syntax-error', position: 20 });
  });

  it('explains the priority it gives a mention', async () => {
    const id = await post({ text: 'The battery of my Aurora X5 exploded and burned my hand, I am calling my lawyer', author: { id: 'vip-1', handle: '@loud', displayName: 'Loud', followers: 500_000 } });
    const story = await routedStory(id);
    expect(story.classification.priority.score).toBeGreaterThan(50);
    expect(story.classification.priority.reasons.map((r) => r.factor)).toEqual(expect.arrayContaining(['reach']));
  });

  it("learns the tenant's own intents from agents' corrections, promoted only when it beats the rules", async () => {
    const cities = ['Berlin', 'Lyon', 'Porto', 'Izmir', 'Osaka', 'Kyiv', 'Quito', 'Perth', 'Cork', 'Turin', 'Graz', 'Malmo', 'Ghent', 'Brno', 'Split', 'Riga', 'Bergen', 'Leeds', 'Basel', 'Nantes', 'Bilbao', 'Krakow', 'Tartu', 'Aarhus', 'Genoa'];
    // The tenant's own jargon, which no rule knows: "zorp" requests are leads, "flib" notes are praise.
    const stock = await Promise.all(cities.map((city) => post({ text: `zorp glimmer quota ${city}` })));
    const chatter = await Promise.all(cities.map((city) => post({ text: `flib wobble sparkle ${city}` })));
    await Promise.all([...stock, ...chatter].map((id) => routedStory(id)));

    const missing = await api.post('/v1/mentions/8640968c-1f1e-5c43-b8ea-0f5cd43d6520/labels', { intent: 'praise' });
    expect(missing.status).toBe(404);
    const empty = await api.post('/v1/mentions/' + stock[0] + '/labels', {});
    expect(empty.status).toBe(400);

    for (const id of stock) expect((await api.post(`/v1/mentions/${id}/labels`, { intent: 'lead' })).status).toBe(201);
    for (const id of chatter) await api.post(`/v1/mentions/${id}/labels`, { intent: 'praise' });
    const outcome = await api.post<{ kind: string; accuracy: number; replacedAccuracy: number; version: number }>('/v1/classifier/intent-model/retrain', {});
    expect(outcome.body.kind).toBe('promoted');
    expect(outcome.body.accuracy).toBeGreaterThan(outcome.body.replacedAccuracy);

    const again = await api.post<{ kind: string }>('/v1/classifier/intent-model/retrain', {});
    expect(again.body.kind).toBe('kept');

    const fresh = await post({ text: 'flib wobble sparkle Vienna' });
    const story = await routedStory(fresh);
    expect(story.classification.intent.label).toBe('praise');
    expect(story.classification.modelVersion).toMatch(/\+tenant-intent-v1$/);
    const model = await api.get<{ version: number; examples: number }>('/v1/classifier/intent-model');
    expect(model.body.version).toBe(1);
  });

  it('reprocesses past mentions with the current taxonomy, without answering anyone twice', async () => {
    const id = await post({ text: 'The screen of my phone is broken again, I want a refund!' });
    const before = await routedStory(id, (s) => s.replies.length === 1);
    expect(before.classification.topics).not.toContain('screens');
    await waitFor(() => (receiver.received.some((r) => r.idempotencyKey === before.replies[0].id) ? true : undefined));
    const deliveriesBefore = receiver.received.length;

    await api.request('PUT', '/v1/topics/screens', { query: 'screen OR display' });
    const job = await api.post<{ id: string; status: string }>('/v1/reprocess', { query: 'screen', fromTime: '2000-01-01T00:00:00Z' });
    expect(job.status).toBe(202);
    const done = await waitFor(async () => {
      const { body } = await api.get<{ status: string; matched: number; reclassified: number }>(`/v1/reprocess/${job.body.id}`);
      return body.status === 'done' ? body : undefined;
    }, 30_000, 'the reprocessing job to finish');
    expect(done.matched).toBeGreaterThanOrEqual(1);
    expect(done.reclassified).toBe(done.matched);

    const after = await routedStory(id, (s) => s.classification.topics.includes('screens'));
    expect(after.replies).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received.length).toBe(deliveriesBefore);
    const searched = await api.get<{ items: { id: string }[] }>('/v1/search?q=topic:screens');
    expect(searched.body.items.map((i) => i.id)).toContain(id);
  });
});
