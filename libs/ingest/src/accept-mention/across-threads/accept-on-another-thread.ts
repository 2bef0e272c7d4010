import { CallsOverPort } from '@cxm/platform-store';
import type { CanonicalMention } from '@cxm/contracts';
import type { MessagePort } from 'node:worker_threads';
import type { AcceptContext, AcceptMentionResult, MentionAcceptance } from '../accept-mention.usecase';
import { AcceptCall, AcceptFailure, AcceptGuestToHost, AcceptHostToGuest, hostGoneProblem, reviveFailure } from './accept-bridge-protocol';

/**
 * AcceptMention as a thread sees it whose mentions another thread accepts (a front-door replica of
 * the all-in-one, ADR 0032): each call goes over `port` to `serveAcceptanceToThread`, which runs the
 * host's own AcceptMention. One round trip per mention instead of the three store calls and the
 * publish the use case makes, and one place that decides duplicates, edits and backpressure for
 * every thread. The host's 503 (its publish gate) reaches the caller as the same ProblemException.
 */
export class AcceptOnAnotherThread implements MentionAcceptance {
  private readonly calls: CallsOverPort<AcceptCall, AcceptMentionResult, AcceptFailure>;

  constructor(port: MessagePort) {
    this.calls = new CallsOverPort<AcceptCall, AcceptMentionResult, AcceptFailure>(port, {
      callsMessage: (calls) => ({ kind: 'accept', calls }) satisfies AcceptGuestToHost,
      replies: (message) => (message as AcceptHostToGuest).replies,
      revive: reviveFailure,
      closedError: hostGoneProblem,
    });
  }

  execute(input: CanonicalMention, context: AcceptContext = {}): Promise<AcceptMentionResult> {
    return this.calls.call({ input, context });
  }

  /** Waits for the calls in flight to be answered, then closes the port. */
  close(): Promise<void> {
    return this.calls.close();
  }
}
