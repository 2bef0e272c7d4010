import type { QueryNode } from '@cxm/query';

/** Fields a terms breakdown can count (query-language names; see terms-fields.ts for what each reads). */
export const TERMS_FIELDS = ['sentiment', 'intent', 'lang', 'channel', 'author', 'hashtag', 'topic', 'country'] as const;
export type TermsField = (typeof TERMS_FIELDS)[number];

/** Date-histogram intervals, finest first. `week` starts on Monday; every interval is in UTC. */
export const HISTOGRAM_INTERVALS = ['minute', '5m', '15m', '30m', 'hour', '3h', '12h', 'day', 'week', 'month'] as const;
export type HistogramInterval = (typeof HISTOGRAM_INTERVALS)[number];

export const DEFAULT_TERMS_SIZE = 10;
export const MAX_TERMS_SIZE = 100;
export const MAX_SHARE_OF_VOICE_QUERIES = 20;
/** Most buckets one answer may hold, sub-buckets included (Elasticsearch's own cap is far higher). */
export const MAX_TOTAL_BUCKETS = 10_000;

interface AggregationBase {
  /** The key of this aggregation in the answer; unique among its siblings. */
  readonly name: string;
  /** One drill-down level: computed inside every bucket of this one (they cannot nest further). */
  readonly aggregations?: readonly AggregationRequest[];
}

/** Volume over time: mentions per interval, buckets with no mention included (count 0). */
export interface DateHistogramRequest extends AggregationBase {
  readonly type: 'dateHistogram';
  /** Default `auto`: the finest interval that gives at most 200 buckets over the query's time span. */
  readonly interval?: HistogramInterval | 'auto';
}

/** The most frequent values of a field, most frequent first (ties by value). */
export interface TermsRequest extends AggregationBase {
  readonly type: 'terms';
  readonly field: TermsField;
  /** How many values, 1–100 (default 10). */
  readonly size?: number;
}

/** Named queries (brands, topics…): how many hits each matches and its share of their sum. */
export interface ShareOfVoiceRequest extends AggregationBase {
  readonly type: 'shareOfVoice';
  readonly queries: readonly { readonly name: string; readonly query: QueryNode }[];
}

export type AggregationRequest = DateHistogramRequest | TermsRequest | ShareOfVoiceRequest;

export interface AggregationBucket {
  /** Histogram: the bucket's start (ISO-8601 UTC); terms: the value; share of voice: the query's name. */
  key: string;
  count: number;
  /** Share of voice only: `count` / the sum of every bucket's count (0 when that sum is 0). */
  share?: number;
  /** The drill-down's answers inside this bucket, by name. */
  aggregations?: AggregationResults;
}

export type AggregationResult =
  | { type: 'dateHistogram'; interval: HistogramInterval; buckets: AggregationBucket[] }
  | { type: 'terms'; field: TermsField; buckets: AggregationBucket[]; /** Hits counted for values beyond `size`. */ otherCount: number }
  | { type: 'shareOfVoice'; buckets: AggregationBucket[] };

export type AggregationResults = Record<string, AggregationResult>;

/** The aggregations asked for would produce more buckets than an answer may hold. */
export class AggregationTooLargeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AggregationTooLargeError';
  }
}
