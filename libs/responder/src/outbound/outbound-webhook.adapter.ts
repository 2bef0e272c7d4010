import { ReplyRecord } from '../reply-record';
import { OutboundChannel, OutboundOutcome } from './outbound-channel.port';

export interface OutboundWebhookSettings {
  /** channel → URL (`{channel}` in it is replaced); `*` serves channels without their own. Read at each send. */
  webhooks: Record<string, string>;
  timeoutMs: number;
}

/**
 * Delivers replies by POSTing them to a webhook per channel — the stand-in for each platform's
 * reply API until the real connectors exist. The reply id travels as `Idempotency-Key`, so a
 * receiver that saw it already can drop the repeat.
 */
export class OutboundWebhookChannel implements OutboundChannel {
  constructor(private readonly settings: OutboundWebhookSettings) {}

  async send(reply: ReplyRecord): Promise<OutboundOutcome> {
    const template = this.settings.webhooks[reply.channel] ?? this.settings.webhooks['*'];
    if (!template) return { kind: 'rejected', error: `no outbound webhook is configured for channel "${reply.channel}"` };
    const url = template.replaceAll('{channel}', encodeURIComponent(reply.channel));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': reply.id },
        body: JSON.stringify({
          replyId: reply.id,
          tenantId: reply.tenantId,
          channel: reply.channel,
          conversationId: reply.conversationId,
          inReplyTo: reply.inReplyToExternalId,
          text: reply.text,
        }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) return { kind: 'delivered', statusCode: response.status };
      const retryable = response.status >= 500 || response.status === 408 || response.status === 429;
      const error = `webhook answered ${response.status}`;
      return retryable ? { kind: 'retryable', statusCode: response.status, error } : { kind: 'rejected', statusCode: response.status, error };
    } catch (error) {
      return { kind: 'retryable', error: `webhook unreachable: ${(error as Error).message}` };
    }
  }
}
