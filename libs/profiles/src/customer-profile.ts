import { CollectionDefinition } from '@cxm/platform-store';

export interface TimelineEntry {
  mentionId: string;
  at: string;
  channel: string;
  text: string;
  sentiment: string;
  intent: string;
}

/** One customer as seen on one channel. Cross-channel identity merging comes later. */
export interface CustomerProfile {
  id: string;
  tenantId: string;
  channel: string;
  authorId: string;
  handle: string;
  displayName: string;
  followers?: number;
  mentionCount: number;
  firstSeenAt: string;
  lastSeenAt: string;
  /** Newest last; capped so a prolific author's profile stays small. */
  timeline: TimelineEntry[];
  /**
   * Ids of the mentions counted most recently, in the order they were processed (not their
   * dates), so a redelivered event — always a recent one — is recognised even when its mention
   * is too old to stay in the timeline.
   */
  recentMentionIds: string[];
}

export const TIMELINE_LIMIT = 200;
export const RECENT_MENTION_IDS_LIMIT = 1_000;

export const CUSTOMER_PROFILES: CollectionDefinition = {
  name: 'customer_profiles',
  indexes: [['channel', 'authorId']],
};
