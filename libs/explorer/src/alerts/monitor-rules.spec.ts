import { Monitor } from './monitor';
import { judge, meanAndStddev } from './monitor-rules';

function aMonitor(overrides: Partial<Monitor> = {}): Monitor {
  return {
    id: 'm1',
    tenantId: 'demo',
    savedSearchId: 's1',
    ownerId: 'ana',
    name: 'battery',
    rule: 'anomaly',
    metric: 'volume',
    sensitivity: 3,
    baselineWindows: 12,
    minCount: 5,
    windowSeconds: 300,
    cooldownSeconds: 3_600,
    rearmAfterSeconds: 300,
    status: 'active',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

const windows = (...counts: number[]) => counts.map((count) => ({ count, negative: 0 }));

describe('judge', () => {
  it('fires a threshold rule only when the window holds more than the threshold', () => {
    const monitor = aMonitor({ rule: 'threshold', threshold: 50 });
    expect(judge(monitor, { count: 50, negative: 0 }, [])).toMatchObject({ met: false, value: 50, threshold: 50 });
    expect(judge(monitor, { count: 51, negative: 0 }, [])).toMatchObject({ met: true, value: 51, threshold: 50 });
  });

  it('fires a volume anomaly far above the baseline mean and reports the baseline', () => {
    const baseline = windows(10, 12, 9, 11, 10, 8, 12, 10, 11, 9, 10, 12);
    const verdict = judge(aMonitor(), { count: 40, negative: 0 }, baseline);
    expect(verdict.met).toBe(true);
    expect(verdict.baseline).toEqual({ windows: 12, mean: expect.closeTo(10.33, 2), stddev: expect.closeTo(1.25, 2) });
    // Spread floor √mean ≈ 3.2 exceeds the observed stddev: threshold ≈ 10.3 + 3·3.2.
    expect(verdict.threshold).toBeCloseTo(10.33 + 3 * Math.sqrt(10.33), 1);
  });

  it('does not read ordinary noise over a perfectly flat baseline as a spike', () => {
    const flat = windows(...Array(12).fill(20));
    expect(judge(aMonitor(), { count: 30, negative: 0 }, flat).met).toBe(false);
    expect(judge(aMonitor(), { count: 40, negative: 0 }, flat).met).toBe(true);
  });

  it('needs at least minCount mentions before a volume anomaly counts, even from silence', () => {
    const silent = windows(...Array(12).fill(0));
    expect(judge(aMonitor(), { count: 4, negative: 0 }, silent).met).toBe(false);
    expect(judge(aMonitor(), { count: 5, negative: 0 }, silent).met).toBe(true);
  });

  it('is more easily triggered at a higher sensitivity (fewer standard deviations)', () => {
    const baseline = windows(10, 14, 6, 12, 8, 10, 13, 7, 11, 9, 10, 10);
    expect(judge(aMonitor({ sensitivity: 3 }), { count: 18, negative: 0 }, baseline).met).toBe(false);
    expect(judge(aMonitor({ sensitivity: 1.5 }), { count: 18, negative: 0 }, baseline).met).toBe(true);
  });

  it('judges the negative share against its own history, ignoring windows with too few mentions', () => {
    const monitor = aMonitor({ metric: 'negativeShare', minCount: 10 });
    const history = [...Array(10).fill({ count: 100, negative: 20 }), { count: 3, negative: 3 }];
    expect(judge(monitor, { count: 100, negative: 24 }, history).met).toBe(false);
    const spike = judge(monitor, { count: 100, negative: 60 }, history);
    expect(spike).toMatchObject({ met: true, value: 0.6, baseline: { windows: 10, mean: expect.closeTo(0.2, 9), stddev: expect.closeTo(0, 9) } });
    // Too few mentions in the window: a 100 % share of 4 mentions is not a trend.
    expect(judge(monitor, { count: 4, negative: 4 }, history).met).toBe(false);
  });

  it('cannot judge a share without enough history, and says so with an infinite threshold', () => {
    const verdict = judge(aMonitor({ metric: 'negativeShare' }), { count: 50, negative: 50 }, [{ count: 50, negative: 5 }]);
    expect(verdict).toEqual({ met: false, value: 1, threshold: Number.POSITIVE_INFINITY });
  });
});

describe('meanAndStddev', () => {
  it('computes the population mean and standard deviation', () => {
    expect(meanAndStddev([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, stddev: 2 });
    expect(meanAndStddev([])).toEqual({ mean: 0, stddev: 0 });
  });
});
