import { Inject, Injectable } from '@nestjs/common';
import { CanonicalMention, conversationKey, createEvent, deriveId, Mention } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { LOGGER } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, DuplicateDocumentError } from '@cxm/platform-store';
import { ACCEPTED_MENTIONS, AcceptedMentionRecord } from './accepted-mention.record';

/** What came with the mention besides its canonical form. */
export interface AcceptContext {
  /** The platform's native payload the mention was mapped from (connectors), kept for audit. */
  native?: unknown;
}

export interface AcceptMentionResult {
  id: string;
  /** True when (tenant, channel, externalId) was accepted before: nothing new was published. */
  duplicate: boolean;
}

/**
 * Accepts one canonical mention: gives it its id, resolves its conversation, and publishes
 * `mentions.raw`. Resolves only once the event is durably stored — that is what a 202 promises.
 */
@Injectable()
export class AcceptMention {
  private readonly accepted: DocumentCollection<AcceptedMentionRecord>;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.accepted = store.collection<AcceptedMentionRecord>(ACCEPTED_MENTIONS);
  }

  async execute(input: CanonicalMention, _context: AcceptContext = {}): Promise<AcceptMentionResult> {
    // The id derives from the natural key, so even a repeat that slips past the check below
    // (two identical requests at once) produces the same id and event, which consumers dedupe.
    const id = deriveId('mention', input.tenantId, input.channel, input.externalId);
    if (await this.accepted.get(input.tenantId, id)) {
      this.logger.info({ correlationId: id, tenantId: input.tenantId, channel: input.channel }, 'repeat of an accepted mention');
      return { id, duplicate: true };
    }

    const mention: Mention = {
      ...input,
      // One canonical spelling (UTC, milliseconds) so every index sorts and compares times alike.
      createdAt: new Date(input.createdAt).toISOString(),
      id,
      conversationId: await this.resolveConversation(input),
      receivedAt: new Date().toISOString(),
    };
    await this.bus.publish(
      'mentions.raw',
      createEvent('mentions.raw', {
        tenantId: mention.tenantId,
        correlationId: id,
        key: conversationKey(mention.tenantId, mention.conversationId),
        causationId: id,
        payload: { mention },
      }),
    );
    // Recorded after the publish: a crash in between only means a repeat is published again.
    await this.remember(mention);
    this.logger.info({ correlationId: id, tenantId: mention.tenantId, channel: mention.channel, conversationId: mention.conversationId }, 'mention accepted');
    return { id, duplicate: false };
  }

  /**
   * One conversation id per thread, namespaced by channel: the platform's own when given, else the
   * parent's conversation when the parent is known, else the thread root's externalId.
   */
  private async resolveConversation(input: CanonicalMention): Promise<string> {
    if (input.conversationId) return `${input.channel}:${input.conversationId}`;
    if (input.inReplyTo) {
      const parentId = deriveId('mention', input.tenantId, input.channel, input.inReplyTo);
      const parent = await this.accepted.get(input.tenantId, parentId);
      return parent?.doc.conversationId ?? `${input.channel}:${input.inReplyTo}`;
    }
    return `${input.channel}:${input.externalId}`;
  }

  private async remember(mention: Mention): Promise<void> {
    try {
      await this.accepted.insert({
        id: mention.id,
        tenantId: mention.tenantId,
        channel: mention.channel,
        externalId: mention.externalId,
        conversationId: mention.conversationId,
        acceptedAt: mention.receivedAt,
      });
    } catch (error) {
      if (!(error instanceof DuplicateDocumentError)) throw error;
    }
  }
}
