import { answerCallsOverPort } from '@cxm/platform-store';
import type { MessagePort } from 'node:worker_threads';
import type { AcceptMentionResult, MentionAcceptance } from '../accept-mention.usecase';
import { AcceptCall, AcceptFailure, AcceptGuestToHost, AcceptHostToGuest, describeFailure } from './accept-bridge-protocol';

/**
 * The host's side of the accept bridge (ADR 0032): runs each mention an AcceptOnAnotherThread at
 * the other end of `port` hands over through `acceptance` (the host's AcceptMention), and answers
 * with its result or its failure.
 */
export function serveAcceptanceToThread(acceptance: MentionAcceptance, port: MessagePort): { close(): void } {
  return answerCallsOverPort<AcceptCall, AcceptMentionResult, AcceptFailure>(port, {
    calls: (message) => (message as AcceptGuestToHost).calls,
    run: ({ input, context }) => acceptance.execute(input, context),
    describe: describeFailure,
    repliesMessage: (replies) => ({ kind: 'accepted', replies }) satisfies AcceptHostToGuest,
  });
}
