import { AppendOnlyFile, cloneJson, journalNeedsCompaction } from '@cxm/platform-embedded';
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

interface JournalEntry {
  tenantId: string;
  id: string;
  version: number;
  doc: unknown;
}

/**
 * Documents of one collection kept in memory and journalled to disk (each write fsynced, grouped).
 * Reopening replays the journal; it is compacted at open when mostly superseded entries.
 */
class EmbeddedCollection<T extends StoredDocument> implements DocumentCollection<T> {
  private readonly byTenant = new Map<string, Map<string, Versioned<T>>>();
  private file: AppendOnlyFile | undefined;
  private readonly ready: Promise<void>;

  constructor(
    private readonly name: string,
    path: string | undefined,
  ) {
    this.ready = this.load(path);
  }

  async get(tenantId: string, id: string): Promise<Versioned<T> | undefined> {
    await this.ready;
    return clone(this.tenant(tenantId).get(id));
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
    const docs = [...this.tenant(tenantId).values()].map((v) => v.doc).filter((doc) => matchesFilter(doc, filter) && (after === undefined || (options.descending ? doc.id < after : doc.id > after)));
    docs.sort(compareByField(options.sortBy ?? 'id', options.descending ?? false));
    return docs.slice(0, options.limit).map((doc) => cloneJson(doc));
  }

  async findOne(tenantId: string, filter: DocumentFilter): Promise<Versioned<T> | undefined> {
    await this.ready;
    for (const entry of this.tenant(tenantId).values()) if (matchesFilter(entry.doc, filter)) return clone(entry);
    return undefined;
  }

  async close(): Promise<void> {
    await this.ready;
    await this.file?.close();
  }

  private async write(doc: T, version: number): Promise<Versioned<T>> {
    const entry: Versioned<T> = { doc: cloneJson(doc), version };
    // In memory first (synchronously) so a concurrent writer sees the new version at once.
    this.tenant(doc.tenantId).set(doc.id, entry);
    const line: JournalEntry = { tenantId: doc.tenantId, id: doc.id, version, doc };
    await this.file?.append([JSON.stringify(line)]);
    return clone(entry)!;
  }

  private tenant(tenantId: string): Map<string, Versioned<T>> {
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
      this.tenant(entry.tenantId).set(entry.id, { doc: entry.doc as T, version: entry.version });
    }
    const live = [...this.byTenant.values()].reduce((n, docs) => n + docs.size, 0);
    if (journalNeedsCompaction(lines.length, live)) {
      const compacted = [...this.byTenant.entries()].flatMap(([tenantId, docs]) =>
        [...docs.values()].map((v) => JSON.stringify({ tenantId, id: v.doc.id, version: v.version, doc: v.doc })),
      );
      await file.rewrite(compacted);
    }
    this.file = file;
  }
}

function clone<T>(entry: Versioned<T> | undefined): Versioned<T> | undefined {
  return entry && { doc: cloneJson(entry.doc), version: entry.version };
}

export class EmbeddedDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, EmbeddedCollection<StoredDocument>>();

  /** `dataDir` absent: memory only — for unit tests. */
  constructor(private readonly dataDir?: string) {}

  collection<T extends StoredDocument>(definition: CollectionDefinition): DocumentCollection<T> {
    let collection = this.collections.get(definition.name);
    if (!collection) {
      const path = this.dataDir ? join(this.dataDir, 'store', `${definition.name}.log`) : undefined;
      collection = new EmbeddedCollection(definition.name, path);
      this.collections.set(definition.name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  async close(): Promise<void> {
    await Promise.all([...this.collections.values()].map((c) => c.close()));
  }
}
