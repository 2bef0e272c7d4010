/** A stored document: every document belongs to exactly one tenant. */
export interface StoredDocument {
  id: string;
  tenantId: string;
}

/** A document as read, with the version to quote when writing it back. */
export interface Versioned<T> {
  doc: T;
  version: number;
}

export type FilterValue = string | number | boolean | null;
/** Equality on top-level fields or dotted paths (`author.id`). */
export type DocumentFilter = Record<string, FilterValue>;

export interface FindOptions {
  limit: number;
  /**
   * Only documents whose id sorts after this one in the requested order (ids ascending, or
   * descending with `descending`): pages through a whole collection without an offset. Not
   * combined with `sortBy`.
   */
  afterId?: string;
  /** Field to sort by (ascending); ties broken by id. Defaults to id. */
  sortBy?: string;
  descending?: boolean;
}

export class DuplicateDocumentError extends Error {
  constructor(collection: string, id: string) {
    super(`${collection}/${id} already exists`);
    this.name = 'DuplicateDocumentError';
  }
}

export class VersionConflictError extends Error {
  constructor(collection: string, id: string, expected: number) {
    super(`${collection}/${id} is no longer at version ${expected}`);
    this.name = 'VersionConflictError';
  }
}

/**
 * One collection of documents. Every call names the tenant, so no query can reach another
 * tenant's data by forgetting a filter. Writes use optimistic concurrency: a replace quoting a
 * stale version fails with VersionConflictError instead of silently losing the other write.
 */
export interface DocumentCollection<T extends StoredDocument> {
  get(tenantId: string, id: string): Promise<Versioned<T> | undefined>;
  /** Creates the document at version 1; fails with DuplicateDocumentError if the id exists. */
  insert(doc: T): Promise<Versioned<T>>;
  /** Replaces the document if it is still at `expectedVersion`; returns the new version. */
  replace(doc: T, expectedVersion: number): Promise<Versioned<T>>;
  find(tenantId: string, filter: DocumentFilter, options: FindOptions): Promise<T[]>;
  findOne(tenantId: string, filter: DocumentFilter): Promise<Versioned<T> | undefined>;
}

export interface CollectionDefinition {
  name: string;
  /** Fields that queries filter on: real adapters index them (with tenantId first). */
  indexes: string[][];
}

export interface DocumentStore {
  collection<T extends StoredDocument>(definition: CollectionDefinition): DocumentCollection<T>;
  close(): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
