/**
 * Weekly sentiment rows for the inventory engine, built from scored mentions with the signal engine
 * (authenticity, platform and reach weights, weekly aggregation) so that each week's row depends only
 * on mentions posted before that week ended: a replay can show week w to a policy from the day after
 * it ends without leaking anything later.
 */
import { localDay } from "~/domain/calendar/local-day";
import {
  assessAuthenticity,
  createWeeklySignalAccumulator,
  isoWeek,
  isoWeekOrdinal,
  platformWeight,
  reachWeight,
  resolveSignalSettings,
  type ScoredMention,
  type SignalSettings,
} from "~/domain/signals";
import { isoDateFromDayNumber } from "../calendar";
import type { IssueAspect, SentimentWeek } from "../planningInput";

/** Day number (days since 1970-01-01) of Monday 1969-12-29, ISO week ordinal 0. */
const ORDINAL_EPOCH_MONDAY_DAY = -3;

export interface MentionSentimentOptions {
  /** Shop's signal settings; `timeZone` decides where weeks start (Monday 00:00 local). */
  signalSettings?: Partial<SignalSettings>;
  /**
   * Days of earlier mentions each week's authenticity check sees (near-duplicates and bursts are
   * relative to a batch). Only mentions before the week's end are used. Default 28; 0 turns the
   * check off (every mention trusted).
   */
  authenticityWindowDays?: number;
  /** Maps a scorer aspect ("comfort") to the team that handles complaints about it; default none. */
  issueAspectOf?: (aspect: string) => IssueAspect | null;
}

/**
 * Returns the ISO date of the Monday that starts an ISO week.
 *
 * @example
 * weekStartOfIsoWeek("2026-W48"); // "2026-11-23"
 */
export function weekStartOfIsoWeek(week: string): string {
  return isoDateFromDayNumber(ORDINAL_EPOCH_MONDAY_DAY + 7 * isoWeekOrdinal(week as `${number}-W${string}`));
}

interface WeekCell {
  weightSum: number;
  kolWeightSum: number;
  /** local day → [Σ weight × polarity, Σ weight, Σ weight², Σ weight × polarity²] */
  days: Map<string, [number, number, number, number]>;
}

/**
 * Returns product-wide and variant-level sentiment weeks (platform and region "all") for every week
 * with mentions.
 * Rules: index, shares and volume come from the signal engine's weekly rows (weight = platform weight ×
 * authenticity × reach weight); authenticity of week w's mentions is assessed on the mentions of the
 * `authenticityWindowDays` before w's end; volatility = standard deviation of the daily weighted index
 * over the week's days with mentions, less the spread the number of mentions alone would give
 * (see dailyIndexVolatility); kolShare = share of the week's weight from authors at or above
 * the influencer reach (10k followers by default); negative aspect mentions = the week's negative
 * aspect drivers mapped by `issueAspectOf`.
 *
 * @example
 * sentimentWeeksFromMentions(scored, { signalSettings: { timeZone: "America/New_York" } })
 *   .filter((w) => !w.variantId); // one row per product and week
 */
export function sentimentWeeksFromMentions(
  mentions: readonly ScoredMention[],
  options: MentionSentimentOptions = {},
): SentimentWeek[] {
  const settings = resolveSignalSettings(options.signalSettings);
  const timeZone = settings.timeZone;
  const windowDays = Math.max(0, options.authenticityWindowDays ?? 28);
  const matched = mentions.filter((m) => m.productId && Number.isFinite(m.postedAt.getTime()));
  const weekOf = new Map<ScoredMention, number>();
  for (const m of matched) weekOf.set(m, isoWeekOrdinal(isoWeek(m.postedAt, timeZone)));
  const sorted = [...matched].sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime());
  const weeks = [...new Set(sorted.map((m) => weekOf.get(m) as number))].sort((a, b) => a - b);

  // Authenticity per week, on a trailing batch that ends with the week: no later mention takes part.
  const trusted: ScoredMention[] = [];
  const windowWeeks = Math.ceil(windowDays / 7);
  for (const week of weeks) {
    const own = sorted.filter((m) => weekOf.get(m) === week);
    if (windowDays === 0) {
      trusted.push(...own);
      continue;
    }
    const batch = sorted.filter((m) => {
      const w = weekOf.get(m) as number;
      return w <= week && w > week - windowWeeks;
    });
    const assessed = assessAuthenticity(batch);
    for (const m of own) {
      // The copy carries the authenticity; it must keep its week, or its day cell is lost.
      const copy = { ...m, authenticity: assessed.get(m.id)?.score ?? 1 };
      weekOf.set(copy, week);
      trusted.push(copy);
    }
  }

  const accumulator = createWeeklySignalAccumulator(settings);
  const cells = new Map<string, WeekCell>();
  const cellKey = (productId: string, variantId: string | null, week: number) =>
    `${productId}\u0000${variantId ?? ""}\u0000${week}`;
  for (const m of trusted) {
    accumulator.add(m);
    const authenticity = Number.isFinite(m.authenticity ?? 1)
      ? Math.min(1, Math.max(0, m.authenticity ?? 1))
      : 1;
    const weight =
      platformWeight(m.platform, settings.platformWeights) *
      authenticity *
      reachWeight(m.authorReachFollowers, settings.reachLogDivisor);
    const polarity = Number.isFinite(m.polarity) ? Math.min(1, Math.max(-1, m.polarity)) : 0;
    const isKol = m.authorReachFollowers >= settings.influencerMinReachFollowers;
    const day = localDay(m.postedAt, timeZone);
    const week = weekOf.get(m) as number;
    const scopes: (string | null)[] = m.variantId ? [null, m.variantId] : [null];
    for (const variantId of scopes) {
      const k = cellKey(m.productId as string, variantId, week);
      let cell = cells.get(k);
      if (!cell) cells.set(k, (cell = { weightSum: 0, kolWeightSum: 0, days: new Map() }));
      cell.weightSum += weight;
      if (isKol) cell.kolWeightSum += weight;
      const daily = cell.days.get(day) ?? [0, 0, 0, 0];
      daily[0] += weight * polarity;
      daily[1] += weight;
      daily[2] += weight * weight;
      daily[3] += weight * polarity * polarity;
      cell.days.set(day, daily);
    }
  }

  const result: SentimentWeek[] = [];
  for (const row of accumulator.rows()) {
    if (row.platform !== "all" || row.region !== "all" || !row.productId) continue;
    const week = isoWeekOrdinal(row.isoWeek);
    const cell = cells.get(cellKey(row.productId, row.variantId, week));
    const negativeAspectMentions: Partial<Record<IssueAspect, number>> = {};
    if (options.issueAspectOf && row.detail) {
      for (const driver of row.detail.drivers) {
        if (driver.stance !== "negative") continue;
        const aspect = options.issueAspectOf(driver.aspect);
        if (aspect) negativeAspectMentions[aspect] = (negativeAspectMentions[aspect] ?? 0) + driver.mentions;
      }
    }
    result.push({
      productId: row.productId,
      variantId: row.variantId,
      regionCode: null,
      weekStart: isoDateFromDayNumber(ORDINAL_EPOCH_MONDAY_DAY + 7 * week),
      weightedIndex: row.sentimentIndex,
      negativeShare: row.negativeShare,
      positiveShare: row.positiveShare,
      volume: row.volume,
      volatility: cell ? dailyIndexVolatility(cell.days) : 0,
      kolShare: cell && cell.weightSum > 0 ? cell.kolWeightSum / cell.weightSum : 0,
      negativeAspectMentions: Object.keys(negativeAspectMentions).length > 0 ? negativeAspectMentions : null,
    });
  }
  return result.sort(
    (a, b) =>
      (a.weekStart < b.weekStart ? -1 : a.weekStart > b.weekStart ? 1 : 0) ||
      (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0) ||
      ((a.variantId ?? "") < (b.variantId ?? "") ? -1 : (a.variantId ?? "") > (b.variantId ?? "") ? 1 : 0),
  );
}

/**
 * Standard deviation of the daily weighted index over days with weight, less the part that the
 * number of mentions alone explains: a day's index is a weighted mean of a few polarities, so it
 * moves by sampling even when opinion does not. Rule: volatility = √max(0, variance of the daily
 * indices − mean over days of (the week's polarity variance ÷ the day's effective mentions)), with
 * effective mentions = (Σ weight)² ÷ Σ weight²; 0 under 2 days.
 */
function dailyIndexVolatility(days: ReadonlyMap<string, [number, number, number, number]>): number {
  const values: number[] = [];
  const effective: number[] = [];
  let weighted = 0;
  let weight = 0;
  let weightedSquares = 0;
  for (const [dayWeighted, dayWeight, dayWeightSquares, dayWeightedSquares] of days.values()) {
    if (!(dayWeight > 0)) continue;
    values.push(dayWeighted / dayWeight);
    effective.push(dayWeightSquares > 0 ? (dayWeight * dayWeight) / dayWeightSquares : 1);
    weighted += dayWeighted;
    weight += dayWeight;
    weightedSquares += dayWeightedSquares;
  }
  if (values.length < 2) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
  const polarityVariance = Math.max(0, weightedSquares / weight - (weighted / weight) ** 2);
  const sampling = effective.reduce((s, n) => s + polarityVariance / Math.max(1, n), 0) / values.length;
  return Math.sqrt(Math.max(0, variance - sampling));
}
