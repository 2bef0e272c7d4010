import { silentLogger } from '@cxm/platform-logging';
import { parseQuery } from '@cxm/query';
import { describeWithRealInfrastructure, seededRandom, uniqueNamespace } from '@cxm/testing';
import { Client } from '@elastic/elasticsearch';
import { AggregationRequest } from '../aggregations/aggregation.types';
import { EmbeddedMentionIndex } from '../embedded/embedded-mention-index.adapter';
import { MentionDocument, MentionIndex, SEARCH_FIELD_NAMES, SearchPage, SearchResult, SearchSort } from '../mention-index.port';
import { ElasticsearchMentionIndex } from './elasticsearch-mention-index.adapter';

jest.setTimeout(120_000);

const NOW = new Date(Date.UTC(2026, 10, 20, 12));
const q = (text: string) => parseQuery(text, { fields: SEARCH_FIELD_NAMES, now: () => NOW });

const WORDS = [
  'battery', 'Battery', 'charger', 'screen', 'refund', 'love', 'great', 'broken', 'Aurora', 'Nova', 'life', 'dies',
  'батарея', 'зарядка', 'ужасно', 'şarj', 'İSTANBUL', 'berbat', 'batterie', 'l’écran', 'été', 'แบตเตอรี่', 'หมดเร็ว',
  'バッテリー', 'カメラ', 'بطارية', 'سيئة', 'बैटरी', 'ख़राब', '😡', '😍', '#battery', '#Pil', '@aurora_help', 'e-mail', 'x5',
];
const pick = <T,>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)];

/** 320 documents (many pages) over three weeks with ties in time and priority, several languages and missing fields. */
function corpus(tenantId: string): MentionDocument[] {
  const rnd = seededRandom(42);
  return Array.from({ length: 320 }, (_, i) => {
    const words = Array.from({ length: 3 + Math.floor(rnd() * 9) }, () => pick(rnd, WORDS));
    const createdAt = new Date(Date.UTC(2026, 10, 1) + Math.floor(rnd() * 21 * 24) * 3_600_000).toISOString();
    const intent = pick(rnd, ['complaint', 'praise', 'question', 'other']);
    return {
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      tenantId,
      version: 1,
      channel: pick(rnd, ['x', 'reddit', 'facebook', 'appstore']),
      externalId: `e${i}`,
      text: words.join(rnd() < 0.2 ? ', ' : ' '),
      createdAt,
      authorId: `a${i % 37}`,
      authorHandle: `@user${i % 37}`,
      authorDisplayName: `User ${i % 37}`,
      ...(rnd() < 0.7 ? { authorFollowers: Math.floor(rnd() * 50_000) } : {}),
      conversationId: `c${i}`,
      lang: pick(rnd, ['en', 'ru', 'tr', 'fr', 'th', 'ja', 'ar', 'hi']),
      sentiment: pick(rnd, ['positive', 'negative', 'neutral']),
      intent,
      intents: rnd() < 0.1 ? [intent, 'crisis'] : [intent],
      topics: rnd() < 0.5 ? [pick(rnd, ['battery', 'camera', 'billing', 'Écran'])] : [],
      hashtags: words.filter((w) => w.startsWith('#')).map((w) => w.toLowerCase()),
      ...(rnd() < 0.6 ? { country: pick(rnd, ['TR', 'FR', 'US', 'TH', 'JP', 'IN']) } : {}),
      ...(rnd() < 0.8 ? { priorityScore: Math.floor(rnd() * 10) * 10 } : {}),
    };
  });
}

const QUERIES = [
  '',
  'battery',
  'battery -charger',
  '"battery life"',
  'batt* OR бата*',
  '#battery',
  'battery NEAR/2 dies',
  'şarj OR istanbul',
  'lang:ru OR lang:tr',
  'sentiment:negative intent:complaint',
  'intent:crisis',
  'topic:écran',
  'country:tr',
  'author:@user3 OR author:user4',
  'followers:>20000 channel:red*',
  'date:[2026-11-05 TO 2026-11-12]',
  'date:>now-7d -lang:en',
  '(aurora OR nova) AND NOT (refund OR 😡)',
  'バッテリー OR แบตเตอรี่ OR بطارية OR बैटरी',
  'e-mail x5',
];

const AGGREGATIONS: AggregationRequest[] = [
  { name: 'volume', type: 'dateHistogram', aggregations: [{ name: 'sentiment', type: 'terms', field: 'sentiment' }] },
  { name: 'weekly', type: 'dateHistogram', interval: 'week' },
  { name: 'intent', type: 'terms', field: 'intent' },
  { name: 'lang', type: 'terms', field: 'lang', size: 3 },
  { name: 'channel', type: 'terms', field: 'channel' },
  { name: 'author', type: 'terms', field: 'author', size: 5, aggregations: [{ name: 'daily', type: 'dateHistogram', interval: 'day' }] },
  { name: 'hashtag', type: 'terms', field: 'hashtag' },
  { name: 'topic', type: 'terms', field: 'topic' },
  { name: 'country', type: 'terms', field: 'country', size: 4 },
  {
    name: 'brands',
    type: 'shareOfVoice',
    queries: [
      { name: 'Aurora', query: q('aurora') },
      { name: 'Nova', query: q('nova') },
      { name: 'battery', query: q('batt* OR батарея') },
    ],
    aggregations: [{ name: 'lang', type: 'terms', field: 'lang', size: 2 }],
  },
];

/** Every page of a query in one sort, through the cursors. */
async function allPages(index: MentionIndex, tenantId: string, query: string, sort: SearchSort): Promise<SearchResult['items']> {
  const items: SearchResult['items'] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page: SearchResult = await index.search(tenantId, q(query), { limit: 40, sort, cursor, highlight: true } satisfies SearchPage);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

describeWithRealInfrastructure('the embedded index and Elasticsearch answer alike', ({ elasticsearchUrl }) => {
  const namespace = uniqueNamespace('parity-');
  const tenantId = 'parity';
  const embedded = new EmbeddedMentionIndex();
  const elasticsearch = new ElasticsearchMentionIndex({ node: elasticsearchUrl, namespace, logger: silentLogger() });

  beforeAll(async () => {
    const docs = corpus(tenantId);
    await Promise.all(docs.map((d) => Promise.all([embedded.upsert(d), elasticsearch.upsert(d)])));
    await elasticsearch.flush();
  });

  afterAll(async () => {
    await Promise.all([embedded.close(), elasticsearch.close()]);
    const client = new Client({ node: elasticsearchUrl });
    await client.indices.delete({ index: `${namespace}mentions-v*`, ignore_unavailable: true, allow_no_indices: true });
    await client.indices.deleteIndexTemplate({ name: `${namespace}mentions` }).catch(() => undefined);
    await client.close();
  });

  it.each(QUERIES)('gives the same hits, order, highlights and totals in every sort for %j', async (query) => {
    for (const sort of ['newest', 'oldest', 'priority'] as const) {
      const [mine, theirs] = await Promise.all([allPages(embedded, tenantId, query, sort), allPages(elasticsearch, tenantId, query, sort)]);
      expect(theirs).toEqual(mine);
    }
    const [a, b] = await Promise.all([embedded.search(tenantId, q(query), { limit: 1 }), elasticsearch.search(tenantId, q(query), { limit: 1 })]);
    expect(b.total).toBe(a.total);
  });

  it('the corpus spans many pages and the query mix finds something for each query', async () => {
    expect((await embedded.search(tenantId, q(''), { limit: 1 })).total).toBe(320);
    for (const query of QUERIES) expect([query, (await embedded.search(tenantId, q(query), { limit: 1 })).total > 0]).toEqual([query, true]);
  });

  it.each(QUERIES)('gives the same aggregations (keys, counts, order, shares, drill-downs) for %j', async (query) => {
    const [mine, theirs] = await Promise.all([
      embedded.search(tenantId, q(query), { limit: 0, aggregations: AGGREGATIONS }),
      elasticsearch.search(tenantId, q(query), { limit: 0, aggregations: AGGREGATIONS }),
    ]);
    expect(theirs.aggregations).toEqual(mine.aggregations);
  });
});
