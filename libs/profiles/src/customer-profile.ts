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
}

export const TIMELINE_LIMIT = 200;

export const CUSTOMER_PROFILES: CollectionDefinition = {
  name: 'customer_profiles',
  indexes: [['channel', 'authorId']],
};
