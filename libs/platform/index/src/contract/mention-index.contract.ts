import { parseQuery, QueryNode } from '@cxm/query';
import { randomUUID } from 'node:crypto';
import { InvalidCursorError, MentionDocument, MentionIndex, SEARCH_FIELD_NAMES, SearchPage, SearchResult } from '../mention-index.port';

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
