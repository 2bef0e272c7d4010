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

  /**
   * The document's key in each index, in the order `update` takes them: what its fields would read
   * after a JSON round-trip. Read from `doc` itself when it is plain data (where the two agree);
   * else from `json`, its serialisation, parsed — a `toJSON` or a class instance on the path could
   * make the stored copy differ from the object.
   */
  keysOf(doc: unknown, json?: string): string[] {
    if (this.indexes.length === 0) return NO_KEYS;
    const source = json === undefined || this.indexes.every((index) => index.fields.every((field) => plainAlong(doc, field))) ? doc : JSON.parse(json);
    return this.indexes.map((index) => keyOf(index.fields, source));
  }

  /** Files a document under its keys (`keysOf`); `previous` (the keys of the version it replaces) are taken out first. */
  update(tenantId: string, id: string, keys: readonly string[], previous: readonly string[] | undefined): void {
    this.indexes.forEach((index, i) => {
      const key = keys[i];
      if (previous !== undefined) {
        const before = previous[i];
        if (before === key) return;
        const bucket = index.buckets.get(tenantId)?.get(before);
        bucket?.delete(id);
        if (bucket?.size === 0) index.buckets.get(tenantId)!.delete(before);
      }
      let tenant = index.buckets.get(tenantId);
      if (!tenant) index.buckets.set(tenantId, (tenant = new Map()));
      let bucket = tenant.get(key);
      if (!bucket) tenant.set(key, (bucket = new Set()));
      bucket.add(id);
    });
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
const NO_KEYS: string[] = [];

/**
 * The field reads the same on `doc` as on its JSON copy: every object `readPath` passes through (the
 * document itself included) is a plain object without `toJSON`, the key read is not a hidden (non-
 * enumerable) property, and the value reached is a JSON scalar or absent. Anything else (an array,
 * a Date, a class instance on the way) is answered from the parsed copy instead.
 */
function plainAlong(doc: unknown, path: string): boolean {
  let value = doc;
  for (const key of path.split('.')) {
    // From here on both read undefined.
    if (value === null || value === undefined) return true;
    if (typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
    if (Object.hasOwn(value, key) && !Object.prototype.propertyIsEnumerable.call(value, key)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The same value a filter compares with: a missing field is null (see matchesFilter). */
function keyOf(fields: string[], doc: unknown): string {
  return JSON.stringify(fields.map((field) => readPath(doc, field) ?? null));
}
