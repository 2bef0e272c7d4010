import { InvalidCursorError, MentionDocument, SearchSort } from '../mention-index.port';

/** Sort values of one position: `[createdAt, id]`, or `[priorityScore, createdAt, id]` for `priority`. */
export type SortValues = readonly [string, string] | readonly [number, string, string];

/** Where an unscored mention stands in the priority order: below every score (scores are 0–100). */
export const UNSCORED_PRIORITY = -1;

export function sortValues(sort: SearchSort, doc: MentionDocument): SortValues {
  return sort === 'priority' ? [doc.priorityScore ?? UNSCORED_PRIORITY, doc.createdAt, doc.id] : [doc.createdAt, doc.id];
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The position after the last item of a page, as an opaque string that also names its sort. */
export function encodeCursor(sort: SearchSort, doc: MentionDocument): string {
  return Buffer.from(JSON.stringify({ s: sort, v: sortValues(sort, doc) })).toString('base64url');
}

/** The position a cursor names; refuses a cursor not issued for `sort`. */
export function decodeCursor(sort: SearchSort, cursor: string): SortValues {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  // Cursors issued before sorts existed: `[createdAt, id]`, newest first.
  if (Array.isArray(value)) value = { s: 'newest', v: value };
  const { s, v } = (value ?? {}) as { s?: unknown; v?: unknown };
  if (!Array.isArray(v) || (s !== 'newest' && s !== 'oldest' && s !== 'priority')) throw new InvalidCursorError();
  if (s !== sort) throw new InvalidCursorError(`cursor was issued for sort "${s}", not "${sort}"`);
  const shapeOk = sort === 'priority' ? v.length === 3 && typeof v[0] === 'number' && typeof v[1] === 'string' && typeof v[2] === 'string' : v.length === 2 && v.every((x) => typeof x === 'string');
  if (!shapeOk || Number.isNaN(Date.parse(v[v.length - 2]))) throw new InvalidCursorError();
  return v as unknown as SortValues;
}

/** What the order reads of a document, or of a cursor's position. */
type Position = Pick<MentionDocument, 'createdAt' | 'id' | 'priorityScore'>;

function positionOf(sort: SearchSort, values: SortValues): Position {
  return sort === 'priority'
    ? { priorityScore: values[0] as number, createdAt: values[1] as string, id: values[2] as string }
    : { createdAt: values[0] as string, id: values[1] as string };
}

/**
 * Compares two positions in `sort` order (negative: `a` comes first), on documents directly (no
 * allocation per document in a scan). `createdAt` is compared as a string: ingest stores it as
 * `toISOString()` (UTC, milliseconds), which orders like the instant.
 */
function comparePositions(sort: SearchSort, a: Position, b: Position): number {
  if (sort === 'oldest') return compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id);
  const byNewest = compareStrings(b.createdAt, a.createdAt) || compareStrings(b.id, a.id);
  if (sort === 'newest') return byNewest;
  return (b.priorityScore ?? UNSCORED_PRIORITY) - (a.priorityScore ?? UNSCORED_PRIORITY) || byNewest;
}

/**
 * The page of `docs` after `after` in `sort` order: one pass keeping the best `limit + 1` (so a
 * deep page over a million hits costs no full sort), then `more` says whether a page follows.
 */
export function selectPage(docs: readonly MentionDocument[], sort: SearchSort, after: SortValues | undefined, limit: number): { items: MentionDocument[]; more: boolean } {
  const keep = limit + 1;
  const from = after && positionOf(sort, after);
  const best: MentionDocument[] = [];
  for (const doc of docs) {
    if (from && comparePositions(sort, doc, from) <= 0) continue;
    if (best.length === keep && comparePositions(sort, doc, best[keep - 1]) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (comparePositions(sort, best[mid], doc) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, doc);
    if (best.length > keep) best.pop();
  }
  return { items: best.slice(0, limit), more: best.length > limit };
}
