import { EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { silentLogger } from '@cxm/platform-logging';
import { DocumentStore, MongoDocumentStore } from '@cxm/platform-store';
import { collectEvents, describeWithRealInfrastructure, uniqueNamespace, waitForQuietBus } from '@cxm/testing';
import { AcceptMention } from '../accept-mention/accept-mention.usecase';
import { RssConnector } from '../connectors/rss/rss.connector';
import { FeedPoller } from './feed-poller';
import { FeedSubscription } from './feed-subscriptions.port';
import { aFeedServer, closeServer, FIRST_ITEMS, NEW_ITEMS, rss, SETTINGS } from './feed-test-kit';

jest.setTimeout(30_000);

/** The cursors and leases on the real document store (MongoDB / FerretDB), as in the distributed mode. */
describeWithRealInfrastructure('FeedPoller on MongoDB', ({ mongodbUrl }) => {
  let feedServer: Awaited<ReturnType<typeof aFeedServer>>;
  let bus: EmbeddedEventBus;
  let raw: EventEnvelope<PayloadOf['mentions.raw']>[];
  let uri: string;
  const stores: DocumentStore[] = [];
  let now: Date;

  beforeEach(async () => {
    feedServer = await aFeedServer();
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, logger: silentLogger() });
    raw = collectEvents(bus, 'mentions.raw');
    await bus.start();
    uri = `${mongodbUrl}/${uniqueNamespace('feeds_').replace('.', '')}`;
    now = new Date('2026-12-01T10:00:00.000Z');
  });

  afterEach(async () => {
    await closeServer(feedServer.server);
    await bus.stop();
    await Promise.all(stores.splice(0).map((s) => s.close()));
  });

  /** One ingest replica: its own connection to the shared database, its own AcceptMention. */
  async function aReplica(owner: string, feed: FeedSubscription): Promise<FeedPoller> {
    const store = await MongoDocumentStore.connect(uri);
    stores.push(store);
    return new FeedPoller({
      subscriptions: { list: async () => [feed] },
      store,
      connector: new RssConnector(() => now),
      accept: new AcceptMention(bus, store, silentLogger()),
      logger: silentLogger(),
      settings: SETTINGS,
      now: () => now,
      owner,
    });
  }

  it('lets one of two replicas poll a due feed, and the other carry on after a restart without repeats', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS), etag: '"v1"', delayMs: 50 });
    const feed: FeedSubscription = { tenantId: 'demo', url: `${feedServer.base}/news.xml`, pollIntervalSeconds: 300, settings: {} };
    const [a, b] = await Promise.all([aReplica('replica-a', feed), aReplica('replica-b', feed)]);

    const rounds = await Promise.all([a.pollDue(), b.pollDue()]);
    expect(rounds.map((r) => r[0].outcome.kind).sort()).toEqual(['leased-elsewhere', 'polled']);
    expect(feedServer.requestsTo('/news.xml')).toHaveLength(1);

    await Promise.all(stores.splice(0).map((s) => s.close()));
    feedServer.feeds.set('/news.xml', { body: rss([...NEW_ITEMS, ...FIRST_ITEMS]), etag: '"v2"' });
    now = new Date(now.getTime() + 301_000);
    const restarted = await aReplica('replica-c', feed);
    const [report] = await restarted.pollDue();

    expect(feedServer.requestsTo('/news.xml')[1].headers['if-none-match']).toBe('"v1"');
    expect(report.outcome).toEqual({ kind: 'polled', accepted: 2, duplicates: 0, rejected: 0 });
    await waitForQuietBus(bus);
    expect(raw.map((e) => e.payload.mention.externalId)).toEqual(['n-1', 'n-2', 'n-3', 'n-4', 'n-5']);
  });
});
