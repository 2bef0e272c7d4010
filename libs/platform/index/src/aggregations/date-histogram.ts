import type { QueryNode } from '@cxm/query';
import { AggregationTooLargeError, HistogramInterval } from './aggregation.types';

/** An inclusive span of instants, epoch milliseconds. */
export interface TimeSpan {
  readonly from: number;
  readonly to: number;
}

/** What the query itself says about time: `date:` ranges it requires (AND), each end if bounded. */
export interface QueryTimeBounds {
  readonly from?: number;
  readonly to?: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Fixed intervals in milliseconds; `week` and `month` are calendar intervals. */
const FIXED_MS: Partial<Record<HistogramInterval, number>> = {
  minute: MINUTE,
  '5m': 5 * MINUTE,
  '15m': 15 * MINUTE,
  '30m': 30 * MINUTE,
  hour: HOUR,
  '3h': 3 * HOUR,
  '12h': 12 * HOUR,
  day: DAY,
};

/** The candidates of `auto`, finest first, and the most buckets it aims for. */
const AUTO_LADDER: readonly HistogramInterval[] = ['minute', '5m', '15m', '30m', 'hour', 'day', 'week', 'month'];
const AUTO_MAX_BUCKETS = 200;
/** Most buckets one histogram may have (an explicit interval too fine for the span is refused). */
export const MAX_HISTOGRAM_BUCKETS = 2_000;

/**
 * The time span the query requires, from `date:` ranges at its top level or inside a top-level
 * AND (ranges under OR / NOT do not bound it). `now` is already resolved in the AST, so every
 * index sees the same instants.
 */
export function queryTimeBounds(query: QueryNode): QueryTimeBounds {
  const ranges = query.kind === 'and' ? query.children : [query];
  let from: number | undefined;
  let to: number | undefined;
  for (const node of ranges) {
    if (node.kind !== 'range' || node.field !== 'date') continue;
    if (node.lower) {
      const first = node.lower.inclusive ? node.lower.resolved : node.lower.resolved + 1;
      from = from === undefined ? first : Math.max(from, first);
    }
    if (node.upper) {
      const last = node.upper.inclusive ? node.upper.resolved : node.upper.resolved - 1;
      to = to === undefined ? last : Math.min(to, last);
    }
  }
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/**
 * The span a histogram covers: the query's bounds where it has them, else the first / last hit.
 * `undefined` when neither says (no hit and an open range): the histogram is empty.
 */
export function histogramSpan(bounds: QueryTimeBounds, hits: TimeSpan | undefined): TimeSpan | undefined {
  const from = bounds.from ?? hits?.from;
  const to = bounds.to ?? hits?.to;
  return from === undefined || to === undefined || from > to ? undefined : { from, to };
}

/** Whether the histogram span needs the hits' first and last instants (the query does not bound both ends). */
export function needsHitSpan(bounds: QueryTimeBounds): boolean {
  return bounds.from === undefined || bounds.to === undefined;
}

/** The length of a fixed interval in milliseconds (`undefined` for `week` and `month`, which are calendar intervals). */
export function fixedIntervalMs(interval: HistogramInterval): number | undefined {
  return FIXED_MS[interval];
}

/** The start of the bucket holding `ms` (UTC; weeks start on Monday, as Elasticsearch's calendar weeks). */
export function bucketStart(interval: HistogramInterval, ms: number): number {
  const fixed = FIXED_MS[interval];
  if (fixed !== undefined) return Math.floor(ms / fixed) * fixed;
  if (interval === 'week') {
    const day = Math.floor(ms / DAY);
    const sinceMonday = (((day + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday
    return (day - sinceMonday) * DAY;
  }
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

function nextBucket(interval: HistogramInterval, start: number): number {
  const fixed = FIXED_MS[interval];
  if (fixed !== undefined) return start + fixed;
  if (interval === 'week') return start + 7 * DAY;
  const date = new Date(start);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

function bucketCount(interval: HistogramInterval, span: TimeSpan): number {
  const fixed = FIXED_MS[interval];
  const first = bucketStart(interval, span.from);
  const last = bucketStart(interval, span.to);
  if (fixed !== undefined) return (last - first) / fixed + 1;
  if (interval === 'week') return (last - first) / (7 * DAY) + 1;
  const a = new Date(first);
  const b = new Date(last);
  return (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth() + 1;
}

/** `auto`: the finest interval giving at most 200 buckets over the span (else months). */
export function resolveInterval(interval: HistogramInterval | 'auto' | undefined, span: TimeSpan | undefined): HistogramInterval {
  if (interval !== undefined && interval !== 'auto') return interval;
  if (span === undefined) return 'day';
  return AUTO_LADDER.find((candidate) => bucketCount(candidate, span) <= AUTO_MAX_BUCKETS) ?? 'month';
}

/** Every bucket start from the span's first to its last, in order. */
export function bucketStarts(interval: HistogramInterval, span: TimeSpan | undefined): number[] {
  if (span === undefined) return [];
  const count = bucketCount(interval, span);
  if (count > MAX_HISTOGRAM_BUCKETS) {
    throw new AggregationTooLargeError(`a histogram by ${interval} over this time span has ${count} buckets (at most ${MAX_HISTOGRAM_BUCKETS}); choose a coarser interval or a narrower date: range`);
  }
  const starts: number[] = [];
  for (let at = bucketStart(interval, span.from); at <= span.to; at = nextBucket(interval, at)) starts.push(at);
  return starts;
}

/** The Elasticsearch date_histogram parameters for an interval. */
export function elasticsearchInterval(interval: HistogramInterval): { fixed_interval: string } | { calendar_interval: string } {
  const fixed = FIXED_MS[interval];
  if (fixed === undefined) return { calendar_interval: interval };
  return fixed % DAY === 0 ? { fixed_interval: `${fixed / DAY}d` } : fixed % HOUR === 0 ? { fixed_interval: `${fixed / HOUR}h` } : { fixed_interval: `${fixed / MINUTE}m` };
}
