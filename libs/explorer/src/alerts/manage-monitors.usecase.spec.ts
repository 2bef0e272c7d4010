import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { problemOf } from '../common/problem-of';
import { ManageSavedSearches } from '../saved-searches/manage-saved-searches.usecase';
import { alertId } from './alert-id';
import { ManageMonitors } from './manage-monitors.usecase';

describe('ManageMonitors', () => {
  let searches: ManageSavedSearches;
  let monitors: ManageMonitors;
  let privateSearch: string;

  beforeEach(async () => {
    const store = new EmbeddedDocumentStore();
    searches = new ManageSavedSearches(store);
    monitors = new ManageMonitors(store, searches);
    privateSearch = (await searches.create('demo', 'ana', { name: 'Şikayetler', query: 'şikayet lang:tr' })).search.id;
  });

  it('creates a monitor with defaults, named after its saved search, showing only the webhook origin', async () => {
    const { monitor, created } = await monitors.create('demo', 'ana', privateSearch, { rule: 'anomaly', webhookUrl: 'https://hooks.example.com/services/T0/B0/s3cr3t' });
    expect(created).toBe(true);
    expect(monitor).toMatchObject({ name: 'Şikayetler', rule: 'anomaly', metric: 'volume', sensitivity: 3, baselineWindows: 12, minCount: 5, windowSeconds: 300, cooldownSeconds: 3_600, rearmAfterSeconds: 300, webhookOrigin: 'https://hooks.example.com' });
    expect(JSON.stringify(monitor)).not.toContain('s3cr3t');
    expect(JSON.stringify(await monitors.get('demo', monitor.id))).not.toContain('s3cr3t');
  });

  it('refuses a monitor on a search the user may not read, and a share threshold above 1', async () => {
    expect(await problemOf(monitors.create('demo', 'bo', privateSearch, { rule: 'threshold', threshold: 5 }))).toMatchObject({ status: 404 });
    expect(await problemOf(monitors.create('acme', 'ana', privateSearch, { rule: 'threshold', threshold: 5 }))).toMatchObject({ status: 404 });
    expect(await problemOf(monitors.create('demo', 'ana', privateSearch, { rule: 'threshold', metric: 'negativeShare', threshold: 40 }))).toMatchObject({ status: 400, errors: [{ field: 'threshold' }] });
  });

  it('creates once per Idempotency-Key and lets only its creator delete it', async () => {
    const first = await monitors.create('demo', 'ana', privateSearch, { rule: 'threshold', threshold: 50 }, 'mk-1');
    const again = await monitors.create('demo', 'ana', privateSearch, { rule: 'threshold', threshold: 50 }, 'mk-1');
    expect(again).toEqual({ monitor: first.monitor, created: false });
    expect(await problemOf(monitors.create('demo', 'ana', privateSearch, { rule: 'threshold', threshold: 60 }, 'mk-1'))).toMatchObject({ status: 409 });
    expect(await problemOf(monitors.remove('demo', 'bo', first.monitor.id))).toMatchObject({ status: 403 });
    await monitors.remove('demo', 'ana', first.monitor.id);
    expect(await problemOf(monitors.get('demo', first.monitor.id))).toMatchObject({ status: 404 });
    expect((await monitors.list('demo', { limit: 10 })).items).toEqual([]);
  });

  it("lists a tenant's monitors page by page, by saved search too", async () => {
    const other = (await searches.create('demo', 'ana', { name: 'Panne', query: 'panne' })).search.id;
    for (let i = 0; i < 5; i++) await monitors.create('demo', 'ana', i < 3 ? privateSearch : other, { rule: 'threshold', threshold: i });
    const first = await monitors.list('demo', { limit: 3 });
    const second = await monitors.list('demo', { limit: 3, cursor: first.nextCursor! });
    expect(first.items).toHaveLength(3);
    expect(second).toMatchObject({ items: [expect.anything(), expect.anything()], nextCursor: null });
    expect((await monitors.list('demo', { limit: 10, savedSearchId: other })).items.map((m) => m.threshold)).toEqual(expect.arrayContaining([3, 4]));
    expect((await monitors.list('acme', { limit: 10 })).items).toEqual([]);
  });
});

describe('alertId', () => {
  it('is the same for the same monitor and window, and sorts by the window it fired in', () => {
    const at = Date.UTC(2026, 10, 20, 12, 5);
    expect(alertId('demo', 'm1', at)).toBe(alertId('demo', 'm1', at));
    expect(alertId('demo', 'm1', at)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(alertId('demo', 'm2', at)).not.toBe(alertId('demo', 'm1', at));
    expect(alertId('acme', 'm1', at)).not.toBe(alertId('demo', 'm1', at));
    expect(alertId('demo', 'm1', at + 300_000) > alertId('demo', 'm9', at)).toBe(true);
  });
});
