/**
 * Weekly series on one grid of complete weeks: sentiment of one scope (product, variant or region)
 * and in-stock-adjusted demand of a set of sales histories, so the lift model can line them up.
 */
import { dayNumberFromIsoDate } from "./calendar";
import type { IssueAspect, SalesHistory, SentimentWeek } from "./planningInput";

/** Sentiment of one scope, one entry per complete week from `firstWeekStartDay`. */
export interface WeeklySentimentSeries {
  firstWeekStartDay: number;
  weeks: number;
  /** −1..1; a week without a row repeats the previous week (no news is no change). */
  weightedIndex: Float64Array;
  negativeShare: Float64Array;
  positiveShare: Float64Array;
  /** 0 for a week without a row. */
  volume: Float64Array;
  volatility: Float64Array;
  kolShare: Float64Array;
  negativeAspectMentions: (Partial<Record<IssueAspect, number>> | null)[];
}

function clampFinite(value: number | null | undefined, min: number, max: number): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : 0;
}

/**
 * Returns the weekly series of sentiment rows of one scope, keeping only weeks that ended before
 * `todayDayNumber` (a half-finished week would read as a fall in volume). Null when none qualify.
 *
 * @example
 * weeklySentimentSeries([{ productId: "p", weekStart: "2025-03-03", weightedIndex: 0.2, negativeShare: 0.1,
 *   positiveShare: 0.5, volume: 40, volatility: 0.05 }], 20160)?.weeks; // 1
 */
export function weeklySentimentSeries(
  rows: readonly SentimentWeek[],
  todayDayNumber: number,
): WeeklySentimentSeries | null {
  const dated: { day: number; row: SentimentWeek }[] = [];
  for (const row of rows) {
    const day = dayNumberFromIsoDate(row.weekStart);
    if (day !== null && day + 7 <= todayDayNumber) dated.push({ day, row });
  }
  if (dated.length === 0) return null;
  dated.sort((a, b) => a.day - b.day);
  const first = (dated[0] as { day: number }).day;
  const last = (dated[dated.length - 1] as { day: number }).day;
  const weeks = Math.floor((last - first) / 7) + 1;
  const series: WeeklySentimentSeries = {
    firstWeekStartDay: first,
    weeks,
    weightedIndex: new Float64Array(weeks).fill(Number.NaN),
    negativeShare: new Float64Array(weeks).fill(Number.NaN),
    positiveShare: new Float64Array(weeks).fill(Number.NaN),
    volume: new Float64Array(weeks),
    volatility: new Float64Array(weeks),
    kolShare: new Float64Array(weeks),
    negativeAspectMentions: new Array(weeks).fill(null),
  };
  for (const { day, row } of dated) {
    // Rows off the 7-day grid are snapped to the week they fall in.
    const w = Math.floor((day - first) / 7);
    series.weightedIndex[w] = clampFinite(row.weightedIndex, -1, 1);
    series.negativeShare[w] = clampFinite(row.negativeShare, 0, 1);
    series.positiveShare[w] = clampFinite(row.positiveShare, 0, 1);
    series.volume[w] = clampFinite(row.volume, 0, Number.MAX_SAFE_INTEGER);
    series.volatility[w] = clampFinite(row.volatility, 0, 1);
    series.kolShare[w] = clampFinite(row.kolShare, 0, 1);
    series.negativeAspectMentions[w] = row.negativeAspectMentions ?? null;
  }
  for (const field of [series.weightedIndex, series.negativeShare, series.positiveShare]) {
    for (let w = 0; w < weeks; w++) {
      if (Number.isNaN(field[w] as number)) field[w] = w > 0 ? (field[w - 1] as number) : 0;
    }
  }
  return series;
}

/**
 * Returns weekly demand (units per 7 days) summed over the histories, on the grid of `weeks` weeks
 * from `firstWeekStartDay`. Each history's week is its units per in-stock day × 7; a week entirely out
 * of stock repeats that history's previous rate, because zero sales then says nothing about demand.
 *
 * @example
 * weeklyDemandOnGrid([{ variantId: "v", locationId: "l", firstDay: "1970-01-01",
 *   unitsSold: [1, 1, 1, 1, 1, 1, 1], inStock: [true, true, true, true, true, true, false] }], 0, 1); // [7]
 */
export function weeklyDemandOnGrid(
  histories: readonly SalesHistory[],
  firstWeekStartDay: number,
  weeks: number,
): Float64Array {
  const demand = new Float64Array(weeks);
  for (const history of histories) {
    const firstDay = dayNumberFromIsoDate(history.firstDay);
    if (firstDay === null) continue;
    let previousRate = Number.NaN;
    for (let w = 0; w < weeks; w++) {
      const weekStart = firstWeekStartDay + 7 * w;
      let units = 0;
      let inStockDays = 0;
      for (let day = weekStart; day < weekStart + 7; day++) {
        const i = day - firstDay;
        if (i < 0 || i >= history.unitsSold.length || history.inStock[i] === false) continue;
        const value = history.unitsSold[i] as number;
        units += Number.isFinite(value) && value > 0 ? value : 0;
        inStockDays++;
      }
      const rate = inStockDays > 0 ? units / inStockDays : previousRate;
      if (!Number.isNaN(rate)) {
        demand[w] = (demand[w] as number) + rate * 7;
        previousRate = rate;
      }
    }
  }
  return demand;
}
