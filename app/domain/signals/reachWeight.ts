/**
 * Returns the weight of an author's reach, growing with the log of followers so that one celebrity
 * cannot drown out hundreds of customers: 0 followers → 1, 100 → 2, 10k → 3, 1M → 4 (divisor 2).
 * Missing, negative or non-finite reach counts as 0 followers.
 *
 * @example
 * reachWeight(0); // 1
 * reachWeight(9_999); // 3
 * reachWeight(9_999, 4); // 2
 */
export function reachWeight(reachFollowers: number, logDivisor = 2): number {
  const followers = Number.isFinite(reachFollowers) && reachFollowers > 0 ? reachFollowers : 0;
  const divisor = Number.isFinite(logDivisor) && logDivisor > 0 ? logDivisor : 2;
  return 1 + Math.log10(1 + followers) / divisor;
}
