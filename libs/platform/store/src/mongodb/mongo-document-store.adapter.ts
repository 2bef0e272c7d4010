import { cloneJson } from '@cxm/platform-embedded';
import mongoose, { Connection, Model, Schema } from 'mongoose';
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

/** A stored version of a document: its own fields, plus the key and version the store manages. */
interface VersionRow {
  _id: string;
  _version: number;
  /** Set on versions that a newer one replaced: only the key fields remain. */
  _superseded?: true;
  [field: string]: unknown;
}

const DUPLICATE_KEY = 11000;
/** Superseded versions kept as stubs: a writer would have to stall through this many writes to slip past. */
const STUBS_KEPT = 32;

/**
 * One collection on MongoDB or a MongoDB-wire server (FerretDB). Optimistic concurrency must not
 * depend on `replaceOne` with a version in its filter: FerretDB 1.x evaluates that as a read then
 * a write, so two writers can both "match" (measured: 1 of 8 concurrent updates lost). Instead
 * every write *inserts* the next version under the primary key `tenant/id#version`; the unique
 * `_id` makes that insert the atomic compare-and-set on every server. The version it replaces is
 * then cut down to a stub. Rows are stored flat, so filters and indexes address fields directly.
 */
class MongoCollection<T extends StoredDocument> implements DocumentCollection<T> {
  private readonly ready: Promise<unknown>;

  constructor(
    private readonly name: string,
    private readonly model: Model<VersionRow>,
  ) {
    // Compound indexes only: FerretDB 1.x has no text, TTL, partial or hashed indexes.
    this.ready = model.createIndexes();
    // Callers await `ready` and see a failure there; without this, the failure would also be an
    // unhandled rejection that kills the process before anyone asked.
    this.ready.catch(() => undefined);
  }

  async get(tenantId: string, id: string): Promise<Versioned<T> | undefined> {
    await this.ready;
    const [row] = await this.model.find({ tenantId, id }).sort({ _version: -1 }).limit(1).lean<VersionRow[]>().exec();
    return row && !row._superseded ? toVersioned<T>(row) : undefined;
  }

  async insert(doc: T): Promise<Versioned<T>> {
    if (await this.get(doc.tenantId, doc.id)) throw new DuplicateDocumentError(this.name, doc.id);
    if (!(await this.insertVersion(doc, 1))) throw new DuplicateDocumentError(this.name, doc.id);
    return { doc: cloneJson(doc), version: 1 };
  }

  async replace(doc: T, expectedVersion: number): Promise<Versioned<T>> {
    const current = await this.get(doc.tenantId, doc.id);
    if (current?.version !== expectedVersion) throw new VersionConflictError(this.name, doc.id, expectedVersion);
    if (!(await this.insertVersion(doc, expectedVersion + 1))) throw new VersionConflictError(this.name, doc.id, expectedVersion);
    await this.supersede(doc, expectedVersion);
    return { doc: cloneJson(doc), version: expectedVersion + 1 };
  }

  async find(tenantId: string, filter: DocumentFilter, options: FindOptions): Promise<T[]> {
    await this.ready;
    const direction = options.descending ? -1 : 1;
    const rows = await this.model
      .find({ ...filter, tenantId, _superseded: { $exists: false }, ...(options.afterId !== undefined ? { id: { [options.descending ? '$lt' : '$gt']: options.afterId } } : {}) })
      .sort({ [options.sortBy ?? 'id']: direction, id: direction, _version: -1 })
      .limit(options.limit * 2)
      .lean<VersionRow[]>()
      .exec();
    return latestPerId(rows).slice(0, options.limit).map((row) => toVersioned<T>(row).doc);
  }

  async findOne(tenantId: string, filter: DocumentFilter): Promise<Versioned<T> | undefined> {
    await this.ready;
    const rows = await this.model.find({ ...filter, tenantId, _superseded: { $exists: false } }).sort({ _version: -1 }).limit(10).lean<VersionRow[]>().exec();
    for (const row of latestPerId(rows)) {
      // A crash between writing a version and stubbing the previous one can leave an old full
      // row behind: trust a match only if it is still the newest version.
      const latest = await this.get(tenantId, row.id as string);
      if (latest?.version === row._version) return latest;
    }
    return undefined;
  }

  /** Inserts one version; false when that version already exists (someone else wrote it first). */
  private async insertVersion(doc: T, version: number): Promise<boolean> {
    await this.ready;
    try {
      await this.model.collection.insertOne({ ...withoutUndefined(doc), _id: rowId(doc.tenantId, doc.id, version), _version: version } as never);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
      throw error;
    }
  }

  private async supersede(doc: T, version: number): Promise<void> {
    const stub = { tenantId: doc.tenantId, id: doc.id, _version: version, _superseded: true };
    await this.model.collection.replaceOne({ _id: rowId(doc.tenantId, doc.id, version) } as never, stub);
    const expired = version - STUBS_KEPT;
    if (expired >= 1) await this.model.collection.deleteOne({ _id: rowId(doc.tenantId, doc.id, expired) } as never);
  }
}

function rowId(tenantId: string, id: string, version: number): string {
  return `${tenantId}/${id}#${version}`;
}

function latestPerId(rows: VersionRow[]): VersionRow[] {
  const seen = new Map<string, VersionRow>();
  for (const row of rows) {
    const held = seen.get(row.id as string);
    if (!held || held._version < row._version) seen.set(row.id as string, row);
  }
  return rows.filter((row) => seen.get(row.id as string) === row);
}

function toVersioned<T>(row: VersionRow): Versioned<T> {
  const { _id, _version, _superseded, ...doc } = row;
  void _id;
  void _superseded;
  return { doc: doc as T, version: _version };
}

/** MongoDB stores `undefined` as null; dropping it keeps documents identical to what was written. */
function withoutUndefined<T extends object>(doc: T): T {
  return JSON.parse(JSON.stringify(doc)) as T;
}

export class MongoDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, MongoCollection<StoredDocument>>();

  private constructor(private readonly connection: Connection) {}

  /** Connects to `uri` (a database name in its path, e.g. mongodb://127.0.0.1:27017/cxm). */
  static async connect(uri: string): Promise<MongoDocumentStore> {
    const connection = mongoose.createConnection(uri, { autoIndex: false, autoCreate: true, serverSelectionTimeoutMS: 10_000 });
    await connection.asPromise();
    return new MongoDocumentStore(connection);
  }

  collection<T extends StoredDocument>(definition: CollectionDefinition): DocumentCollection<T> {
    let collection = this.collections.get(definition.name);
    if (!collection) {
      const schema = new Schema<VersionRow>({ _id: String, _version: Number, tenantId: String, id: String }, { strict: false, versionKey: false, autoIndex: false, collection: definition.name });
      schema.index({ tenantId: 1, id: 1, _version: -1 });
      for (const fields of definition.indexes) schema.index(Object.fromEntries([['tenantId', 1], ...fields.map((f) => [f, 1])]));
      const model = this.connection.model<VersionRow>(definition.name, schema);
      collection = new MongoCollection(definition.name, model);
      this.collections.set(definition.name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  /** Reachability, for readiness probes. */
  async ping(): Promise<boolean> {
    await this.connection.db!.admin().ping();
    return true;
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
