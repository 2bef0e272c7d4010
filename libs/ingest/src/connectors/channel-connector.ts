import type { CanonicalMention, Channel } from '@cxm/contracts';

/**
 * The seam every channel plugs into. A connector is a small, pure mapping from what a platform
 * sends (in its own native format) to canonical mentions; the ingest pipeline does the rest
 * (authentication order, deduplication, edits, audit, publishing). Adding a channel means adding
 * one folder under `connectors/` and one line in `connector-registry.ts`.
 */

/** A tenant's credentials and settings for one channel, as set with `PUT /v1/tenants/{t}/channels/{c}`. Secret. */
export type ChannelSettings = Readonly<Record<string, string | number | boolean | string[] | undefined>>;

/** One inbound HTTP call from a platform, as the webhook route received it. */
export interface InboundDelivery {
  method: 'GET' | 'POST';
  /** Header names lower-cased. */
  headers: Readonly<Record<string, string | undefined>>;
  query: Readonly<Record<string, string | undefined>>;
  /** The exact bytes received: signatures are computed over these, never over re-serialised JSON. */
  rawBody: Buffer;
}

/** A mention mapped from a native payload, with the payload kept for audit. */
export interface MappedMention {
  /** The canonical mention minus its tenant (the route names the tenant, never the payload). */
  mention: Omit<CanonicalMention, 'tenantId'>;
  /** The native item this mention came from (the tweet, the comment, the MIME message…), kept for audit. */
  native: unknown;
}

/** The payload could not be turned into mentions: answered 4xx with this reason, nothing ingested. */
export class NativePayloadError extends Error {
  /** `field` is a JSON path or header name into the native payload (`entry[0].changes[0].value.message`). */
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'NativePayloadError';
  }
}

/**
 * The call is not from the platform (bad or missing signature / secret): answered 401 or 403, logged, never ingested.
 * `kind` says which: `missing` (no signature or no secret to check it with → 401) or `invalid` (it does not match → 403).
 */
export class WebhookAuthenticationError extends Error {
  constructor(
    message: string,
    readonly kind: 'missing' | 'invalid' = 'invalid',
  ) {
    super(message);
    this.name = 'WebhookAuthenticationError';
  }
}

/** What a verification handshake answers (Meta's `hub.challenge`): the body to echo back, as text. */
export interface HandshakeAnswer {
  body: string;
  /** Defaults to `text/plain` (Meta); X's CRC answers `application/json`. */
  contentType?: string;
}

/** A channel that the platform pushes to: `POST /v1/webhooks/{tenantId}/{channel}`. */
export interface WebhookConnector {
  readonly channel: Channel;
  /** Largest body accepted, in bytes; defaults to DEFAULT_WEBHOOK_BODY_BYTES (the email connector takes more). */
  readonly maxBodyBytes?: number;
  /** Settings keys a tenant must set before the channel can be used (`PUT` refuses settings without them). */
  readonly requiredSettings?: readonly string[];
  /** `GET` on the webhook URL (Meta's subscription handshake); absent when the platform has none. */
  handshake?(delivery: InboundDelivery, settings: ChannelSettings): HandshakeAnswer;
  /** Throws WebhookAuthenticationError unless the delivery is provably from the platform. */
  authenticate(delivery: InboundDelivery, settings: ChannelSettings): void;
  /** Native payload → mentions (zero is fine: a delivery may carry only events we ignore). */
  map(delivery: InboundDelivery, settings: ChannelSettings): MappedMention[] | Promise<MappedMention[]>;
}

/** A channel that we fetch from on a schedule (RSS / Atom feeds). */
export interface PolledConnector {
  readonly channel: Channel;
  /** Settings keys a tenant must set before the channel can be used (`PUT` refuses settings without them). */
  readonly requiredSettings?: readonly string[];
  /** Parses one fetched document into mentions; `source` names where it came from (the feed URL). */
  mapDocument(body: string, source: string, settings: ChannelSettings): Promise<MappedMention[]>;
}

export type ChannelConnector = WebhookConnector | PolledConnector;

/** The body limit of a webhook whose connector names none: the JSON limit of every other route. */
export const DEFAULT_WEBHOOK_BODY_BYTES = 256 * 1024;

export function isWebhookConnector(connector: ChannelConnector): connector is WebhookConnector {
  return 'map' in connector;
}
