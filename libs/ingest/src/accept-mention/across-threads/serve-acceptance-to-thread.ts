import { postEach, TurnBatch } from '@cxm/platform-store';
import type { MessagePort } from 'node:worker_threads';
import type { MentionAcceptance } from '../accept-mention.usecase';
import { AcceptGuestToHost, AcceptHostToGuest, AcceptReply, describeFailure } from './accept-bridge-protocol';

/**
 * The host's side of the accept bridge (ADR 0032): runs each mention an AcceptOnAnotherThread at
 * the other end of `port` hands over through `acceptance` (the host's AcceptMention), and answers
 * with its result or its failure.
 */
export function serveAcceptanceToThread(acceptance: MentionAcceptance, port: MessagePort): { close(): void } {
  let open = true;
  const post = (replies: AcceptReply[]) => port.postMessage({ kind: 'accepted', replies } satisfies AcceptHostToGuest);
  const outgoing = new TurnBatch<AcceptReply>((replies) => {
    if (open) postEach(replies, post, (reply, error) => post([{ call: reply.call, error }]));
  });

  port.on('message', (message: AcceptGuestToHost) => {
    for (const { call, input, context } of message.calls) {
      // A call made on the host's side of a promise: a synchronous throw becomes a reply too.
      void Promise.resolve()
        .then(() => acceptance.execute(input, context))
        .then(
          (value) => outgoing.add({ call, value }),
          (error: unknown) => outgoing.add({ call, error: describeFailure(error) }),
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
