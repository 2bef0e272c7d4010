import { partitionForKey } from './partition-for-key';

describe('partitionForKey', () => {
  const keys = Array.from({ length: 500 }, (_, i) => `demo/x:conversation-${i}`);

  it('always puts one key on the same partition', () => {
    for (const key of keys) expect(partitionForKey(key, 7)).toBe(partitionForKey(key, 7));
  });

  it.each([1, 2, 3, 4, 16, 64])('stays within 0..%d-1 as an integer', (partitions) => {
    for (const key of [...keys, '', 'ü🙂', 'a'.repeat(10_000)]) {
      const p = partitionForKey(key, partitions);
      expect(Number.isInteger(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThan(partitions);
    }
  });

  it('spreads different keys over every partition', () => {
    const used = new Set(keys.map((key) => partitionForKey(key, 4)));
    expect([...used].sort()).toEqual([0, 1, 2, 3]);
  });

  it('matches the FNV-1a hash, so every adapter and restart picks the same partition', () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c; of "" it is the offset basis 0x811c9dc5.
    expect(partitionForKey('a', 1000)).toBe(0xe40c292c % 1000);
    expect(partitionForKey('', 1000)).toBe(0x811c9dc5 % 1000);
  });
});
