import type { QueryNode } from '@cxm/query';
import { aggregateDocuments, SelectDocuments } from '../aggregations/aggregate-documents';
import { histogramBuckets, PlannedAggregation, planAggregations, planNeedsHitSpan, shareOfVoiceBuckets } from '../aggregations/aggregation-plan';
import type { AggregationBucket, AggregationRequest, AggregationResult, AggregationResults, TermsField } from '../aggregations/aggregation.types';
import { bucketStart, fixedIntervalMs, TimeSpan } from '../aggregations/date-histogram';
import { compareCodePoints } from '../aggregations/terms-fields';
import type { MentionDocument } from '../mention-index.port';
import { Bitset, forEachBit, hasBit } from './bitset';
import type { DictionaryColumn, MatchSet, SegmentColumns, TenantSegment } from './tenant-segment';

/**
 * Terms fields held in a single-valued dictionary column, whose values are the document's as
 * written — exactly what `TERMS_FIELD_SOURCES` reads. Multi-valued fields (intent, topic,
 * hashtag) and country have no such column: their value bitsets are keyed by normalised value,
 * which may merge spellings the generic path keeps apart, so they go the generic way.
 */
const DICTIONARY_OF: Partial<Record<TermsField, 'sentiment' | 'lang' | 'channel' | 'authorHandle'>> = {
  sentiment: 'sentiment',
  lang: 'lang',
  channel: 'channel',
  author: 'authorHandle',
};

/** What the generic path needs when part of a request is not columnar. */
export interface GenericAggregation {
  /** Every match, newest first (materialised on first call). */
  readonly hits: () => readonly MentionDocument[];
  readonly select: SelectDocuments;
}

/** Where a columnar aggregation reads: the segment's columns and the match set of a share-of-voice query. */
interface Source {
  readonly columns: SegmentColumns;
  readonly matchBits: (query: QueryNode) => Bitset;
}

/**
 * The aggregations of a search on the embedded index, computed from the match set and the
 * segment's typed columns — no document is touched — wherever the columns hold what an
 * aggregation reads (date histograms, share of voice, terms on a dictionary column, and their
 * drill-downs); any other top-level aggregation is computed by `aggregateDocuments` over the
 * materialised hits. Both give the same answer (columnar-aggregations.spec.ts compares them):
 * at a million matches the generic path costs seconds, this one tens of milliseconds.
 */
export function aggregateMatches(segment: TenantSegment, matches: MatchSet, requests: readonly AggregationRequest[], query: QueryNode, generic: GenericAggregation): AggregationResults {
  const columns = segment.columns;
  const ordinals = ordinalsOf(matches);
  const time = timeReader(columns);
  const plan = planAggregations(requests, query, planNeedsHitSpan(requests, query) ? timeSpanOf(ordinals, time) : undefined);
  // A share-of-voice query drilled into every bucket of a histogram is evaluated once, not per bucket.
  const evaluated = new Map<QueryNode, Bitset>();
  const matchBits = (sub: QueryNode) => evaluated.get(sub) ?? evaluated.set(sub, segment.match(sub).bits).get(sub)!;
  const source: Source = { columns, matchBits };
  const results: AggregationResults = {};
  for (const p of plan) results[p.name] = isColumnar(p) ? aggregate(ordinals, p, source, time) : aggregateDocuments(generic.hits(), [p], generic.select)[p.name];
  return results;
}

/** Whether the aggregation and its drill-downs read only what the columns hold. */
export function isColumnar(p: PlannedAggregation): boolean {
  return (p.type !== 'terms' || DICTIONARY_OF[p.field] !== undefined) && p.subs.every(isColumnar);
}

function aggregateAll(ordinals: Int32Array, plan: readonly PlannedAggregation[], source: Source, time: TimeReader): AggregationResults {
  const results: AggregationResults = {};
  for (const p of plan) results[p.name] = aggregate(ordinals, p, source, time);
  return results;
}

function aggregate(ordinals: Int32Array, p: PlannedAggregation, source: Source, time: TimeReader): AggregationResult {
  const subsOf = (members: Int32Array) => (p.subs.length ? { aggregations: aggregateAll(members, p.subs, source, time) } : {});
  switch (p.type) {
    case 'dateHistogram': {
      const groups = group(ordinals, histogramBucketsOf(ordinals, p, time), p.starts.length, p.subs.length > 0);
      let next = 0; // histogramBuckets visits the starts in order
      const buckets = histogramBuckets(p.starts, () => groups.bucket(next++, subsOf));
      return { type: 'dateHistogram', interval: p.interval, buckets };
    }
    case 'terms': {
      const column: DictionaryColumn = source.columns[DICTIONARY_OF[p.field]!];
      const { codes, values } = column;
      const codesOf = new Int32Array(ordinals.length);
      for (let i = 0; i < ordinals.length; i++) codesOf[i] = codes[ordinals[i]];
      const groups = group(ordinals, codesOf, values.length, p.subs.length > 0);
      const ranked: number[] = [];
      for (let code = 0; code < values.length; code++) if (groups.counts[code] > 0) ranked.push(code);
      ranked.sort((a, b) => groups.counts[b] - groups.counts[a] || compareCodePoints(values[a], values[b]));
      const buckets: AggregationBucket[] = ranked.slice(0, p.size).map((code) => ({ key: values[code], ...groups.bucket(code, subsOf) }));
      const otherCount = ranked.slice(p.size).reduce((n, code) => n + groups.counts[code], 0);
      return { type: 'terms', field: p.field, buckets, otherCount };
    }
    case 'shareOfVoice': {
      const buckets = p.queries.map(({ name, query }) => {
        const bits = source.matchBits(query);
        const inBucket = ordinals.filter((o) => hasBit(bits, o));
        return { key: name, count: inBucket.length, ...subsOf(inBucket) };
      });
      return { type: 'shareOfVoice', buckets: shareOfVoiceBuckets(buckets) };
    }
  }
}

/**
 * Counts per bucket (`bucketOf[i]` is the bucket of `ordinals[i]`, -1 for none) and, when
 * drill-downs need them, each bucket's ordinals.
 */
function group(ordinals: Int32Array, bucketOf: Int32Array, size: number, keepMembers: boolean) {
  const counts = new Int32Array(size);
  for (let i = 0; i < bucketOf.length; i++) if (bucketOf[i] >= 0) counts[bucketOf[i]]++;
  let members: Int32Array[] | undefined;
  if (keepMembers) {
    members = Array.from(counts, (n) => new Int32Array(n));
    const filled = new Int32Array(size);
    for (let i = 0; i < bucketOf.length; i++) {
      const b = bucketOf[i];
      if (b >= 0) members[b][filled[b]++] = ordinals[i];
    }
  }
  return {
    counts,
    bucket: (b: number, subsOf: (members: Int32Array) => { aggregations?: AggregationResults }) =>
      members ? { count: counts[b], ...subsOf(members[b]) } : { count: counts[b] },
  };
}

type TimeReader = (ordinal: number) => number;

/** An ordinal's createdAt as the generic path reads it (`createdAtMs`). */
function timeReader(columns: SegmentColumns): TimeReader {
  const { createdAt, aggregationTimes } = columns;
  if (aggregationTimes.size === 0) return (o) => createdAt[o];
  return (o) => aggregationTimes.get(o) ?? createdAt[o];
}

/** The first and last createdAt of the matches, as `timeSpanOf` computes it over their documents. */
function timeSpanOf(ordinals: Int32Array, time: TimeReader): TimeSpan | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (let i = 0; i < ordinals.length; i++) {
    const ms = time(ordinals[i]);
    if (ms < from) from = ms;
    if (ms > to) to = ms;
  }
  return ordinals.length ? { from, to } : undefined;
}

/**
 * Each ordinal's histogram bucket: the index of `bucketStart(interval, createdAt)` among the
 * planned starts, -1 when it is not one of them (an unparsable date). Fixed intervals by
 * arithmetic (their starts are consecutive multiples of the interval), months by binary search.
 */
function histogramBucketsOf(ordinals: Int32Array, p: Extract<PlannedAggregation, { type: 'dateHistogram' }>, time: TimeReader): Int32Array {
  const out = new Int32Array(ordinals.length).fill(-1);
  const { starts, interval } = p;
  const n = starts.length;
  if (n === 0) return out;
  const first = starts[0];
  const fixed = fixedIntervalMs(interval);
  if (fixed !== undefined) {
    const firstSlot = first / fixed;
    for (let i = 0; i < ordinals.length; i++) {
      const at = Math.floor(time(ordinals[i]) / fixed) - firstSlot;
      if (at >= 0 && at < n) out[i] = at;
    }
    return out;
  }
  if (interval === 'week') {
    for (let i = 0; i < ordinals.length; i++) {
      const at = (bucketStart('week', time(ordinals[i])) - first) / WEEK;
      if (at >= 0 && at < n) out[i] = at;
    }
    return out;
  }
  const last = new Date(starts[n - 1]);
  const end = Date.UTC(last.getUTCFullYear(), last.getUTCMonth() + 1, 1);
  for (let i = 0; i < ordinals.length; i++) {
    const ms = time(ordinals[i]);
    if (!(ms >= first && ms < end)) continue;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= ms) lo = mid;
      else hi = mid - 1;
    }
    out[i] = lo;
  }
  return out;
}

const WEEK = 7 * 86_400_000;

function ordinalsOf(matches: MatchSet): Int32Array {
  const out = new Int32Array(matches.count);
  let i = 0;
  forEachBit(matches.bits, (o) => {
    out[i++] = o;
  });
  return out;
}
