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
import { CollectionOperation, StoreBridgeClosedError, StoreCall, StoreGuestToHost, StoreHostToGuest, StoreReply } from './store-bridge-protocol';
import { postEach, TurnBatch } from './turn-batch';

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * The document store of a thread whose collections live in another thread's store (the all-in-one's
 * front-door replicas, ADR 0031): every call goes over `port` to `serveStoreToThread` on the host,
 * which runs it on its own store — the embedded one, whose journals have one writer each. The host
 * decides races between threads exactly as it decides them between two callers of its own
 * (DuplicateDocumentError, VersionConflictError, which reach the caller as those classes).
 */
export class ThreadDocumentStore implements DocumentStore {
  private readonly collections = new Map<string, DocumentCollection<StoredDocument>>();
  private readonly pending = new Map<number, PendingCall>();
  private readonly outgoing: TurnBatch<StoreCall>;
  private nextCall = 0;
  private closed = false;
  /** Set while `close` waits for the calls in flight. */
  private whenIdle?: () => void;
  private closing?: Promise<void>;

  constructor(private readonly port: MessagePort) {
    this.outgoing = new TurnBatch((calls) => {
      if (!this.closed) postEach(calls, (batch) => port.postMessage({ kind: 'calls', calls: batch } satisfies StoreGuestToHost), (call, error) => this.settle({ call: call.call, error }));
    });
    port.on('message', (message: StoreHostToGuest) => message.replies.forEach((reply) => this.settle(reply)));
    port.on('close', () => this.failPending());
  }

  collection<T extends StoredDocument>(definition: CollectionDefinition): DocumentCollection<T> {
    let collection = this.collections.get(definition.name);
    if (!collection) {
      collection = new ThreadCollection(definition, (operation, args) => this.call(definition, operation, args));
      this.collections.set(definition.name, collection);
    }
    return collection as unknown as DocumentCollection<T>;
  }

  /** Waits for the calls in flight to be answered, then closes the port (the host's store stays open: it is the host's). */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.outgoing.flushNow();
      if (this.pending.size > 0) await new Promise<void>((resolve) => (this.whenIdle = resolve));
      this.closed = true;
      this.port.close();
    })();
    return this.closing;
  }

  private call(collection: CollectionDefinition, operation: CollectionOperation, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new StoreBridgeClosedError());
    const call = ++this.nextCall;
    return new Promise((resolve, reject) => {
      this.pending.set(call, { resolve, reject });
      this.outgoing.add({ call, collection, operation, args });
    });
  }

  private settle(reply: StoreReply): void {
    const pending = this.pending.get(reply.call);
    if (!pending) return;
    this.pending.delete(reply.call);
    if (reply.error) pending.reject(revive(reply.error));
    else pending.resolve(reply.value);
    if (this.pending.size === 0) this.whenIdle?.();
  }

  private failPending(): void {
    this.closed = true;
    for (const pending of this.pending.values()) pending.reject(new StoreBridgeClosedError());
    this.pending.clear();
    this.whenIdle?.();
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
