/**
 * Pure metric functions for evaluating a classifier against gold labels: accuracy, per-class
 * precision / recall / F1, macro-F1, confusion matrices and binary (one-label) tasks.
 *
 * Conventions (the same as scikit-learn's defaults with `zero_division=0`):
 * - a class's precision is 0 when the class was never predicted, its recall is 0 when it never
 *   occurs in the gold labels, and its F1 is 0 when precision + recall is 0;
 * - macro-F1 is the unweighted mean of per-class F1 over the label set, which by default is every
 *   label that occurs in the gold labels **or** the predictions (so predicting a class that never
 *   occurs costs macro-F1, as it should);
 * - on an empty sample, accuracy and macro-F1 are 0 and `n` is 0: callers print "n/a".
 */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** How often the label occurs in the gold labels. */
  support: number;
  /** How often the label was predicted. */
  predicted: number;
}

export interface ConfusionMatrix {
  /** Row and column order. */
  labels: string[];
  /** `matrix[i][j]` = how many items with gold label `labels[i]` were predicted as `labels[j]`. */
  matrix: number[][];
}

export interface MulticlassReport {
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  confusion: ConfusionMatrix;
}

export interface BinaryReport {
  /** The positive class. */
  label: string;
  n: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  trueNegatives: number;
}

function assertSameLength(gold: readonly unknown[], predicted: readonly unknown[]): void {
  if (gold.length !== predicted.length) {
    throw new Error(`gold and predicted differ in length (${gold.length} vs ${predicted.length})`);
  }
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

function f1Of(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/** Share of items whose prediction equals the gold label (0 on an empty sample). */
export function accuracy(gold: readonly string[], predicted: readonly string[]): number {
  assertSameLength(gold, predicted);
  let correct = 0;
  for (let i = 0; i < gold.length; i++) if (gold[i] === predicted[i]) correct++;
  return ratio(correct, gold.length);
}

/**
 * The label set used by default: `preferred` labels first (in their order, only those that occur),
 * then any other gold or predicted label in order of first appearance.
 */
export function labelSet(gold: readonly string[], predicted: readonly string[], preferred: readonly string[] = []): string[] {
  const seen = new Set([...gold, ...predicted]);
  const ordered = preferred.filter((l) => seen.has(l));
  for (const l of [...gold, ...predicted]) if (!ordered.includes(l)) ordered.push(l);
  return ordered;
}

/** Gold labels are rows, predictions are columns. Items whose labels are not in `labels` are skipped. */
export function confusionMatrix(gold: readonly string[], predicted: readonly string[], labels = labelSet(gold, predicted)): ConfusionMatrix {
  assertSameLength(gold, predicted);
  const index = new Map(labels.map((l, i) => [l, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  for (let i = 0; i < gold.length; i++) {
    const row = index.get(gold[i]);
    const col = index.get(predicted[i]);
    if (row !== undefined && col !== undefined) matrix[row][col]++;
  }
  return { labels: [...labels], matrix };
}

/** Precision, recall and F1 of every label in `labels`. */
export function perClassMetrics(gold: readonly string[], predicted: readonly string[], labels = labelSet(gold, predicted)): ClassMetrics[] {
  assertSameLength(gold, predicted);
  return labels.map((label) => {
    let tp = 0;
    let support = 0;
    let predictedCount = 0;
    for (let i = 0; i < gold.length; i++) {
      if (gold[i] === label) support++;
      if (predicted[i] === label) predictedCount++;
      if (gold[i] === label && predicted[i] === label) tp++;
    }
    const precision = ratio(tp, predictedCount);
    const recall = ratio(tp, support);
    return { label, precision, recall, f1: f1Of(precision, recall), support, predicted: predictedCount };
  });
}

/** Unweighted mean F1 over `labels` (default: every gold or predicted label). */
export function macroF1(gold: readonly string[], predicted: readonly string[], labels = labelSet(gold, predicted)): number {
  const perClass = perClassMetrics(gold, predicted, labels);
  return ratio(
    perClass.reduce((sum, c) => sum + c.f1, 0),
    perClass.length,
  );
}

/** Everything for one single-label task. `preferredOrder` only orders the rows and columns. */
export function evaluateMulticlass(gold: readonly string[], predicted: readonly string[], preferredOrder: readonly string[] = []): MulticlassReport {
  const labels = labelSet(gold, predicted, preferredOrder);
  const perClass = perClassMetrics(gold, predicted, labels);
  return {
    n: gold.length,
    accuracy: accuracy(gold, predicted),
    macroF1: ratio(
      perClass.reduce((sum, c) => sum + c.f1, 0),
      perClass.length,
    ),
    perClass,
    confusion: confusionMatrix(gold, predicted, labels),
  };
}

/** One label of a multi-label task as a yes/no task: precision, recall and F1 of the "yes" class. */
export function evaluateBinary(label: string, gold: readonly boolean[], predicted: readonly boolean[]): BinaryReport {
  assertSameLength(gold, predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i] && predicted[i]) tp++;
    else if (!gold[i] && predicted[i]) fp++;
    else if (gold[i] && !predicted[i]) fn++;
    else tn++;
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    label,
    n: gold.length,
    accuracy: ratio(tp + tn, gold.length),
    precision,
    recall,
    f1: f1Of(precision, recall),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    trueNegatives: tn,
  };
}

/** Which intent counts as primary when an item carries several: the first of these that is present. */
export const PRIMARY_INTENT_PRECEDENCE = ['complaint', 'purchase_intent', 'question', 'praise', 'other'] as const;

/**
 * The gold primary intent of a multi-label item: the first of `PRIMARY_INTENT_PRECEDENCE` present,
 * or `other` when only flags (spam, toxic, lead, crisis) are present.
 */
export function primaryIntent(intents: readonly string[]): string {
  return PRIMARY_INTENT_PRECEDENCE.find((label) => intents.includes(label)) ?? 'other';
}

/** Formats a confusion matrix as fixed-width text: gold labels down, predictions across. */
export function formatConfusion(confusion: ConfusionMatrix): string {
  const width = Math.max(6, ...confusion.labels.map((l) => l.length)) + 1;
  const pad = (s: string) => s.padStart(width);
  const header = `${'gold \\ predicted'.padEnd(width + 2)}${confusion.labels.map(pad).join('')}`;
  const rows = confusion.labels.map((label, i) => `${label.padEnd(width + 2)}${confusion.matrix[i].map((v) => pad(String(v))).join('')}`);
  return [header, ...rows].join('\n');
}
