import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { certainlyValid } from '../validation/compiled-validation';
import { passesValidation } from '../validation/passes-validation';
import { EventEnvelope } from './envelope';
import { TOPIC_CATALOGUE, Topic, isKnownTopic } from './topics';

export class InvalidEventError extends Error {
  constructor(
    readonly topic: string,
    readonly problems: string[],
  ) {
    super(`invalid event for ${topic}: ${problems.join('; ')}`);
    this.name = 'InvalidEventError';
  }
}

/** Flattens class-validator's tree into `path: reason` lines a person can read in a dead letter. */
export function describeValidationErrors(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...describeValidationErrors(error.children ?? [], path)];
  });
}

function validateObject(cls: new () => object, value: unknown, prefix: string): string[] {
  const instance = plainToInstance(cls, value);
  // The common case, a valid event, is decided by the same constraints without class-validator's
  // error tree; anything else gets class-validator's own answer, messages and all (ADR 0022).
  if (passesValidation(instance)) return [];
  return describeValidationErrors(
    validateSync(instance as object, { whitelist: false, forbidUnknownValues: true }),
    prefix,
  );
}

/**
 * Checks an event against the topic's catalogue entry: the envelope, the type, a known schema
 * version and that version's payload. Used by producers before sending and by consumers before
 * handling, so a bad event is refused at both ends.
 */
export function assertValidEvent(topic: string, event: unknown): asserts event is EventEnvelope {
  if (!isKnownTopic(topic)) throw new InvalidEventError(topic, [`unknown topic ${topic}`]);
  // The common case, a valid event, is decided on the event as it is, without building instances
  // (the instances were only ever validated and dropped). Anything else takes the path below,
  // which gives class-validator's own problems (ADR 0022, compiled validation).
  if (isCertainlyValidEvent(topic, event)) return;
  if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new InvalidEventError(topic, ['the event must be a JSON object']);
  // The envelope's own fields only: the payload is validated once, below, against its own class
  // (transforming the whole event for the envelope would copy and walk the payload a second time).
  const { payload, ...fields } = event as Record<string, unknown>;
  const shallow = { ...fields, payload: typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? {} : payload };
  const problems = validateObject(EventEnvelope, shallow, '');
  if (problems.length) throw new InvalidEventError(topic, problems);
  const envelope = event as EventEnvelope;
  const entry = TOPIC_CATALOGUE[topic as Topic];
  if (envelope.type !== entry.type) {
    throw new InvalidEventError(topic, [`type: expected ${entry.type}, got ${envelope.type}`]);
  }
  const versions = entry.versions as Record<number, new () => object>;
  const payloadClass = versions[envelope.schemaVersion];
  if (!payloadClass) {
    throw new InvalidEventError(topic, [`schemaVersion: ${envelope.schemaVersion} is not supported`]);
  }
  const payloadProblems = validateObject(payloadClass, envelope.payload, 'payload');
  if (payloadProblems.length) throw new InvalidEventError(topic, payloadProblems);
}

function isCertainlyValidEvent(topic: Topic, event: unknown): boolean {
  if (!certainlyValid(EventEnvelope, event)) return false;
  const envelope = event as EventEnvelope;
  const entry = TOPIC_CATALOGUE[topic];
  if (envelope.type !== entry.type) return false;
  const payloadClass = (entry.versions as Record<number, new () => object>)[envelope.schemaVersion];
  return payloadClass !== undefined && certainlyValid(payloadClass, envelope.payload);
}
