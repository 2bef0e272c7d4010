import { CollectionDefinition } from '@cxm/platform-store';

/**
 * The platform's native payload a mention revision was mapped from, kept for audit ("what exactly
 * did the platform send us?"). One document per revision; never read on the hot path.
 */
export interface NativePayloadRecord {
  /** Derived from the mention id and its revision. */
  id: string;
  tenantId: string;
  mentionId: string;
  channel: string;
  externalId: string;
  /** `original`, an `editedAt`, or `reaccepted@<time>`. */
  revision: string;
  receivedAt: string;
  /** The payload as JSON text, cut to at most `CXM_INGEST_NATIVE_MAX_BYTES` bytes of UTF-8. */
  payload: string;
  /** Size of the whole payload's JSON in bytes, before any cut. */
  bytes: number;
  /** True when `payload` holds only the first `CXM_INGEST_NATIVE_MAX_BYTES` bytes (so is not valid JSON). */
  truncated: boolean;
}

export const NATIVE_PAYLOADS: CollectionDefinition = {
  name: 'ingest_native_payloads',
  indexes: [['mentionId']],
};

/**
 * The payload's JSON (a string or bytes — a raw MIME message — is kept as its text), cut at a UTF-8
 * character boundary when longer than `maxBytes`.
 */
export function boundedJson(native: unknown, maxBytes: number): { payload: string; bytes: number; truncated: boolean } {
  const json = nativeText(native);
  const bytes = Buffer.byteLength(json);
  if (bytes <= maxBytes) return { payload: json, bytes, truncated: false };
  const buffer = Buffer.from(json);
  let end = maxBytes;
  // Step back over continuation bytes (10xxxxxx) so no character is split in half.
  while (end > 0 && (buffer[end] & 0xc0) === 0x80) end--;
  return { payload: buffer.subarray(0, end).toString('utf8'), bytes, truncated: true };
}

/**
 * The text an audit copy keeps of a native payload, whole: its JSON, or a string or bytes as their
 * text. A text gives itself back, so a thread may make it before handing the payload to the thread
 * that stores it (ADR 0032) and the stored copy is the same. Bytes may be a plain Uint8Array: a
 * Buffer handed to another thread arrives as one.
 */
export function nativeText(native: unknown): string {
  if (typeof native === 'string') return native;
  if (native instanceof Uint8Array) return Buffer.from(native.buffer, native.byteOffset, native.byteLength).toString('utf8');
  return JSON.stringify(native) ?? 'null';
}
