import { parseQuery, QueryNode } from '@cxm/query';
import { randomUUID } from 'node:crypto';
import { AggregationRequest, AggregationTooLargeError } from '../aggregations/aggregation.types';
import { InvalidCursorError, MentionDocument, MentionIndex, SEARCH_FIELD_NAMES, SearchPage, SearchResult, SearchSort } from '../mention-index.port';

export interface MentionIndexFactory {
  /** Opens an index over the same storage as the previous open; each factory has its own tenant space. */
  open(): Promise<MentionIndex>;
  cleanup?(): Promise<void>;
}

/** The instant `now` means in these tests: both indexes get the same resolved AST. */
const NOW = new Date(Date.UTC(2026, 10, 20, 12, 0, 0));
const q = (text: string) => parseQuery(text, { fields: SEARCH_FIELD_NAMES, now: () => NOW });

/** Search after making earlier upserts visible, as the port promises for `flush`. */
async function searchIn(index: MentionIndex, tenantId: string, query: QueryNode, page: SearchPage): Promise<SearchResult> {
  await index.flush();
  return index.search(tenantId, query, page);
}

/** The behaviour every MentionIndex adapter must show. */
export function describeMentionIndexContract(adapterName: string, newFactory: () => MentionIndexFactory): void {
  describe(`MentionIndex contract: ${adapterName}`, () => {
    let factory: MentionIndexFactory;
    let indexes: MentionIndex[];
    let tenantId: string;
    let minute = 0;
    const doc = (overrides: Partial<MentionDocument> = {}): MentionDocument => ({
      id: randomUUID(),
      tenantId,
      version: 1,
      channel: 'x',
      externalId: randomUUID(),
      text: 'hello',
      createdAt: new Date(Date.UTC(2026, 10, 20, 10, minute++)).toISOString(),
      authorId: 'a1',
      authorHandle: '@ana',
      authorDisplayName: 'Ana',
      conversationId: 'c1',
      ...overrides,
    });
    const open = async () => {
      const index = await factory.open();
      indexes.push(index);
      return index;
    };
    const ids = (result: { items: MentionDocument[] }) => result.items.map((d) => d.text);

    beforeEach(() => {
      factory = newFactory();
      indexes = [];
      tenantId = `t-${randomUUID().slice(0, 8)}`;
    });
    afterEach(async () => {
      await Promise.all(indexes.map((i) => i.close()));
      await factory.cleanup?.();
    });

    it('finds mentions by words (all of them), phrases and field filters, newest first', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'Battery dies fast on my Aurora X5', lang: 'en', sentiment: 'negative', intent: 'complaint' }));
      await index.upsert(doc({ text: 'Love the battery life', lang: 'en', sentiment: 'positive', intent: 'praise', channel: 'reddit' }));
      await index.upsert(doc({ text: 'Батарея быстро садится', lang: 'ru', sentiment: 'negative', intent: 'complaint' }));
      await index.upsert(doc({ text: 'แบตเตอรี่หมดเร็วมาก', lang: 'th', sentiment: 'negative', intent: 'complaint' }));
      expect(ids(await searchIn(index, tenantId, q('battery'), { limit: 10 }))).toEqual(['Love the battery life', 'Battery dies fast on my Aurora X5']);
      expect(ids(await searchIn(index, tenantId, q('battery dies'), { limit: 10 }))).toEqual(['Battery dies fast on my Aurora X5']);
      expect(ids(await searchIn(index, tenantId, q('"battery life"'), { limit: 10 }))).toEqual(['Love the battery life']);
      expect(ids(await searchIn(index, tenantId, q('"life battery"'), { limit: 10 }))).toEqual([]);
      expect(ids(await searchIn(index, tenantId, q('sentiment:negative lang:ru'), { limit: 10 }))).toEqual(['Батарея быстро садится']);
      expect(ids(await searchIn(index, tenantId, q('channel:reddit'), { limit: 10 }))).toEqual(['Love the battery life']);
      expect(ids(await searchIn(index, tenantId, q('intent:complaint батарея'), { limit: 10 }))).toEqual(['Батарея быстро садится']);
      expect(ids(await searchIn(index, tenantId, q('แบตเตอรี่'), { limit: 10 }))).toEqual(['แบตเตอรี่หมดเร็วมาก']);
      expect((await searchIn(index, tenantId, q(''), { limit: 10 })).total).toBe(4);
    });

    it('filters on every value of a multi-valued field (intents, topics)', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'refund now or I call my lawyer', intent: 'complaint', intents: ['complaint', 'crisis'], topics: ['billing', 'Legal'] }));
      await index.upsert(doc({ text: 'great phone', intent: 'praise', intents: ['praise'], topics: [] }));
      expect(ids(await searchIn(index, tenantId, q('intent:crisis'), { limit: 10 }))).toEqual(['refund now or I call my lawyer']);
      expect(ids(await searchIn(index, tenantId, q('intent:complaint'), { limit: 10 }))).toEqual(['refund now or I call my lawyer']);
      expect(ids(await searchIn(index, tenantId, q('topic:legal'), { limit: 10 }))).toEqual(['refund now or I call my lawyer']);
      expect(ids(await searchIn(index, tenantId, q('-topic:billing'), { limit: 10 }))).toEqual(['great phone']);
    });

    it('finds words near each other (NEAR/n, either order, phrases and wildcards as operands)', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'the battery of my phone needs a new charger today' }));
      await index.upsert(doc({ text: 'charger and #battery bundle' }));
      await index.upsert(doc({ text: 'battery' }));
      const search = async (query: string) => ids(await searchIn(index, tenantId, q(query), { limit: 10 }));
      expect(await search('battery NEAR/6 charger')).toEqual(['charger and #battery bundle', 'the battery of my phone needs a new charger today']);
      expect(await search('battery NEAR/5 charger')).toEqual(['charger and #battery bundle']);
      expect(await search('battery NEAR charger')).toEqual(['charger and #battery bundle']);
      expect(await search('charger NEAR/1 #battery')).toEqual(['charger and #battery bundle']);
      expect(await search('"my phone" NEAR/3 charger')).toEqual(['the battery of my phone needs a new charger today']);
      expect(await search('"phone my" NEAR/3 charger')).toEqual([]);
      expect(await search('batt* NEAR/2 bund*')).toEqual(['charger and #battery bundle']);
      expect(await search('#batt* NEAR/1 charg*')).toEqual(['charger and #battery bundle']);
      expect(await search('-battery NEAR/3 charger')).toEqual(['battery', 'the battery of my phone needs a new charger today']);
      expect(await search('+ NEAR/1 battery')).toHaveLength(3);
    });

    it('finds words by trailing wildcard, in every script, and field values by prefix', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'Battery dies fast', channel: 'reddit' }));
      await index.upsert(doc({ text: 'my #batterylife is bad', channel: 'x' }));
      await index.upsert(doc({ text: 'combat ready', channel: 'reddit-ads' }));
      await index.upsert(doc({ text: 'Батарея быстро садится', channel: 'vk' }));
      await index.upsert(doc({ text: 'แบตเตอรี่หมดเร็วมาก', channel: 'line' }));
      await index.upsert(doc({ text: `${'ab'.repeat(63)} long`, channel: 'x' }));
      const search = async (query: string) => ids(await searchIn(index, tenantId, q(query), { limit: 10 }));
      expect(await search('batt*')).toEqual(['my #batterylife is bad', 'Battery dies fast']);
      expect(await search('#batt*')).toEqual(['my #batterylife is bad']);
      expect(await search('bat*')).toEqual(['my #batterylife is bad', 'Battery dies fast']);
      expect(await search('БАТА*')).toEqual(['Батарея быстро садится']);
      expect(await search('батарея*')).toEqual(['Батарея быстро садится']);
      expect(await search('แบต*')).toEqual(['แบตเตอรี่หมดเร็วมาก']);
      expect(await search('ab*')).toEqual([]); // the only "ab…" token is over 125 bytes
      expect(await search('channel:red*')).toEqual(['combat ready', 'Battery dies fast']);
      expect(await search('channel:red* -combat')).toEqual(['Battery dies fast']);
    });

    it('filters on follower counts (comparisons and ranges, open ends, missing counts)', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'small', authorFollowers: 120 }));
      await index.upsert(doc({ text: 'medium', authorFollowers: 10_000 }));
      await index.upsert(doc({ text: 'large', authorFollowers: 250_000 }));
      await index.upsert(doc({ text: 'unknown' }));
      const search = async (query: string) => ids(await searchIn(index, tenantId, q(query), { limit: 10 }));
      expect(await search('followers:>10000')).toEqual(['large']);
      expect(await search('followers:>=10000')).toEqual(['large', 'medium']);
      expect(await search('followers:<500')).toEqual(['small']);
      expect(await search('followers:<=10000')).toEqual(['medium', 'small']);
      expect(await search('followers:[100 TO 10000]')).toEqual(['medium', 'small']);
      expect(await search('followers:[* TO 119]')).toEqual([]);
      expect(await search('followers:[10001 TO *]')).toEqual(['large']);
      expect(await search('followers:[* TO *]')).toEqual(['large', 'medium', 'small']);
      expect(await search('followers:120')).toEqual(['small']);
      expect(await search('-followers:>500')).toEqual(['unknown', 'small']);
      expect(await search('followers:>100.5 small')).toEqual(['small']);
    });

    it('filters on dates (absolute days inclusive, ISO times, relative to a fixed now)', async () => {
      const index = await open();
      const at = (iso: string) => doc({ text: iso, createdAt: iso });
      for (const iso of ['2026-10-31T23:59:59.999Z', '2026-11-01T00:00:00.000Z', '2026-11-13T11:59:59.000Z', '2026-11-19T12:00:01.000Z', '2026-11-20T23:59:59.999Z', '2026-11-21T00:00:00.000Z']) {
        await index.upsert(at(iso));
      }
      const search = async (query: string) => ids(await searchIn(index, tenantId, q(query), { limit: 10 }));
      expect(await search('date:[2026-11-01 TO 2026-11-20]')).toEqual(['2026-11-20T23:59:59.999Z', '2026-11-19T12:00:01.000Z', '2026-11-13T11:59:59.000Z', '2026-11-01T00:00:00.000Z']);
      expect(await search('date:2026-10-31')).toEqual(['2026-10-31T23:59:59.999Z']);
      expect(await search('date:>2026-11-20')).toEqual(['2026-11-21T00:00:00.000Z']);
      expect(await search('date:<2026-11-01')).toEqual(['2026-10-31T23:59:59.999Z']);
      expect(await search('date:[2026-11-01T00:00:00.001Z TO 2026-11-13T11:59:59Z]')).toEqual(['2026-11-13T11:59:59.000Z']);
      expect(await search('date:[now-7d TO now]')).toEqual(['2026-11-19T12:00:01.000Z']);
      expect(await search('date:>now-24h')).toEqual(['2026-11-21T00:00:00.000Z', '2026-11-20T23:59:59.999Z', '2026-11-19T12:00:01.000Z']);
      expect(await search('date:[now-1w TO now-24h]')).toEqual([]);
      expect(await search('date:[* TO now-1w]')).toEqual(['2026-11-13T11:59:59.000Z', '2026-11-01T00:00:00.000Z', '2026-10-31T23:59:59.999Z']);
    });

    it('pages through every hit with cursors, no hit twice and none skipped', async () => {
      const index = await open();
      const sameTime = '2026-11-21T00:00:00.000Z';
      for (let i = 0; i < 7; i++) await index.upsert(doc({ text: `item ${i}`, ...(i < 4 ? { createdAt: sameTime } : {}) }));
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 10; pages++) {
        const page = await searchIn(index, tenantId, q('item'), { limit: 3, cursor });
        expect(page.total).toBe(7);
        seen.push(...ids(page));
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      expect(seen).toHaveLength(7);
      expect(new Set(seen).size).toBe(7);
    });

    it('filters on the author handle (with or without @) and the country', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'Şarj çabuk bitiyor', authorHandle: '@Mehmet_TR', country: 'TR' }));
      await index.upsert(doc({ text: 'La batterie est morte', authorHandle: '@claire', country: 'FR' }));
      await index.upsert(doc({ text: 'no place', authorHandle: 'plainhandle' }));
      const search = async (query: string) => ids(await searchIn(index, tenantId, q(query), { limit: 10 }));
      expect(await search('author:@mehmet_tr')).toEqual(['Şarj çabuk bitiyor']);
      expect(await search('author:Mehmet_TR')).toEqual(['Şarj çabuk bitiyor']);
      expect(await search('author:@plainhandle')).toEqual(['no place']);
      expect(await search('author:@cl*')).toEqual(['La batterie est morte']);
      expect(await search('country:tr')).toEqual(['Şarj çabuk bitiyor']);
      expect(await search('country:TR OR country:fr')).toEqual(['La batterie est morte', 'Şarj çabuk bitiyor']);
      expect(await search('-country:tr')).toEqual(['no place', 'La batterie est morte']);
    });

    it('matches quoted field values exactly, escapes included, and words of quoted phrases literally', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'charger "fast" NOT working (again)', topics: ['Battery life', 'say "hi"', 'C:\\path'] }));
      await index.upsert(doc({ text: 'battery life', topics: ['battery'] }));
      const search = async (query: string) => ids(await searchIn(index, tenantId, q(query), { limit: 10 }));
      expect(await search('topic:"battery life"')).toEqual(['charger "fast" NOT working (again)']);
      expect(await search('topic:"SAY \\"HI\\""')).toEqual(['charger "fast" NOT working (again)']);
      expect(await search('topic:"c:\\path"')).toEqual(['charger "fast" NOT working (again)']);
      expect(await search('topic:battery')).toEqual(['battery life']);
      expect(await search('"NOT working (again)"')).toEqual(['charger "fast" NOT working (again)']);
      expect(await search('"\\"fast\\" not"')).toEqual(['charger "fast" NOT working (again)']);
    });

    describe('sorts and deep paging', () => {
      /** 23 hits (more than several pages), with createdAt and priority ties, some unscored. */
      const corpus = () =>
        Array.from({ length: 23 }, (_, i) =>
          doc({
            text: `item ${String(i).padStart(2, '0')} باتری`,
            createdAt: new Date(Date.UTC(2026, 10, 1 + (i % 5), 9)).toISOString(),
            ...(i % 4 === 3 ? {} : { priorityScore: (i * 7) % 40 }),
          }),
        );
      const expectedOrder = (docs: MentionDocument[], sort: SearchSort) => {
        const byNewest = (a: MentionDocument, b: MentionDocument) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1);
        const sorted = [...docs].sort(
          sort === 'newest' ? byNewest : sort === 'oldest' ? (a, b) => byNewest(b, a) : (a, b) => (b.priorityScore ?? -1) - (a.priorityScore ?? -1) || byNewest(a, b),
        );
        return sorted.map((d) => d.text);
      };

      it.each(['newest', 'oldest', 'priority'] as const)('pages through every hit in %s order with cursors, none twice, none skipped', async (sort) => {
        const index = await open();
        const docs = corpus();
        for (const d of docs) await index.upsert(d);
        const seen: string[] = [];
        let cursor: string | undefined;
        for (let pages = 0; pages < 20 && (pages === 0 || cursor); pages++) {
          const page = await searchIn(index, tenantId, q('باتری'), { limit: 4, cursor, sort });
          expect(page.total).toBe(23);
          seen.push(...ids(page));
          cursor = page.nextCursor ?? undefined;
        }
        expect(seen).toEqual(expectedOrder(docs, sort));
      });

      it('refuses a cursor issued for another sort', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const first = await searchIn(index, tenantId, q(''), { limit: 2, sort: 'priority' });
        await expect(searchIn(index, tenantId, q(''), { limit: 2, sort: 'newest', cursor: first.nextCursor! })).rejects.toBeInstanceOf(InvalidCursorError);
      });
    });

    it('highlights the words the query asks for, the same spans and markup in every index', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'My <Aurora> battery & #Battery died — battery life is a joke', lang: 'en' }));
      await index.upsert(doc({ text: 'Батарея быстро садится, БАТАРЕЯ!', lang: 'ru' }));
      await index.upsert(doc({ text: 'İSTANBUL’da şarj bitti', lang: 'tr' }));
      const hits = async (query: string) => (await searchIn(index, tenantId, q(query), { limit: 10, highlight: true })).items.map((h) => h.highlight);
      expect(await hits('"battery life" OR (#battery -joke2) lang:en')).toEqual([
        {
          spans: [
            { start: 22, end: 30 },
            { start: 38, end: 50 },
          ],
          text: 'My &lt;Aurora&gt; battery &amp; <mark>#Battery</mark> died — <mark>battery life</mark> is a joke',
        },
      ]);
      expect(await hits('батар*')).toEqual([{ spans: [{ start: 0, end: 7 }, { start: 24, end: 31 }], text: '<mark>Батарея</mark> быстро садится, <mark>БАТАРЕЯ</mark>!' }]);
      expect(await hits('istanbul NEAR/1 şarj')).toEqual([{ spans: [{ start: 0, end: 8 }, { start: 12, end: 16 }], text: '<mark>İSTANBUL</mark>’da <mark>şarj</mark> bitti' }]);
      expect((await searchIn(index, tenantId, q('battery'), { limit: 10 })).items[0].highlight).toBeUndefined();
    });

    describe('aggregations', () => {
      const day = (d: number, hour = 10) => new Date(Date.UTC(2026, 10, d, hour)).toISOString();
      /** A small multilingual corpus over 16–20 Nov 2026 (19 Nov has no mention). */
      const corpus = () => [
        doc({ text: 'Aurora battery dies #battery', createdAt: day(16), lang: 'en', sentiment: 'negative', intent: 'complaint', intents: ['complaint', 'crisis'], channel: 'x', authorHandle: '@mara', hashtags: ['#battery'], topics: ['battery'], country: 'GB' }),
        doc({ text: 'Nova camera is great', createdAt: day(16, 15), lang: 'en', sentiment: 'positive', intent: 'praise', intents: ['praise'], channel: 'reddit', authorHandle: '@li', topics: ['camera'], country: 'US' }),
        doc({ text: 'Aurora şarj bitiyor #pil #battery', createdAt: day(17), lang: 'tr', sentiment: 'negative', intent: 'complaint', intents: ['complaint'], channel: 'x', authorHandle: '@mehmet', hashtags: ['#pil', '#battery'], topics: ['battery'], country: 'TR' }),
        doc({ text: 'Aurora แบตเตอรี่หมดเร็ว', createdAt: day(17, 20), lang: 'th', sentiment: 'negative', intent: 'complaint', intents: ['complaint'], channel: 'facebook', authorHandle: '@somchai', topics: ['battery', 'ｚ', '😀'], country: 'TH' }),
        doc({ text: 'Nova と Aurora どっち？', createdAt: day(18), lang: 'ja', sentiment: 'neutral', intent: 'question', channel: 'x', authorHandle: '@mara', topics: ['😀', 'ｚ'] }),
        doc({ text: 'Nova прекрасна', createdAt: day(20, 23), lang: 'ru', sentiment: 'positive', intent: 'praise', intents: ['praise'], channel: 'reddit', authorHandle: '@li', hashtags: ['#nova'], country: 'US' }),
      ];
      const aggregate = async (index: MentionIndex, query: string, aggregations: AggregationRequest[], tenant = tenantId) =>
        (await searchIn(index, tenant, q(query), { limit: 1, aggregations })).aggregations;

      it('breaks hits down by sentiment, intent, language, channel, author, hashtag, topic and country', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const fields = ['sentiment', 'intent', 'lang', 'channel', 'author', 'hashtag', 'topic', 'country'] as const;
        const result = await aggregate(index, '', fields.map((field) => ({ name: field, type: 'terms', field })));
        const buckets = (name: string) => {
          const agg = result![name];
          return agg.type === 'terms' ? [agg.buckets.map((b) => `${b.key}=${b.count}`).join(' '), agg.otherCount] : undefined;
        };
        expect(buckets('sentiment')).toEqual(['negative=3 positive=2 neutral=1', 0]);
        expect(buckets('intent')).toEqual(['complaint=3 praise=2 crisis=1 question=1', 0]);
        expect(buckets('lang')).toEqual(['en=2 ja=1 ru=1 th=1 tr=1', 0]);
        expect(buckets('channel')).toEqual(['x=3 reddit=2 facebook=1', 0]);
        expect(buckets('author')).toEqual(['@li=2 @mara=2 @mehmet=1 @somchai=1', 0]);
        expect(buckets('hashtag')).toEqual(['#battery=2 #nova=1 #pil=1', 0]);
        // Ties by value in code point order: 'ｚ' (U+FF5A) before '😀' (U+1F600).
        expect(buckets('topic')).toEqual(['battery=3 ｚ=2 😀=2 camera=1', 0]);
        expect(buckets('country')).toEqual(['US=2 GB=1 TH=1 TR=1', 0]);
      });

      it('keeps the top values of a terms breakdown and counts the rest', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const result = await aggregate(index, 'aurora', [{ name: 'lang', type: 'terms', field: 'lang', size: 2 }]);
        expect(result).toEqual({ lang: { type: 'terms', field: 'lang', buckets: [{ key: 'en', count: 1 }, { key: 'ja', count: 1 }], otherCount: 2 } });
      });

      it('counts volume per day over the query\'s date range, empty days included, in UTC', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const result = await aggregate(index, 'date:[2026-11-15 TO 2026-11-20]', [{ name: 'volume', type: 'dateHistogram', interval: 'day' }]);
        expect(result).toEqual({
          volume: {
            type: 'dateHistogram',
            interval: 'day',
            buckets: [15, 16, 17, 18, 19, 20].map((d, i) => ({ key: new Date(Date.UTC(2026, 10, d)).toISOString(), count: [0, 2, 2, 1, 0, 1][i] })),
          },
        });
      });

      it('picks the interval from the time span: the query\'s, or the hits\' when the query leaves it open', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const interval = async (query: string) => {
          const agg = (await aggregate(index, query, [{ name: 'v', type: 'dateHistogram' }]))!.v;
          return agg.type === 'dateHistogram' ? [agg.interval, agg.buckets.length, agg.buckets.reduce((n, b) => n + b.count, 0), agg.buckets[0]?.key] : undefined;
        };
        // Hits from 16 Nov 10:00 to 20 Nov 23:00: 110 hours at most 200 buckets → hourly.
        expect(await interval('')).toEqual(['hour', 110, 6, '2026-11-16T10:00:00.000Z']);
        expect(await interval('date:[now-24h TO now]')).toEqual(['15m', 97, 0, '2026-11-19T12:00:00.000Z']);
        expect(await interval('date:[2026-01-01 TO 2026-12-31]')).toEqual(['week', 53, 6, '2025-12-29T00:00:00.000Z']);
        expect(await interval('date:[2022-01-01 TO 2026-12-31]')).toEqual(['month', 60, 6, '2022-01-01T00:00:00.000Z']);
        expect(await interval('nothing-matches-this')).toEqual(['day', 0, 0, undefined]);
      });

      it('groups by calendar week (Monday) and month', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const weeks = await aggregate(index, '', [{ name: 'w', type: 'dateHistogram', interval: 'week' }, { name: 'm', type: 'dateHistogram', interval: 'month' }]);
        expect(weeks).toEqual({
          w: { type: 'dateHistogram', interval: 'week', buckets: [{ key: '2026-11-16T00:00:00.000Z', count: 6 }] },
          m: { type: 'dateHistogram', interval: 'month', buckets: [{ key: '2026-11-01T00:00:00.000Z', count: 6 }] },
        });
      });

      it('measures share of voice between named queries and drills down one level (sentiment per brand, per day)', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const result = await aggregate(index, '-intent:question', [
          {
            name: 'brands',
            type: 'shareOfVoice',
            queries: [
              { name: 'Aurora', query: q('aurora') },
              { name: 'Nova', query: q('nova') },
              { name: 'Zeta', query: q('zeta') },
            ],
            aggregations: [{ name: 'sentiment', type: 'terms', field: 'sentiment' }],
          },
          { name: 'daily', type: 'dateHistogram', interval: 'day', aggregations: [{ name: 'sentiment', type: 'terms', field: 'sentiment', size: 1 }] },
        ]);
        const terms = (buckets: [string, number][], otherCount = 0) => ({ sentiment: { type: 'terms', field: 'sentiment', buckets: buckets.map(([key, count]) => ({ key, count })), otherCount } });
        expect(result!.brands).toEqual({
          type: 'shareOfVoice',
          buckets: [
            { key: 'Aurora', count: 3, share: 0.6, aggregations: terms([['negative', 3]]) },
            { key: 'Nova', count: 2, share: 0.4, aggregations: terms([['positive', 2]]) },
            { key: 'Zeta', count: 0, share: 0, aggregations: terms([]) },
          ],
        });
        expect(result!.daily).toEqual({
          type: 'dateHistogram',
          interval: 'day',
          buckets: [
            { key: '2026-11-16T00:00:00.000Z', count: 2, aggregations: terms([['negative', 1]], 1) },
            { key: '2026-11-17T00:00:00.000Z', count: 2, aggregations: terms([['negative', 2]]) },
            { key: '2026-11-18T00:00:00.000Z', count: 0, aggregations: terms([]) },
            { key: '2026-11-19T00:00:00.000Z', count: 0, aggregations: terms([]) },
            { key: '2026-11-20T00:00:00.000Z', count: 1, aggregations: terms([['positive', 1]]) },
          ],
        });
      });

      it('gives sub-histograms of every bucket the same days', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const result = await aggregate(index, 'date:[2026-11-16 TO 2026-11-18]', [
          { name: 'channels', type: 'terms', field: 'channel', size: 2, aggregations: [{ name: 'daily', type: 'dateHistogram', interval: 'day' }] },
        ]);
        const agg = result!.channels;
        expect(agg.type === 'terms' && agg.buckets.map((b) => [b.key, b.aggregations!.daily.buckets.map((d) => d.count)])).toEqual([
          ['x', [1, 1, 1]],
          ['facebook', [0, 1, 0]], // ties with reddit (1), first by value
        ]);
      });

      it('refuses a histogram with more buckets than an answer may hold', async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        await expect(aggregate(index, 'date:[2026-01-01 TO 2026-12-31]', [{ name: 'v', type: 'dateHistogram', interval: 'minute' }])).rejects.toBeInstanceOf(AggregationTooLargeError);
      });

      it("never counts another tenant's mentions", async () => {
        const index = await open();
        for (const d of corpus()) await index.upsert(d);
        const result = await aggregate(index, '', [{ name: 'lang', type: 'terms', field: 'lang' }, { name: 'v', type: 'dateHistogram' }], 'someone-else');
        expect(result).toEqual({ lang: { type: 'terms', field: 'lang', buckets: [], otherCount: 0 }, v: { type: 'dateHistogram', interval: 'day', buckets: [] } });
      });
    });

    it('rejects a cursor it did not issue', async () => {
      const index = await open();
      await expect(searchIn(index, tenantId, q(''), { limit: 3, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('keeps the newest version of a document whatever order versions arrive in', async () => {
      const index = await open();
      const first = doc({ text: 'v1' });
      await index.upsert({ ...first, version: 3, text: 'v3', intent: 'complaint' });
      await index.upsert({ ...first, version: 2, text: 'v2' });
      expect((await index.get(tenantId, first.id))?.text).toBe('v3');
      expect(ids(await searchIn(index, tenantId, q('v2'), { limit: 5 }))).toEqual([]);
    });

    it('never returns another tenant\'s mentions', async () => {
      const index = await open();
      const mine = doc({ text: 'secret roadmap' });
      await index.upsert(mine);
      expect((await searchIn(index, 'someone-else', q('secret'), { limit: 5 })).total).toBe(0);
      expect(await index.get('someone-else', mine.id)).toBeUndefined();
    });

    it('forgets an erased document in search and get, and the erasure survives a reopen', async () => {
      const index = await open();
      const erased = doc({ text: 'Мой номер телефона 🙈 please delete' });
      await index.upsert(erased);
      await index.upsert(doc({ text: 'please keep this one' }));
      await index.remove(tenantId, erased.id);
      await index.remove(tenantId, erased.id); // twice: a no-op
      expect(await index.get(tenantId, erased.id)).toBeUndefined();
      expect(ids(await searchIn(index, tenantId, q('please'), { limit: 5 }))).toEqual(['please keep this one']);
      await index.close();
      indexes = [];
      const reopened = await open();
      expect(await reopened.get(tenantId, erased.id)).toBeUndefined();
      expect(ids(await searchIn(reopened, tenantId, q('please'), { limit: 5 }))).toEqual(['please keep this one']);
    });

    it('rebuilds into a fresh copy: searchers see the old copy until commit, writes made meanwhile land in both, erasures stay erased', async () => {
      const index = await open();
      const kept = doc({ text: 'kept story', version: 2 });
      const dropped = doc({ text: 'only in the old copy' });
      const erasedDuring = doc({ text: 'erased during the rebuild' });
      for (const d of [kept, dropped, erasedDuring]) await index.upsert(d);
      const rebuild = await index.rebuild();
      expect(rebuild.target).toEqual(expect.any(String));
      await rebuild.upsert({ ...kept, version: 1, text: 'an older version of the story' }); // older: loses
      await rebuild.upsert(erasedDuring);
      const liveDuring = doc({ text: 'written while rebuilding' });
      await index.upsert(liveDuring);
      await index.upsert({ ...kept, version: 3, text: 'kept story, edited while rebuilding' });
      await index.remove(tenantId, erasedDuring.id);
      await rebuild.upsert(erasedDuring); // a copy read before the erasure arrives after it
      // Until the swap, searches read the current copy.
      expect(ids(await searchIn(index, tenantId, q(''), { limit: 10 }))).toEqual(['written while rebuilding', 'only in the old copy', 'kept story, edited while rebuilding']);
      await rebuild.commit();
      expect(ids(await searchIn(index, tenantId, q(''), { limit: 10 }))).toEqual(['written while rebuilding', 'kept story, edited while rebuilding']);
      expect(await index.get(tenantId, erasedDuring.id)).toBeUndefined();
      expect(await index.get(tenantId, dropped.id)).toBeUndefined();
      await index.upsert(doc({ text: 'written after the swap' }));
      expect(ids(await searchIn(index, tenantId, q('written'), { limit: 10 }))).toEqual(['written after the swap', 'written while rebuilding']);
      await index.close();
      indexes = [];
      const reopened = await open();
      expect(ids(await searchIn(reopened, tenantId, q(''), { limit: 10 }))).toEqual(['written after the swap', 'written while rebuilding', 'kept story, edited while rebuilding']);
    });

    it('keeps the current copy when a rebuild is aborted', async () => {
      const index = await open();
      await index.upsert(doc({ text: 'still here' }));
      const rebuild = await index.rebuild();
      await rebuild.upsert(doc({ text: 'never swapped in' }));
      await rebuild.abort();
      expect(ids(await searchIn(index, tenantId, q(''), { limit: 10 }))).toEqual(['still here']);
      await expect(rebuild.commit()).rejects.toThrow();
    });

    it('keeps what it indexed across a reopen', async () => {
      const index = await open();
      const kept = doc({ text: 'durable words' });
      await index.upsert(kept);
      await index.close();
      indexes = [];
      const reopened = await open();
      expect(ids(await searchIn(reopened, tenantId, q('durable'), { limit: 5 }))).toEqual(['durable words']);
    });
  });
}
