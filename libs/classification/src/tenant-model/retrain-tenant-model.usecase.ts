import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LOGGER } from '@cxm/platform-http';
import { Logger } from '@cxm/platform-logging';
import { DOCUMENT_STORE, DocumentCollection, DocumentStore } from '@cxm/platform-store';
import { classifyText } from '../classify-text';
import { INTENT_LABELS_COLLECTION, IntentLabelRecord } from './intent-label';
import { TenantIntentModel } from './tenant-intent-model';
import { TenantModels } from './tenant-models';

export const MIN_LABELS_TO_TRAIN = 20;

export type RetrainOutcome =
  | { kind: 'skipped'; reason: string; labels: number }
  | { kind: 'kept'; labels: number; accuracy: number; replacedAccuracy: number }
  | { kind: 'promoted'; labels: number; version: number; accuracy: number; replacedAccuracy: number };

/** One in five labels, chosen by a hash of the mention id (stable across retrains), is held out. */
function isHeldOut(id: string): boolean {
  return createHash('sha1').update(id).digest()[0] % 5 === 0;
}

/**
 * Trains a candidate intent model on the tenant's labels and promotes it only if it beats what is
 * in use — the previous model, or the rules when there is none — on the same held-out labels.
 */
@Injectable()
export class RetrainTenantModel {
  private readonly labels: DocumentCollection<IntentLabelRecord>;

  constructor(
    @Inject(DOCUMENT_STORE) store: DocumentStore,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly models: TenantModels,
  ) {
    this.labels = store.collection<IntentLabelRecord>(INTENT_LABELS_COLLECTION);
  }

  async execute(tenantId: string): Promise<RetrainOutcome> {
    const examples = (await this.allLabels(tenantId)).filter((l): l is IntentLabelRecord & { intent: NonNullable<IntentLabelRecord['intent']> } => !!l.intent);
    const train = examples.filter((e) => !isHeldOut(e.id));
    const holdout = examples.filter((e) => isHeldOut(e.id));
    const classes = new Set(train.map((e) => e.intent));
    if (examples.length < MIN_LABELS_TO_TRAIN || classes.size < 2 || holdout.length === 0) {
      return { kind: 'skipped', reason: `needs ${MIN_LABELS_TO_TRAIN}+ labels in 2+ intents with some held out`, labels: examples.length };
    }
    let candidate: TenantIntentModel;
    try {
      candidate = TenantIntentModel.train(train);
    } catch (error) {
      // wink refuses to consolidate when the labelled texts share too few words to learn from.
      return { kind: 'skipped', reason: (error as Error).message, labels: examples.length };
    }
    const current = await this.models.current(tenantId);
    const accuracy = share(holdout, (e) => candidate.predict(e.text)?.label === e.intent);
    const replacedAccuracy = current
      ? share(holdout, (e) => current.model.predict(e.text)?.label === e.intent)
      : share(holdout, (e) => classifyText(e.text).intent.label === e.intent);
    if (accuracy <= replacedAccuracy) {
      this.logger.info({ tenantId, accuracy, replacedAccuracy, labels: examples.length }, 'tenant intent model not promoted');
      return { kind: 'kept', labels: examples.length, accuracy, replacedAccuracy };
    }
    const version = (current?.record.version ?? 0) + 1;
    await this.models.promote({
      id: tenantId,
      tenantId,
      version,
      trainedAt: new Date().toISOString(),
      examples: train.length,
      holdout: holdout.length,
      accuracy,
      replacedAccuracy,
      modelJson: candidate.toJSON(),
    });
    this.logger.info({ tenantId, version, accuracy, replacedAccuracy, labels: examples.length }, 'tenant intent model promoted');
    return { kind: 'promoted', labels: examples.length, version, accuracy, replacedAccuracy };
  }

  private async allLabels(tenantId: string): Promise<IntentLabelRecord[]> {
    const all: IntentLabelRecord[] = [];
    for (let afterId: string | undefined; ; ) {
      const page = await this.labels.find(tenantId, {}, { limit: 500, afterId });
      all.push(...page);
      if (page.length < 500) return all;
      afterId = page[page.length - 1].id;
    }
  }
}

function share<T>(items: T[], correct: (item: T) => boolean): number {
  return items.filter(correct).length / items.length;
}
