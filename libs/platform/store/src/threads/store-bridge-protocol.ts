import type { PortReply } from './calls-over-port';
import { CollectionDefinition } from '../document-store.port';

/** The DocumentCollection methods a guest thread calls on the host's store. */
export type CollectionOperation = 'get' | 'insert' | 'replace' | 'find' | 'findOne';

/** One call: the collection (opened by the host on first use), the method and its arguments. */
export interface StoreCall {
  call: number;
  collection: CollectionDefinition;
  operation: CollectionOperation;
  args: unknown[];
}

/** The answer to one call: its value, or the error's name (which the guest turns back into its class) and message. */
export type StoreReply = PortReply<unknown>;

/**
 * What a thread whose collections live in another thread's store (the guest) and that store's
 * thread (the host) say over one MessagePort (ADR 0031). The calls and replies of one event-loop
 * turn travel as one message: a port message costs both threads more than copying a few
 * documents, and a busy front-door replica makes dozens of calls per turn.
 */
export type StoreGuestToHost = { kind: 'calls'; calls: StoreCall[] };
export type StoreHostToGuest = { kind: 'replies'; replies: StoreReply[] };

/** The host's end of the port is closed: nothing is read or written through it from now on. */
export class StoreBridgeClosedError extends Error {
  constructor() {
    super('the store bridge to the host thread is closed');
    this.name = 'StoreBridgeClosedError';
  }
}
