import { ReplyOrigin } from '@cxm/contracts';
import { CollectionDefinition } from '@cxm/platform-store';

export type ReplyStatus = 'requested' | 'delivered' | 'failed';

/** A reply and what became of it: the responder's record of truth for "was the customer answered". */
export interface ReplyRecord {
  id: string;
  tenantId: string;
  caseId: string;
  mentionId: string;
  channel: string;
  conversationId: string;
  inReplyToExternalId: string;
  text: string;
  origin: ReplyOrigin;
  requestedAt: string;
  status: ReplyStatus;
  attempts: number;
  statusCode?: number;
  error?: string;
  completedAt?: string;
}

export const REPLIES: CollectionDefinition = { name: 'responder_replies', indexes: [['caseId']] };

/** What the responder knows of a case: where a reply to it must go. */
export interface ReplyTarget {
  id: string;
  tenantId: string;
  channel: string;
  conversationId: string;
  /** The case's newest mention: an agent's reply answers it. */
  lastMentionId: string;
  lastExternalId: string;
  lastMentionAt: string;
}

export const REPLY_TARGETS: CollectionDefinition = { name: 'responder_reply_targets', indexes: [] };
