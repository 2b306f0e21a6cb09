/**
 * Weekly sentiment rows for the inventory engine, built from scored mentions with the signal engine
 * (authenticity, platform and reach weights, weekly aggregation) so that each week's row depends only
 * on mentions posted before that week ended: a replay can show week w to a policy from the day after
 * it ends without leaking anything later.
 */
import {
  assessAuthenticity,
  createWeeklySignalAccumulator,
  isoWeek,
  isoWeekOrdinal,
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

/**
 * Returns product-wide and variant-level sentiment weeks (platform and region "all") for every week
 * with mentions.
 * Rules: index, shares and volume come from the signal engine's weekly rows (weight = platform weight ×
 * authenticity × reach weight); authenticity of week w's mentions is assessed on the mentions of the
 * `authenticityWindowDays` before w's end; volatility and kolShare are the rows' own, computed as the
 * app's stored signal rows compute them (app/domain/signals/weekSpread.ts: sampling-corrected daily
 * index spread; share of weight from authors at or above the influencer reach, 10k followers by
 * default); negative aspect mentions = the week's negative aspect drivers mapped by `issueAspectOf`.
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
    // Volatility and kolShare come from the accumulator's own cells (keyed by the mention's time, not
    // by object), so this copy carrying the authenticity cannot lose its day cell.
    for (const m of own) trusted.push({ ...m, authenticity: assessed.get(m.id)?.score ?? 1 });
  }

  const accumulator = createWeeklySignalAccumulator(settings);
  for (const m of trusted) accumulator.add(m);

  const result: SentimentWeek[] = [];
  for (const row of accumulator.rows()) {
    if (row.platform !== "all" || row.region !== "all" || !row.productId) continue;
    const week = isoWeekOrdinal(row.isoWeek);
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
      volatility: row.volatility ?? 0,
      kolShare: row.kolShare,
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
