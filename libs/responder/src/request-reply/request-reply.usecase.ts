import { Inject, Injectable } from '@nestjs/common';
import { conversationKey, createEvent, ReplyOrigin } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, DuplicateDocumentError } from '@cxm/platform-store';
import { REPLIES, ReplyRecord } from '../reply-record';

export interface ReplyToRequest {
  id: string;
  tenantId: string;
  caseId: string;
  mentionId: string;
  channel: string;
  conversationId: string;
  inReplyToExternalId: string;
  text: string;
  origin: ReplyOrigin;
}

/**
 * Records a reply once (its id is the idempotency key) and publishes `replies.requested`. A repeat
 * with the same id keeps the first record and re-publishes the same event, which delivery ignores
 * once the reply went out — so no customer is ever answered twice.
 */
@Injectable()
export class RequestReply {
  private readonly replies: DocumentCollection<ReplyRecord>;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) store: DocumentStore,
  ) {
    this.replies = store.collection<ReplyRecord>(REPLIES);
  }

  async execute(request: ReplyToRequest, correlationId: string): Promise<ReplyRecord> {
    const record = await this.recordOnce({ ...request, requestedAt: new Date().toISOString(), status: 'requested', attempts: 0 });
    await this.bus.publish(
      'replies.requested',
      createEvent('replies.requested', {
        tenantId: record.tenantId,
        correlationId,
        key: conversationKey(record.tenantId, record.conversationId),
        causationId: record.id,
        payload: {
          reply: {
            id: record.id,
            caseId: record.caseId,
            mentionId: record.mentionId,
            channel: record.channel,
            conversationId: record.conversationId,
            inReplyToExternalId: record.inReplyToExternalId,
            text: record.text,
            origin: record.origin,
            requestedAt: record.requestedAt,
          },
        },
      }),
    );
    return record;
  }

  private async recordOnce(record: ReplyRecord): Promise<ReplyRecord> {
    try {
      return (await this.replies.insert(record)).doc;
    } catch (error) {
      if (!(error instanceof DuplicateDocumentError)) throw error;
      return (await this.replies.get(record.tenantId, record.id))!.doc;
    }
  }
}
