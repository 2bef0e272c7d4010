import type { QueryFieldSpec, QueryNode, TextSpan } from '@cxm/query';
import type { AggregationRequest, AggregationResults } from './aggregations/aggregation.types';

/**
 * One mention as the Explorer indexes it: the mention, what the classifier said of it, and where
 * it went (profile, case). `version` grows with every change so an older write never overwrites
 * a newer one, whatever order they arrive in.
 */
export interface MentionDocument {
  id: string;
  tenantId: string;
  version: number;
  channel: string;
  externalId: string;
  text: string;
  createdAt: string;
  authorId: string;
  authorHandle: string;
  authorDisplayName: string;
  /** The author's follower count when the channel reports it. */
  authorFollowers?: number;
  conversationId: string;
  target?: string;
  url?: string;
  lang?: string;
  sentiment?: string;
  sentimentScore?: number;
  /** The primary intent (what routing acted on). */
  intent?: string;
  /** Every intent that holds, the primary one included (flags such as spam, toxic, crisis too). */
  intents?: string[];
  topics?: string[];
  /** The classifier's hashtags, normalised (`#battery`), without repeats. */
  hashtags?: string[];
  /** ISO 3166-1 alpha-2 country of the mention, when its channel reports one (`TR`). */
  country?: string;
  /** 0–100, from the classifier's explainable priority. */
  priorityScore?: number;
  profileId?: string;
  caseId?: string;
  queue?: string;
  priority?: number;
}

/** Query-language field names and the document fields they filter. */
export const SEARCH_FIELDS = {
  lang: 'lang',
  sentiment: 'sentiment',
  intent: 'intents',
  channel: 'channel',
  topic: 'topics',
  author: 'authorHandle',
  country: 'country',
} as const satisfies Record<string, keyof MentionDocument>;

/**
 * Query-language fields compared as numbers / instants (`followers:>10000`,
 * `date:[now-7d TO now]`), and the document fields they read.
 */
export const RANGE_FIELDS = {
  followers: { type: 'number', key: 'authorFollowers' },
  date: { type: 'date', key: 'createdAt' },
} as const satisfies Record<string, { type: 'number' | 'date'; key: keyof MentionDocument }>;

/** Every query field, for `parseQuery(q, { fields: SEARCH_FIELD_NAMES })`. */
export const SEARCH_FIELD_NAMES: readonly QueryFieldSpec[] = [
  ...Object.keys(SEARCH_FIELDS),
  ...Object.entries(RANGE_FIELDS).map(([name, { type }]) => ({ name, type })),
];

/**
 * The values a document offers each query field, shared by every index so they filter alike. A
 * document without `intents` (written before intents were multi-label) offers its primary intent.
 */
export function searchFieldValues(doc: MentionDocument): Record<string, string | string[] | undefined> {
  const values: Record<string, string | string[] | undefined> = {};
  for (const [name, key] of Object.entries(SEARCH_FIELDS)) {
    const value = doc[key];
    values[name] = value === undefined ? undefined : Array.isArray(value) ? value : String(value);
  }
  values.intent ??= doc.intent;
  values.author = authorValues(doc.authorHandle);
  return values;
}

/** `author:@mara` and `author:mara` both find the handle `@mara` (and the handle `mara`). */
function authorValues(handle: string): string[] {
  return handle.startsWith('@') ? [handle, handle.slice(1)] : [handle, `@${handle}`];
}

/** The values a document offers each range field (numbers; dates as epoch milliseconds). */
export function rangeFieldValues(doc: MentionDocument): Record<string, number | undefined> {
  const values: Record<string, number | undefined> = {};
  for (const [name, { type, key }] of Object.entries(RANGE_FIELDS)) {
    const value = doc[key];
    values[name] = value === undefined ? undefined : type === 'date' ? Date.parse(String(value)) : Number(value);
  }
  return values;
}

/**
 * Result orders. Each ends with a unique tiebreaker (the id), so a cursor names one exact
 * position: `newest` createdAt desc, id desc; `oldest` createdAt asc, id asc; `priority`
 * priorityScore desc (unscored last), then newest.
 */
export const SEARCH_SORTS = ['newest', 'oldest', 'priority'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export interface SearchPage {
  limit: number;
  /** Opaque position after the last item of the previous page (search-after, no depth limit). */
  cursor?: string;
  /** Default `newest`. A cursor is only valid with the sort that issued it. */
  sort?: SearchSort;
  /** Mark where the query's words occur in each item's text. */
  highlight?: boolean;
  /** Computed over every hit of the query (not only the page). */
  aggregations?: readonly AggregationRequest[];
}

/** Where the query's words occur in `text`: spans, and the text as HTML with them in `<mark>`. */
export interface Highlight {
  spans: TextSpan[];
  /** The text HTML-escaped, each span wrapped in `<mark>…</mark>`. */
  text: string;
}

export type SearchHit = MentionDocument & { highlight?: Highlight };

export interface SearchResult {
  items: SearchHit[];
  total: number;
  nextCursor: string | null;
  /** Present when aggregations were asked for, by name. */
  aggregations?: AggregationResults;
}

export class InvalidCursorError extends Error {
  constructor(message = 'cursor is not one this index issued') {
    super(message);
    this.name = 'InvalidCursorError';
  }
}

/**
 * The searchable projection of every mention. Results are in `page.sort` order (newest first by
 * default). Every call names the tenant; no query can reach another tenant's mentions.
 */
export interface MentionIndex {
  /** Stores the document unless the index already holds the same or a newer version. */
  upsert(doc: MentionDocument): Promise<void>;
  get(tenantId: string, id: string): Promise<MentionDocument | undefined>;
  search(tenantId: string, query: QueryNode, page: SearchPage): Promise<SearchResult>;
  /**
   * Forgets a document (erasure for privacy): it leaves search and `get` at once — and any
   * rebuild in progress. A no-op for an id the index does not hold.
   */
  remove(tenantId: string, id: string): Promise<void>;
  /**
   * Starts rebuilding the index from a source of truth into a fresh copy (a new versioned index on
   * Elasticsearch, a new segment set for the embedded index). Searches keep reading the current
   * copy; writes made meanwhile through `upsert` / `remove` land in both. `commit` swaps the copy
   * in atomically (searchers never see a half-built index); `abort` drops it.
   */
  rebuild(): Promise<IndexRebuild>;
  /**
   * Makes every completed upsert visible to search. Search is near-real-time on a real index;
   * tests and admin tools call this when they need read-your-writes. A no-op for the embedded index.
   */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** A rebuild in progress (see {@link MentionIndex.rebuild}). */
export interface IndexRebuild {
  /** Where the rebuild writes (the new index name, or a label for the embedded index). */
  readonly target: string;
  /** Writes one document of the source of truth into the copy (newer versions win, as in `upsert`). */
  upsert(doc: MentionDocument): Promise<void>;
  /** Swaps the copy in: from now on searches read it; the previous copy is dropped. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export const MENTION_INDEX = Symbol('MENTION_INDEX');
