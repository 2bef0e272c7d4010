import { createHmac, timingSafeEqual } from 'node:crypto';
import { WebhookAuthenticationError } from '../channel-connector';

/**
 * The shared-secret scheme of channels whose platform has no signature of its own: the tenant's
 * forwarder (here, the inbound-mail relay) sends `X-Cxm-Signature-256: sha256=<hex HMAC-SHA256 of
 * the raw body>` keyed with the channel's `webhookSecret`.
 */
export const SIGNATURE_HEADER = 'x-cxm-signature-256';
export const SECRET_SETTING = 'webhookSecret';

/** The header value a forwarder sends for `rawBody`. */
export function signBody(rawBody: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/**
 * Throws WebhookAuthenticationError unless `presented` is the signature of the exact bytes
 * received. Compared in constant time, as digests, so even unequal lengths leak nothing.
 */
export function verifyBodySignature(rawBody: Buffer, presented: string | undefined, secret: unknown): void {
  if (!presented) throw new WebhookAuthenticationError(`the ${SIGNATURE_HEADER} header is missing`);
  if (typeof secret !== 'string' || secret === '') throw new WebhookAuthenticationError(`no ${SECRET_SETTING} is set for this channel`);
  const digest = (value: string) => createHmac('sha256', 'compare').update(value).digest();
  if (!timingSafeEqual(digest(presented.trim()), digest(signBody(rawBody, secret)))) {
    throw new WebhookAuthenticationError(`the ${SIGNATURE_HEADER} signature does not match the body`);
  }
}
