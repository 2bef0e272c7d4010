/**
 * Sets of document ordinals as bit arrays (one bit per ordinal, 32 per word). At a million
 * documents a set is 125 KB and AND / OR / NOT are a loop over 31,250 words — microseconds —
 * which is why the embedded index evaluates every query node to one of these.
 */
export type Bitset = Uint32Array;

export function bitsetWords(size: number): number {
  return (size + 31) >>> 5;
}

export function emptyBitset(size: number): Bitset {
  return new Uint32Array(bitsetWords(size));
}

export function hasBit(set: Bitset, ordinal: number): boolean {
  const word = ordinal >>> 5;
  return word < set.length && (set[word] & (1 << (ordinal & 31))) !== 0;
}

export function setBit(set: Bitset, ordinal: number): void {
  set[ordinal >>> 5] |= 1 << (ordinal & 31);
}

export function clearBit(set: Bitset, ordinal: number): void {
  const word = ordinal >>> 5;
  if (word < set.length) set[word] &= ~(1 << (ordinal & 31));
}

/** A copy at least `words` long (bitsets that grow with the segment). */
export function grownBitset(set: Bitset, words: number): Bitset {
  if (set.length >= words) return set;
  const grown = new Uint32Array(Math.max(words, set.length * 2));
  grown.set(set);
  return grown;
}

/** `a ∩ b`, as long as `a`. A shorter operand counts as zeros beyond its end. */
export function and(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) out[i] = a[i] & b[i];
  return out;
}

/** `a ∖ b`, as long as `a`. */
export function andNot(a: Bitset, b: Bitset): Bitset {
  const out = Uint32Array.from(a);
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) out[i] = a[i] & ~b[i];
  return out;
}

/** `target |= source ∩ mask`, in place (unions restricted to a universe). */
export function orInto(target: Bitset, source: Bitset, mask: Bitset): void {
  const n = Math.min(target.length, source.length, mask.length);
  for (let i = 0; i < n; i++) target[i] |= source[i] & mask[i];
}

export function popcount(set: Bitset): number {
  let count = 0;
  for (let i = 0; i < set.length; i++) {
    let v = set[i];
    if (v === 0) continue;
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    count += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return count;
}

export function isEmpty(set: Bitset): boolean {
  for (let i = 0; i < set.length; i++) if (set[i] !== 0) return false;
  return true;
}

/** Calls `visit` with every ordinal in the set, ascending. */
export function forEachBit(set: Bitset, visit: (ordinal: number) => void): void {
  for (let w = 0; w < set.length; w++) {
    let v = set[w];
    while (v !== 0) {
      const low = v & -v;
      visit((w << 5) + (31 - Math.clz32(low)));
      v ^= low;
    }
  }
}

/** The set of a sorted (ascending) posting list, restricted to `mask`. */
export function bitsetOfPostings(postings: Int32Array, length: number, mask: Bitset): Bitset {
  const out = new Uint32Array(mask.length);
  for (let i = 0; i < length; i++) {
    const ordinal = postings[i];
    const word = ordinal >>> 5;
    if (word >= mask.length) break;
    out[word] |= mask[word] & (1 << (ordinal & 31));
  }
  return out;
}
