import type { MessagePort } from 'node:worker_threads';
import { DocumentCollection, DocumentStore, StoredDocument } from '../document-store.port';
import { StoreCall, StoreGuestToHost, StoreHostToGuest, StoreReply } from './store-bridge-protocol';
import { describeError, postEach, TurnBatch } from './turn-batch';

const OPERATIONS: ReadonlySet<string> = new Set(['get', 'insert', 'replace', 'find', 'findOne']);

/**
 * The host's side of the store bridge (ADR 0031): runs the calls a ThreadDocumentStore at the other
 * end of `port` makes, on `store`, and answers them. `store` decides which collections the guest
 * may open (the all-in-one's main thread wraps its own in CollectionsOwnedByThread, so a guest
 * asking for another thread's collection gets that refusal as its answer).
 */
export function serveStoreToThread(store: DocumentStore, port: MessagePort): { close(): void } {
  const collections = new Map<string, DocumentCollection<StoredDocument>>();
  let open = true;
  const post = (replies: StoreReply[]) => port.postMessage({ kind: 'replies', replies } satisfies StoreHostToGuest);
  const outgoing = new TurnBatch<StoreReply>((replies) => {
    if (open) postEach(replies, post, (reply, error) => post([{ call: reply.call, error }]));
  });

  const collectionFor = (call: StoreCall) => {
    let collection = collections.get(call.collection.name);
    if (!collection) {
      collection = store.collection(call.collection);
      collections.set(call.collection.name, collection);
    }
    return collection;
  };

  const run = async (call: StoreCall): Promise<unknown> => {
    if (!OPERATIONS.has(call.operation)) throw new Error(`no collection operation ${String(call.operation)}`);
    const collection = collectionFor(call) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
    return collection[call.operation](...call.args);
  };

  port.on('message', (message: StoreGuestToHost) => {
    for (const call of message.calls) {
      run(call).then(
        (value) => outgoing.add({ call: call.call, value }),
        (error: unknown) => outgoing.add({ call: call.call, error: describeError(error) }),
      );
    }
  });

  const close = () => {
    if (!open) return;
    open = false;
    port.close();
  };
  port.on('close', close);
  return { close };
}
