import type { MessagePort } from 'node:worker_threads';
import { DocumentCollection, DocumentStore, StoredDocument } from '../document-store.port';
import { answerCallsOverPort } from './calls-over-port';
import { StoreCall, StoreGuestToHost, StoreHostToGuest } from './store-bridge-protocol';

const OPERATIONS: ReadonlySet<string> = new Set(['get', 'insert', 'replace', 'find', 'findOne']);

/**
 * The host's side of the store bridge (ADR 0031): runs the calls a ThreadDocumentStore at the other
 * end of `port` makes, on `store`, and answers them. `store` decides which collections the guest
 * may open (the all-in-one's main thread wraps its own in CollectionsOwnedByThread, so a guest
 * asking for another thread's collection gets that refusal as its answer).
 */
export function serveStoreToThread(store: DocumentStore, port: MessagePort): { close(): void } {
  const collections = new Map<string, DocumentCollection<StoredDocument>>();
  const collectionFor = (call: StoreCall) => {
    let collection = collections.get(call.collection.name);
    if (!collection) {
      collection = store.collection(call.collection);
      collections.set(call.collection.name, collection);
    }
    return collection;
  };

  return answerCallsOverPort<StoreCall, unknown>(port, {
    calls: (message) => (message as StoreGuestToHost).calls,
    run: async (call) => {
      if (!OPERATIONS.has(call.operation)) throw new Error(`no collection operation ${String(call.operation)}`);
      const collection = collectionFor(call) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      return collection[call.operation](...call.args);
    },
    repliesMessage: (replies) => ({ kind: 'replies', replies }) satisfies StoreHostToGuest,
  });
}
