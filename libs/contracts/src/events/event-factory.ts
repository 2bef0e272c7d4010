import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { EventEnvelope } from './envelope';
import { CURRENT_SCHEMA_VERSION, PayloadOf, TOPIC_CATALOGUE, Topic } from './topics';

/** Namespace for ids derived from other ids (uuid v5), so a redelivered event derives the same id. */
export const CXM_ID_NAMESPACE = '6f1c1a7e-8a55-4c3a-9f7e-2b7f3c6d9e10';

export function deriveId(...parts: string[]): string {
  return uuidv5(parts.join('\u001f'), CXM_ID_NAMESPACE);
}

export interface NewEvent<T extends Topic> {
  tenantId: string;
  correlationId: string;
  key: string;
  payload: PayloadOf[T];
  /**
   * What caused this event (the consumed event's id, or a request's idempotency key). Given, the
   * event id is derived from it, so reprocessing the cause re-publishes the *same* event.
   */
  causationId?: string;
  occurredAt?: string;
}

export function createEvent<T extends Topic>(topic: T, event: NewEvent<T>): EventEnvelope<PayloadOf[T]> {
  const type = TOPIC_CATALOGUE[topic].type;
  return {
    eventId: event.causationId ? deriveId(type, event.causationId) : randomUUID(),
    type,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    tenantId: event.tenantId,
    occurredAt: event.occurredAt ?? new Date().toISOString(),
    correlationId: event.correlationId,
    key: event.key,
    payload: event.payload,
  };
}

/**
 * The ordering key for mention and case events: one conversation of one tenant. Everything that
 * happens to one customer's conversation is then consumed in order; other conversations go in parallel.
 */
export function conversationKey(tenantId: string, conversationId: string): string {
  return `${tenantId}/${conversationId}`;
}

/** The ordering key of a monitor's events (`alerts.fired`): one monitor's alerts are consumed in order. */
export function monitorKey(tenantId: string, monitorId: string): string {
  return `${tenantId}/${monitorId}`;
}
