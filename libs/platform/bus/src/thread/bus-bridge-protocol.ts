import { DeadLetterPayload, Topic } from '@cxm/contracts';
import { RawMessage } from '../delivery/deliver-with-policy';

/**
 * What a thread whose topics live on another thread's bus (the guest) and that bus's thread (the
 * host) say to each other over one MessagePort (ADR 0028). Only strings and plain objects: each
 * message is copied by the structured clone, never shared.
 */
export type GuestToHost =
  /** Consume `topic` (a `.dlq` name for dead letters) as `group`: the host runs the loops and commits. */
  | { kind: 'subscribe'; call: number; group: string; topic: string }
  /** Append an event the guest validated and serialised; answered once it is durable. */
  | { kind: 'publish'; call: number; topic: Topic; key: string; value: string; headers: Record<string, string> }
  /** A delivery was handled; with `letter` it goes to the dead-letter topic first. Either way the host commits it. */
  | { kind: 'settled'; delivery: number; letter?: DeadLetterPayload }
  /** A delivery could not be settled (the guest is stopping, or the letter handler threw): the host keeps it and retries. */
  | { kind: 'unsettled'; delivery: number; reason: string };

export type HostToGuest =
  | { kind: 'reply'; call: number; error?: { name: string; message: string } }
  | { kind: 'deliver'; delivery: number; group: string; topic: string; message: RawMessage; validatedAtPublish: boolean };

/** The name the guest files one subscription under. */
export function subscriptionKey(group: string, topic: string): string {
  return `${group}|${topic}`;
}

/** The host's end of the port is closed: nothing published or subscribed through it from now on. */
export class BridgeClosedError extends Error {
  constructor() {
    super('the bus bridge to the host thread is closed');
    this.name = 'BridgeClosedError';
  }
}
