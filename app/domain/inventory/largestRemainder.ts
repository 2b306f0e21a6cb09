/**
 * Whole-unit allocation that keeps an exact total.
 */

/**
 * Returns non-negative integers proportional to `weights` that sum exactly to `totalUnits`
 * (Hamilton's largest-remainder method); equal shares when every weight is 0.
 * Ties go to the earlier entry so the result is deterministic.
 *
 * @example
 * allocateLargestRemainder([1, 1, 1], 10); // [4, 3, 3]
 */
export function allocateLargestRemainder(weights: readonly number[], totalUnits: number): number[] {
  const total = Number.isFinite(totalUnits) && totalUnits > 0 ? Math.floor(totalUnits) : 0;
  if (weights.length === 0) return [];
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0));
  const sum = clean.reduce((a, b) => a + b, 0);
  const shares = sum > 0 ? clean.map((w) => (w / sum) * total) : clean.map(() => total / clean.length);
  const units = shares.map((s) => Math.floor(s));
  let left = total - units.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    units[i] = (units[i] as number) + 1;
    left--;
  }
  return units;
}
