import { CollectionDefinition } from '@cxm/platform-store';

/**
 * What ingest remembers of each accepted mention, under the mention's id (derived from the natural
 * key): enough to deduplicate, to recognise an edit, and to thread replies. This record — not the
 * in-memory cache — is the truth about what was accepted.
 */
export interface AcceptedMentionRecord {
  id: string;
  tenantId: string;
  channel: string;
  externalId: string;
  conversationId: string;
  /** When the mention was first accepted. */
  acceptedAt: string;
  /** When its current revision was accepted (first accept, last edit, or re-acceptance after the window). */
  lastAcceptedAt?: string;
  /** `editedAt` of the current revision (absent until the first edit). */
  editedAt?: string;
  /** SHA-1 of the current revision's text: a later `editedAt` with the same text is not an edit. */
  textDigest?: string;
  /** Revisions published: 1 for the original, +1 per edit or re-acceptance. */
  revisions?: number;
}

export const ACCEPTED_MENTIONS: CollectionDefinition = {
  name: 'ingest_accepted_mentions',
  indexes: [['channel', 'externalId']],
};
