/**
 * One token bucket per key (tenant): `perSecond` tokens refill continuously up to `burst`. A
 * request costing n mentions takes n tokens or none; when refused it learns how long until it
 * would fit, which becomes the `Retry-After` answer.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** 0 when taken; otherwise the seconds to wait (rounded up, at least 1) before `cost` would fit. */
  take(key: string, cost: number): number {
    if (this.perSecond === 0) return 0;
    // A batch larger than the bucket could never fit; it waits for a full bucket instead.
    const need = Math.min(cost, this.burst);
    const at = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((at - bucket.at) / 1000) * this.perSecond);
    bucket.at = at;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= need) {
      bucket.tokens -= need;
      return 0;
    }
    return Math.max(1, Math.ceil((need - bucket.tokens) / this.perSecond));
  }
}
