import { ConfigError } from './config-reader';
import { loadPlatformConfig } from './platform-config';

describe('loadPlatformConfig', () => {
  it('gives the all-in-one a demo tenant, port 3000 and a generated admin token by default', () => {
    const config = loadPlatformConfig({ HOME: '/home/ana' });
    expect(config.tenants).toEqual(['demo']);
    expect(config.port).toBe(3000);
    expect(config.adminTokenGenerated).toBe(true);
    expect(config.adminToken.length).toBeGreaterThanOrEqual(16);
    expect(config.dataDir).toBe('/home/ana/.local/share/cxm');
  });

  it('names every bad variable at once and never repeats a secret', () => {
    let error: ConfigError | undefined;
    try {
      loadPlatformConfig({ PORT: 'eighty', CXM_ADMIN_TOKEN: 'short', CXM_API_TOKENS: 'nosuch=abcdefghijklmnopqrstu,broken-entry', CXM_LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = error!.message;
    expect(text).toContain('PORT must be an integer');
    expect(text).toContain('CXM_ADMIN_TOKEN must be at least 16 characters');
    expect(text).toContain('tenant "nosuch", which is not in CXM_TENANTS');
    expect(text).toContain('CXM_API_TOKENS must be a comma-separated list');
    expect(text).toContain('CXM_LOG_LEVEL must be one of');
    expect(text).not.toContain('abcdefghijklmnopqrstu');
    expect(text).not.toContain('short"');
  });

  it('reads the ingest settings, with durations in days, hours, minutes or seconds', () => {
    const defaults = loadPlatformConfig({ HOME: '/home/ana' }).ingest;
    expect(defaults).toEqual({
      dedupWindowMs: 30 * 86_400_000,
      dedupCacheSize: 100_000,
      nativeMaxBytes: 65_536,
      rateLimit: { perSecond: 20_000, burst: 40_000 },
      maxInFlight: 4_096,
      maxBatchItems: 1_000,
    });
    const set = loadPlatformConfig({ HOME: '/home/ana', CXM_INGEST_DEDUP_WINDOW: '12h', CXM_INGEST_RATE_LIMIT: '0', CXM_INGEST_MAX_IN_FLIGHT: '64' }).ingest;
    expect(set).toMatchObject({ dedupWindowMs: 12 * 3_600_000, rateLimit: { perSecond: 0 }, maxInFlight: 64 });
    expect(loadPlatformConfig({ HOME: '/h', CXM_INGEST_DEDUP_WINDOW: '90' }).ingest.dedupWindowMs).toBe(90_000);
  });

  it('names a bad ingest duration or limit', () => {
    expect(() => loadPlatformConfig({ HOME: '/h', CXM_INGEST_DEDUP_WINDOW: 'forever', CXM_INGEST_MAX_IN_FLIGHT: '0' })).toThrow(
      /CXM_INGEST_DEDUP_WINDOW must be a duration like 30d[\s\S]*CXM_INGEST_MAX_IN_FLIGHT must be an integer from 1/,
    );
  });

  it('maps tenant-scoped tokens to their tenant and reads outbound webhooks per channel', () => {
    const config = loadPlatformConfig({
      CXM_TENANTS: 'demo,acme',
      CXM_API_TOKENS: 'acme=acme-token-0123456789',
      CXM_OUTBOUND_WEBHOOKS: 'x=http://127.0.0.1:9000/x,*=http://127.0.0.1:9000/any',
    });
    expect(config.apiTokens).toEqual({ 'acme-token-0123456789': 'acme' });
    expect(config.responder.outboundWebhooks).toEqual({ x: 'http://127.0.0.1:9000/x', '*': 'http://127.0.0.1:9000/any' });
  });

  it('polls feeds by default with bounded fetches, and refuses a feed setting out of range', () => {
    expect(loadPlatformConfig({ HOME: '/home/ana' }).feeds).toEqual({
      enabled: true,
      tickMs: 5_000,
      concurrency: 4,
      fetchTimeoutMs: 10_000,
      fetchAttempts: 3,
      maxBytes: 5 * 1024 * 1024,
      allowPrivateAddresses: false,
      defaultIntervalSeconds: 900,
      rememberedItems: 500,
    });
    expect(() => loadPlatformConfig({ HOME: '/home/ana', CXM_FEED_DEFAULT_INTERVAL_SECONDS: '5' })).toThrow(/CXM_FEED_DEFAULT_INTERVAL_SECONDS/);
  });

  it('reads the alert evaluator settings and tenant alert webhooks, refusing a bad one without repeating it', () => {
    const config = loadPlatformConfig({
      CXM_TENANTS: 'demo,acme',
      CXM_ALERT_EVALUATE_INTERVAL_MS: '5000',
      CXM_ALERT_WEBHOOKS: 'acme=https://hooks.example.com/T0/secret-path,*=http://127.0.0.1:9000/alerts',
    });
    expect(config.explorer.alerts).toMatchObject({ evaluatorEnabled: true, evaluateIntervalMs: 5_000, deliveryAttempts: 5 });
    expect(config.explorer.alerts.webhooks).toEqual({ acme: 'https://hooks.example.com/T0/secret-path', '*': 'http://127.0.0.1:9000/alerts' });
    expect(config.explorer.exportPageSize).toBe(500);

    let error: ConfigError | undefined;
    try {
      loadPlatformConfig({ CXM_TENANTS: 'demo', CXM_ALERT_WEBHOOKS: 'demo=ftp://files.example.com/s3cr3t,nosuch=http://127.0.0.1/', CXM_ALERT_EVALUATE_INTERVAL_MS: '10' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error?.message).toContain('CXM_ALERT_WEBHOOKS[demo] must be an http(s) URL');
    expect(error?.message).toContain('CXM_ALERT_WEBHOOKS names tenant "nosuch"');
    expect(error?.message).toContain('CXM_ALERT_EVALUATE_INTERVAL_MS must be an integer from 100');
    expect(error?.message).not.toContain('s3cr3t');
  });
});
