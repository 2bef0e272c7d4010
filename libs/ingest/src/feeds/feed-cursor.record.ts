import { CollectionDefinition } from '@cxm/platform-store';

/** One item of a feed already handled: accepted (or refused as invalid) at this version. */
export interface SeenItem {
  /** The mention's externalId (the item's guid / id / link). */
  id: string;
  /** The item's time (createdAt): which entries to forget first when the list is trimmed. */
  at: string;
  /** The editedAt accepted, so a later edit of the item is accepted again (as an edit). */
  editedAt?: string;
  /** The item failed validation: not retried until it changes. */
  rejected?: boolean;
}

/**
 * Where polling of one (tenant, feed URL) stands, in the document store so a restart or another
 * replica carries on from it. It is also the feed's lease (ADR 0011): a replica polls a feed
 * only after writing itself into `lease` at the version it read.
 */
export interface FeedCursorRecord {
  id: string;
  tenantId: string;
  url: string;
  etag?: string;
  lastModified?: string;
  /** Bounded: the items of the last document plus the most recent others, up to the configured count. */
  seen: SeenItem[];
  newestItemAt?: string;
  lastPolledAt?: string;
  lastSuccessAt?: string;
  nextPollAt: string;
  /** Polls in a row that failed (after their own retries); drives the longer wait. */
  failures: number;
  lastError?: string;
  lease?: { owner: string; until: string };
}

export const FEED_CURSORS: CollectionDefinition = {
  name: 'ingest_feed_cursors',
  indexes: [['url']],
};
