import { AppendOnlyFile, journalNeedsCompaction } from '@cxm/platform-embedded';
import { join } from 'node:path';
import {
  CollectionDefinition,
  DocumentCollection,
  DocumentFilter,
  DocumentStore,
  DuplicateDocumentError,
  FindOptions,
  StoredDocument,
  VersionConflictError,
  Versioned,
} from '../document-store.port';
import { compareByField, matchesFilter } from './document-filter';
import { EqualityIndexes } from './equality-indexes';

interface JournalEntry {
  tenantId: string;
  id: string;
  version: number;
  doc: unknown;
}

/**
 * One stored version. Its JSON text is what every copy handed out is parsed from, so a caller can
 * never reach stored state, and a write costs one serialisation instead of a serialisation and two
 * parses. `parsed` (never handed out) is built only when a filter or a sort must read fields.
 * At least one of the two is set: a write sets `json`, a replay from the journal `parsed`. Once
 * both exist (a replayed document read, a written one filtered) both are kept: memory for CPU, in
 * a collection whose documents the ingest path only ever writes and reads by id it is the text alone.
 */
interface Entry<T> {
  version: number;
  json: string | undefined;
  parsed: T | undefined;
  /** The document's key in each declared index (EqualityIndexes.keysOf), so a replace need not parse the version it replaces. */
  keys: string[];
}

/**
 * Documents of one collection kept in memory and journalled to disk (each write fsynced, grouped).
 * Reopening replays the journal; it is compacted at open when mostly superseded entries.
 */
class EmbeddedCollection<T extends StoredDocument> implements DocumentCollection<T> {
  private readonly byTenant = new Map<string, Map<string, Entry<T>>>();
  private readonly indexes: EqualityIndexes;
  /** Per tenant, each document's place in first-insert order (ids never leave a collection). */
  private readonly positions = new Map<string, Map<string, number>>();
  private file: AppendOnlyFile | undefined;
  private readonly ready: Promise<void>;

  constructor(
    private readonly name: string,
    path: string | undefined,
    indexes: readonly (readonly string[])[],
  ) {
    this.indexes = new EqualityIndexes(indexes);
    this.ready = this.load(path);
  }

  async get(tenantId: string, id: string): Promise<Versioned<T> | undefined> {
    await this.ready;
    const entry = this.tenant(tenantId).get(id);
    return entry && { doc: copyOf(entry), version: entry.version };
  }

  async insert(doc: T): Promise<Versioned<T>> {
    await this.ready;
    if (this.tenant(doc.tenantId).has(doc.id)) throw new DuplicateDocumentError(this.name, doc.id);
    return this.write(doc, 1);
  }

  async replace(doc: T, expectedVersion: number): Promise<Versioned<T>> {
    await this.ready;
    const current = this.tenant(doc.tenantId).get(doc.id);
    if (!current || current.version !== expectedVersion) throw new VersionConflictError(this.name, doc.id, expectedVersion);
    return this.write(doc, expectedVersion + 1);
  }

  async find(tenantId: string, filter: DocumentFilter, options: FindOptions): Promise<T[]> {
    await this.ready;
    const after = options.afterId;
    const matching = this.candidates(tenantId, filter).filter((entry) => {
      const doc = parsedOf(entry);
      return matchesFilter(doc, filter) && (after === undefined || (options.descending ? doc.id < after : doc.id > after));
    });
    const compare = compareByField(options.sortBy ?? 'id', options.descending ?? false);
    matching.sort((a, b) => compare(parsedOf(a), parsedOf(b)));
    return matching.slice(0, options.limit).map(copyOf);
  }

  async findOne(tenantId: string, filter: DocumentFilter): Promise<Versioned<T> | undefined> {
    await this.ready;
    for (const entry of this.candidates(tenantId, filter, true)) if (matchesFilter(parsedOf(entry), filter)) return { doc: copyOf(entry), version: entry.version };
    return undefined;
  }

  /**
   * The documents a filter may match: the bucket of a declared index that covers the filter, else
   * all of them. `inOrder`: in the collection's order (first insert first, as a scan meets them),
   * which decides findOne's answer when several match.
   */
  private candidates(tenantId: string, filter: DocumentFilter, inOrder = false): Entry<T>[] {
    const docs = this.tenant(tenantId);
    const ids = this.indexes.candidates(tenantId, filter);
    if (!ids) return [...docs.values()];
    const picked = [...ids];
    if (inOrder && picked.length > 1) {
      const position = this.positions.get(tenantId)!;
      picked.sort((a, b) => position.get(a)! - position.get(b)!);
    }
    return picked.map((id) => docs.get(id)!);
  }

  async close(): Promise<void> {
    await this.ready;
    await this.file?.close();
  }

  private async write(doc: T, version: number): Promise<Versioned<T>> {
    // One serialisation serves the stored copy, the journal line and the caller's copy.
    const json = JSON.stringify(doc);
    // The keys are read before any await, from the caller's document as it is now (EqualityIndexes.keysOf
    // parses the JSON instead when the document is not plain data).
    const entry: Entry<T> = { version, json, parsed: undefined, keys: this.indexes.keysOf(doc, json) };
    // In memory first (synchronously) so a concurrent writer sees the new version at once.
    this.put(doc.tenantId, doc.id, entry);
    await this.file?.append([`{"tenantId":${JSON.stringify(doc.tenantId)},"id":${JSON.stringify(doc.id)},"version":${version},"doc":${json}}`]);
    return lazyCopy(json, version);
  }

  private put(tenantId: string, id: string, entry: Entry<T>): void {
    const docs = this.tenant(tenantId);
    const previous = docs.get(id);
    if (!previous) {
      let positions = this.positions.get(tenantId);
      if (!positions) this.positions.set(tenantId, (positions = new Map()));
      positions.set(id, positions.size);
    }
    this.indexes.update(tenantId, id, entry.keys, previous?.keys);
    docs.set(id, entry);
  }

  private tenant(tenantId: string): Map<string, Entry<T>> {
    let docs = this.byTenant.get(tenantId);
    if (!docs) {
      docs = new Map();
      this.byTenant.set(tenantId, docs);
    }
    return docs;
  }

  private async load(path: string | undefined): Promise<void> {
    if (!path) return;
    const { file, lines } = await AppendOnlyFile.open(path, { durable: true });
    for (const line of lines) {
      const entry = JSON.parse(line) as JournalEntry;
      const doc = entry.doc as T;
      this.put(entry.tenantId, entry.id, { version: entry.version, json: undefined, parsed: doc, keys: this.indexes.keysOf(doc) });
    }
    const live = [...this.byTenant.values()].reduce((n, docs) => n + docs.size, 0);
    if (journalNeedsCompaction(lines.length, live)) {
      const compacted = [...this.byTenant.entries()].flatMap(([tenantId, docs]) =>
        [...docs.entries()].map(([id, entry]) => JSON.stringify({ tenantId, id, version: entry.version, doc: parsedOf(entry) })),
      );
      await file.rewrite(compacted);
    }
    this.file = file;
  }
}

/** A copy for a caller, parsed from the stored text: like a database round-trip, `undefined` fields are gone. */
function copyOf<T>(entry: Entry<T>): T {
  entry.json ??= JSON.stringify(entry.parsed);
  return JSON.parse(entry.json) as T;
}

/** The stored document for filters and sorts: parsed once, kept, never handed out. */
function parsedOf<T>(entry: Entry<T>): T {
  return (entry.parsed ??= JSON.parse(entry.json!) as T);
}

/**
 * What a write answers: a copy of the stored version whose `doc` is parsed only if the caller reads
 * it (most writers do not), then kept, so the caller sees one object it may change like any other.
 */
function lazyCopy<T>(json: string, version: number): Versioned<T> {
  let doc: T | undefined;
  return {
    version,
    get doc(): T {
      return (doc ??= JSON.parse(json) as T);
    },
    set doc(value: T) {
      doc = value;
    },
  };
}

export class EmbeddedDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, EmbeddedCollection<StoredDocument>>();

  /** `dataDir` absent: memory only — for unit tests. */
  constructor(private readonly dataDir?: string) {}

  collection<T extends StoredDocument>(definition: CollectionDefinition): DocumentCollection<T> {
    let collection = this.collections.get(definition.name);
    if (!collection) {
      const path = this.dataDir ? join(this.dataDir, 'store', `${definition.name}.log`) : undefined;
      collection = new EmbeddedCollection(definition.name, path, definition.indexes ?? []);
      this.collections.set(definition.name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  async close(): Promise<void> {
    await Promise.all([...this.collections.values()].map((c) => c.close()));
  }
}
