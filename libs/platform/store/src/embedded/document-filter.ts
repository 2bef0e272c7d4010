import { DocumentFilter } from '../document-store.port';

export function readPath(doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value == null ? undefined : (value as Record<string, unknown>)[key]), doc);
}

export function matchesFilter(doc: unknown, filter: DocumentFilter): boolean {
  return Object.entries(filter).every(([path, expected]) => (readPath(doc, path) ?? null) === expected);
}

export function compareByField(field: string, descending: boolean) {
  return (a: { id: string }, b: { id: string }): number => {
    const x = readPath(a, field) as string | number;
    const y = readPath(b, field) as string | number;
    const order = x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    return descending ? -order : order;
  };
}
