import { Classification, DeliveryResult, Mention, ReplyRequest } from '@cxm/contracts';
import { CollectionDefinition } from '@cxm/platform-store';

export type MentionStage = 'received' | 'classified' | 'profiled' | 'routed';

export interface StoryReply extends ReplyRequest {
  delivery: { status: 'pending' } | DeliveryResult;
}

/**
 * Everything that happened to one mention, assembled from the events about it: what
 * `GET /v1/mentions/{id}` answers and what the index is fed from. Parts may arrive in any order
 * (they come from different topics), so each part is set independently.
 */
export interface MentionStory {
  id: string;
  tenantId: string;
  mention?: Mention;
  stage: MentionStage;
  classification?: Classification;
  profileId?: string;
  case?: { id: string; queue: string; priority: number; status: string; matchedRule: string };
  replies: StoryReply[];
  /**
   * Set when the mention was erased for privacy: the story is then a tombstone (no mention, no
   * classification, no replies) that later events about the mention cannot fill again, and that
   * a reindex skips.
   */
  erasedAt?: string;
}

export const MENTION_STORIES: CollectionDefinition = { name: 'explorer_mention_stories', indexes: [] };

const STAGE_ORDER: MentionStage[] = ['received', 'classified', 'profiled', 'routed'];

export function laterStage(a: MentionStage, b: MentionStage): MentionStage {
  return STAGE_ORDER.indexOf(a) >= STAGE_ORDER.indexOf(b) ? a : b;
}
