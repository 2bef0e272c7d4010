export * from './mention-index.port';
export * from './aggregations/aggregation.types';
export { MAX_HISTOGRAM_BUCKETS } from './aggregations/date-histogram';
export { decodeCursor, encodeCursor } from './sort/mention-sort';
export * from './embedded/embedded-mention-index.adapter';
export * from './elasticsearch/elasticsearch-mention-index.adapter';
export * from './elasticsearch/compile-query';
export * as bitsets from './embedded/bitset';
export type { DictionaryColumn, MatchSet, SegmentColumns, TenantSegment } from './embedded/tenant-segment';
