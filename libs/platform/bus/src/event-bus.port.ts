import { DeadLetterPayload, EventEnvelope, PayloadOf, Topic } from '@cxm/contracts';

/** Where a consumed event came from: carried into logs and dead letters. */
export interface DeliveryContext {
  topic: string;
  partition: number;
  offset: string;
  /** 1 on the first try, 2 on the first retry… */
  attempt: number;
}

export type EventHandler<T extends Topic> = (
  event: EventEnvelope<PayloadOf[T]>,
  context: DeliveryContext,
) => Promise<void>;

export interface Subscription<T extends Topic = Topic> {
  /** Consumer group: each group gets every event once; members of one group share partitions. */
  group: string;
  topic: T;
  handler: EventHandler<T>;
}

export interface DeadLetter extends DeadLetterPayload {
  key: string;
  headers: Record<string, string>;
}

export interface DeadLetterSubscription {
  group: string;
  /** The topic whose dead letters are wanted (not the `.dlq` name). */
  topic: Topic;
  handler: (letter: DeadLetter) => Promise<void>;
}

/**
 * The event bus every service talks through. At-least-once: a handler's event is committed only
 * after the handler succeeded; a failing handler is retried with backoff and, after the policy's
 * last attempt, the event goes to `<topic>.dlq` with the reason. Events with one key are handled in
 * the order they were published.
 */
export interface EventBus {
  /** Validates the event against the topic's schema and resolves once it is durably stored. */
  publish<T extends Topic>(topic: T, event: EventEnvelope<PayloadOf[T]>): Promise<void>;
  subscribe<T extends Topic>(subscription: Subscription<T>): void;
  subscribeDeadLetters(subscription: DeadLetterSubscription): void;
  /** Starts consuming; refuses to start when two subscriptions claim the same group and topic. */
  start(): Promise<void>;
  /** Stops consuming after in-flight handlers finish and their offsets are committed. */
  stop(): Promise<void>;
}

export const EVENT_BUS = Symbol('EVENT_BUS');
