import { CallsOverPort } from '@cxm/platform-store';
import type { CanonicalMention } from '@cxm/contracts';
import type { MessagePort } from 'node:worker_threads';
import type { AcceptContext, AcceptMentionResult, MentionAcceptance } from '../accept-mention.usecase';
import { nativeText } from '../native-payload.record';
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
    let crossing: AcceptContext;
    try {
      crossing = asText(context);
    } catch (error) {
      return Promise.reject(error); // a payload JSON cannot write (a cycle, a BigInt) fails this call alone
    }
    return this.calls.call({ input, context: crossing });
  }

  /** Waits for the calls in flight to be answered, then closes the port. */
  close(): Promise<void> {
    return this.calls.close();
  }
}

/**
 * The audit copy crosses as the text the host would make of it: one string to copy instead of an
 * object graph to clone here and rebuild there, and its JSON is made on this thread, not the host's.
 */
function asText(context: AcceptContext): AcceptContext {
  return context.native === undefined ? context : { ...context, native: nativeText(context.native) };
}
