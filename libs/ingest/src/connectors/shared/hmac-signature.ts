import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Channel } from '@cxm/contracts';
import { ChannelSettings, InboundDelivery, MappedMention, WebhookAuthenticationError, WebhookConnector } from '../channel-connector';

export interface HmacScheme {
  /** Lower-cased header carrying `sha256=<digest>`. */
  header: string;
  /** The settings key holding the secret. */
  secretKey: string;
  encoding: 'hex' | 'base64';
}

export function hmacSha256(secret: string, data: Buffer | string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', secret).update(data).digest(encoding);
}

/** The tenant's secret for this channel; without one nothing can be verified, so nothing is accepted. */
export function requireSecret(settings: ChannelSettings, key: string): string {
  const secret = settings[key];
  if (typeof secret !== 'string' || secret === '') throw new WebhookAuthenticationError(`no ${key} is set for this channel`, 'missing');
  return secret;
}

/**
 * Checks `sha256=<HMAC-SHA256(secret, raw body)>` in the scheme's header. Compared in constant
 * time (as digests, so unequal lengths leak nothing either).
 */
export function verifyHmacSignature(delivery: InboundDelivery, settings: ChannelSettings, scheme: HmacScheme): void {
  const presented = delivery.headers[scheme.header];
  if (!presented) throw new WebhookAuthenticationError(`the ${scheme.header} header is missing`, 'missing');
  const expected = `sha256=${hmacSha256(requireSecret(settings, scheme.secretKey), delivery.rawBody, scheme.encoding)}`;
  if (!constantTimeEqual(presented.trim(), expected)) throw new WebhookAuthenticationError(`the ${scheme.header} signature does not match the body`);
}

export function constantTimeEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHmac('sha256', 'compare').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Channels whose platform has no push signature of its own (Reddit, YouTube, app stores, review
 * sites, chat) are fed by the tenant's forwarder, which signs each body with the per-tenant
 * `webhookSecret` the same way Meta does: `X-Cxm-Signature-256: sha256=<hex>`.
 */
export const SHARED_SECRET_SCHEME: HmacScheme = { header: 'x-cxm-signature-256', secretKey: 'webhookSecret', encoding: 'hex' };

export function verifySharedSecret(delivery: InboundDelivery, settings: ChannelSettings): void {
  verifyHmacSignature(delivery, settings, SHARED_SECRET_SCHEME);
}

/** A channel fed by the tenant's forwarder: authenticated by the shared secret, so only its mapping is its own. */
export abstract class SharedSecretWebhookConnector implements WebhookConnector {
  abstract readonly channel: Channel;
  readonly requiredSettings = [SHARED_SECRET_SCHEME.secretKey] as const;

  authenticate(delivery: InboundDelivery, settings: ChannelSettings): void {
    verifySharedSecret(delivery, settings);
  }

  abstract map(delivery: InboundDelivery, settings: ChannelSettings): MappedMention[];
}
