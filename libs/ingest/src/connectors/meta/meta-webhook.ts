import type { Channel } from '@cxm/contracts';
import { ChannelSettings, HandshakeAnswer, InboundDelivery, MappedMention, NativePayloadError, WebhookAuthenticationError, WebhookConnector } from '../channel-connector';
import { constantTimeEqual, HmacScheme, requireSecret, verifyHmacSignature } from '../shared/hmac-signature';
import { jsonBody } from '../shared/json-body';
import { NativeValue } from '../shared/native-value';

/**
 * What the four Meta channels (Facebook, Instagram, Messenger, WhatsApp) share: Meta's Graph API
 * webhooks all use the same subscription handshake, the same signature and the same envelope
 * `{object, entry: [...]}`; only what sits inside an entry differs.
 */

/** Meta signs the raw body with the app secret: `X-Hub-Signature-256: sha256=<hex>`. */
export const META_SIGNATURE: HmacScheme = { header: 'x-hub-signature-256', secretKey: 'appSecret', encoding: 'hex' };

export const META_REQUIRED_SETTINGS = ['appSecret', 'verifyToken'] as const;

/**
 * The subscription handshake: Meta calls `GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…`
 * and expects the challenge echoed as text when the token is the one the tenant chose.
 */
export function metaHandshake(delivery: InboundDelivery, settings: ChannelSettings): HandshakeAnswer {
  const { 'hub.mode': mode, 'hub.verify_token': token, 'hub.challenge': challenge } = delivery.query;
  if (mode !== 'subscribe') throw new NativePayloadError('hub.mode must be "subscribe"', 'hub.mode');
  if (!challenge) throw new NativePayloadError('hub.challenge is missing', 'hub.challenge');
  if (!token) throw new WebhookAuthenticationError('hub.verify_token is missing', 'missing');
  if (!constantTimeEqual(token, requireSecret(settings, 'verifyToken'))) throw new WebhookAuthenticationError('hub.verify_token does not match');
  return { body: challenge, contentType: 'text/plain' };
}

export function authenticateMeta(delivery: InboundDelivery, settings: ChannelSettings): void {
  verifyHmacSignature(delivery, settings, META_SIGNATURE);
}

/**
 * The entries of a Meta webhook for `object` (`page`, `instagram`, `whatsapp_business_account`).
 * Another object means the app's subscription points at the wrong channel's URL: a mapping error.
 */
export function metaEntries(delivery: InboundDelivery, object: string): NativeValue[] {
  const body = jsonBody(delivery).object();
  const actual = body.get('object');
  if (actual.string() !== object) actual.fail(`must be "${object}" on this channel (got "${String(actual.value)}")`);
  return body.get('entry').array();
}

/** The four Meta channels differ only in what they map: the handshake, signature and settings are Meta's. */
export abstract class MetaWebhookConnector implements WebhookConnector {
  abstract readonly channel: Channel;
  readonly requiredSettings = META_REQUIRED_SETTINGS;

  handshake(delivery: InboundDelivery, settings: ChannelSettings): HandshakeAnswer {
    return metaHandshake(delivery, settings);
  }

  authenticate(delivery: InboundDelivery, settings: ChannelSettings): void {
    authenticateMeta(delivery, settings);
  }

  abstract map(delivery: InboundDelivery, settings: ChannelSettings): MappedMention[];
}
