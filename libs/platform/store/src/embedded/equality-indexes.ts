import { DocumentFilter } from '../document-store.port';
import { readPath } from './document-filter';

/**
 * The embedded store's answer to the `indexes` a collection declares: for each one, a map from
 * the values of its fields (before any `id` field, which only orders pages) to the ids of the
 * documents holding them, per tenant. A `find`/`findOne` whose filter names every field of one of
 * them reads that bucket instead of scanning the tenant's collection: a routing look-up of the
 * open case of a conversation stays constant-time as cases pile up, as it is in MongoDB.
 *
 * Buckets only narrow the candidates; the caller still applies the filter to each, so an index
 * can never change what a query returns, only how many documents it looks at.
 */
export class EqualityIndexes {
  private readonly indexes: { fields: string[]; buckets: Map<string, Map<string, Set<string>>> }[];

  constructor(declared: readonly (readonly string[])[]) {
    const seen = new Set<string>();
    this.indexes = [];
    for (const index of declared) {
      const idAt = index.indexOf('id');
      const fields = idAt < 0 ? [...index] : index.slice(0, idAt);
      const name = fields.join('\u0000');
      if (!fields.length || seen.has(name)) continue;
      seen.add(name);
      this.indexes.push({ fields, buckets: new Map() });
    }
    // The most selective first: the index naming the most fields of a filter is the one used.
    this.indexes.sort((a, b) => b.fields.length - a.fields.length);
  }

  /** Files a document under its current values; `previous` (the version it replaces) is taken out first. */
  update(tenantId: string, id: string, doc: unknown, previous: unknown): void {
    for (const index of this.indexes) {
      const key = keyOf(index.fields, doc);
      if (previous !== undefined) {
        const before = keyOf(index.fields, previous);
        if (before === key) continue;
        const bucket = index.buckets.get(tenantId)?.get(before);
        bucket?.delete(id);
        if (bucket?.size === 0) index.buckets.get(tenantId)!.delete(before);
      }
      let tenant = index.buckets.get(tenantId);
      if (!tenant) index.buckets.set(tenantId, (tenant = new Map()));
      let bucket = tenant.get(key);
      if (!bucket) tenant.set(key, (bucket = new Set()));
      bucket.add(id);
    }
  }

  /**
   * The ids that may match `filter`, from the most selective index whose fields the filter all
   * names; undefined when no index covers it (the caller scans).
   */
  candidates(tenantId: string, filter: DocumentFilter): ReadonlySet<string> | undefined {
    for (const index of this.indexes) {
      if (!index.fields.every((field) => Object.prototype.hasOwnProperty.call(filter, field))) continue;
      return index.buckets.get(tenantId)?.get(JSON.stringify(index.fields.map((field) => filter[field]))) ?? EMPTY;
    }
    return undefined;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** The same value a filter compares with: a missing field is null (see matchesFilter). */
function keyOf(fields: string[], doc: unknown): string {
  return JSON.stringify(fields.map((field) => readPath(doc, field) ?? null));
}
