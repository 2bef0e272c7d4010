import {
  accuracy,
  confusionMatrix,
  evaluateBinary,
  evaluateMulticlass,
  formatConfusion,
  labelSet,
  macroF1,
  perClassMetrics,
  primaryIntent,
} from './classification-metrics';

// Worked by hand:
//   gold      a a a b b c
//   predicted a a b b c c
// a: 2 of 3 found, both a-predictions right  → P 1,   R 2/3, F1 0.8
// b: 1 of 2 found, 1 of 2 b-predictions right → P 1/2, R 1/2, F1 0.5
// c: 1 of 1 found, 1 of 2 c-predictions right → P 1/2, R 1,   F1 2/3
// accuracy 4/6; macro-F1 (0.8 + 0.5 + 2/3) / 3 = 0.65556
const GOLD = ['a', 'a', 'a', 'b', 'b', 'c'];
const PRED = ['a', 'a', 'b', 'b', 'c', 'c'];

describe('classification metrics', () => {
  it('computes accuracy', () => {
    expect(accuracy(GOLD, PRED)).toBeCloseTo(4 / 6, 10);
    expect(accuracy(['x'], ['x'])).toBe(1);
    expect(accuracy([], [])).toBe(0);
  });

  it('refuses gold and predictions of different lengths', () => {
    expect(() => accuracy(['a'], [])).toThrow(/differ in length/);
  });

  it('computes per-class precision, recall, F1 and counts', () => {
    const [a, b, c] = perClassMetrics(GOLD, PRED);
    expect(a).toEqual({ label: 'a', precision: 1, recall: expect.closeTo(2 / 3, 10), f1: expect.closeTo(0.8, 10), support: 3, predicted: 2 });
    expect(b).toEqual({ label: 'b', precision: 0.5, recall: 0.5, f1: 0.5, support: 2, predicted: 2 });
    expect(c).toEqual({ label: 'c', precision: 0.5, recall: 1, f1: expect.closeTo(2 / 3, 10), support: 1, predicted: 2 });
  });

  it('computes macro-F1 as the unweighted mean of per-class F1', () => {
    expect(macroF1(GOLD, PRED)).toBeCloseTo((0.8 + 0.5 + 2 / 3) / 3, 10);
    expect(macroF1(GOLD, PRED)).toBeCloseTo(0.65556, 4);
  });

  it('counts a label that is only ever predicted (F1 0) in macro-F1', () => {
    // x: P 1, R 1/2, F1 2/3; y never occurs in gold: P 0, R 0, F1 0 → macro 1/3
    const perClass = perClassMetrics(['x', 'x'], ['x', 'y']);
    expect(perClass.map((c) => [c.label, c.precision, c.recall])).toEqual([
      ['x', 1, 0.5],
      ['y', 0, 0],
    ]);
    expect(macroF1(['x', 'x'], ['x', 'y'])).toBeCloseTo(1 / 3, 10);
  });

  it('builds a confusion matrix with gold labels as rows', () => {
    expect(confusionMatrix(GOLD, PRED)).toEqual({
      labels: ['a', 'b', 'c'],
      matrix: [
        [2, 1, 0],
        [0, 1, 1],
        [0, 0, 1],
      ],
    });
    // An explicit label order reorders rows and columns alike.
    expect(confusionMatrix(GOLD, PRED, ['c', 'b', 'a']).matrix).toEqual([
      [1, 0, 0],
      [1, 1, 0],
      [0, 1, 2],
    ]);
  });

  it('orders labels: preferred ones first, then the rest by first appearance', () => {
    expect(labelSet(['b', 'z'], ['a', 'b'], ['a', 'b', 'c'])).toEqual(['a', 'b', 'z']);
  });

  it('bundles everything for a multiclass task', () => {
    const report = evaluateMulticlass(GOLD, PRED, ['c', 'b', 'a']);
    expect(report.n).toBe(6);
    expect(report.accuracy).toBeCloseTo(4 / 6, 10);
    expect(report.macroF1).toBeCloseTo(0.65556, 4);
    expect(report.confusion.labels).toEqual(['c', 'b', 'a']);
    expect(report.perClass.map((c) => c.label)).toEqual(['c', 'b', 'a']);
  });

  it('evaluates one label of a multi-label task as a binary task', () => {
    // gold T T F F F, predicted T F T F F → TP 1, FN 1, FP 1, TN 2
    const report = evaluateBinary('spam', [true, true, false, false, false], [true, false, true, false, false]);
    expect(report).toEqual({
      label: 'spam',
      n: 5,
      accuracy: 0.6,
      precision: 0.5,
      recall: 0.5,
      f1: 0.5,
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      trueNegatives: 2,
    });
    // No positives anywhere: accuracy 1, precision / recall / F1 0 (zero_division = 0).
    expect(evaluateBinary('toxic', [false, false], [false, false])).toMatchObject({ accuracy: 1, precision: 0, recall: 0, f1: 0 });
    // Precision 1/3, recall 1 → F1 0.5
    expect(evaluateBinary('lead', [true, false, false], [true, true, true]).f1).toBeCloseTo(0.5, 10);
  });

  it('picks the gold primary intent by precedence', () => {
    expect(primaryIntent(['question', 'complaint', 'crisis'])).toBe('complaint');
    expect(primaryIntent(['question', 'purchase_intent', 'lead'])).toBe('purchase_intent');
    expect(primaryIntent(['praise', 'question'])).toBe('question');
    expect(primaryIntent(['praise'])).toBe('praise');
    expect(primaryIntent(['spam'])).toBe('other');
    expect(primaryIntent([])).toBe('other');
  });

  it('formats a confusion matrix as text', () => {
    const text = formatConfusion(confusionMatrix(['a', 'b'], ['a', 'a']));
    expect(text.split('\n')).toHaveLength(3);
    expect(text.split('\n')[1]).toMatch(/^a\s+1\s+0$/);
    expect(text.split('\n')[2]).toMatch(/^b\s+1\s+0$/);
  });
});
