import { RecentKeys } from './recent-keys';
import { SeenRevision } from './revision-decision';

const seen = (n: number): SeenRevision => ({ editedAtMs: -Infinity, textDigest: `digest-${n}`, lastAcceptedMs: n });

describe('RecentKeys', () => {
  it('keeps at most its capacity, forgetting the least recently used first', () => {
    const recent = new RecentKeys(3);
    [1, 2, 3].forEach((n) => recent.set(`m${n}`, seen(n)));
    recent.get('m1'); // m1 is now the most recently used; m2 the least
    recent.set('m4', seen(4));

    expect(recent.size).toBe(3);
    expect(recent.get('m2')).toBeUndefined();
    expect([recent.get('m1'), recent.get('m3'), recent.get('m4')]).toEqual([seen(1), seen(3), seen(4)]);
  });

  it('replaces what it knows of a key, and setting it again makes it the most recently used', () => {
    const recent = new RecentKeys(2);
    recent.set('m1', seen(1));
    recent.set('m2', seen(2));
    recent.set('m1', seen(10));
    recent.set('m3', seen(3));

    expect(recent.get('m1')).toEqual(seen(10));
    expect(recent.get('m2')).toBeUndefined();
    expect(recent.size).toBe(2);
  });

  it('keeps evicting in order long after it first filled up (a FIFO of inserts when nothing is read)', () => {
    const recent = new RecentKeys(1_000);
    for (let n = 0; n < 250_000; n++) recent.set(`m${n}`, seen(n));

    expect(recent.size).toBe(1_000);
    expect(recent.get('m248999')).toBeUndefined();
    expect(recent.get('m249000')).toEqual(seen(249_000));
    expect(recent.get('m249999')).toEqual(seen(249_999));
  });

  it('keeps nothing with a capacity of 0 (CXM_INGEST_DEDUP_CACHE_SIZE=0: every decision reads the store)', () => {
    const recent = new RecentKeys(0);
    recent.set('m1', seen(1));

    expect(recent.get('m1')).toBeUndefined();
    expect(recent.size).toBe(0);
  });
});
