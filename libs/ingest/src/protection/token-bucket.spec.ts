import { TokenBuckets } from './token-bucket';

describe('TokenBuckets', () => {
  let now = 0;
  const clock = () => now;
  beforeEach(() => (now = 0));

  it('lets a full burst through at once, then refuses with the seconds until the next token', () => {
    const buckets = new TokenBuckets(10, 20, clock);
    for (let i = 0; i < 20; i++) expect(buckets.take('demo', 1)).toBe(0);
    expect(buckets.take('demo', 1)).toBe(1);
  });

  it('refills at the configured rate', () => {
    const buckets = new TokenBuckets(10, 20, clock);
    expect(buckets.take('demo', 20)).toBe(0);
    now = 500; // half a second: 5 tokens
    expect(buckets.take('demo', 5)).toBe(0);
    expect(buckets.take('demo', 1)).toBe(1);
  });

  it('asks a large batch to wait as long as its missing tokens take to refill', () => {
    const buckets = new TokenBuckets(100, 1_000, clock);
    expect(buckets.take('demo', 1_000)).toBe(0);
    expect(buckets.take('demo', 450)).toBe(5);
  });

  it('keeps one bucket per tenant, so one tenant cannot starve another', () => {
    const buckets = new TokenBuckets(1, 2, clock);
    expect(buckets.take('demo', 2)).toBe(0);
    expect(buckets.take('demo', 1)).toBeGreaterThan(0);
    expect(buckets.take('acme', 1)).toBe(0);
  });

  it('never limits when the rate is 0', () => {
    const buckets = new TokenBuckets(0, 1, clock);
    for (let i = 0; i < 100; i++) expect(buckets.take('demo', 50)).toBe(0);
  });
});
