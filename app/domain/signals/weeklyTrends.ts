import type { BaselineComparison, WeekOverWeekChange } from "./weeklySignalRow";

/** The figures of one week that trends compare. */
export interface WeekFigures {
  volume: number;
  positiveShare: number;
  negativeShare: number;
  sentimentIndex: number;
}

/**
 * Returns this week's index against the mean of the trailing weeks that had mentions, or
 * "insufficient-history" while fewer than `minHistoryWeeks` of them exist (a change against one
 * week is just week-over-week noise).
 *
 * @example
 * const week = (sentimentIndex: number) => ({ volume: 10, positiveShare: 0.5, negativeShare: 0.2, sentimentIndex });
 * baselineComparison(week(0.5), [week(0.2), undefined, week(0.4)], 2);
 * // { status: "ok", weeksWithData: 2, baselineIndex: ≈0.3, indexChange: ≈0.2, baselineVolumePerWeek: 10, volumeChangePercent: 0 }
 * baselineComparison(week(0.5), [week(0.2)], 2); // { status: "insufficient-history", weeksWithData: 1, minHistoryWeeks: 2 }
 */
export function baselineComparison(
  current: WeekFigures,
  trailingWeeks: readonly (WeekFigures | undefined)[],
  minHistoryWeeks: number,
): BaselineComparison {
  let weeksWithData = 0;
  let indexSum = 0;
  let volumeSum = 0;
  for (const week of trailingWeeks) {
    if (!week || !(week.volume > 0)) continue;
    weeksWithData++;
    indexSum += week.sentimentIndex;
    volumeSum += week.volume;
  }
  const minWeeks = Math.max(1, minHistoryWeeks);
  if (weeksWithData < minWeeks)
    return { status: "insufficient-history", weeksWithData, minHistoryWeeks: minWeeks };
  const baselineIndex = indexSum / weeksWithData;
  const baselineVolumePerWeek = volumeSum / weeksWithData;
  return {
    status: "ok",
    weeksWithData,
    baselineIndex,
    indexChange: current.sentimentIndex - baselineIndex,
    baselineVolumePerWeek,
    volumeChangePercent: ((current.volume - baselineVolumePerWeek) / baselineVolumePerWeek) * 100,
  };
}

/**
 * Returns the change against the previous calendar week, or "no-previous-week" when it had no mentions.
 * Relative changes are null when last week's share was 0 (growth from nothing has no percentage).
 *
 * @example
 * weekOverWeekChange(
 *   { volume: 10, positiveShare: 0.4, negativeShare: 0.36, sentimentIndex: 0 },
 *   { volume: 10, positiveShare: 0.5, negativeShare: 0.3, sentimentIndex: 0.1 },
 * ); // negativeShareChangePercent ≈ 20, positiveShareChangePercent ≈ −20, indexDelta ≈ −0.1
 */
export function weekOverWeekChange(
  current: WeekFigures,
  previous: WeekFigures | undefined,
): WeekOverWeekChange {
  if (!previous || !(previous.volume > 0)) return { status: "no-previous-week" };
  return {
    status: "ok",
    previousVolume: previous.volume,
    negativeShareDelta: current.negativeShare - previous.negativeShare,
    negativeShareChangePercent: relativeChangePercent(current.negativeShare, previous.negativeShare),
    positiveShareDelta: current.positiveShare - previous.positiveShare,
    positiveShareChangePercent: relativeChangePercent(current.positiveShare, previous.positiveShare),
    indexDelta: current.sentimentIndex - previous.sentimentIndex,
  };
}

function relativeChangePercent(current: number, previous: number): number | null {
  return previous > 0 ? ((current - previous) / previous) * 100 : null;
}
