import type { QueryNode } from '@cxm/query';
import type { MentionDocument } from '../mention-index.port';
import type { AggregationBucket, AggregationResult, AggregationResults } from './aggregation.types';
import { histogramBuckets, PlannedAggregation, shareOfVoiceBuckets } from './aggregation-plan';
import { bucketStart, TimeSpan } from './date-histogram';
import { compareCodePoints, TERMS_FIELD_SOURCES } from './terms-fields';

/** Which documents a share-of-voice query matches (the index evaluates it its own way). */
export type SelectDocuments = (query: QueryNode) => (doc: MentionDocument) => boolean;

/**
 * Computes planned aggregations over documents in memory (the embedded index's hits), with the
 * semantics the Elasticsearch compilation has: a document counts once per bucket, terms are
 * ordered by count then value (code point order), histograms include empty buckets.
 */
export function aggregateDocuments(docs: readonly MentionDocument[], plan: readonly PlannedAggregation[], select: SelectDocuments): AggregationResults {
  const results: AggregationResults = {};
  for (const p of plan) results[p.name] = aggregate(docs, p, select);
  return results;
}

function aggregate(docs: readonly MentionDocument[], p: PlannedAggregation, select: SelectDocuments): AggregationResult {
  const subsOf = (bucketDocs: readonly MentionDocument[]) => (p.subs.length ? { aggregations: aggregateDocuments(bucketDocs, p.subs, select) } : {});
  switch (p.type) {
    case 'dateHistogram': {
      const byStart = groupBy(docs, (doc) => [bucketStart(p.interval, Date.parse(doc.createdAt))]);
      const buckets = histogramBuckets(p.starts, (start) => {
        const inBucket = byStart.get(start) ?? [];
        return { count: inBucket.length, ...subsOf(inBucket) };
      });
      return { type: 'dateHistogram', interval: p.interval, buckets };
    }
    case 'terms': {
      const { values } = TERMS_FIELD_SOURCES[p.field];
      const byValue = groupBy(docs, (doc) => {
        const v = values(doc);
        return v === undefined ? [] : typeof v === 'string' ? [v] : new Set(v);
      });
      const ranked = [...byValue.entries()].sort(([a, x], [b, y]) => y.length - x.length || compareCodePoints(a, b));
      const buckets: AggregationBucket[] = ranked.slice(0, p.size).map(([key, inBucket]) => ({ key, count: inBucket.length, ...subsOf(inBucket) }));
      const otherCount = ranked.slice(p.size).reduce((n, [, inBucket]) => n + inBucket.length, 0);
      return { type: 'terms', field: p.field, buckets, otherCount };
    }
    case 'shareOfVoice': {
      const buckets = p.queries.map(({ name, query }) => {
        const inBucket = docs.filter(select(query));
        return { key: name, count: inBucket.length, ...subsOf(inBucket) };
      });
      return { type: 'shareOfVoice', buckets: shareOfVoiceBuckets(buckets) };
    }
  }
}

function groupBy<K>(docs: readonly MentionDocument[], keys: (doc: MentionDocument) => Iterable<K>): Map<K, MentionDocument[]> {
  const groups = new Map<K, MentionDocument[]>();
  for (const doc of docs) {
    for (const key of keys(doc)) {
      const group = groups.get(key);
      if (group) group.push(doc);
      else groups.set(key, [doc]);
    }
  }
  return groups;
}

/** The first and last `createdAt` of the documents, or `undefined` for none. */
export function timeSpanOf(docs: readonly MentionDocument[]): TimeSpan | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const doc of docs) {
    const ms = Date.parse(doc.createdAt);
    if (ms < from) from = ms;
    if (ms > to) to = ms;
  }
  return docs.length ? { from, to } : undefined;
}
