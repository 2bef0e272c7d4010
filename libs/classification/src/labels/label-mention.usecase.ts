import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { LOGGER } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore, upsertDocument } from '@cxm/platform-store';
import { CLASSIFIED_MENTIONS, ClassifiedMentionRecord } from '../classified-mention.record';
import { INTENT_LABELS_COLLECTION, IntentLabelRecord } from '../tenant-model/intent-label';
import { RetrainTenantModel } from '../tenant-model/retrain-tenant-model.usecase';
import { LabelMentionDto } from './label-mention.dto';

/** Corrections arriving close together are learned in one retraining. */
const RETRAIN_DEBOUNCE_MS = 5_000;

/**
 * Records an agent's correction and schedules the tenant's model to be retrained in the
 * background; the request does not wait for training.
 */
@Injectable()
export class LabelMention implements OnApplicationShutdown {
  private readonly labels: DocumentCollection<IntentLabelRecord>;
  private readonly mentions: DocumentCollection<ClassifiedMentionRecord>;
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly retrain: RetrainTenantModel,
  ) {
    this.labels = store.collection<IntentLabelRecord>(INTENT_LABELS_COLLECTION);
    this.mentions = store.collection<ClassifiedMentionRecord>(CLASSIFIED_MENTIONS);
  }

  /** Undefined when the classifier has not seen that mention (yet). */
  async execute(tenantId: string, mentionId: string, correction: LabelMentionDto): Promise<IntentLabelRecord | undefined> {
    const classified = await this.mentions.get(tenantId, mentionId);
    if (!classified) return undefined;
    const saved = await upsertDocument(this.labels, tenantId, mentionId, (current) => ({
      id: mentionId,
      tenantId,
      text: classified.doc.mention.text,
      lang: classified.doc.classification.language.code,
      intent: correction.intent ?? current?.intent,
      sentiment: correction.sentiment ?? current?.sentiment,
      labelledAt: new Date().toISOString(),
    }));
    this.scheduleRetrain(tenantId);
    return saved!.doc;
  }

  onApplicationShutdown(): void {
    this.pending.forEach((timer) => clearTimeout(timer));
  }

  private scheduleRetrain(tenantId: string): void {
    clearTimeout(this.pending.get(tenantId));
    const timer = setTimeout(() => {
      this.pending.delete(tenantId);
      this.retrain.execute(tenantId).catch((error) => this.logger.error({ err: error, tenantId }, 'retraining the tenant intent model failed'));
    }, RETRAIN_DEBOUNCE_MS);
    timer.unref();
    this.pending.set(tenantId, timer);
  }
}
