import { hash as oneShotHash, randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { isoNow } from '../time/iso-time';
import { EventEnvelope } from './envelope';
import { CURRENT_SCHEMA_VERSION, PayloadOf, TOPIC_CATALOGUE, Topic } from './topics';

/** Namespace for ids derived from other ids (uuid v5), so a redelivered event derives the same id. */
export const CXM_ID_NAMESPACE = '6f1c1a7e-8a55-4c3a-9f7e-2b7f3c6d9e10';

/** The namespace's 16 bytes, parsed once (uuid parses it again at every call). */
const NAMESPACE_BYTES = Buffer.from(CXM_ID_NAMESPACE.replace(/-/g, ''), 'hex');

/**
 * The namespace's bytes followed by room for a name: a name of up to SCRATCH_NAME_CHARS UTF-16 units
 * (at most three UTF-8 bytes each) is encoded here, after them, and hashed in one call, with no
 * Hash object and no buffer allocated per id. Module state is per thread, and each call is
 * synchronous from the write to the digest, so no caller ever sees another's bytes.
 */
const SCRATCH_NAME_CHARS = 1024;
const scratch = Buffer.allocUnsafeSlow(NAMESPACE_BYTES.length + 3 * SCRATCH_NAME_CHARS);
NAMESPACE_BYTES.copy(scratch);

/**
 * uuid v5 (RFC 9562: SHA-1 of the namespace's bytes then the name's UTF-8 bytes, version and
 * variant bits set) of the parts joined by U+001F — the same id `uuid`'s v5 gives, computed with
 * node:crypto straight from the string (uuid first copies it byte by byte into an array, which was
 * ~6 % of the front door's CPU). A name that is not well-formed UTF-16 (a lone surrogate) is left
 * to uuid, which refuses it as before.
 */
export function deriveId(...parts: string[]): string {
  const name = parts.join('\u001f');
  if (!(name as string & { isWellFormed(): boolean }).isWellFormed()) return uuidv5(name, CXM_ID_NAMESPACE);
  const hash = oneShotHash('sha1', namespacedName(name), 'buffer');
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The bytes uuid v5 hashes: the namespace's, then the name's UTF-8. */
function namespacedName(name: string): Buffer {
  if (name.length > SCRATCH_NAME_CHARS) return Buffer.concat([NAMESPACE_BYTES, Buffer.from(name, 'utf8')]);
  const written = scratch.write(name, NAMESPACE_BYTES.length, 'utf8');
  return scratch.subarray(0, NAMESPACE_BYTES.length + written);
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
    occurredAt: event.occurredAt ?? isoNow(),
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
