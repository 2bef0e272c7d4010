import { aggregateDocuments } from '../aggregations/aggregate-documents';
import type { AggregationResult, AggregationResults } from '../aggregations/aggregation.types';
import { histogramBuckets, PlannedAggregation, shareOfVoiceBuckets } from '../aggregations/aggregation-plan';
import { elasticsearchInterval } from '../aggregations/date-histogram';
import { TERMS_FIELD_SOURCES } from '../aggregations/terms-fields';
import { compileQuery } from './compile-query';

type EsAggregation = Record<string, unknown>;
interface EsBucket {
  key?: number | string;
  doc_count: number;
  [sub: string]: unknown;
}
type EsAggregationResult = { buckets?: EsBucket[] | Record<string, EsBucket>; sum_other_doc_count?: number } | undefined;

/**
 * Planned aggregations as Elasticsearch aggregation DSL: `date_histogram` (UTC, empty buckets
 * kept over the planned span), `terms` (count desc, then key asc — the embedded index's order;
 * exact, as the index has one shard) and `filters` for share of voice. Names sent are positional
 * (`a0`, `a1`, `q0`…) so any name the caller chose is safe; {@link readAggregations} maps them back.
 */
export function compileAggregations(plan: readonly PlannedAggregation[]): Record<string, EsAggregation> {
  const aggs: Record<string, EsAggregation> = {};
  plan.forEach((p, i) => {
    const compiled = compileOne(p);
    if (compiled) aggs[`a${i}`] = compiled;
  });
  return aggs;
}

function compileOne(p: PlannedAggregation): EsAggregation | undefined {
  const subs = p.subs.length ? { aggs: compileAggregations(p.subs) } : {};
  switch (p.type) {
    case 'dateHistogram':
      // No span (no hit, open range): nothing to ask; the answer is an empty histogram.
      if (p.starts.length === 0) return undefined;
      return {
        date_histogram: {
          field: 'createdAt',
          ...elasticsearchInterval(p.interval),
          time_zone: 'UTC',
          min_doc_count: 0,
          extended_bounds: { min: p.starts[0], max: p.starts[p.starts.length - 1] },
        },
        ...subs,
      };
    case 'terms':
      return { terms: { field: TERMS_FIELD_SOURCES[p.field].elasticsearchField, size: p.size, order: [{ _count: 'desc' }, { _key: 'asc' }] }, ...subs };
    case 'shareOfVoice':
      return { filters: { filters: Object.fromEntries(p.queries.map((q, i) => [`q${i}`, compileQuery(q.query)])) }, ...subs };
  }
}

/** Elasticsearch's aggregation answer in the index-independent shape. */
export function readAggregations(plan: readonly PlannedAggregation[], response: Record<string, unknown> | undefined): AggregationResults {
  const results: AggregationResults = {};
  plan.forEach((p, i) => (results[p.name] = readOne(p, response?.[`a${i}`] as EsAggregationResult)));
  return results;
}

function readOne(p: PlannedAggregation, agg: EsAggregationResult): AggregationResult {
  // A bucket Elasticsearch left out (or an empty one) gets empty sub-answers, as the embedded index computes them.
  const subsOf = (bucket: EsBucket | undefined) =>
    p.subs.length ? { aggregations: bucket ? readAggregations(p.subs, bucket) : aggregateDocuments([], p.subs, () => () => false) } : {};
  switch (p.type) {
    case 'dateHistogram': {
      const byKey = new Map(((agg?.buckets ?? []) as EsBucket[]).map((b) => [Number(b.key), b]));
      const buckets = histogramBuckets(p.starts, (start) => {
        const bucket = byKey.get(start);
        return { count: bucket?.doc_count ?? 0, ...subsOf(bucket) };
      });
      return { type: 'dateHistogram', interval: p.interval, buckets };
    }
    case 'terms': {
      const buckets = ((agg?.buckets ?? []) as EsBucket[]).map((b) => ({ key: String(b.key), count: b.doc_count, ...subsOf(b) }));
      return { type: 'terms', field: p.field, buckets, otherCount: agg?.sum_other_doc_count ?? 0 };
    }
    case 'shareOfVoice': {
      const byName = (agg?.buckets ?? {}) as Record<string, EsBucket>;
      const buckets = p.queries.map((q, i) => ({ key: q.name, count: byName[`q${i}`]?.doc_count ?? 0, ...subsOf(byName[`q${i}`]) }));
      return { type: 'shareOfVoice', buckets: shareOfVoiceBuckets(buckets) };
    }
  }
}
