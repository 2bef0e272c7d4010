import { CollectionDefinition } from '@cxm/platform-store';

/** What ingest remembers of each accepted mention: enough to deduplicate and to thread replies. */
export interface AcceptedMentionRecord {
  id: string;
  tenantId: string;
  channel: string;
  externalId: string;
  conversationId: string;
  acceptedAt: string;
}

export const ACCEPTED_MENTIONS: CollectionDefinition = {
  name: 'ingest_accepted_mentions',
  indexes: [['channel', 'externalId']],
};
