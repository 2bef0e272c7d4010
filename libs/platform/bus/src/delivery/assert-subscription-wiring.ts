import { isKnownTopic } from '@cxm/contracts';

/**
 * Refuses to boot on wiring mistakes rather than silently losing or double-handling events: a
 * subscription to a topic the catalogue does not know, or one group subscribing to a topic twice.
 * Shared by every bus adapter.
 */
export function assertSubscriptionWiring(subscriptions: { group: string; topic: string }[]): void {
  const seen = new Set<string>();
  for (const { group, topic } of subscriptions) {
    const base = topic.endsWith('.dlq') ? topic.slice(0, -4) : topic;
    if (!isKnownTopic(base)) throw new Error(`consumer group ${group} subscribes to unknown topic ${topic}`);
    const id = `${group}|${topic}`;
    if (seen.has(id)) throw new Error(`consumer group ${group} subscribes to ${topic} twice`);
    seen.add(id);
  }
}
