import { shareOfRateLimit } from './thread-split';

describe('shareOfRateLimit', () => {
  it('gives each front-door thread its share of a tenant rate, so that together they allow what was configured', () => {
    expect(shareOfRateLimit({ perSecond: 20_000, burst: 40_000 }, 2)).toEqual({ perSecond: 10_000, burst: 20_000 });
    expect(shareOfRateLimit({ perSecond: 10, burst: 5 }, 3)).toEqual({ perSecond: 4, burst: 2 });
  });

  it('keeps "no limit" and never lets a share fall to a burst of nothing', () => {
    expect(shareOfRateLimit({ perSecond: 0, burst: 1 }, 4)).toEqual({ perSecond: 0, burst: 1 });
    expect(shareOfRateLimit({ perSecond: 20_000, burst: 40_000 }, 1)).toEqual({ perSecond: 20_000, burst: 40_000 });
  });
});
