import { EventEnvelope } from '@cxm/contracts';

/** The headers every published event's record carries, whichever thread serialised it. */
export function eventHeaders(event: EventEnvelope): Record<string, string> {
  return { 'event-type': event.type, 'schema-version': String(event.schemaVersion), 'correlation-id': event.correlationId };
}
