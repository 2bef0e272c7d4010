import { aCanonicalMention, waitFor } from '@cxm/testing';
import { parse } from 'csv-parse/sync';
import { ApiClient } from './api-client';
import { E2E_ACME_TOKEN, E2E_ADMIN_TOKEN, Target } from './all-in-one-target';
import { WebhookReceiver } from './webhook-receiver';

interface SavedSearch {
  id: string;
  ownerId: string;
  name: string;
  visibility: string;
}

interface AlertItem {
  id: string;
  monitorId: string;
  count: number;
  webhook: { status: string; attempts: number };
}

const TEXTS = ['Батарея Aurora X5 умерла', 'แบตเตอรี่ Aurora X5 หมดเร็ว', 'Aurora X5 pili bitti 😡', 'La batterie de l’Aurora X5 est morte', 'بطارية Aurora X5 سيئة', 'Aurora X5 のバッテリーが最悪', 'Aurora X5 की बैटरी खराब है'];

/**
 * Saved searches, export and alerts over the public HTTP API, for every way of deploying the
 * system: `startTarget` gets the outbound URL and the extra environment the scenarios need.
 */
export function describeSavedSearchesAndAlerts(deployment: string, startTarget: (outboundUrl: string, env: Record<string, string>) => Promise<Target>, patienceMs: number): void {
  describe(`saved searches, export and alerts over the HTTP API (${deployment})`, () => {
    let outbound: WebhookReceiver;
    let alertHooks: WebhookReceiver;
    let target: Target;
    let ana: ApiClient;
    let bo: ApiClient;

    beforeAll(async () => {
      outbound = new WebhookReceiver();
      alertHooks = new WebhookReceiver();
      const alertUrl = await alertHooks.start();
      target = await startTarget(await outbound.start(), { CXM_ALERT_EVALUATE_INTERVAL_MS: '200', CXM_ALERT_WEBHOOKS: `demo=${alertUrl}/alerts`, CXM_EXPORT_PAGE_SIZE: '10' });
      ana = target.api.withHeaders({ 'x-user-id': 'ana@example.com' });
      bo = target.api.withHeaders({ 'x-user-id': 'bo' });
    });

    afterAll(async () => {
      await target?.stop();
      await outbound?.stop();
      await alertHooks?.stop();
    });

    const exportOf = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${target.api.baseUrl}${path}`, { headers: { authorization: `Bearer ${E2E_ADMIN_TOKEN}`, 'x-tenant-id': 'demo', ...headers } });

    it('saves, shares, changes and deletes a search with owner rules, and refuses a bad query with its position', async () => {
      expect((await target.api.post('/v1/saved-searches', { name: 'x', query: 'x' })).status).toBe(400);
      const broken = await ana.post('/v1/saved-searches', { name: 'broken', query: 'battery AND (' });
      expect(broken.status).toBe(400);
      expect(broken.body).toMatchObject({ type: '/problems/query-syntax-error', position: expect.any(Number), errors: [{ field: 'query' }] });

      const created = await ana.post<SavedSearch>('/v1/saved-searches', { name: 'Батарея', query: 'батарея lang:ru' }, { 'idempotency-key': 'k-1' });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ ownerId: 'ana@example.com', visibility: 'private' });
      const repeat = await ana.post<SavedSearch>('/v1/saved-searches', { name: 'Батарея', query: 'батарея lang:ru' }, { 'idempotency-key': 'k-1' });
      expect(repeat).toMatchObject({ status: 200, body: { id: created.body.id } });

      const id = created.body.id;
      expect((await bo.get(`/v1/saved-searches/${id}`)).status).toBe(404);
      expect((await ana.request('PUT', `/v1/saved-searches/${id}`, { name: 'Батарея', query: 'батарея', sharedWith: ['bo'] })).status).toBe(200);
      expect((await bo.get<SavedSearch>(`/v1/saved-searches/${id}`)).body.name).toBe('Батарея');
      expect((await bo.request('PUT', `/v1/saved-searches/${id}`, { name: 'mine', query: 'x' })).status).toBe(403);
      expect((await bo.request('DELETE', `/v1/saved-searches/${id}`)).status).toBe(403);
      // Another tenant's token cannot reach it, whoever the user is.
      expect((await ana.withToken(E2E_ACME_TOKEN).withHeaders({ 'x-tenant-id': 'acme' }).get(`/v1/saved-searches/${id}`)).status).toBe(404);

      const listed = await bo.get<{ items: SavedSearch[]; nextCursor: string | null }>('/v1/saved-searches?limit=50');
      expect(listed.body.items.map((s) => s.id)).toContain(id);
      expect((await ana.request('DELETE', `/v1/saved-searches/${id}`)).status).toBe(204);
      expect((await ana.get(`/v1/saved-searches/${id}`)).status).toBe(404);
    });

    it('fires an alert on a spike: listed at /v1/alerts and delivered to the tenant webhook', async () => {
      const search = await ana.post<SavedSearch>('/v1/saved-searches', { name: 'Aurora X5 outage', query: '"Aurora X5"', visibility: 'tenant' });
      const monitor = await ana.post<{ id: string }>(`/v1/saved-searches/${search.body.id}/monitors`, { rule: 'threshold', threshold: 20, windowSeconds: 60, cooldownSeconds: 600 });
      expect(monitor.status).toBe(201);

      const spikeAt = Date.now();
      for (let i = 0; i < 25; i++) {
        const { status } = await target.api.post('/v1/mentions', aCanonicalMention({ text: `${TEXTS[i % TEXTS.length]} #${i}`, createdAt: new Date().toISOString() }));
        expect(status).toBe(202);
      }

      const alert = await waitFor(async () => {
        const { body } = await ana.get<{ items: AlertItem[] }>(`/v1/alerts?monitorId=${monitor.body.id}`);
        return body.items[0]?.webhook.status === 'delivered' ? body.items[0] : undefined;
      }, patienceMs, 'the alert to fire and be delivered');
      expect(Date.now() - spikeAt).toBeLessThan(60_000);
      expect(alert.count).toBeGreaterThan(20);
      const calls = alertHooks.received.filter((r) => r.idempotencyKey === alert.id);
      expect(calls).toHaveLength(1);
      expect(calls[0].path).toBe('/alerts');
      // Another tenant sees none of it.
      const acme = await target.api.withToken(E2E_ACME_TOKEN).get<{ items: AlertItem[] }>('/v1/alerts', { 'x-tenant-id': 'acme' });
      expect(acme.body.items).toEqual([]);
      const state = await ana.get<{ state: { phase: string; lastAlertId: string } }>(`/v1/monitors/${monitor.body.id}`);
      expect(state.body.state).toMatchObject({ phase: 'firing', lastAlertId: alert.id });
    });

    it('exports a result larger than one page as NDJSON and CSV, and refuses a bad query before streaming', async () => {
      const all = await waitFor(async () => {
        const response = await exportOf('/v1/search/export?q=%22Aurora%20X5%22&format=ndjson');
        const lines = (await response.text()).trimEnd().split('\n');
        return response.status === 200 && lines.length >= 25 ? { response, lines } : undefined;
      }, patienceMs, 'every spike mention to be searchable');
      expect(all.response.headers.get('content-type')).toContain('application/x-ndjson');
      expect(new Set(all.lines.map((l) => JSON.parse(l).id)).size).toBe(all.lines.length);

      const csv = await exportOf('/v1/search/export?q=%22Aurora%20X5%22&format=csv&limit=23');
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.headers.get('x-total-count')).toBe('23');
      const rows: string[][] = parse(await csv.text(), { bom: true });
      expect(rows[0].slice(0, 3)).toEqual(['id', 'createdAt', 'channel']);
      expect(rows).toHaveLength(24);

      const bad = await exportOf('/v1/search/export?q=battery%20AND%20(');
      expect(bad.status).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');

      const saved = await ana.post<SavedSearch>('/v1/saved-searches', { name: 'Aurora private', query: '"Aurora X5"' });
      expect((await exportOf(`/v1/saved-searches/${saved.body.id}/export?format=ndjson`, { 'x-user-id': 'bo' })).status).toBe(404);
      const mine = await exportOf(`/v1/saved-searches/${saved.body.id}/export?format=ndjson`, { 'x-user-id': 'ana@example.com' });
      expect((await mine.text()).trimEnd().split('\n').length).toBeGreaterThanOrEqual(25);
    });

    it('answers bad monitor, saved-search and export input with a 400 naming the field', async () => {
      const search = await ana.post<SavedSearch>('/v1/saved-searches', { name: 'Plainte', query: 'plainte' });
      const fields = (body: unknown) => ((body as { errors?: { field: string }[] }).errors ?? []).map((e) => e.field);
      const noThreshold = await ana.post(`/v1/saved-searches/${search.body.id}/monitors`, { rule: 'threshold', windowSeconds: 5, webhookUrl: 'ftp://files.example.com/x' });
      expect(noThreshold.status).toBe(400);
      expect(fields(noThreshold.body)).toEqual(expect.arrayContaining(['threshold', 'windowSeconds', 'webhookUrl']));
      expect(fields((await ana.post(`/v1/saved-searches/${search.body.id}/monitors`, { rule: 'sometimes' })).body)).toContain('rule');
      expect((await target.api.post(`/v1/saved-searches/${search.body.id}/monitors`, { rule: 'anomaly' })).status).toBe(400);
      const badUser = await target.api.withHeaders({ 'x-user-id': 'ana smith <ana>' }).post('/v1/saved-searches', { name: 'x', query: 'x' });
      expect(badUser.status).toBe(400);
      expect(fields(badUser.body)).toEqual(['X-User-Id']);
      expect(fields((await ana.post('/v1/saved-searches', { name: 'x', query: 'x', visibility: 'public' })).body)).toEqual(['visibility']);
      const badFormat = await exportOf('/v1/search/export?format=xlsx');
      expect(badFormat.status).toBe(400);
      expect((await exportOf('/v1/search/export?limit=0')).status).toBe(400);
      expect((await ana.get('/v1/alerts?cursor=%%%')).status).toBe(400);
    });

    it('describes the new routes in the OpenAPI document', async () => {
      const { body } = await target.api.get<{ paths: Record<string, unknown> }>('/docs-json');
      for (const path of ['/v1/saved-searches', '/v1/saved-searches/{id}', '/v1/saved-searches/{id}/export', '/v1/saved-searches/{id}/monitors', '/v1/search/export', '/v1/monitors', '/v1/monitors/{id}', '/v1/alerts', '/v1/alerts/{id}']) {
        expect(Object.keys(body.paths)).toContain(path);
      }
    });
  });
}
