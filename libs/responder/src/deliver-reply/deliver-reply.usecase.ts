import { Inject, Injectable } from '@nestjs/common';
import { createEvent, EventEnvelope, ReplyRequestedPayload } from '@cxm/contracts';
import { EVENT_BUS, EventBus, PermanentFailure } from '@cxm/platform-bus';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { backOff } from 'exponential-backoff';
import { OUTBOUND_CHANNEL, OutboundChannel, OutboundOutcome } from '../outbound/outbound-channel.port';
import { REPLIES, ReplyRecord } from '../reply-record';

class RetryableDelivery extends Error {}

/**
 * Sends a requested reply through the outbound channel with retries and backoff, records the
 * result on the reply, and publishes `replies.sent`. A reply already settled is never sent again:
 * its recorded result is re-published instead.
 */
@Injectable()
export class DeliverReply {
  private readonly replies: DocumentCollection<ReplyRecord>;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(OUTBOUND_CHANNEL) private readonly outbound: OutboundChannel,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {
    this.replies = store.collection<ReplyRecord>(REPLIES);
  }

  async execute(event: EventEnvelope<ReplyRequestedPayload>): Promise<void> {
    const stored = await this.replies.get(event.tenantId, event.payload.reply.id);
    if (!stored) throw new PermanentFailure(`reply ${event.payload.reply.id} was never recorded`);
    let reply = stored.doc;
    if (reply.status === 'requested') {
      const { outcome, attempts } = await this.sendWithRetries(reply);
      const settled: ReplyRecord = {
        ...reply,
        status: outcome.kind === 'delivered' ? 'delivered' : 'failed',
        attempts: reply.attempts + attempts,
        statusCode: outcome.statusCode,
        error: outcome.kind === 'delivered' ? undefined : outcome.error,
        completedAt: new Date().toISOString(),
      };
      reply = (await this.replies.replace(settled, stored.version)).doc;
    }
    await this.publishResult(event, reply);
  }

  private async sendWithRetries(reply: ReplyRecord): Promise<{ outcome: OutboundOutcome; attempts: number }> {
    let attempts = 0;
    let last: OutboundOutcome = { kind: 'retryable', error: 'not attempted' };
    try {
      await backOff(
        async () => {
          attempts += 1;
          // A channel that throws is treated like one that answered "try again", with its reason kept.
          last = await this.outbound.send(reply).catch((error: unknown) => ({ kind: 'retryable' as const, error: `delivery threw: ${(error as Error).message ?? String(error)}` }));
          if (last.kind === 'retryable') throw new RetryableDelivery(last.error);
        },
        { numOfAttempts: this.config.responder.deliveryAttempts, startingDelay: 200, maxDelay: 5_000, jitter: 'full' },
      );
    } catch {
      // `last` holds the final retryable outcome; it is recorded as a failure below.
    }
    return { outcome: last, attempts };
  }

  private async publishResult(event: EventEnvelope<ReplyRequestedPayload>, reply: ReplyRecord): Promise<void> {
    await this.bus.publish(
      'replies.sent',
      createEvent('replies.sent', {
        tenantId: event.tenantId,
        correlationId: event.correlationId,
        key: event.key,
        causationId: event.eventId,
        payload: {
          reply: event.payload.reply,
          delivery: {
            status: reply.status === 'delivered' ? 'delivered' : 'failed',
            attempts: reply.attempts,
            statusCode: reply.statusCode,
            error: reply.error,
            completedAt: reply.completedAt!,
          },
        },
      }),
    );
  }
}
