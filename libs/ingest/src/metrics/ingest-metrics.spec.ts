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
