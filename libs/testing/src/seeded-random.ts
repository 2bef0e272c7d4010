/**
 * A deterministic pseudo-random source for generated test corpora (mulberry32): the same seed
 * gives the same sequence on every run and platform, so a failing generated case can be replayed.
 * (The demo generator in libs/demo has its own, richer one: tooling may not depend on testing.)
 */
export class TestRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed | 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/** `TestRandom(seed).next` as a plain function, for code that only needs floats. */
export function seededRandom(seed: number): () => number {
  const random = new TestRandom(seed);
  return () => random.next();
}
