import type { MessagePort } from 'node:worker_threads';
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
import { CallsOverPort } from './calls-over-port';
import { CollectionOperation, StoreBridgeClosedError, StoreCall, StoreGuestToHost, StoreHostToGuest } from './store-bridge-protocol';

/**
 * The document store of a thread whose collections live in another thread's store (the all-in-one's
 * front-door replicas, ADR 0031): every call goes over `port` to `serveStoreToThread` on the host,
 * which runs it on its own store — the embedded one, whose journals have one writer each. The host
 * decides races between threads exactly as it decides them between two callers of its own
 * (DuplicateDocumentError, VersionConflictError, which reach the caller as those classes).
 */
export class ThreadDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, DocumentCollection<StoredDocument>>();
  private readonly calls: CallsOverPort<StoreCall, unknown>;

  constructor(port: MessagePort) {
    this.calls = new CallsOverPort<StoreCall, unknown>(port, {
      callsMessage: (calls) => ({ kind: 'calls', calls }) satisfies StoreGuestToHost,
      replies: (message) => (message as StoreHostToGuest).replies,
      revive,
      closedError: () => new StoreBridgeClosedError(),
    });
  }

  collection<T extends StoredDocument>(definition: CollectionDefinition): DocumentCollection<T> {
    let collection = this.collections.get(definition.name);
    if (!collection) {
      collection = new ThreadCollection(definition, (operation, args) => this.calls.call({ collection: definition, operation, args }));
      this.collections.set(definition.name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  /** Waits for the calls in flight to be answered, then closes the port (the host's store stays open: it is the host's). */
  close(): Promise<void> {
    return this.calls.close();
  }
}

class ThreadCollection<T extends StoredDocument> implements DocumentCollection<T> {
  constructor(
    private readonly definition: CollectionDefinition,
    private readonly call: (operation: CollectionOperation, args: unknown[]) => Promise<unknown>,
  ) {}

  get(tenantId: string, id: string): Promise<Versioned<T> | undefined> {
    return this.call('get', [tenantId, id]) as Promise<Versioned<T> | undefined>;
  }

  insert(doc: T): Promise<Versioned<T>> {
    return this.call('insert', [doc]) as Promise<Versioned<T>>;
  }

  replace(doc: T, expectedVersion: number): Promise<Versioned<T>> {
    return this.call('replace', [doc, expectedVersion]) as Promise<Versioned<T>>;
  }

  find(tenantId: string, filter: DocumentFilter, options: FindOptions): Promise<T[]> {
    return this.call('find', [tenantId, filter, options]) as Promise<T[]>;
  }

  findOne(tenantId: string, filter: DocumentFilter): Promise<Versioned<T> | undefined> {
    return this.call('findOne', [tenantId, filter]) as Promise<Versioned<T> | undefined>;
  }
}

/** The store's own errors come back as their classes, so callers' `instanceof` checks hold across threads. */
function revive({ name, message }: { name: string; message: string }): Error {
  const error: Error =
    name === 'DuplicateDocumentError' ? new DuplicateDocumentError('', '') : name === 'VersionConflictError' ? new VersionConflictError('', '', 0) : new Error(message);
  error.name = name;
  error.message = message;
  return error;
}
