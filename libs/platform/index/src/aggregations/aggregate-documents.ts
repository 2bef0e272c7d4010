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
  // Without a drill-down only counts are needed: no per-bucket document lists are built.
  const group = p.subs.length ? groupBy : countBy;
  switch (p.type) {
    case 'dateHistogram': {
      const byStart = group<number>(docs, (doc, emit) => emit(bucketStart(p.interval, createdAtMs(doc))));
      const buckets = histogramBuckets(p.starts, (start) => bucketOf(byStart.get(start) ?? (p.subs.length ? [] : 0), subsOf));
      return { type: 'dateHistogram', interval: p.interval, buckets };
    }
    case 'terms': {
      const { values } = TERMS_FIELD_SOURCES[p.field];
      const byValue = group<string>(docs, (doc, emit) => {
        const v = values(doc);
        if (v === undefined) return;
        if (typeof v === 'string') emit(v);
        else if (v.length === 1) emit(v[0]);
        else new Set(v).forEach(emit); // a document counts once per value
      });
      const size = (g: number | MentionDocument[]) => (typeof g === 'number' ? g : g.length);
      const ranked = [...byValue.entries()].sort(([a, x], [b, y]) => size(y) - size(x) || compareCodePoints(a, b));
      const buckets: AggregationBucket[] = ranked.slice(0, p.size).map(([key, g]) => ({ key, ...bucketOf(g, subsOf) }));
      const otherCount = ranked.slice(p.size).reduce((n, [, g]) => n + size(g), 0);
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

function bucketOf(group: number | MentionDocument[], subsOf: (docs: readonly MentionDocument[]) => { aggregations?: AggregationResults }) {
  return typeof group === 'number' ? { count: group } : { count: group.length, ...subsOf(group) };
}

type Keys<K> = (doc: MentionDocument, emit: (key: K) => void) => void;

function groupBy<K>(docs: readonly MentionDocument[], keys: Keys<K>): Map<K, MentionDocument[] | number> {
  const groups = new Map<K, MentionDocument[]>();
  for (const doc of docs) {
    keys(doc, (key) => {
      const group = groups.get(key);
      if (group) group.push(doc);
      else groups.set(key, [doc]);
    });
  }
  return groups;
}

function countBy<K>(docs: readonly MentionDocument[], keys: Keys<K>): Map<K, MentionDocument[] | number> {
  const counts = new Map<K, number>();
  const add = (key: K) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const doc of docs) keys(doc, add);
  return counts;
}

const DIGIT_0 = 48;
const digits = (s: string, from: number, to: number): number => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - DIGIT_0;
  return n;
};

/**
 * `createdAt` as epoch milliseconds. Ingest stores `toISOString()` (`2026-11-20T10:00:00.000Z`):
 * that form is read digit by digit with integer calendar arithmetic (days from the civil date),
 * several times faster than `Date.parse` or `Date.UTC`, which a histogram over a million hits
 * would otherwise call a million times; any other form goes to `Date.parse`.
 */
export function createdAtMs(doc: MentionDocument): number {
  const s = doc.createdAt;
  if (s.length !== 24 || s.charCodeAt(23) !== 90 /* Z */ || s.charCodeAt(10) !== 84 /* T */) return Date.parse(s);
  const month = digits(s, 5, 7);
  const year = digits(s, 0, 4) - (month <= 2 ? 1 : 0); // years start in March, so leap days come last
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + digits(s, 8, 10) - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468; // 719,468 days from 0000-03-01 to 1970-01-01
  return ((days * 24 + digits(s, 11, 13)) * 60 + digits(s, 14, 16)) * 60_000 + digits(s, 17, 19) * 1_000 + digits(s, 20, 23);
}

/** The first and last `createdAt` of the documents, or `undefined` for none. */
export function timeSpanOf(docs: readonly MentionDocument[]): TimeSpan | undefined {
  let from = Infinity;
  let to = -Infinity;
  for (const doc of docs) {
    const ms = createdAtMs(doc);
    if (ms < from) from = ms;
    if (ms > to) to = ms;
  }
  return docs.length ? { from, to } : undefined;
}
