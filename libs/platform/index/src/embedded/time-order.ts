/**
 * Document ordinals in (createdAt instant, id) order, so "newest first" is a walk from the end
 * instead of a sort of every match. Live mentions mostly arrive newest, so most inserts append;
 * the others wait in a small sorted side list that is merged in when it grows, and walks merge
 * the two on the fly. Dead ordinals are skipped by the caller (the live set) and dropped at merge.
 */
export class TimeOrder {
  private main = new Int32Array(1024);
  private mainLength = 0;
  private side: number[] = [];

  constructor(
    /** Ascending order of two ordinals: negative when `a` is older. */
    private readonly compare: (a: number, b: number) => number,
    private readonly isLive: (ordinal: number) => boolean,
  ) {}

  insert(ordinal: number): void {
    if (this.mainLength === 0 || this.compare(this.main[this.mainLength - 1], ordinal) <= 0) {
      this.pushMain(ordinal);
      return;
    }
    this.side.splice(this.upperBound(this.side, this.side.length, ordinal), 0, ordinal);
    if (this.side.length > Math.max(4096, Math.sqrt(this.mainLength) * 8)) this.mergeSide();
  }

  /**
   * Visits ordinals newest first, starting below `before` (an ordinal-like key: visit only those
   * ordering strictly before it, as `isBefore` says), until `visit` returns false.
   */
  walkNewestFirst(visit: (ordinal: number) => boolean, isBefore?: (ordinal: number) => boolean): void {
    let i = isBefore ? this.lastBefore(this.main, this.mainLength, isBefore) : this.mainLength - 1;
    let j = isBefore ? this.lastBefore(this.side, this.side.length, isBefore) : this.side.length - 1;
    const side = this.side;
    while (i >= 0 || j >= 0) {
      let next: number;
      if (j < 0 || (i >= 0 && this.compare(this.main[i], side[j]) > 0)) next = this.main[i--];
      else next = side[j--];
      if (!visit(next)) return;
    }
  }

  /** Drops dead ordinals and merges the side list (after bulk loads and rebuilds). */
  compact(): void {
    this.mergeSide();
  }

  private pushMain(ordinal: number): void {
    if (this.mainLength === this.main.length) {
      const grown = new Int32Array(this.main.length * 2);
      grown.set(this.main);
      this.main = grown;
    }
    this.main[this.mainLength++] = ordinal;
  }

  private mergeSide(): void {
    const merged = new Int32Array(Math.max(1024, this.mainLength + this.side.length));
    let i = 0;
    let j = 0;
    let k = 0;
    const side = this.side;
    while (i < this.mainLength || j < side.length) {
      const next = j >= side.length || (i < this.mainLength && this.compare(this.main[i], side[j]) <= 0) ? this.main[i++] : side[j++];
      if (this.isLive(next)) merged[k++] = next;
    }
    this.main = merged;
    this.mainLength = k;
    this.side = [];
  }

  /** First position whose ordinal orders after `ordinal` (stable inserts). */
  private upperBound(list: ArrayLike<number>, length: number, ordinal: number): number {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(list[mid], ordinal) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Last position whose ordinal satisfies `isBefore` (a prefix of the ascending order), or -1. */
  private lastBefore(list: ArrayLike<number>, length: number, isBefore: (ordinal: number) => boolean): number {
    let lo = 0;
    let hi = length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isBefore(list[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }
}
