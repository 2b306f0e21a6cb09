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

/**
 * A week cell's running sums: one tally per local day, plus total and influencer weight.
 * Days are keyed by any stable day label (day of week 0–6, or "2026-11-23").
 */
export interface WeekSpreadTally {
  days: Map<number | string, DailyPolarityTally>;
  weightSum: number;
  influencerWeightSum: number;
}

/** The figures a week cell yields. */
export interface WeekSpread {
  /** Sampling-corrected standard deviation of the daily weighted index, in index units (0..1). */
  volatility: number;
  /** Share of the week's weight from authors at or above the influencer reach, 0..1. */
  kolShare: number;
}

/**
 * Returns an empty tally for one (series, week) cell.
 *
 * @example
 * const tally = createWeekSpreadTally();
 * addToWeekSpread(tally, { day: 0, weight: 1, polarity: 0.5, isInfluencer: false });
 */
export function createWeekSpreadTally(): WeekSpreadTally {
  return { days: new Map(), weightSum: 0, influencerWeightSum: 0 };
}

/**
 * Adds one mention to a week cell's tally. `weight` is the signal weight (platform weight ×
 * authenticity × reach weight); `polarity` is clamped to [−1, 1]; a non-finite or negative weight
 * counts as 0.
 *
 * @example
 * addToWeekSpread(tally, { day: "2026-11-23", weight: 0.8, polarity: -0.4, isInfluencer: true });
 */
export function addToWeekSpread(
  tally: WeekSpreadTally,
  mention: { day: number | string; weight: number; polarity: number; isInfluencer: boolean },
): void {
  const weight = Number.isFinite(mention.weight) && mention.weight > 0 ? mention.weight : 0;
  const polarity = Number.isFinite(mention.polarity) ? Math.min(1, Math.max(-1, mention.polarity)) : 0;
  tally.weightSum += weight;
  if (mention.isInfluencer) tally.influencerWeightSum += weight;
  let day = tally.days.get(mention.day);
  if (!day) {
    day = { weightedPolaritySum: 0, weightSum: 0, weightSquaresSum: 0, weightedPolaritySquaresSum: 0 };
    tally.days.set(mention.day, day);
  }
  day.weightedPolaritySum += weight * polarity;
  day.weightSum += weight;
  day.weightSquaresSum += weight * weight;
  day.weightedPolaritySquaresSum += weight * polarity * polarity;
}

/**
 * Returns a week's volatility and influencer share from its tally.
 * Rules: kolShare = influencer weight ÷ week weight (0 without weight). volatility = standard
 * deviation of the daily weighted index over the days with weight, less the part the number of
 * mentions alone explains — a day's index is a weighted mean of a few polarities, so it moves by
 * sampling even when opinion does not (raw daily spread on 2–3 mentions a day flipped elasticity
 * classes week to week): volatility = √max(0, population variance of the daily indices − mean over
 * days of (the week's weighted polarity variance ÷ the day's effective mentions)), effective
 * mentions = (Σ weight)² ÷ Σ weight²; 0 with fewer than 2 days.
 *
 * @example
 * // Opinion swings from +0.9 one day to −0.9 the next, ten mentions each day: volatility ≈ 0.85.
 * // The same polarity mix every day, one or two mentions a day: volatility 0.
 * weekSpreadOf(tally); // { volatility: 0.42, kolShare: 0.31 }
 */
export function weekSpreadOf(tally: WeekSpreadTally): WeekSpread {
  return {
    volatility: samplingCorrectedVolatility(tally.days.values()),
    kolShare: influencerWeightShare(tally.influencerWeightSum, tally.weightSum),
  };
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
 * Returns the sampling-corrected standard deviation of the daily weighted index (see
 * {@link weekSpreadOf} for the rule); 0 with fewer than 2 days carrying weight.
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
