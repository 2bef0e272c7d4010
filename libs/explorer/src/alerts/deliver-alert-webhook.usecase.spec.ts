import { createEvent, FiredAlert, monitorKey } from '@cxm/contracts';
import { loadPlatformConfig } from '@cxm/platform-config';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { createHmac, randomUUID } from 'node:crypto';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { alertId } from './alert-id';
import { HttpAlertWebhook } from './alert-webhook.adapter';
import { DeliverAlertWebhook } from './deliver-alert-webhook.usecase';
import { ALERTS, AlertRecord, Monitor, MONITORS } from './monitor';

interface Received {
  url?: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local alert receiver answering with the statuses given, in turn (the last one repeats). */
async function aReceiver(...statuses: number[]): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ url: req.url, headers: req.headers, body });
      res.writeHead(statuses[Math.min(received.length - 1, statuses.length - 1)]).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

describe('DeliverAlertWebhook', () => {
  const servers: Server[] = [];
  const SECRET = 'alert-signing-secret-0123456789';
  let store: EmbeddedDocumentStore;

  beforeEach(() => {
    store = new EmbeddedDocumentStore();
  });

  afterEach(async () => {
    for (const server of servers.splice(0)) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  async function serve(...statuses: number[]) {
    const receiver = await aReceiver(...statuses);
    servers.push(receiver.server);
    return receiver;
  }

  async function setUp(options: { monitorWebhook?: string; tenantWebhooks?: string } = {}) {
    const config = loadPlatformConfig({ CXM_TENANTS: 'demo,acme', CXM_ALERT_WEBHOOKS: options.tenantWebhooks ?? '', CXM_ALERT_DELIVERY_ATTEMPTS: '3' });
    const monitorId = randomUUID();
    await store.collection<Monitor>(MONITORS).insert({ id: monitorId, tenantId: 'demo', webhookUrl: options.monitorWebhook } as Monitor);
    const alert: FiredAlert = {
      id: alertId('demo', monitorId, Date.UTC(2026, 10, 20, 12, 10)),
      monitorId,
      savedSearchId: randomUUID(),
      name: 'Жалобы на батарею',
      rule: 'threshold',
      metric: 'volume',
      windowStart: '2026-11-20T12:05:00.000Z',
      windowEnd: '2026-11-20T12:10:00.000Z',
      value: 120,
      threshold: 40,
      count: 120,
      firedAt: '2026-11-20T12:10:00.000Z',
    };
    await store.collection<AlertRecord>(ALERTS).insert({ ...alert, tenantId: 'demo', webhook: { status: 'pending', attempts: 0 } });
    const event = createEvent('alerts.fired', { tenantId: 'demo', correlationId: alert.id, key: monitorKey('demo', monitorId), causationId: alert.id, payload: { alert } });
    const deliver = new DeliverAlertWebhook(store, new HttpAlertWebhook({ timeoutMs: 2_000, secret: SECRET }), config);
    const recorded = async () => (await store.collection<AlertRecord>(ALERTS).get('demo', alert.id))!.doc.webhook;
    return { alert, event, deliver, recorded };
  }

  it("POSTs the alert to the monitor's webhook, signed, with the alert id as Idempotency-Key, and records it delivered", async () => {
    const receiver = await serve(202);
    const { alert, event, deliver, recorded } = await setUp({ monitorWebhook: `${receiver.url}/hooks/cxm?token=t0k3n` });
    await deliver.execute(event);

    expect(receiver.received).toHaveLength(1);
    const [call] = receiver.received;
    expect(call.url).toBe('/hooks/cxm?token=t0k3n');
    expect(call.headers['idempotency-key']).toBe(alert.id);
    expect(call.headers['x-cxm-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(call.body).digest('hex')}`);
    expect(JSON.parse(call.body)).toEqual({ type: 'alert.fired', tenantId: 'demo', alert: { ...alert, tenantId: 'demo' } });
    expect(await recorded()).toMatchObject({ status: 'delivered', attempts: 1, statusCode: 202 });
  });

  it('retries a failing receiver with backoff and records the attempts it took', async () => {
    const receiver = await serve(503, 500, 200);
    const { event, deliver, recorded } = await setUp({ tenantWebhooks: `demo=${receiver.url}/demo` });
    await deliver.execute(event);
    expect(receiver.received.map((r) => r.url)).toEqual(['/demo', '/demo', '/demo']);
    expect(await recorded()).toMatchObject({ status: 'delivered', attempts: 3, statusCode: 200 });
  });

  it('records a refusal as failed without retrying, and a redelivered event does not call again', async () => {
    const receiver = await serve(410);
    const { event, deliver, recorded } = await setUp({ tenantWebhooks: `*=${receiver.url}/any` });
    await deliver.execute(event);
    await deliver.execute(event);
    expect(receiver.received).toHaveLength(1);
    expect(await recorded()).toMatchObject({ status: 'failed', attempts: 1, statusCode: 410, error: 'webhook answered 410' });
  });

  it('records the alert as skipped when no webhook is configured', async () => {
    const { event, deliver, recorded } = await setUp();
    await deliver.execute(event);
    expect(await recorded()).toMatchObject({ status: 'skipped', attempts: 0 });
  });
});
