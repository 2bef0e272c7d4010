import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChannelSettings, InboundDelivery, WebhookConnector } from '../channel-connector';
import { HmacScheme, hmacSha256 } from './hmac-signature';

/** Helpers for connector specs: fixtures as the exact bytes a platform sends, signed as it signs them. */

/** A fixture file's bytes (`<connector folder>/fixtures/<name>`). */
export function fixture(connectorDir: string, name: string): Buffer {
  return readFileSync(join(connectorDir, 'fixtures', name));
}

export function delivery(body: Buffer | string, headers: Record<string, string> = {}, query: Record<string, string> = {}, method: 'GET' | 'POST' = 'POST'): InboundDelivery {
  return { method, headers, query, rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8') };
}

/** A POST whose body is signed the way the scheme's platform signs it. */
export function signedDelivery(body: Buffer | string | object, scheme: HmacScheme, secret: string): InboundDelivery {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
  return delivery(bytes, { [scheme.header]: `sha256=${hmacSha256(secret, bytes, scheme.encoding)}`, 'content-type': 'application/json' });
}

/** What the connector maps from `body` once signed with `secret` and authenticated, as the webhook route runs it. */
export function mapSigned<C extends WebhookConnector>(connector: C, body: Buffer | string, scheme: HmacScheme, secret: string, settings: ChannelSettings): ReturnType<C['map']> {
  const call = signedDelivery(body, scheme, secret);
  connector.authenticate(call, settings);
  return connector.map(call, settings) as ReturnType<C['map']>;
}

/**
 * A fixture parsed, changed by `edit`, and serialised again: for malformed-payload cases. The
 * payload is untyped on purpose — the point is to break it anywhere.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function editedFixture(connectorDir: string, name: string, edit: (payload: any) => void): string {
  const payload = JSON.parse(fixture(connectorDir, name).toString('utf8'));
  edit(payload);
  return JSON.stringify(payload);
}
