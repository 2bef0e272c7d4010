import { EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { loadPlatformConfig } from '@cxm/platform-config';
import { ElasticsearchMentionIndex } from '@cxm/platform-index';
import { silentLogger } from '@cxm/platform-logging';
import { MongoDocumentStore } from '@cxm/platform-store';
import { collectEvents, describeWithRealInfrastructure, uniqueNamespace, waitForQuietBus } from '@cxm/testing';
import { aMentionDocument } from '../common/mention-document.builder';
import { ManageSavedSearches } from '../saved-searches/manage-saved-searches.usecase';
import { EvaluateMonitors } from './evaluate-monitors.usecase';
import { ManageMonitors } from './manage-monitors.usecase';
import { WindowCounter } from './window-counter';

jest.setTimeout(90_000);

const T0 = Date.UTC(2026, 10, 20, 12, 0, 0);

/** Drops the test's indexes and template over plain HTTP (domain code does not use the Elasticsearch client). */
async function dropIndexes(url: string, namespace: string): Promise<void> {
  const aliases = (await (await fetch(`${url}/_alias/${namespace}mentions`)).json()) as Record<string, unknown>;
  for (const index of Object.keys(aliases)) if (index.startsWith(namespace)) await fetch(`${url}/${index}`, { method: 'DELETE' });
  await fetch(`${url}/_index_template/${namespace}mentions`, { method: 'DELETE' });
}

describeWithRealInfrastructure('EvaluateMonitors on Elasticsearch and MongoDB', ({ elasticsearchUrl, mongodbUrl }) => {
  const namespace = uniqueNamespace('alerts-').replace('.', '-');
  // A fresh tenant per run in one shared database: the store port cannot drop databases, and needs not.
  const tenantId = `t-${namespace.slice(7, 15)}`;
  const config = loadPlatformConfig({ CXM_TENANTS: tenantId });
  let index: ElasticsearchMentionIndex;
  let store: MongoDocumentStore;
  let bus: EmbeddedEventBus;
  let fired: EventEnvelope<PayloadOf['alerts.fired']>[];

  beforeAll(async () => {
    index = new ElasticsearchMentionIndex({ node: elasticsearchUrl, namespace, logger: silentLogger(), refreshInterval: '100ms' });
    store = await MongoDocumentStore.connect(`${mongodbUrl}/cxm_test_explorer_alerts`);
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 10 }, logger: silentLogger() });
    fired = collectEvents(bus, 'alerts.fired');
    await bus.start();
  });

  afterAll(async () => {
    await bus?.stop();
    await index?.close();
    await store?.close();
    await dropIndexes(elasticsearchUrl, namespace);
  });

  it('counts windows through the real index and fires once although two replicas evaluate at the same instant', async () => {
    const writes: Promise<void>[] = [];
    // Two hours of one mention per 30 s, then a minute of two per second, in several languages.
    for (let at = T0 - 2 * 3_600_000; at < T0; at += 30_000) writes.push(index.upsert(aMentionDocument({ tenantId, text: 'Батарея садится, battery', createdAt: new Date(at).toISOString() })));
    for (let at = T0; at < T0 + 60_000; at += 500) writes.push(index.upsert(aMentionDocument({ tenantId, text: 'แบตเตอรี่ battery หมดแล้ว 😡', createdAt: new Date(at).toISOString() })));
    writes.push(index.upsert(aMentionDocument({ tenantId: `${tenantId}-other`, text: 'battery', createdAt: new Date(T0).toISOString() })));
    await Promise.all(writes);
    await index.flush();

    const searches = new ManageSavedSearches(store);
    const monitors = new ManageMonitors(store, searches);
    const { search } = await searches.create(tenantId, 'ana', { name: 'battery', query: 'battery OR батарея', visibility: 'tenant' });
    const anomaly = (await monitors.create(tenantId, 'ana', search.id, { rule: 'anomaly' })).monitor.id;
    const threshold = (await monitors.create(tenantId, 'ana', search.id, { rule: 'threshold', threshold: 100 })).monitor.id;
    const replica = () => new EvaluateMonitors(store, bus, config, () => new Date(), silentLogger(), new WindowCounter(index));
    const [a, b] = [replica(), replica()];

    const before = await Promise.all([a.tick(new Date(T0 - 1)), b.tick(new Date(T0 - 1))]);
    expect(before.flatMap((m) => [...m.values()])).toEqual(['quiet', 'quiet', 'quiet', 'quiet']);

    const during = await Promise.all([a.tick(new Date(T0 + 45_000)), b.tick(new Date(T0 + 45_000))]);
    const outcomes = (id: string) => during.map((m) => m.get(id)).sort();
    expect(outcomes(anomaly)).toEqual(['fired', 'lost-race']);
    // Window [T0−255 s, T0+45 s]: 8 baseline mentions and 91 of the spike — not above 100 yet.
    expect(outcomes(threshold)).toEqual(['quiet', 'quiet']);

    await waitForQuietBus(bus);
    expect(fired.map((e) => e.payload.alert.monitorId)).toEqual([anomaly]);
    expect(fired[0].payload.alert).toMatchObject({ count: 99, baseline: { windows: 12, mean: 10, stddev: 0 } });
    const listed = await monitors.alertsOf(tenantId, { limit: 10 });
    expect(listed.items.map((x) => x.id)).toEqual([fired[0].payload.alert.id]);
  });
});
