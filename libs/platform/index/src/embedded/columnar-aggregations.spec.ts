import { parseQuery, QueryNode } from '@cxm/query';
import { aggregateDocuments, createdAtMs, SelectDocuments, timeSpanOf } from '../aggregations/aggregate-documents';
import { planAggregations, planNeedsHitSpan } from '../aggregations/aggregation-plan';
import { AggregationRequest, AggregationResults } from '../aggregations/aggregation.types';
import { MentionDocument, SEARCH_FIELD_NAMES } from '../mention-index.port';
import { aggregateMatches, isColumnar } from './columnar-aggregations';
import { TenantSegment } from './tenant-segment';

/**
 * The columnar fast path against the generic one (`aggregateDocuments` over the materialised
 * hits, the reference): over a generated corpus with updates in place, re-indexed texts,
 * erasures, missing values, astral-plane values and odd createdAt strings, every query × every
 * aggregation request must give the same answer, down to key order in the JSON.
 */
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;

/** Deterministic pseudo-random integer in [0, n) for draw `i` of stream `salt` (a multiplicative hash). */
function draw(i: number, salt: number, n: number): number {
  let h = Math.imul(i ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) % n;
}

const LANGS = ['en', 'ru', 'tr', 'fr', 'ar', 'ja', 'hi', 'th', undefined];
const SENTIMENTS = ['negative', 'neutral', 'positive', undefined];
// Values beyond U+FFFF and from U+E000–FFFF: code point order differs from UTF-16 order there.
const CHANNELS = ['x', 'email', 'instagram', '\u{1F4F1}app', '\uFF5Eweb', 'Ärger'];
const HANDLES = ['@mara', '@Mara', '@ayşe', '@иван', '@สมชาย', '@😀fan'];
const INTENTS = ['complaint', 'question', 'praise', 'spam', 'crisis'];
const TEXTS = ['battery dies fast', 'батарея садится', 'แบตเตอรี่หมดเร็ว', 'şarj bitti 😡', 'livraison en retard', 'バッテリーが切れた', 'refund my order'];

function generatedDoc(i: number, version = 1): MentionDocument {
  const at = NOW - draw(i, 1, 400) * DAY - draw(i, 2, DAY);
  // A few createdAt strings not in the toISOString() form the digit reader expects.
  // Month 13 is NaN to Date.parse (the column) but a date to the aggregations' digit reader.
  const createdAt =
    i % 97 === 5 ? new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z') : i % 211 === 7 ? 'not a date' : i % 307 === 9 ? '2026-13-01T10:00:00.000Z' : new Date(at).toISOString();
  const intents = [INTENTS[draw(i, 3, INTENTS.length)], ...(draw(i, 4, 5) === 0 ? [INTENTS[draw(i, 5, INTENTS.length)]] : [])];
  return {
    id: `m-${i}`,
    tenantId: 't',
    version,
    channel: CHANNELS[draw(i, 6 + version, CHANNELS.length)],
    externalId: `x${i}`,
    text: TEXTS[draw(i, 8, TEXTS.length)],
    createdAt,
    authorId: `a${draw(i, 9, 50)}`,
    authorHandle: HANDLES[draw(i, 10, HANDLES.length)],
    authorDisplayName: 'A',
    conversationId: `c${i}`,
    lang: LANGS[draw(i, 11, LANGS.length)],
    sentiment: SENTIMENTS[draw(i, 12 + version, SENTIMENTS.length)],
    intent: intents[0],
    intents,
    topics: draw(i, 14, 3) === 0 ? [] : ['battery', 'Battery', 'billing'].slice(draw(i, 15, 3)),
  };
}

function corpus(size: number): TenantSegment {
  const segment = new TenantSegment();
  for (let i = 0; i < size; i++) segment.put(generatedDoc(i));
  // Classification updates (in place), text edits (re-indexed under a new ordinal), erasures.
  for (let i = 0; i < size; i += 7) segment.put(generatedDoc(i, 2));
  for (let i = 3; i < size; i += 41) segment.put({ ...generatedDoc(i, 3), text: `${TEXTS[0]} edited` });
  for (let i = 11; i < size; i += 53) segment.remove(`m-${i}`);
  return segment;
}

const query = (q: string): QueryNode => parseQuery(q, { fields: SEARCH_FIELD_NAMES, now: () => new Date(NOW) });

const QUERIES = [
  '',
  'battery',
  'sentiment:negative',
  '-lang:en',
  'channel:x OR channel:email',
  'date:[now-30d TO now]',
  'date:[now-3d TO now-1d] sentiment:positive',
  'date:[now-2h TO now]',
  'date:>now-100d',
  'nomatchwordatall',
  'intent:spam date:[now-200d TO now-150d]',
];

const REQUESTS: AggregationRequest[][] = [
  [
    { name: 'volume', type: 'dateHistogram', interval: 'day' },
    { name: 'sentiment', type: 'terms', field: 'sentiment' },
    { name: 'languages', type: 'terms', field: 'lang', size: 20 },
  ],
  [{ name: 'auto', type: 'dateHistogram' }],
  [{ name: 'weeks', type: 'dateHistogram', interval: 'week' }, { name: 'months', type: 'dateHistogram', interval: 'month' }],
  [{ name: 'hours', type: 'dateHistogram', interval: '12h', aggregations: [{ name: 'channel', type: 'terms', field: 'channel', size: 2 }] }],
  [{ name: 'channels', type: 'terms', field: 'channel', size: 3 }, { name: 'authors', type: 'terms', field: 'author', size: 1 }],
  [{ name: 'lang', type: 'terms', field: 'lang', size: 2, aggregations: [{ name: 'perMonth', type: 'dateHistogram', interval: 'month' }, { name: 's', type: 'terms', field: 'sentiment' }] }],
  [
    {
      name: 'sov',
      type: 'shareOfVoice',
      queries: [
        { name: 'battery', query: query('battery OR батарея') },
        { name: 'angry', query: query('sentiment:negative') },
        { name: 'none', query: query('nomatchwordatall') },
      ],
      aggregations: [{ name: 'lang', type: 'terms', field: 'lang', size: 3 }],
    },
  ],
  [
    {
      name: 'byMonth',
      type: 'dateHistogram',
      interval: 'month',
      aggregations: [{ name: 'sov', type: 'shareOfVoice', queries: [{ name: 'fr', query: query('lang:fr') }, { name: 'thai', query: query('แบตเตอรี่') }] }],
    },
  ],
  // Not columnar (multi-valued fields): computed the generic way beside columnar ones.
  [{ name: 'intents', type: 'terms', field: 'intent' }, { name: 'topics', type: 'terms', field: 'topic' }, { name: 'day', type: 'dateHistogram', interval: 'day' }],
];

function generic(segment: TenantSegment, q: QueryNode, requests: readonly AggregationRequest[]): { hits: () => MentionDocument[]; select: SelectDocuments; expected: () => AggregationResults } {
  const matching = (sub: QueryNode) => {
    const docs: MentionDocument[] = [];
    segment.newestFirst(segment.match(sub).bits, (doc) => docs.push(doc) > 0);
    return docs;
  };
  const hits = () => matching(q);
  const select: SelectDocuments = (sub) => {
    const ids = new Set(matching(sub).map((doc) => doc.id));
    return (doc) => ids.has(doc.id);
  };
  const expected = () => aggregateDocuments(hits(), planAggregations(requests, q, planNeedsHitSpan(requests, q) ? timeSpanOf(hits()) : undefined), select);
  return { hits, select, expected };
}

describe('columnar aggregations (embedded fast path)', () => {
  const segment = corpus(6_000);

  it('has documents whose createdAt the column and the aggregations read differently', () => {
    expect(segment.columns.aggregationTimes.size).toBeGreaterThan(0);
  });

  it.each(QUERIES)('answer exactly as aggregateDocuments for every request, query %p', (q) => {
    const node = query(q);
    for (const requests of REQUESTS) {
      const reference = generic(segment, node, requests);
      const expected = reference.expected();
      const actual = aggregateMatches(segment, segment.match(node), requests, node, reference);
      expect(actual).toStrictEqual(expected);
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
    }
  });

  it('counts real buckets: top values by count, the rest in otherCount, one day bucket per dated match', () => {
    const node = query('');
    const requests: AggregationRequest[] = [
      { name: 'channels', type: 'terms', field: 'channel', size: 2 },
      { name: 'volume', type: 'dateHistogram', interval: 'day' },
    ];
    const reference = generic(segment, node, requests);
    const { channels, volume } = aggregateMatches(segment, segment.match(node), requests, node, reference);
    if (channels.type !== 'terms' || volume.type !== 'dateHistogram') throw new Error('wrong result types');
    const hits = reference.hits();
    expect(channels.buckets).toHaveLength(2);
    expect(channels.buckets[0].count).toBeGreaterThanOrEqual(channels.buckets[1].count);
    expect(channels.buckets[0].count + channels.buckets[1].count + channels.otherCount).toBe(hits.length);
    // 'not a date' documents fall in no day bucket (month 13 reads as next January); every other match in exactly one.
    expect(volume.buckets.reduce((n, b) => n + b.count, 0)).toBe(hits.filter((doc) => !Number.isNaN(createdAtMs(doc))).length);
    expect(volume.buckets.length).toBeGreaterThan(390);
  });

  it('leaves multi-valued terms fields to the generic path, and takes the columnar one for the rest', () => {
    const plan = planAggregations(REQUESTS[REQUESTS.length - 1], query(''), { from: NOW - DAY, to: NOW });
    expect(plan.map(isColumnar)).toEqual([false, false, true]);
    expect(planAggregations(REQUESTS[5], query(''), undefined).map(isColumnar)).toEqual([true]);
  });
});
