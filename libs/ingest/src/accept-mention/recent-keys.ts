import { LRUCache } from 'lru-cache';
import { SeenRevision } from './revision-decision';

/**
 * A bounded LRU of recently accepted mentions, in front of the durable store. It may only ever say
 * "duplicate" for something the store also holds (entries are added after a durable write or read),
 * so a miss or an eviction costs a store read, never a wrong answer.
 *
 * lru-cache, not a Map evicting its first key: a Map keeps a deleted entry's slot until it is
 * rehashed, and `keys().next()` walks over every one of them, so once full each eviction cost
 * 10–100 µs instead of 0.4 µs — the main thread's CPU per mention rose by up to three quarters after the
 * first 100,000 mentions (docs/performance.md, 2026-12-03, ninth session).
 */
export class RecentKeys {
  private readonly entries: LRUCache<string, SeenRevision> | undefined;

  constructor(capacity: number) {
    // lru-cache needs room for one entry at least; a capacity of 0 keeps nothing.
    this.entries = capacity > 0 ? new LRUCache<string, SeenRevision>({ max: capacity }) : undefined;
  }

  /** The revision last seen of `id`, which becomes the most recently used. */
  get(id: string): SeenRevision | undefined {
    return this.entries?.get(id);
  }

  set(id: string, seen: SeenRevision): void {
    this.entries?.set(id, seen);
  }

  get size(): number {
    return this.entries?.size ?? 0;
  }
}
