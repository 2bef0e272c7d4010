import { SeenRevision } from './revision-decision';

/**
 * A bounded LRU of recently accepted mentions, in front of the durable store. It may only ever say
 * "duplicate" for something the store also holds (entries are added after a durable write or read),
 * so a miss or an eviction costs a store read, never a wrong answer.
 */
export class RecentKeys {
  private readonly entries = new Map<string, SeenRevision>();

  constructor(private readonly capacity: number) {}

  get(id: string): SeenRevision | undefined {
    const entry = this.entries.get(id);
    if (entry) {
      // Re-inserting moves the key to the young end of the Map's insertion order.
      this.entries.delete(id);
      this.entries.set(id, entry);
    }
    return entry;
  }

  set(id: string, seen: SeenRevision): void {
    if (this.capacity === 0) return;
    this.entries.delete(id);
    this.entries.set(id, seen);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
