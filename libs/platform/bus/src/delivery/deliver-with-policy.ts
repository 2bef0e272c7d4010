import { assertValidEvent, DeadLetterPayload, EventEnvelope, InvalidEventError } from '@cxm/contracts';
import { Logger } from '@cxm/platform-logging';
import { backOff } from 'exponential-backoff';
import { DeliveryContext } from '../event-bus.port';
import { PermanentFailure, RetryPolicy } from './retry-policy';

export interface RawMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export type DeliveryOutcome = { kind: 'handled'; attempts: number } | { kind: 'dead-lettered'; letter: DeadLetterPayload };

/**
 * The one place that decides what happens to a consumed message, shared by every bus adapter:
 * decode and validate (an invalid event is dead-lettered at once — retrying cannot fix it), run the
 * handler with exponential backoff, and dead-letter it with the last error after the last attempt.
 * The caller commits the offset whatever the outcome, since a dead-lettered event is not lost.
 */
export async function deliverWithPolicy(
  message: RawMessage,
  handler: (event: EventEnvelope, context: DeliveryContext) => Promise<void>,
  policy: RetryPolicy,
  logger: Logger,
  options: { validatedAtPublish?: boolean } = {},
): Promise<DeliveryOutcome> {
  const decoded = decode(message, options.validatedAtPublish ?? false);
  if ('problems' in decoded) {
    logger.warn({ topic: message.topic, offset: message.offset, problems: decoded.problems }, 'invalid event dead-lettered');
    return { kind: 'dead-lettered', letter: deadLetter(message, 'invalid', 1, decoded.problems) };
  }
  const { event } = decoded;
  // Every line about this event carries the mention's correlation id, so one mention can be followed
  // across services. Merged into each line rather than bound with `logger.child()`: a child logger
  // serializes its bindings when it is made, once per event and consumer group, even when no line
  // is written at the configured level (the usual case: `event handled` is info).
  const about = { correlationId: event.correlationId, tenantId: event.tenantId, eventId: event.eventId, topic: message.topic, partition: message.partition, offset: message.offset };
  let attempt = 0;
  try {
    await backOff(
      () => {
        attempt += 1;
        return handler(event, { topic: message.topic, partition: message.partition, offset: message.offset, attempt });
      },
      {
        numOfAttempts: policy.maxAttempts,
        startingDelay: policy.initialDelayMs,
        maxDelay: policy.maxDelayMs,
        jitter: 'full',
        retry: (error: unknown) => {
          const permanent = error instanceof PermanentFailure;
          logger.warn({ ...about, err: error, attempt, permanent }, 'handler failed');
          return !permanent;
        },
      },
    );
    logger.info({ ...about, attempts: attempt }, 'event handled');
    return { kind: 'handled', attempts: attempt };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.error({ ...about, err: error, attempts: attempt }, 'event dead-lettered after failing');
    return { kind: 'dead-lettered', letter: deadLetter(message, 'failed', attempt, [reason]) };
  }
}

/**
 * `validatedAtPublish`: the embedded bus publishes and consumes in one process, so an event it
 * validated on the way in need not be validated again for each consumer group (it is still parsed
 * afresh, so every handler gets its own copy). Events replayed from disk, and Kafka's, are validated.
 */
function decode(message: RawMessage, validatedAtPublish: boolean): { event: EventEnvelope } | { problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value);
  } catch (error) {
    return { problems: [`value is not JSON: ${(error as Error).message}`] };
  }
  if (validatedAtPublish) return { event: parsed as EventEnvelope };
  try {
    assertValidEvent(message.topic, parsed);
    return { event: parsed };
  } catch (error) {
    if (error instanceof InvalidEventError) return { problems: error.problems };
    throw error;
  }
}

function deadLetter(message: RawMessage, kind: 'invalid' | 'failed', attempts: number, errors: string[]): DeadLetterPayload {
  return {
    originalTopic: message.topic,
    reason: kind === 'invalid' ? 'event failed schema validation' : 'handler failed on every attempt',
    kind,
    attempts,
    errors,
    originalValue: message.value,
    deadAt: new Date().toISOString(),
  };
}
