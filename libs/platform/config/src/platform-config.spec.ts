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

  it('maps tenant-scoped tokens to their tenant and reads outbound webhooks per channel', () => {
    const config = loadPlatformConfig({
      CXM_TENANTS: 'demo,acme',
      CXM_API_TOKENS: 'acme=acme-token-0123456789',
      CXM_OUTBOUND_WEBHOOKS: 'x=http://127.0.0.1:9000/x,*=http://127.0.0.1:9000/any',
    });
    expect(config.apiTokens).toEqual({ 'acme-token-0123456789': 'acme' });
    expect(config.responder.outboundWebhooks).toEqual({ x: 'http://127.0.0.1:9000/x', '*': 'http://127.0.0.1:9000/any' });
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
