import { EventEnvelope, PayloadOf, Topic } from '@cxm/contracts';
import { DeadLetterSubscription, EventBus, Subscription } from '../event-bus.port';

/**
 * The `local` bus of a thread that has no topics of its own (the all-in-one's front-door replicas,
 * ADR 0031): every topic it may use lives on the host's bus, behind a ThreadEventBus. A publish or
 * subscription that reaches this is a wiring mistake and fails at once, naming the topic, instead
 * of an event kept in a memory no consumer reads.
 */
export class HostTopicsOnly implements EventBus {
  constructor(private readonly thread: string) {}

  publish<T extends Topic>(topic: T, _event: EventEnvelope<PayloadOf[T]>): Promise<void> {
    return Promise.reject(this.refusal(topic));
  }

  subscribe<T extends Topic>(subscription: Subscription<T>): void {
    throw this.refusal(subscription.topic);
  }

  subscribeDeadLetters(subscription: DeadLetterSubscription): void {
    throw this.refusal(`${subscription.topic}.dlq`);
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  private refusal(topic: string): Error {
    return new Error(`topic ${topic} has no bus on the ${this.thread}: only the host thread's topics are published and consumed here`);
  }
}
