import { aCanonicalMention, waitFor } from '@cxm/testing';
import { ApiClient } from './support/api-client';
import { E2E_ACME_TOKEN, startAllInOneTarget, Target } from './support/all-in-one-target';
import { WebhookReceiver } from './support/webhook-receiver';

jest.setTimeout(60_000);

interface Page {
  items: { id: string; text: string }[];
  total: number;
}

interface Job {
  id: string;
  status: string;
  indexed: number;
  skipped: number;
  target?: string;
}

describe('erasure and reindex over HTTP (all-in-one)', () => {
  let receiver: WebhookReceiver;
  let target: Target;
  let admin: ApiClient;
  let acme: ApiClient;

  beforeAll(async () => {
    receiver = new WebhookReceiver();
    target = await startAllInOneTarget(await receiver.start());
    admin = target.api;
    acme = new ApiClient(target.api.baseUrl, E2E_ACME_TOKEN);
  });

  afterAll(async () => {
    await target?.stop();
    await receiver?.stop();
  });

  const search = (api: ApiClient, q: string) => api.get<Page>(`/v1/search?q=${encodeURIComponent(q)}`).then((r) => r.body);
  const post = async (api: ApiClient, text: string, tenantId: string) => {
    const accepted = await api.post<{ id: string }>('/v1/mentions', aCanonicalMention({ tenantId, text }));
    expect(accepted.status).toBe(202);
    return accepted.body.id;
  };
  const searchable = (api: ApiClient, q: string, count: number) =>
    waitFor(async () => {
      const page = await search(api, q);
      return page.total === count ? page : undefined;
    }, 15_000, `${count} hits for ${q}`);

  it("erases a tenant's mention from search and its story, refuses another tenant, and no reindex brings it back", async () => {
    const erased = await post(acme, 'Удалите мой номер +7 999 123 45 67 пожалуйста #privacy', 'acme');
    const kept = await post(acme, 'Ekranım kırıldı, yardım edin #privacy', 'acme');
    const demo = await post(admin, 'โทรศัพท์ของฉันพัง #privacy', 'demo');
    await searchable(acme, '#privacy', 2);
    await searchable(admin, '#privacy', 1);

    // Another tenant's token cannot erase it, and bad ids are problems, not 500s.
    expect((await acme.request('DELETE', `/v1/mentions/${demo}`)).status).toBe(404);
    expect((await acme.request('DELETE', '/v1/mentions/not-a-uuid')).status).toBe(400);

    const receipt = await acme.request<{ id: string; status: string }>('DELETE', `/v1/mentions/${erased}`);
    expect(receipt.status).toBe(202);
    expect(receipt.body).toMatchObject({ id: erased, status: 'erasing' });
    const after = await searchable(acme, '#privacy', 1);
    expect(after.items.map((i) => i.id)).toEqual([kept]);
    await waitFor(async () => ((await acme.get(`/v1/mentions/${erased}`)).status === 404 ? true : undefined), 10_000, 'the story to be erased');
    expect((await acme.request<{ status: string }>('DELETE', `/v1/mentions/${erased}`)).body.status).toBe('erased');

    // Reindex: admin only; rebuilds every tenant from the stories, skipping the tombstone.
    expect((await acme.post('/v1/admin/reindex', {})).status).toBe(403);
    const started = await admin.post<Job>('/v1/admin/reindex', {});
    expect(started.status).toBe(202);
    expect(started.body.status).toBe('running');
    const job = await waitFor(async () => {
      const { body } = await admin.get<Job>(`/v1/admin/reindex/${started.body.id}`);
      return body.status === 'running' ? undefined : body;
    }, 20_000, 'the reindex to finish');
    expect(job).toMatchObject({ status: 'done', indexed: 2, skipped: 1 });
    expect((await acme.get(`/v1/admin/reindex/${started.body.id}`)).status).toBe(403);
    expect((await search(acme, '#privacy')).items.map((i) => i.id)).toEqual([kept]);
    expect((await search(admin, '#privacy')).items.map((i) => i.id)).toEqual([demo]);
    expect((await acme.get(`/v1/mentions/${erased}`)).status).toBe(404);
  });
});
