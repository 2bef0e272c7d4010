import { Topic } from '@cxm/contracts';
import { PlatformConfig } from '@cxm/platform-config';
import { ThreadPlacement } from '@cxm/platform-runtime';

/**
 * What each of the all-in-one's threads owns (ADRs 0028, 0031). The front door (main thread) runs
 * ingest: its collections and the one topic it publishes. The lifecycle thread runs every other
 * service: their collections, the mention index, and every other topic, consuming `mentions.raw`
 * through the bus bridge. The front-door replicas own nothing: they reach the main thread's
 * collections and topic through the store and bus bridges.
 */
export const FRONT_DOOR_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['mentions.raw']);

export const frontDoorOwnsTopic = (topic: Topic): boolean => FRONT_DOOR_TOPICS.has(topic);

/** Ingest's collections are named `ingest_*` (libs/ingest); nothing downstream opens them. */
export const frontDoorOwnsCollection = (name: string): boolean => name.startsWith('ingest_');

export const FRONT_DOOR_PLACEMENT: ThreadPlacement = {
  otherThread: 'lifecycle thread',
  ownsCollection: frontDoorOwnsCollection,
  hasIndex: false,
};

export const LIFECYCLE_PLACEMENT: ThreadPlacement = {
  otherThread: 'front door (main thread)',
  lockedByOtherThread: true,
  ownsCollection: (name) => !frontDoorOwnsCollection(name),
  hasIndex: true,
};

/** A front-door replica opens the main thread's collections, through the store bridge, and nothing on disk. */
export const REPLICA_PLACEMENT: ThreadPlacement = {
  otherThread: 'lifecycle thread',
  lockedByOtherThread: true,
  ownsCollection: frontDoorOwnsCollection,
  hasIndex: false,
};

type RateLimit = PlatformConfig['ingest']['rateLimit'];

/**
 * What each of `threads` front-door threads enforces of a tenant's rate limit: its share (rounded
 * up), so that together they allow what was configured. The kernel picks a thread per connection
 * by a hash of its addresses, so a client on many connections gets about the whole rate, and one
 * on a single connection gets one share (ADR 0031). 0 (no limit) stays 0.
 */
export function shareOfRateLimit(limit: RateLimit, threads: number): RateLimit {
  return { perSecond: Math.ceil(limit.perSecond / threads), burst: Math.max(1, Math.ceil(limit.burst / threads)) };
}
