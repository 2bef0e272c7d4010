import { Inject, Injectable } from '@nestjs/common';
import { Classification, createEvent, EventEnvelope, Mention, MentionReceivedPayload } from '@cxm/contracts';
import { EVENT_BUS, EventBus } from '@cxm/platform-bus';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, upsertDocument } from '@cxm/platform-store';
import { CLASSIFIED_MENTIONS, ClassifiedMentionRecord } from '../classified-mention.record';
import { MentionClassifier } from './mention-classifier';

/**
 * Classifies a mention, keeps the classifier's record of it (for labelling and reprocessing), and
 * publishes `mentions.classified`. The event id derives from its cause: the received event for live
 * traffic, the job and mention for a reprocessing run.
 */
@Injectable()
export class ClassifyMention {
  private readonly records: DocumentCollection<ClassifiedMentionRecord>;

  constructor(
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    private readonly classifier: MentionClassifier,
  ) {
    this.records = store.collection<ClassifiedMentionRecord>(CLASSIFIED_MENTIONS);
  }

  async execute(event: EventEnvelope<MentionReceivedPayload>): Promise<void> {
    await this.classifyAndPublish(event.payload.mention, event.eventId, event.correlationId, event.key);
  }

  async classifyAndPublish(mention: Mention, causationId: string, correlationId: string, key: string): Promise<Classification> {
    const classification = await this.classifier.classify(mention);
    await upsertDocument(this.records, mention.tenantId, mention.id, () => ({
      id: mention.id,
      tenantId: mention.tenantId,
      mention,
      classification,
      classifiedAt: new Date().toISOString(),
    }));
    await this.bus.publish(
      'mentions.classified',
      createEvent('mentions.classified', { tenantId: mention.tenantId, correlationId, key, causationId, payload: { mention, classification } }),
    );
    return classification;
  }
}
