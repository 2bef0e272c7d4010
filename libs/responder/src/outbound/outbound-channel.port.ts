import { ReplyRecord } from '../reply-record';

export type OutboundOutcome =
  | { kind: 'delivered'; statusCode: number }
  /** Worth trying again: the platform was down, slow, or asked us to back off. */
  | { kind: 'retryable'; statusCode?: number; error: string }
  /** Trying again cannot help: the platform refused the reply, or no route is configured. */
  | { kind: 'rejected'; statusCode?: number; error: string };

/** Sends one reply to the platform it answers on. Implementations must pass the reply id as idempotency key. */
export interface OutboundChannel {
  send(reply: ReplyRecord): Promise<OutboundOutcome>;
}

export const OUTBOUND_CHANNEL = Symbol('OUTBOUND_CHANNEL');
