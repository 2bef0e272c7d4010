import { Inject, Injectable } from '@nestjs/common';
import { CaseRoutedPayload, deriveId, EventEnvelope } from '@cxm/contracts';
import { PLATFORM_CONFIG, PlatformConfig } from '@cxm/platform-config';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, upsertDocument } from '@cxm/platform-store';
import { REPLY_TARGETS, ReplyTarget } from '../reply-record';
import { RequestReply } from '../request-reply/request-reply.usecase';

/**
 * Keeps track of where a case's replies go, and sends the automatic acknowledgement when the
 * rule says so. The acknowledgement's id derives from the case, so a case is acknowledged once,
 * however many mentions join it and however often the event is redelivered.
 */
@Injectable()
export class AcknowledgeRoutedCase {
  private readonly targets: DocumentCollection<ReplyTarget>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly requestReply: RequestReply,
  ) {
    this.targets = store.collection<ReplyTarget>(REPLY_TARGETS);
  }

  async execute(event: EventEnvelope<CaseRoutedPayload>): Promise<void> {
    const { mention, classification, case: routed } = event.payload;
    await upsertDocument(this.targets, mention.tenantId, routed.id, (current) => {
      if (current && Date.parse(current.lastMentionAt) >= Date.parse(mention.createdAt)) return undefined;
      return {
        id: routed.id,
        tenantId: mention.tenantId,
        channel: mention.channel,
        conversationId: routed.conversationId,
        lastMentionId: mention.id,
        lastExternalId: mention.externalId,
        lastMentionAt: mention.createdAt,
      };
    });
    const rule = this.config.responder.autoAcknowledge;
    if (!rule.enabled || !rule.intents.includes(classification.intent.label)) return;
    await this.requestReply.execute(
      {
        id: deriveId('auto-acknowledgement', mention.tenantId, routed.id),
        tenantId: mention.tenantId,
        caseId: routed.id,
        mentionId: mention.id,
        channel: mention.channel,
        conversationId: routed.conversationId,
        inReplyToExternalId: mention.externalId,
        text: rule.text,
        origin: 'auto',
      },
      event.correlationId,
    );
  }
}
