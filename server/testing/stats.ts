/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

/**
 * Whether two latency samples differ by more than noise at the 95th percentile: more than
 * `absoluteMs`, and more than `relative` of the larger p95.
 */
export function p95Differs(a: number[], b: number[], absoluteMs = 2, relative = 0.35): boolean {
  const pa = percentile(a, 95);
  const pb = percentile(b, 95);
  return Math.abs(pa - pb) > Math.max(absoluteMs, relative * Math.max(pa, pb));
}
