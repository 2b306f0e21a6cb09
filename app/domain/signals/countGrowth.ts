/**
 * Week-over-week growth of a count. A percentage on a tiny base ("1 → 3 = +200%") is noise, so growth
 * is only stated when last week reached a minimum count.
 */
export type CountGrowth =
  { status: "ok"; changePercent: number } | { status: "insufficient-base"; minBaseMentions: number };

/**
 * Returns the change from `previousMentions` to `currentMentions` in percent, or "insufficient-base"
 * when the previous count is below `minBaseMentions` (at least 1, so never a division by zero).
 *
 * @example
 * countGrowth(27, 20, 5); // { status: "ok", changePercent: 35 }
 * countGrowth(9, 2, 5); // { status: "insufficient-base", minBaseMentions: 5 }
 */
export function countGrowth(
  currentMentions: number,
  previousMentions: number,
  minBaseMentions: number,
): CountGrowth {
  const minBase = Math.max(1, minBaseMentions);
  if (!(previousMentions >= minBase) || !Number.isFinite(currentMentions)) {
    return { status: "insufficient-base", minBaseMentions: minBase };
  }
  return { status: "ok", changePercent: ((currentMentions - previousMentions) / previousMentions) * 100 };
}
