import { unavailableProblem, ProblemDetails, ProblemException } from '@cxm/platform-http';
import { describeError, ErrorDescription, PortReply } from '@cxm/platform-store';
import type { CanonicalMention } from '@cxm/contracts';
import type { AcceptContext, AcceptMentionResult } from '../accept-mention.usecase';

/** One mention handed to the thread that accepts mentions: what `AcceptMention.execute` takes. */
export interface AcceptCall {
  call: number;
  input: CanonicalMention;
  context: AcceptContext;
}

/** Why a call failed: the error's name and message, and its problem when it was a ProblemException (a 503 of the publish gate). */
export interface AcceptFailure extends ErrorDescription {
  problem?: ProblemDetails;
}

export type AcceptReply = PortReply<AcceptMentionResult, AcceptFailure>;

/**
 * What a thread that answers ingest routes (the guest: a front-door replica) and the thread that
 * accepts their mentions (the host: the all-in-one's main thread) say over one MessagePort
 * (ADR 0032). The calls and the replies of one event-loop turn travel as one message each way.
 */
export type AcceptGuestToHost = { kind: 'accept'; calls: AcceptCall[] };
export type AcceptHostToGuest = { kind: 'accepted'; replies: AcceptReply[] };

/** A failure as it can cross threads: a ProblemException keeps its problem, so the guest answers the same status and headers. */
export function describeFailure(error: unknown): AcceptFailure {
  const described = describeError(error);
  return error instanceof ProblemException ? { ...described, problem: error.problem } : described;
}

/** The failure as the guest's callers know it: a ProblemException again, or a plain error with the host's name and message. */
export function reviveFailure(failure: AcceptFailure): Error {
  if (failure.problem) return new ProblemException(failure.problem);
  const error = new Error(failure.message);
  error.name = failure.name;
  return error;
}

/** The host's end is closed (the main thread is stopping): nothing is known of the mention, so the client is asked to send it again. */
export function hostGoneProblem(): ProblemException {
  return new ProblemException(unavailableProblem('the thread that stores mentions is not answering; retry'));
}
