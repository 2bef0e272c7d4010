/** The nearest-rank percentile `p` (0–100] of values sorted ascending; NaN when there are none. Shared by every bench. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
