import { AlertBaseline } from '@cxm/contracts';
import { Monitor } from './monitor';

/** What the saved search matched in one window. */
export interface WindowCounts {
  count: number;
  negative: number;
}

export interface RuleVerdict {
  met: boolean;
  value: number;
  /** The value the rule had to exceed (Infinity when it cannot judge yet). */
  threshold: number;
  baseline?: AlertBaseline;
}

/** A share's baseline needs this many windows with enough mentions to mean anything. */
export const MIN_SHARE_BASELINE_WINDOWS = 3;
/** The least spread a share's baseline is given, so a perfectly flat history does not make 1 % a spike. */
const MIN_SHARE_STDDEV = 0.01;

export function metricValue(monitor: Pick<Monitor, 'metric'>, counts: WindowCounts): number {
  if (monitor.metric === 'volume') return counts.count;
  return counts.count === 0 ? 0 : counts.negative / counts.count;
}

/** Whether the current window breaks the monitor's rule, and by how much. Pure: the evaluator feeds it counts. */
export function judge(monitor: Monitor, current: WindowCounts, baseline: WindowCounts[]): RuleVerdict {
  const value = metricValue(monitor, current);
  const enough = monitor.metric === 'volume' || current.count >= monitor.minCount;
  if (monitor.rule === 'threshold') {
    const threshold = monitor.threshold ?? Number.POSITIVE_INFINITY;
    return { met: enough && value > threshold, value, threshold };
  }
  const history = monitor.metric === 'volume' ? baseline.map((w) => w.count) : baseline.filter((w) => w.count >= monitor.minCount).map((w) => metricValue(monitor, w));
  if (monitor.metric === 'negativeShare' && history.length < MIN_SHARE_BASELINE_WINDOWS) return { met: false, value, threshold: Number.POSITIVE_INFINITY };
  const { mean, stddev } = meanAndStddev(history);
  const threshold = mean + monitor.sensitivity * Math.max(stddev, noiseFloor(monitor, mean, current));
  const volumeFloor = monitor.metric === 'volume' ? current.count >= monitor.minCount : true;
  return { met: enough && volumeFloor && value > threshold, value, threshold, baseline: { windows: history.length, mean, stddev } };
}

/**
 * The spread chance alone gives a window, so a quiet, regular history is not read as "no noise":
 * counts vary like a Poisson variable (stddev √mean, at least 1); a share of n mentions like a
 * binomial proportion (√(p(1−p)/n)).
 */
function noiseFloor(monitor: Monitor, mean: number, current: WindowCounts): number {
  if (monitor.metric === 'volume') return Math.max(1, Math.sqrt(mean));
  return Math.max(MIN_SHARE_STDDEV, Math.sqrt((mean * (1 - mean)) / Math.max(1, current.count)));
}

export function meanAndStddev(values: number[]): { mean: number; stddev: number } {
  if (values.length === 0) return { mean: 0, stddev: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
  return { mean, stddev: Math.sqrt(variance) };
}
