import { EventEnvelope, PayloadOf, Topic } from '@cxm/contracts';
import { waitFor } from './wait-for';

/** The part of an EventBus a collector needs (structural, so this lib depends on contracts only). */
export interface SubscribableBus {
  subscribe<T extends Topic>(subscription: { group: string; topic: T; handler: (event: EventEnvelope<PayloadOf[T]>) => Promise<void> }): void;
}

/**
 * Subscribes a consumer group that only records what the bus delivers on `topic`: tests count and
 * inspect what a use case published. Call before the bus starts.
 */
export function collectEvents<T extends Topic>(bus: SubscribableBus, topic: T, group = `test-collector-${topic}`): EventEnvelope<PayloadOf[T]>[] {
  const seen: EventEnvelope<PayloadOf[T]>[] = [];
  bus.subscribe({ group, topic, handler: async (event) => void seen.push(event) });
  return seen;
}

/** Waits until a bus that reports its lag (the embedded one does) has handed every event to every consumer. */
export async function waitForQuietBus(bus: { lag(): Promise<number> }, timeoutMs = 5_000): Promise<void> {
  await waitFor(async () => ((await bus.lag()) === 0 ? true : undefined), timeoutMs, 'the bus to be quiet');
}
