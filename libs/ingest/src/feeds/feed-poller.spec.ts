import { CanonicalMention, EventEnvelope, PayloadOf } from '@cxm/contracts';
import { EmbeddedEventBus } from '@cxm/platform-bus';
import { createLogger, silentLogger } from '@cxm/platform-logging';
import { DocumentStore, EmbeddedDocumentStore } from '@cxm/platform-store';
import { collectEvents, waitFor, waitForQuietBus } from '@cxm/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AcceptContext, AcceptMention } from '../accept-mention/accept-mention.usecase';
import { PolledConnector } from '../connectors/channel-connector';
import { RssConnector } from '../connectors/rss/rss.connector';
import { FEED_CURSORS, FeedCursorRecord } from './feed-cursor.record';
import { FeedPoller, FeedPollerSettings } from './feed-poller';
import { FeedSubscription } from './feed-subscriptions.port';
import { aFeedServer, closeServer, FIRST_ITEMS, NEW_ITEMS, rss, SETTINGS } from './feed-test-kit';
import { cursorId, MentionAcceptor } from './poll-feed.usecase';

describe('FeedPoller', () => {
  let feedServer: Awaited<ReturnType<typeof aFeedServer>>;
  let bus: EmbeddedEventBus;
  let raw: EventEnvelope<PayloadOf['mentions.raw']>[];
  let dataDir: string;
  let store: DocumentStore;
  let accept: AcceptMention;
  let now: Date;
  const clock = () => now;
  const later = (seconds: number) => (now = new Date(now.getTime() + seconds * 1000));
  const stores: DocumentStore[] = [];

  beforeEach(async () => {
    feedServer = await aFeedServer();
    bus = new EmbeddedEventBus({ partitions: 2, retryPolicy: { maxAttempts: 1, initialDelayMs: 1, maxDelayMs: 1 }, logger: silentLogger() });
    raw = collectEvents(bus, 'mentions.raw');
    await bus.start();
    dataDir = mkdtempSync(join(tmpdir(), 'cxm-feeds-'));
    store = openStore();
    accept = new AcceptMention(bus, store, silentLogger());
    now = new Date('2026-12-01T10:00:00.000Z');
  });

  afterEach(async () => {
    await closeServer(feedServer.server);
    await bus.stop();
    await Promise.all(stores.splice(0).map((s) => s.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  function openStore(): DocumentStore {
    const opened = new EmbeddedDocumentStore(dataDir);
    stores.push(opened);
    return opened;
  }

  function subscription(path: string, overrides: Partial<FeedSubscription> = {}): FeedSubscription {
    return { tenantId: 'demo', url: `${feedServer.base}${path}`, pollIntervalSeconds: 300, settings: {}, ...overrides };
  }

  function aPoller(subscriptions: FeedSubscription[], overrides: { store?: DocumentStore; accept?: MentionAcceptor; connector?: PolledConnector; fetch?: typeof fetch; owner?: string; logger?: ReturnType<typeof silentLogger>; settings?: Partial<FeedPollerSettings> } = {}) {
    return new FeedPoller({
      subscriptions: { list: async () => subscriptions },
      store: overrides.store ?? store,
      connector: overrides.connector ?? new RssConnector(clock),
      accept: overrides.accept ?? accept,
      logger: overrides.logger ?? silentLogger(),
      settings: { ...SETTINGS, ...overrides.settings },
      now: clock,
      fetch: overrides.fetch,
      owner: overrides.owner,
    });
  }

  async function acceptedIds(): Promise<string[]> {
    await waitForQuietBus(bus);
    return raw.map((event) => event.payload.mention.externalId);
  }

  const cursorOf = async (s: FeedSubscription, from: DocumentStore = store) =>
    (await from.collection<FeedCursorRecord>(FEED_CURSORS).get(s.tenantId, cursorId(s.tenantId, s.url)))?.doc;

  it('ingests every item on the first poll, oldest first, and stores the validators', async () => {
    feedServer.feeds.set('/news.xml', { body: rss([...FIRST_ITEMS].reverse()), etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT' });
    const feed = subscription('/news.xml');

    const [report] = await aPoller([feed]).pollDue();

    expect(report.outcome).toEqual({ kind: 'polled', accepted: 3, duplicates: 0, rejected: 0 });
    expect(await acceptedIds()).toEqual(['n-1', 'n-2', 'n-3']);
    expect(raw[0].payload.mention).toMatchObject({ tenantId: 'demo', channel: 'rss', conversationId: 'rss:n-1', target: feed.url });
    expect(await cursorOf(feed)).toMatchObject({
      etag: '"v1"',
      lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT',
      seen: FIRST_ITEMS.map((i) => ({ id: i.guid, at: new Date(i.date).toISOString() })),
      newestItemAt: '2026-11-30T10:00:00.000Z',
      failures: 0,
      nextPollAt: '2026-12-01T10:05:00.000Z',
    });
    expect((await cursorOf(feed))?.lease).toBeUndefined();
  });

  it('sends If-None-Match and If-Modified-Since next time and maps nothing on a 304', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS), etag: '"v1"', lastModified: 'Tue, 01 Dec 2026 09:00:00 GMT' });
    const feed = subscription('/news.xml');
    const poller = aPoller([feed]);
    await poller.pollDue();

    later(301);
    const [report] = await poller.pollDue();

    expect(report.outcome).toEqual({ kind: 'not-modified' });
    const second = feedServer.requestsTo('/news.xml')[1];
    expect(second.headers['if-none-match']).toBe('"v1"');
    expect(second.headers['if-modified-since']).toBe('Tue, 01 Dec 2026 09:00:00 GMT');
    expect(await acceptedIds()).toHaveLength(3);
    expect((await cursorOf(feed))?.nextPollAt).toBe(new Date(now.getTime() + 300_000).toISOString());
  });

  it('uses Last-Modified alone when the server sends no ETag', async () => {
    feedServer.feeds.set('/blog.xml', { body: rss(FIRST_ITEMS), lastModified: 'Mon, 30 Nov 2026 10:00:00 GMT' });
    const poller = aPoller([subscription('/blog.xml')]);
    await poller.pollDue();
    later(301);
    const [report] = await poller.pollDue();
    expect(report.outcome.kind).toBe('not-modified');
    expect(feedServer.requestsTo('/blog.xml')[1].headers['if-none-match']).toBeUndefined();
  });

  it('accepts exactly the two new items of a changed feed', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS), etag: '"v1"' });
    const poller = aPoller([subscription('/news.xml')]);
    await poller.pollDue();

    feedServer.feeds.set('/news.xml', { body: rss([...NEW_ITEMS, ...FIRST_ITEMS]), etag: '"v2"' });
    later(301);
    const [report] = await poller.pollDue();

    expect(report.outcome).toEqual({ kind: 'polled', accepted: 2, duplicates: 0, rejected: 0 });
    expect(await acceptedIds()).toEqual(['n-1', 'n-2', 'n-3', 'n-4', 'n-5']);
  });

  it('leaves a feed alone until its interval is up', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS), etag: '"v1"' });
    const poller = aPoller([subscription('/news.xml', { pollIntervalSeconds: 600 })]);
    await poller.pollDue();
    later(599);
    const [report] = await poller.pollDue();
    expect(report.outcome).toEqual({ kind: 'not-due' });
    expect(feedServer.requestsTo('/news.xml')).toHaveLength(1);
  });

  it('carries on after a restart (a new poller over the reopened store) without repeating or losing items', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS), etag: '"v1"' });
    const feed = subscription('/news.xml');
    await aPoller([feed]).pollDue();
    await stores[0].close();
    stores.splice(0);

    const reopened = openStore();
    feedServer.feeds.set('/news.xml', { body: rss([...FIRST_ITEMS, ...NEW_ITEMS]), etag: '"v2"' });
    later(301);
    const [report] = await aPoller([feed], { store: reopened, accept: new AcceptMention(bus, reopened, silentLogger()) }).pollDue();

    expect(feedServer.requestsTo('/news.xml')[1].headers['if-none-match']).toBe('"v1"');
    expect(report.outcome).toEqual({ kind: 'polled', accepted: 2, duplicates: 0, rejected: 0 });
    expect(await acceptedIds()).toEqual(['n-1', 'n-2', 'n-3', 'n-4', 'n-5']);
  });

  it('keeps the old validators when accepting stops half-way, so the restarted poller fetches the rest', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS), etag: '"v1"' });
    const feed = subscription('/news.xml');
    let calls = 0;
    const busDownAtSecond: MentionAcceptor = {
      execute: (mention: CanonicalMention, context?: AcceptContext) => (++calls === 2 ? Promise.reject(new Error('bus unavailable')) : accept.execute(mention, context)),
    };
    const [failed] = await aPoller([feed], { accept: busDownAtSecond }).pollDue();
    expect(failed.outcome).toEqual({ kind: 'failed', error: 'accepting n-2 failed: bus unavailable', failures: 1 });
    expect(await cursorOf(feed)).toMatchObject({ seen: [{ id: 'n-1' }], failures: 1 });
    expect((await cursorOf(feed))?.etag).toBeUndefined();

    await stores[0].close();
    stores.splice(0);
    const reopened = openStore();
    later(301);
    const [report] = await aPoller([feed], { store: reopened, accept: new AcceptMention(bus, reopened, silentLogger()) }).pollDue();

    expect(feedServer.requestsTo('/news.xml')[1].headers['if-none-match']).toBeUndefined();
    expect(report.outcome).toEqual({ kind: 'polled', accepted: 2, duplicates: 0, rejected: 0 });
    expect(await acceptedIds()).toEqual(['n-1', 'n-2', 'n-3']);
  });

  it('keeps polling the other feeds while one fails, times out or is unreachable, and logs each failure', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ level: 'info', service: 'test', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    feedServer.feeds.set('/broken.xml', { body: '', status: 500 });
    feedServer.feeds.set('/slow.xml', { body: rss(FIRST_ITEMS), delayMs: 4_000 });
    feedServer.feeds.set('/garbage.xml', { body: '<rss version="2.0"><channel><item>' });
    feedServer.feeds.set('/good.xml', { body: rss(NEW_ITEMS), etag: '"g1"' });
    const feeds = ['/broken.xml', '/slow.xml', '/garbage.xml', '/good.xml'].map((path) => subscription(path));
    const unreachable = { ...subscription('/x'), url: 'http://127.0.0.1:9/feed.xml' };

    const reports = await aPoller([...feeds, unreachable], { logger }).pollDue();

    const outcomes = Object.fromEntries(reports.map((r) => [new URL(r.url).pathname, r.outcome]));
    expect(outcomes['/good.xml']).toEqual({ kind: 'polled', accepted: 2, duplicates: 0, rejected: 0 });
    expect(outcomes['/broken.xml']).toEqual({ kind: 'failed', error: 'feed answered 500', failures: 1 });
    expect(outcomes['/slow.xml']).toEqual({ kind: 'failed', error: 'feed unreachable: no answer within 1000 ms', failures: 1 });
    expect(outcomes['/garbage.xml']).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^the feed is not well-formed XML: /) });
    expect(outcomes['/feed.xml']).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^feed unreachable: /) });
    expect(await acceptedIds()).toEqual(['n-4', 'n-5']);
    // Transient failures were retried within the poll; a malformed document was not.
    expect(feedServer.requestsTo('/broken.xml')).toHaveLength(3);
    expect(feedServer.requestsTo('/garbage.xml')).toHaveLength(1);
    const warnings = lines.filter((line) => line.msg === 'feed poll failed');
    expect(warnings.map((w) => w.feed).sort()).toEqual([...feeds.slice(0, 3).map((f) => f.url), unreachable.url].sort());
    expect(warnings.every((w) => w.tenantId === 'demo' && w.channel === 'rss' && w.level === 40)).toBe(true);
  });

  it('waits twice as long after each failed poll in a row, and recovers when the feed does', async () => {
    feedServer.feeds.set('/broken.xml', { body: rss(FIRST_ITEMS), status: 503 });
    const feed = subscription('/broken.xml');
    const poller = aPoller([feed]);
    await poller.pollDue();
    expect((await cursorOf(feed))?.nextPollAt).toBe(new Date(now.getTime() + 300_000).toISOString());

    later(300);
    await poller.pollDue();
    expect(await cursorOf(feed)).toMatchObject({ failures: 2, lastError: 'feed answered 503', nextPollAt: new Date(now.getTime() + 600_000).toISOString() });

    later(600);
    feedServer.feeds.set('/broken.xml', { body: rss(FIRST_ITEMS), etag: '"ok"' });
    const [report] = await poller.pollDue();
    expect(report.outcome.kind).toBe('polled');
    expect(await cursorOf(feed)).toMatchObject({ failures: 0, nextPollAt: new Date(now.getTime() + 300_000).toISOString() });
    expect((await cursorOf(feed))?.lastError).toBeUndefined();
  });

  it('drops its lease without counting a failure when stopped mid-fetch, so the feed stays due', async () => {
    feedServer.feeds.set('/slow.xml', { body: rss(FIRST_ITEMS), delayMs: 250 });
    const feed = subscription('/slow.xml');
    const poller = aPoller([feed]);
    const round = poller.pollDue();
    await waitFor(() => (feedServer.requestsTo('/slow.xml').length === 1 ? true : undefined), 2_000, 'the fetch to start');
    await poller.stop();
    expect((await round)[0].outcome).toEqual({ kind: 'stopped' });
    const cursor = await cursorOf(feed);
    expect(cursor).toMatchObject({ failures: 0, nextPollAt: now.toISOString() });
    expect(cursor?.lease).toBeUndefined();
    expect(await acceptedIds()).toEqual([]);
  });

  it('retries a transient 503 within the poll and ingests once the feed answers', async () => {
    feedServer.feeds.set('/flaky.xml', { body: rss(FIRST_ITEMS), status: 503, failTimes: 1 });
    const [report] = await aPoller([subscription('/flaky.xml')]).pollDue();
    expect(report.outcome).toEqual({ kind: 'polled', accepted: 3, duplicates: 0, rejected: 0 });
    expect(feedServer.requestsTo('/flaky.xml')).toHaveLength(2);
  });

  it('fetches a private feed whose URL carries credentials with Basic authentication', async () => {
    feedServer.feeds.set('/private.xml', { body: rss(FIRST_ITEMS) });
    const feed = { ...subscription('/private.xml'), url: `${feedServer.base.replace('http://', 'http://watcher:p%40ss@')}/private.xml` };
    const [report] = await aPoller([feed]).pollDue();
    expect(report.outcome).toMatchObject({ kind: 'polled', accepted: 3 });
    expect(feedServer.requestsTo('/private.xml')[0].headers.authorization).toBe(`Basic ${Buffer.from('watcher:p@ss').toString('base64')}`);
    await waitForQuietBus(bus);
    expect(raw[0].payload.mention.target).toBe(`${feedServer.base}/private.xml`);
    expect(JSON.stringify(raw.map((e) => e.payload))).not.toContain('p%40ss');
  });

  it('follows a redirect to the moved feed', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS) });
    feedServer.redirects.set('/old.xml', '/news.xml');
    const [report] = await aPoller([subscription('/old.xml')]).pollDue();
    expect(report.outcome).toMatchObject({ kind: 'polled', accepted: 3 });
  });

  describe('with private addresses refused (the default)', () => {
    const guarded = { ...SETTINGS, fetch: { ...SETTINGS.fetch, allowPrivateAddresses: false, resolve: async () => ['93.184.216.34'] } };

    it('refuses a feed on a loopback address without sending it a request', async () => {
      feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS) });
      const [report] = await aPoller([subscription('/news.xml')], { settings: guarded }).pollDue();
      expect(report.outcome).toMatchObject({ kind: 'failed', error: 'feed host 127.0.0.1 is a non-public address (127.0.0.1); set CXM_FEED_ALLOW_PRIVATE_ADDRESSES=true to allow' });
      expect(feedServer.requests).toHaveLength(0);
    });

    it('refuses a public feed that redirects to an internal address', async () => {
      feedServer.redirects.set('/start.xml', `${feedServer.base}/internal.xml`);
      feedServer.feeds.set('/internal.xml', { body: rss(FIRST_ITEMS) });
      // "public.example" resolves to a public address but is served by the local server.
      const viaLocalServer: typeof fetch = (input, init) => fetch(String(input).replace('http://public.example', feedServer.base), init);
      const feed = { ...subscription('/x'), url: 'http://public.example/start.xml' };
      const [report] = await aPoller([feed], { settings: guarded, fetch: viaLocalServer }).pollDue();
      expect(report.outcome).toMatchObject({ kind: 'failed', error: expect.stringMatching(/^feed host 127\.0\.0\.1 is a non-public address/) });
      expect(feedServer.requests.map((r) => r.path)).toEqual(['/start.xml']);
    });
  });

  it('decodes a windows-1251 feed from its XML declaration', async () => {
    feedServer.feeds.set('/ural.xml', { body: readFileSync(join(__dirname, 'fixtures', 'ru-windows-1251.rss.xml')), contentType: 'application/rss+xml' });
    await aPoller([subscription('/ural.xml')]).pollDue();
    await waitForQuietBus(bus);
    expect(raw[0].payload.mention).toMatchObject({
      externalId: 'ural-5501',
      title: 'В Екатеринбурге открылся сервисный центр Aurora',
      text: 'В Екатеринбурге открылся сервисный центр Aurora\n\nОчередь в первый день — больше сотни человек, многие с перегревающимися X5.',
    });
  });

  it('lets only one of two replicas fetch a feed that both find due', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS), etag: '"v1"', delayMs: 50 });
    const feed = subscription('/news.xml');
    const [a, b] = await Promise.all([aPoller([feed], { owner: 'replica-a' }).pollDue(), aPoller([feed], { owner: 'replica-b' }).pollDue()]);
    expect([a[0].outcome.kind, b[0].outcome.kind].sort()).toEqual(['leased-elsewhere', 'polled']);
    expect(feedServer.requestsTo('/news.xml')).toHaveLength(1);
    expect(await acceptedIds()).toEqual(['n-1', 'n-2', 'n-3']);
  });

  it('takes over a feed whose lease ran out (its replica died mid-poll)', async () => {
    feedServer.feeds.set('/news.xml', { body: rss(FIRST_ITEMS), etag: '"v1"' });
    const feed = subscription('/news.xml');
    const cursors = store.collection<FeedCursorRecord>(FEED_CURSORS);
    const until = new Date(now.getTime() + 60_000).toISOString();
    await cursors.insert({ id: cursorId('demo', feed.url), tenantId: 'demo', url: feed.url, seen: [], failures: 0, nextPollAt: now.toISOString(), lease: { owner: 'dead-replica', until } });

    expect((await aPoller([feed]).pollDue())[0].outcome).toEqual({ kind: 'leased-elsewhere' });
    later(61);
    expect((await aPoller([feed]).pollDue())[0].outcome).toMatchObject({ kind: 'polled', accepted: 3 });
  });

  it('hands an edited Atom entry to ingest again, with its editedAt', async () => {
    const atom = (updated: string, text: string) =>
      `<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:blog</id><entry><id>urn:e1</id><title>Aurora</title><published>2026-11-30T10:00:00Z</published><updated>${updated}</updated><content>${text}</content></entry></feed>`;
    feedServer.feeds.set('/atom.xml', { body: atom('2026-11-30T10:00:00Z', 'Batterie faible'), contentType: 'application/atom+xml', etag: '"a1"' });
    const handed: CanonicalMention[] = [];
    const recording: MentionAcceptor = { execute: (mention, context) => (handed.push(mention), accept.execute(mention, context)) };
    const poller = aPoller([subscription('/atom.xml')], { accept: recording });
    await poller.pollDue();

    feedServer.feeds.set('/atom.xml', { body: atom('2026-12-01T08:00:00Z', 'Batterie faible — réglé par le SAV'), contentType: 'application/atom+xml', etag: '"a2"' });
    later(301);
    await poller.pollDue();
    later(301);
    feedServer.feeds.set('/atom.xml', { body: atom('2026-12-01T08:00:00Z', 'Batterie faible — réglé par le SAV'), contentType: 'application/atom+xml', etag: '"a3"' });
    await poller.pollDue();

    expect(handed.map((m) => [m.externalId, m.editedAt])).toEqual([
      ['urn:e1', undefined],
      ['urn:e1', '2026-12-01T08:00:00.000Z'],
    ]);
  });

  it('skips an item that is not a valid mention, logging why, and does not retry it while it is unchanged', async () => {
    feedServer.feeds.set('/mixed.xml', { body: rss(FIRST_ITEMS.slice(0, 2)) });
    const real = new RssConnector(clock);
    // A mapping slip the canonical contract refuses (the connector itself never dates an item so).
    const slipping = { channel: 'rss' as const, mapDocument: async (body: string, source: string) =>
      (await real.mapDocument(body, source, {})).map((m) => (m.mention.externalId === 'n-2' ? { ...m, mention: { ...m.mention, createdAt: 'hier' } } : m)) };
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ level: 'info', service: 'test', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    const poller = aPoller([subscription('/mixed.xml')], { connector: slipping, logger });

    const [first] = await poller.pollDue();
    later(301);
    const [second] = await poller.pollDue();

    expect(first.outcome).toEqual({ kind: 'polled', accepted: 1, duplicates: 0, rejected: 1 });
    expect(second.outcome).toEqual({ kind: 'polled', accepted: 0, duplicates: 0, rejected: 0 });
    expect(await acceptedIds()).toEqual(['n-1']);
    expect(lines.filter((l) => l.msg === 'feed item is not a valid mention: skipped')).toEqual([
      expect.objectContaining({ externalId: 'n-2', problems: ['createdAt: createdAt must be a valid ISO 8601 date string'] }),
    ]);
  });

  it('remembers a bounded number of items beyond those the feed still lists', async () => {
    const feed = subscription('/rolling.xml');
    const poller = aPoller([feed], { settings: { rememberedItems: 10 } });
    for (let round = 0; round < 5; round++) {
      const items = Array.from({ length: 4 }, (_, i) => ({ guid: `r${round}-${i}`, title: `Round ${round} item ${i} 🔁`, date: new Date(Date.UTC(2026, 10, 1 + round, i)).toISOString() }));
      feedServer.feeds.set('/rolling.xml', { body: rss(items), etag: `"r${round}"` });
      await poller.pollDue();
      later(301);
    }
    const seen = (await cursorOf(feed))?.seen ?? [];
    expect(seen).toHaveLength(10);
    expect(seen.slice(-4).map((s) => s.id)).toEqual(['r4-0', 'r4-1', 'r4-2', 'r4-3']);
    expect(await acceptedIds()).toHaveLength(20);
  });

  it('does not poll when disabled, and says why at start', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const logger = createLogger({ level: 'info', service: 'test', destination: { write: (line: string) => void lines.push(JSON.parse(line)) } });
    feedServer.feeds.set('/off.xml', { body: rss(FIRST_ITEMS) });
    const poller = aPoller([subscription('/off.xml')], { logger, settings: { enabled: false } });
    poller.onApplicationBootstrap();
    const replica = aPoller([subscription('/off.xml')], { logger, settings: { enabled: false, offBecause: 'a front-door replica: the main thread polls the feeds' } });
    replica.onApplicationBootstrap();
    await poller.onModuleDestroy();
    await replica.onModuleDestroy();
    expect(lines.map((line) => line.msg)).toEqual(['feed polling is disabled (CXM_FEEDS_ENABLED=false)', 'feed polling is disabled (a front-door replica: the main thread polls the feeds)']);
    expect(feedServer.requestsTo('/off.xml')).toEqual([]);
  });
});
