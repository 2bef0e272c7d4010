import { validationProblem } from '@cxm/platform-http';

/** A list page's position as an opaque string: the id of the last document examined. */
export function encodeStoreCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeStoreCursor(cursor: string | undefined, field = 'cursor'): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (id.length === 0 || encodeStoreCursor(id) !== cursor) throw validationProblem([{ field, message: 'not a cursor this list issued' }]);
  return id;
}

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}
