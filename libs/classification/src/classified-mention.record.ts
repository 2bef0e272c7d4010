import { Classification, Mention } from '@cxm/contracts';
import { CollectionDefinition } from '@cxm/platform-store';

/**
 * What the classifier keeps of each mention it classified: the text agents label and reprocessing
 * re-reads, without asking any other service.
 */
export interface ClassifiedMentionRecord {
  id: string;
  tenantId: string;
  mention: Mention;
  classification: Classification;
  classifiedAt: string;
}

export const CLASSIFIED_MENTIONS: CollectionDefinition = { name: 'classifier_mentions', indexes: [['mention.createdAt']] };
