import { EmbeddedEventBus } from '@cxm/platform-bus';
import { loadPlatformConfig } from '@cxm/platform-config';
import { EmbeddedMentionIndex } from '@cxm/platform-index';
import { silentLogger } from '@cxm/platform-logging';
import { EmbeddedDocumentStore } from '@cxm/platform-store';
import { collectEvents, waitFor } from '@cxm/testing';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { aMentionDocument } from '../common/mention-document.builder';
import { ManageSavedSearches } from '../saved-searches/manage-saved-searches.usecase';
import { AlertConsumers } from './alert.consumers';
import { AlertScheduler } from './alert-scheduler';
import { HttpAlertWebhook } from './alert-webhook.adapter';
import { DeliverAlertWebhook } from './deliver-alert-webhook.usecase';
import { EvaluateMonitors } from './evaluate-monitors.usecase';
import { ManageMonitors } from './manage-monitors.usecase';
import { WindowCounter } from './window-counter';

describe('AlertScheduler (real time)', () => {
  let server: Server;
  const received: { body: string; at: number }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ body, at: Date.now() });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('evaluates on its interval, so a spike reaches the webhook and alerts.fired within seconds', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`;
    const config = loadPlatformConfig({ CXM_TENANTS: 'demo', CXM_ALERT_EVALUATE_INTERVAL_MS: '100', CXM_ALERT_WEBHOOKS: `demo=${url}` });
    const store = new EmbeddedDocumentStore();
    const index = new EmbeddedMentionIndex();
    const bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 10 }, logger: silentLogger() });
    const fired = collectEvents(bus, 'alerts.fired');
    new AlertConsumers(bus, new DeliverAlertWebhook(store, new HttpAlertWebhook({ timeoutMs: 2_000 }), config)).onModuleInit();
    const evaluator = new EvaluateMonitors(store, bus, config, () => new Date(), silentLogger(), new WindowCounter(index));
    const scheduler = new AlertScheduler(evaluator, config, silentLogger());
    await bus.start();
    scheduler.onApplicationBootstrap();
    try {
      const searches = new ManageSavedSearches(store);
      const { search } = await searches.create('demo', 'ana', { name: 'Panne', query: 'panne OR outage', visibility: 'tenant' });
      await new ManageMonitors(store, searches).create('demo', 'ana', search.id, { rule: 'threshold', threshold: 20, windowSeconds: 60 });

      const spikeAt = Date.now();
      for (let i = 0; i < 30; i++) await index.upsert(aMentionDocument({ text: `Panne générale du réseau #${i} 📵 outage`, createdAt: new Date().toISOString() }));

      await waitFor(() => (received.length > 0 ? true : undefined), 10_000, 'the webhook call');
      expect(received[0].at - spikeAt).toBeLessThan(5_000);
      expect(JSON.parse(received[0].body).alert).toMatchObject({ name: 'Panne', rule: 'threshold', count: 30, threshold: 20 });
      expect(fired).toHaveLength(1);
    } finally {
      await scheduler.beforeApplicationShutdown();
      await bus.stop();
    }
  });
});
