/**
 * How much opinion moved within a week (volatility) and how much of the week's weight came from
 * influencer accounts (kolShare): the two figures the inventory engine reads beside the index. The
 * weekly signal rows (app) and the backtest's replay both take them from here, so they cannot drift.
 */

/** Sums over one local day's mentions in a week cell: all the volatility needs, no mention kept. */
export interface DailyPolarityTally {
  /** Σ weight × polarity */
  weightedPolaritySum: number;
  /** Σ weight */
  weightSum: number;
  /** Σ weight² (for the day's effective number of mentions) */
  weightSquaresSum: number;
  /** Σ weight × polarity² (for the week's spread of single opinions) */
  weightedPolaritySquaresSum: number;
}

/** Numbers kept per week cell: four sums for each ISO weekday (Monday = 0). */
export const WEEK_DAY_SUMS = 28;

/**
 * Adds one mention to a week cell's per-day sums, stored flat at `offset` in `sums` (WEEK_DAY_SUMS
 * numbers per cell, so a shop's cells live in one typed array and no mention is kept). `weight` is
 * the signal weight (platform weight × authenticity × reach weight); `polarity` is clamped to
 * [−1, 1]; a non-finite or negative weight counts as 0.
 *
 * @example
 * const sums = new Float64Array(WEEK_DAY_SUMS);
 * addToDaySums(sums, 0, 2, 0.8, -0.4); // a Wednesday mention
 */
export function addToDaySums(
  sums: Float64Array,
  offset: number,
  dayOfWeek: number,
  weight: number,
  polarity: number,
): void {
  const w = Number.isFinite(weight) && weight > 0 ? weight : 0;
  const p = Number.isFinite(polarity) ? Math.min(1, Math.max(-1, polarity)) : 0;
  const at = offset + (((Math.floor(dayOfWeek) % 7) + 7) % 7) * 4;
  sums[at] = (sums[at] as number) + w * p;
  sums[at + 1] = (sums[at + 1] as number) + w;
  sums[at + 2] = (sums[at + 2] as number) + w * w;
  sums[at + 3] = (sums[at + 3] as number) + w * p * p;
}

/**
 * Returns a week cell's volatility from its per-day sums (see samplingCorrectedVolatility).
 *
 * @example
 * volatilityOfDaySums(sums, 0); // 0.42
 */
export function volatilityOfDaySums(sums: Float64Array, offset: number): number {
  const days: DailyPolarityTally[] = [];
  for (let day = 0; day < 7; day++) {
    const at = offset + day * 4;
    if (!((sums[at + 1] as number) > 0)) continue;
    days.push({
      weightedPolaritySum: sums[at] as number,
      weightSum: sums[at + 1] as number,
      weightSquaresSum: sums[at + 2] as number,
      weightedPolaritySquaresSum: sums[at + 3] as number,
    });
  }
  return samplingCorrectedVolatility(days);
}

/**
 * Returns kolShare: the influencer authors' weight over the week's total weight, 0..1 (0 without
 * weight). Weight is the signal weight, so one 1M-follower post outweighs many small ones.
 *
 * @example
 * influencerWeightShare(2.1, 3.0); // 0.7
 */
export function influencerWeightShare(influencerWeight: number, weightTotal: number): number {
  if (!(weightTotal > 0) || !Number.isFinite(influencerWeight)) return 0;
  return Math.min(1, Math.max(0, influencerWeight / weightTotal));
}

/**
 * Returns the sampling-corrected standard deviation of the daily weighted index; 0 with fewer than
 * 2 days carrying weight.
 * Rule: a day's index is a weighted mean of a few polarities, so it moves by sampling even when
 * opinion does not (raw daily spread on 2–3 mentions a day flipped elasticity classes week to week):
 * volatility = √max(0, population variance of the daily indices − mean over days of (the week's
 * weighted polarity variance ÷ the day's effective mentions)), effective mentions = (Σ weight)² ÷
 * Σ weight².
 *
 * @example
 * samplingCorrectedVolatility([
 *   { weightedPolaritySum: 9, weightSum: 10, weightSquaresSum: 10, weightedPolaritySquaresSum: 8.1 },
 *   { weightedPolaritySum: -9, weightSum: 10, weightSquaresSum: 10, weightedPolaritySquaresSum: 8.1 },
 * ]); // ≈ 0.85 (raw spread 0.9, less the sampling part of ten mentions a day)
 */
export function samplingCorrectedVolatility(days: Iterable<DailyPolarityTally>): number {
  const indices: number[] = [];
  const effectiveMentions: number[] = [];
  let weightedPolaritySum = 0;
  let weightSum = 0;
  let weightedPolaritySquaresSum = 0;
  for (const day of days) {
    if (!(day.weightSum > 0)) continue;
    indices.push(day.weightedPolaritySum / day.weightSum);
    effectiveMentions.push(
      day.weightSquaresSum > 0 ? (day.weightSum * day.weightSum) / day.weightSquaresSum : 1,
    );
    weightedPolaritySum += day.weightedPolaritySum;
    weightSum += day.weightSum;
    weightedPolaritySquaresSum += day.weightedPolaritySquaresSum;
  }
  if (indices.length < 2) return 0;
  const mean = indices.reduce((s, v) => s + v, 0) / indices.length;
  const variance = indices.reduce((s, v) => s + (v - mean) ** 2, 0) / indices.length;
  const polarityVariance = Math.max(
    0,
    weightedPolaritySquaresSum / weightSum - (weightedPolaritySum / weightSum) ** 2,
  );
  const sampling =
    effectiveMentions.reduce((s, n) => s + polarityVariance / Math.max(1, n), 0) / indices.length;
  const volatility = Math.sqrt(Math.max(0, variance - sampling));
  return Number.isFinite(volatility) ? volatility : 0;
}
