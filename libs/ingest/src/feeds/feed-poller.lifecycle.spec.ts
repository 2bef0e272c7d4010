import { Module, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus, EVENT_BUS } from '@cxm/platform-bus';
import { loadPlatformConfig, PLATFORM_CONFIG } from '@cxm/platform-config';
import { LOGGER } from '@cxm/platform-http';
import { silentLogger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, EmbeddedDocumentStore } from '@cxm/platform-store';
import { collectEvents, waitFor } from '@cxm/testing';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { AcceptMention } from '../accept-mention/accept-mention.usecase';
import { ChannelSettings } from '../connectors/channel-connector';
import { FEED_POLLER_PROVIDERS } from './feed-poller.providers';
import { CHANNEL_SETTINGS_SOURCE, ChannelSettingsSource } from './feed-subscriptions.port';

const FEED = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:b</id>
<entry><id>urn:b:1</id><title>Aurora X5 ने फिर धोखा दिया</title><published>2026-11-30T10:00:00Z</published><content>बैटरी दोपहर तक खत्म 😡</content></entry>
<entry><id>urn:b:2</id><title>Aurora X5 est génial</title><published>2026-11-30T11:00:00Z</published><content>Très content 👍</content></entry></feed>`;

describe('FeedPoller in the Nest lifecycle', () => {
  let server: Server;
  let base: string;
  let requests: number;
  let delayMs: number;
  let bus: EmbeddedEventBus;
  let raw: EventEnvelope<PayloadOf['mentions.raw']>[];
  let app: INestApplicationContext | undefined;
  const answers = new Set<NodeJS.Timeout>();

  beforeEach(async () => {
    requests = 0;
    delayMs = 0;
    server = createServer((_req, res) => {
      requests++;
      const answer = setTimeout(() => {
        answers.delete(answer);
        res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"1"' }).end(FEED);
      }, delayMs);
      answers.add(answer);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    bus = new EmbeddedEventBus({ partitions: 1, retryPolicy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, logger: silentLogger() });
    raw = collectEvents(bus, 'mentions.raw');
    await bus.start();
  });

  afterEach(async () => {
    await app?.close();
    app = undefined;
    await bus.stop();
    for (const answer of answers) clearTimeout(answer);
    answers.clear();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  /** The ingest module's wiring of the poller, with the settings of the `rss` channel given per tenant. */
  async function startApp(env: Record<string, string>, settings: Record<string, ChannelSettings>): Promise<INestApplicationContext> {
    const source: ChannelSettingsSource = { read: async (tenantId, channel) => (channel === 'rss' ? settings[tenantId] : undefined) };
    @Module({
      providers: [
        { provide: PLATFORM_CONFIG, useValue: loadPlatformConfig({ HOME: '/tmp', CXM_TENANTS: 'demo,acme', ...env }) },
        { provide: LOGGER, useValue: silentLogger() },
        { provide: EVENT_BUS, useValue: bus },
        { provide: DOCUMENT_STORE, useValue: new EmbeddedDocumentStore() },
        { provide: CHANNEL_SETTINGS_SOURCE, useValue: source },
        AcceptMention,
        ...FEED_POLLER_PROVIDERS,
      ],
    })
    class FeedsTestModule {}
    app = await NestFactory.createApplicationContext(FeedsTestModule, { logger: false });
    return app;
  }

  it("starts polling each tenant's feeds from its rss channel settings when the application boots", async () => {
    await startApp({ CXM_FEED_TICK_MS: '100', CXM_FEED_ALLOW_PRIVATE_ADDRESSES: 'true' }, { acme: { feeds: [`${base}/acme.atom`], pollIntervalSeconds: 60 } });
    await waitFor(() => (raw.length === 2 ? true : undefined), 5_000, 'two feed items accepted');
    expect(raw.map((e) => [e.tenantId, e.payload.mention.externalId])).toEqual([
      ['acme', 'urn:b:1'],
      ['acme', 'urn:b:2'],
    ]);
  });

  it('stops with the application, aborting a fetch in flight', async () => {
    delayMs = 5_000;
    const running = await startApp({ CXM_FEED_TICK_MS: '100', CXM_FEED_ALLOW_PRIVATE_ADDRESSES: 'true' }, { demo: { feeds: `${base}/slow.atom` } });
    await waitFor(() => (requests === 1 ? true : undefined), 5_000, 'the fetch to start');
    const started = Date.now();
    await running.close();
    app = undefined;
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(raw).toHaveLength(0);
  });

  it('does not poll at all when CXM_FEEDS_ENABLED=false', async () => {
    await startApp({ CXM_FEED_TICK_MS: '100', CXM_FEEDS_ENABLED: 'false' }, { demo: { feeds: [`${base}/feed.atom`] } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(requests).toBe(0);
  });
});
