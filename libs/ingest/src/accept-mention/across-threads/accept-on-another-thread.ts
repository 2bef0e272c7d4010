import { postEach, TurnBatch } from '@cxm/platform-store';
import type { CanonicalMention } from '@cxm/contracts';
import type { MessagePort } from 'node:worker_threads';
import type { AcceptContext, AcceptMentionResult, MentionAcceptance } from '../accept-mention.usecase';
import { AcceptCall, AcceptGuestToHost, AcceptHostToGuest, AcceptReply, hostGoneProblem, reviveFailure } from './accept-bridge-protocol';

interface PendingCall {
  resolve(value: AcceptMentionResult): void;
  reject(error: Error): void;
}

/**
 * AcceptMention as a thread sees it whose mentions another thread accepts (a front-door replica of
 * the all-in-one, ADR 0032): each call goes over `port` to `serveAcceptanceToThread`, which runs the
 * host's own AcceptMention. One round trip per mention instead of the three store calls and the
 * publish the use case makes, and one place that decides duplicates, edits and backpressure for
 * every thread. The host's 503 (its publish gate) reaches the caller as the same ProblemException.
 */
export class AcceptOnAnotherThread implements MentionAcceptance {
  private readonly pending = new Map<number, PendingCall>();
  private readonly outgoing: TurnBatch<AcceptCall>;
  private nextCall = 0;
  private closed = false;
  /** Set while `close` waits for the calls in flight. */
  private whenIdle?: () => void;
  private closing?: Promise<void>;

  constructor(private readonly port: MessagePort) {
    this.outgoing = new TurnBatch((calls) => {
      if (!this.closed) postEach(calls, (batch) => port.postMessage({ kind: 'accept', calls: batch } satisfies AcceptGuestToHost), (call, error) => this.settle({ call: call.call, error }));
    });
    port.on('message', (message: AcceptHostToGuest) => message.replies.forEach((reply) => this.settle(reply)));
    port.on('close', () => this.failPending());
  }

  execute(input: CanonicalMention, context: AcceptContext = {}): Promise<AcceptMentionResult> {
    if (this.closed) return Promise.reject(hostGoneProblem());
    const call = ++this.nextCall;
    return new Promise((resolve, reject) => {
      this.pending.set(call, { resolve, reject });
      this.outgoing.add({ call, input, context });
    });
  }

  /** Waits for the calls in flight to be answered, then closes the port. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.outgoing.flushNow();
      if (this.pending.size > 0) await new Promise<void>((resolve) => (this.whenIdle = resolve));
      this.closed = true;
      this.port.close();
    })();
    return this.closing;
  }

  private settle(reply: AcceptReply): void {
    const pending = this.pending.get(reply.call);
    if (!pending) return;
    this.pending.delete(reply.call);
    if (reply.error) pending.reject(reviveFailure(reply.error));
    else pending.resolve(reply.value!);
    if (this.pending.size === 0) this.whenIdle?.();
  }

  private failPending(): void {
    this.closed = true;
    for (const pending of this.pending.values()) pending.reject(hostGoneProblem());
    this.pending.clear();
    this.whenIdle?.();
  }
}
