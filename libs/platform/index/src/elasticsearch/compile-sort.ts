import type { SearchSort } from '../mention-index.port';
import { SortValues, UNSCORED_PRIORITY } from '../sort/mention-sort';

/** Each sort as Elasticsearch sort clauses, ending with the id as a unique tiebreaker (as in sort/mention-sort.ts). */
export function elasticsearchSort(sort: SearchSort): Record<string, unknown>[] {
  switch (sort) {
    case 'newest':
      return [{ createdAt: { order: 'desc' } }, { id: { order: 'desc' } }];
    case 'oldest':
      return [{ createdAt: { order: 'asc' } }, { id: { order: 'asc' } }];
    case 'priority':
      return [{ priorityScore: { order: 'desc', missing: UNSCORED_PRIORITY } }, { createdAt: { order: 'desc' } }, { id: { order: 'desc' } }];
  }
}

/** A cursor's position as `search_after` values (dates as the epoch milliseconds Elasticsearch sorts by). */
export function searchAfter(sort: SearchSort, values: SortValues): (string | number)[] {
  return sort === 'priority' ? [values[0], Date.parse(values[1] as string), values[2] as string] : [Date.parse(values[0] as string), values[1]];
}
