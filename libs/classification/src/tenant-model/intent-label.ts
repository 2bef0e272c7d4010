import { CollectionDefinition } from '@cxm/platform-store';
import { IntentLabel, SentimentLabel } from '@cxm/contracts';

/** An agent's correction of one mention's labels: the tenant model learns from these. */
export interface IntentLabelRecord {
  /** The mention's id: one (latest) correction per mention. */
  id: string;
  tenantId: string;
  text: string;
  lang: string;
  intent?: IntentLabel;
  sentiment?: SentimentLabel;
  labelledAt: string;
}

export const INTENT_LABELS_COLLECTION: CollectionDefinition = { name: 'classifier_labels', indexes: [] };

/** A trained model of a tenant and how it scored when it was promoted. */
export interface TenantModelRecord {
  /** The tenant id: one current model per tenant. */
  id: string;
  tenantId: string;
  version: number;
  trainedAt: string;
  examples: number;
  holdout: number;
  /** Accuracy on the holdout of the model, and of what it replaced (the rules or the previous model). */
  accuracy: number;
  replacedAccuracy: number;
  modelJson: string;
}

export const TENANT_MODELS: CollectionDefinition = { name: 'classifier_tenant_models', indexes: [] };
