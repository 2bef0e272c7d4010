import type { QueryNode } from '@cxm/query';
import {
  AggregationBucket,
  AggregationRequest,
  AggregationResults,
  AggregationTooLargeError,
  DEFAULT_TERMS_SIZE,
  HistogramInterval,
  MAX_TOTAL_BUCKETS,
  TermsField,
} from './aggregation.types';
import { bucketStarts, histogramSpan, needsHitSpan, queryTimeBounds, resolveInterval, TimeSpan } from './date-histogram';

/**
 * An aggregation request with everything decided that does not depend on the index: the
 * histogram's interval and every bucket start, the terms size. Both indexes compute from the
 * same plan and build their answers with the helpers below, so they answer alike.
 */
export type PlannedAggregation =
  | { readonly name: string; readonly type: 'dateHistogram'; readonly interval: HistogramInterval; readonly starts: readonly number[]; readonly subs: readonly PlannedAggregation[] }
  | { readonly name: string; readonly type: 'terms'; readonly field: TermsField; readonly size: number; readonly subs: readonly PlannedAggregation[] }
  | { readonly name: string; readonly type: 'shareOfVoice'; readonly queries: readonly { readonly name: string; readonly query: QueryNode }[]; readonly subs: readonly PlannedAggregation[] };

/** Whether planning needs the first and last hit's `createdAt` (a histogram over a query that does not bound time). */
export function planNeedsHitSpan(requests: readonly AggregationRequest[], query: QueryNode): boolean {
  const hasHistogram = (list: readonly AggregationRequest[]): boolean => list.some((r) => r.type === 'dateHistogram' || hasHistogram(r.aggregations ?? []));
  return hasHistogram(requests) && needsHitSpan(queryTimeBounds(query));
}

/**
 * Plans the requests. Every histogram, at either level, covers the same span (the query's, or
 * its hits'), so sub-histograms of different buckets share their keys. Throws
 * {@link AggregationTooLargeError} when the answer would exceed MAX_TOTAL_BUCKETS.
 */
export function planAggregations(requests: readonly AggregationRequest[], query: QueryNode, hits: TimeSpan | undefined): PlannedAggregation[] {
  const span = histogramSpan(queryTimeBounds(query), hits);
  const plan = (request: AggregationRequest, depth: number): PlannedAggregation => {
    const subs = depth === 0 ? (request.aggregations ?? []).map((sub) => plan(sub, 1)) : [];
    switch (request.type) {
      case 'dateHistogram': {
        const interval = resolveInterval(request.interval, span);
        return { name: request.name, type: 'dateHistogram', interval, starts: bucketStarts(interval, span), subs };
      }
      case 'terms':
        return { name: request.name, type: 'terms', field: request.field, size: request.size ?? DEFAULT_TERMS_SIZE, subs };
      case 'shareOfVoice':
        return { name: request.name, type: 'shareOfVoice', queries: request.queries, subs };
    }
  };
  const planned = requests.map((r) => plan(r, 0));
  const total = planned.reduce((sum, p) => sum + maxBuckets(p) * (1 + p.subs.reduce((n, s) => n + maxBuckets(s), 0)), 0);
  if (total > MAX_TOTAL_BUCKETS) {
    throw new AggregationTooLargeError(`these aggregations could produce ${total} buckets (at most ${MAX_TOTAL_BUCKETS}); use coarser intervals, smaller sizes or fewer drill-downs`);
  }
  return planned;
}

function maxBuckets(p: PlannedAggregation): number {
  return p.type === 'dateHistogram' ? p.starts.length : p.type === 'terms' ? p.size : p.queries.length;
}

/** Histogram buckets: one per planned start, in order (empty ones too, with their empty drill-downs). */
export function histogramBuckets(starts: readonly number[], bucketAt: (start: number) => { count: number; aggregations?: AggregationResults }): AggregationBucket[] {
  return starts.map((start) => ({ key: new Date(start).toISOString(), ...bucketAt(start) }));
}

/** Share-of-voice buckets in the order the queries were given, each with its share of their sum. */
export function shareOfVoiceBuckets(buckets: readonly { key: string; count: number; aggregations?: AggregationResults }[]): AggregationBucket[] {
  const sum = buckets.reduce((n, b) => n + b.count, 0);
  return buckets.map((b) => ({ key: b.key, count: b.count, share: sum === 0 ? 0 : b.count / sum, ...(b.aggregations ? { aggregations: b.aggregations } : {}) }));
}
