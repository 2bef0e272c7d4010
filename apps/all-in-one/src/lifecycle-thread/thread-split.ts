import { Topic } from '@cxm/contracts';
import { ThreadPlacement } from '@cxm/platform-runtime';

/**
 * What each of the all-in-one's two threads owns (ADR 0028). The front door (main thread) runs
 * ingest: its collections and the one topic it publishes. The lifecycle thread runs every other
 * service: their collections, the mention index, and every other topic, consuming `mentions.raw`
 * through the bus bridge.
 */
export const FRONT_DOOR_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['mentions.raw']);

export const frontDoorOwnsTopic = (topic: Topic): boolean => FRONT_DOOR_TOPICS.has(topic);

/** Ingest's collections are named `ingest_*` (libs/ingest); nothing downstream opens them. */
const frontDoorOwnsCollection = (name: string): boolean => name.startsWith('ingest_');

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
