import { loadPlatformConfig } from '@cxm/platform-config';
import { IngestMetrics } from './ingest-metrics';

describe('IngestMetrics', () => {
  const metrics = () => new IngestMetrics(loadPlatformConfig({ HOME: '/tmp', CXM_TENANTS: 'demo,acme' }));

  it('labels counts with configured tenants and known channels only, so a client cannot grow the series', async () => {
    const m = metrics();
    m.countMention('acme', 'whatsapp', 'accepted');
    m.countMention('attacker-made-up-tenant-1', 'карлик', 'accepted');
    m.countRejection({ not: 'a string' }, undefined, 400);
    const text = await m.render();
    expect(text).toContain('cxm_ingest_mentions_total{tenant="acme",channel="whatsapp",outcome="accepted"} 1');
    expect(text).toContain('cxm_ingest_mentions_total{tenant="unknown",channel="unknown",outcome="accepted"} 1');
    expect(text).toContain('cxm_ingest_rejections_total{tenant="unknown",channel="unknown",status="400"} 1');
    expect(text).toContain('cxm_ingest_mentions_total{tenant="unknown",channel="unknown",outcome="rejected"} 1');
    expect(text).not.toContain('attacker');
  });

  it('keeps each instance in its own registry', async () => {
    const a = metrics();
    const b = metrics();
    a.countMention('demo', 'x', 'duplicate');
    expect(await b.render()).not.toContain('outcome="duplicate"} 1');
  });

  it('records ingest latency in a histogram by route and status', async () => {
    const m = metrics();
    m.observeLatency('/v1/mentions', 202, 0.004);
    const text = await m.render();
    expect(text).toContain('cxm_ingest_request_duration_seconds_bucket{le="0.005",route="/v1/mentions",status="202"} 1');
    expect(text).toContain('cxm_ingest_request_duration_seconds_bucket{le="0.0025",route="/v1/mentions",status="202"} 0');
  });
});

describe('IngestMetrics across threads', () => {
  const config = { tenants: ['acme'] } as never;

  it("sums its peers' ingest counts and latency buckets into its own /metrics", async () => {
    const main = new IngestMetrics(config);
    const [replica1, replica2] = [new IngestMetrics(config), new IngestMetrics(config)];
    replica1.countMention('acme', 'x', 'accepted', 3);
    replica2.countMention('acme', 'x', 'accepted', 2);
    replica2.countMention('acme', 'x', 'duplicate');
    replica1.observeLatency('/v1/mentions', 202, 0.002);
    replica2.observeLatency('/v1/mentions', 202, 0.02);
    main.addPeers({ collect: async () => [await replica1.ingestSeries(), await replica2.ingestSeries()] });
    const text = await main.render();
    expect(text).toContain('cxm_ingest_mentions_total{tenant="acme",channel="x",outcome="accepted"} 5');
    expect(text).toContain('cxm_ingest_mentions_total{tenant="acme",channel="x",outcome="duplicate"} 1');
    expect(text).toContain('cxm_ingest_request_duration_seconds_count{route="/v1/mentions",status="202"} 2');
    expect(text).toContain('cxm_ingest_request_duration_seconds_bucket{le="0.0025",route="/v1/mentions",status="202"} 1');
  });

  it('gives its peers only the ingest series: the process metrics are the same process seen from every thread', async () => {
    const replica = new IngestMetrics(config);
    const names = (await replica.ingestSeries()).map((metric) => metric.name);
    expect(names).toEqual(expect.arrayContaining(['cxm_ingest_mentions_total', 'cxm_ingest_rejections_total', 'cxm_ingest_request_duration_seconds']));
    expect(names.filter((name) => !name.startsWith('cxm_ingest_'))).toEqual([]);
    const main = new IngestMetrics(config);
    main.addPeers({ collect: async () => [await replica.ingestSeries()] });
    const lines = (await main.render()).split('\n');
    expect(lines.filter((line) => line.startsWith('cxm_process_cpu_seconds_total '))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('cxm_process_start_time_seconds '))).toHaveLength(1);
  });
});
