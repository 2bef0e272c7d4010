import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookAuthenticationError } from '../channel-connector';

/** The header an inbound-mail relay signs each delivery with: `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const EMAIL_SIGNATURE_HEADER = 'x-cxm-signature-256';

const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;

/** The value a relay sends in EMAIL_SIGNATURE_HEADER for `rawBody` (also what tests and relays' docs use). */
export function signBody(rawBody: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Throws WebhookAuthenticationError unless `header` is the HMAC-SHA256 of the exact bytes
 * received under `secret`. The comparison takes the same time whatever bytes differ.
 */
export function verifyBodySignature(rawBody: Buffer, header: string | undefined, secret: string): void {
  if (!header) throw new WebhookAuthenticationError(`missing ${EMAIL_SIGNATURE_HEADER} header`);
  const match = SIGNATURE.exec(header.trim());
  if (!match) throw new WebhookAuthenticationError(`${EMAIL_SIGNATURE_HEADER} must be sha256=<64 hex digits>`);
  const received = Buffer.from(match[1], 'hex');
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  if (!timingSafeEqual(received, expected)) throw new WebhookAuthenticationError(`${EMAIL_SIGNATURE_HEADER} does not match the body`);
}
