import { InvalidCursorError, MentionDocument, SearchSort } from '../mention-index.port';

/** Sort values of one position: `[createdAt, id]`, or `[priorityScore, createdAt, id]` for `priority`. */
export type SortValues = readonly [string, string] | readonly [number, string, string];

/** Where an unscored mention stands in the priority order: below every score (scores are 0–100). */
export const UNSCORED_PRIORITY = -1;

export function sortValues(sort: SearchSort, doc: MentionDocument): SortValues {
  return sort === 'priority' ? [doc.priorityScore ?? UNSCORED_PRIORITY, doc.createdAt, doc.id] : [doc.createdAt, doc.id];
}

/**
 * Compares two positions in `sort` order (negative: `a` comes first). `createdAt` is compared as
 * a string: ingest stores it as `toISOString()` (UTC, milliseconds), which orders like the instant.
 */
export function compareSortValues(sort: SearchSort, a: SortValues, b: SortValues): number {
  if (sort === 'oldest') return compareStrings(a[0] as string, b[0] as string) || compareStrings(a[1] as string, b[1] as string);
  if (sort === 'newest') return compareStrings(b[0] as string, a[0] as string) || compareStrings(b[1] as string, a[1] as string);
  return (b[0] as number) - (a[0] as number) || compareStrings(b[1] as string, a[1] as string) || compareStrings(b[2] as string, a[2] as string);
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

/**
 * The page of `docs` after `after` in `sort` order: one pass keeping the best `limit + 1` (so a
 * deep page over a million hits costs no full sort), then `more` says whether a page follows.
 */
export function selectPage(docs: readonly MentionDocument[], sort: SearchSort, after: SortValues | undefined, limit: number): { items: MentionDocument[]; more: boolean } {
  const keep = limit + 1;
  const best: { doc: MentionDocument; values: SortValues }[] = [];
  for (const doc of docs) {
    const values = sortValues(sort, doc);
    if (after && compareSortValues(sort, values, after) <= 0) continue;
    if (best.length === keep && compareSortValues(sort, values, best[keep - 1].values) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareSortValues(sort, best[mid].values, values) < 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, { doc, values });
    if (best.length > keep) best.pop();
  }
  return { items: best.slice(0, limit).map((b) => b.doc), more: best.length > limit };
}
