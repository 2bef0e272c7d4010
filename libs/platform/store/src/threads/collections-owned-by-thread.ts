import { CollectionDefinition, DocumentCollection, DocumentStore, StoredDocument } from '../document-store.port';

/**
 * A document store that opens only the collections this thread owns (ADR 0028). The embedded
 * store journals each collection to its own file and assumes one writer per file; when two threads
 * of the all-in-one each run an embedded store over one data directory, each opens a disjoint set
 * of collections, and this turns a wiring mistake (both opening one file) into an error at once.
 */
export class CollectionsOwnedByThread implements DocumentStore {
  constructor(
    private readonly store: DocumentStore,
    private readonly owns: (collection: string) => boolean,
    /** Names the thread that owns the others, for the error message. */
    private readonly otherThread: string,
  ) {}

  collection<T extends StoredDocument>(definition: CollectionDefinition): DocumentCollection<T> {
    if (!this.owns(definition.name)) throw new Error(`collection ${definition.name} belongs to the ${this.otherThread}; this thread must not open it`);
    return this.store.collection<T>(definition);
  }

  close(): Promise<void> {
    return this.store.close();
  }
}
