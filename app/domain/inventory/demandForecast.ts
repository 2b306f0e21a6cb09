/**
 * Baseline daily demand forecast of one variant at one location, from sales alone.
 * Holt-Winters (additive, damped trend, weekly season) when there are two weeks of in-stock history,
 * a moving average otherwise. Out-of-stock days are treated as missing observations, so a stock-out
 * neither drags the level down nor counts as an error.
 */
import { dayNumberFromIsoDate } from "./calendar";
import { cleanUnits } from "./demandVelocity";
import { inverseNormalCdf } from "./inverseNormalCdf";
import type { SalesHistory } from "./planningInput";
import type { InventorySettings } from "./settings";

const SEASON_DAYS = 7;

export type ForecastMethod = "holt_winters" | "moving_average" | "no_data";

/** A point forecast per future day plus the spread of one day's error. */
export interface DemandForecast {
  method: ForecastMethod;
  /** Expected units for each day from tomorrow; never negative. */
  dailyUnits: number[];
  /** Mean of `dailyUnits`. */
  meanDailyUnits: number;
  /** Standard deviation of one day's demand around the forecast (σ of daily demand). */
  sigmaDailyUnits: number;
  /** Level-smoothing weight that widens intervals with the horizon (0 for a moving average). */
  intervalGrowth: number;
  /** Coverage of the intervals, e.g. 0.8. */
  intervalLevel: number;
  /** Sum of `dailyUnits` and its interval, assuming independent daily errors. */
  totalUnits: number;
  totalLowerUnits: number;
  totalUpperUnits: number;
  inStockDaysUsed: number;
  excludedOutOfStockDays: number;
  assumptions: string[];
}

type ForecastSettings = InventorySettings["forecast"];

const lastIntervalZ = { level: Number.NaN, z: 0 };

/** z of a two-sided interval; the level is one shop setting, so the last answer is remembered. */
function intervalZ(level: number): number {
  if (level !== lastIntervalZ.level) {
    const z = inverseNormalCdf((1 + level) / 2);
    lastIntervalZ.level = level;
    lastIntervalZ.z = z.ok ? z.value : 0;
  }
  return lastIntervalZ.z;
}

function finalize(
  method: ForecastMethod,
  dailyUnits: number[],
  sigma: number,
  growth: number,
  settings: ForecastSettings,
  inStockDaysUsed: number,
  excluded: number,
  assumptions: string[],
): DemandForecast {
  const total = dailyUnits.reduce((sum, units) => sum + units, 0);
  const spread = intervalZ(settings.intervalLevel) * sigma * Math.sqrt(dailyUnits.length);
  return {
    method,
    dailyUnits,
    meanDailyUnits: dailyUnits.length > 0 ? total / dailyUnits.length : 0,
    sigmaDailyUnits: sigma,
    intervalGrowth: growth,
    intervalLevel: settings.intervalLevel,
    totalUnits: total,
    totalLowerUnits: Math.max(0, total - spread),
    totalUpperUnits: total + spread,
    inStockDaysUsed,
    excludedOutOfStockDays: excluded,
    assumptions,
  };
}

/**
 * Returns a demand forecast for the `horizonDays` days from `todayDayNumber`, fitted on the
 * `settings.lookbackDays` days before it.
 * Rule (Holt-Winters): level, trend and weekly season are each a weighted average of what was just
 * observed and what was expected; forecast = level + damped trend + that weekday's season, floored at 0.
 * Rule (fallback): forecast = mean units per in-stock day over the velocity window.
 *
 * @example
 * const history = { variantId: "v", locationId: "l", firstDay: "2025-01-01",
 *   unitsSold: Array(28).fill(5), inStock: Array(28).fill(true) };
 * forecastDemand(history, 20089, 7, DEFAULT_INVENTORY_SETTINGS.forecast).dailyUnits; // ≈ [5, 5, 5, 5, 5, 5, 5]
 */
export function forecastDemand(
  history: SalesHistory,
  todayDayNumber: number,
  horizonDays: number,
  settings: ForecastSettings,
): DemandForecast {
  const horizon = Math.max(1, Math.ceil(horizonDays));
  const firstDay = dayNumberFromIsoDate(history.firstDay);
  if (firstDay === null) {
    return finalize("no_data", new Array<number>(horizon).fill(0), 0, 0, settings, 0, 0, [
      `Sales history starts on "${history.firstDay}", which is not a date; demand assumed 0.`,
    ]);
  }
  // The fitted window starts at the later of "lookback ago" and the first recorded day, so a
  // variant launched three weeks ago is not read as three weeks of zero sales before it existed.
  const start = Math.max(todayDayNumber - settings.lookbackDays, firstDay);
  const end = Math.min(todayDayNumber, firstDay + history.unitsSold.length);
  const length = Math.max(0, end - start);
  const observed = new Float64Array(length);
  let inStockDays = 0;
  let excluded = 0;
  for (let i = 0; i < length; i++) {
    const index = start + i - firstDay;
    if (history.inStock[index] === false) {
      observed[i] = Number.NaN;
      excluded++;
    } else {
      observed[i] = cleanUnits(history.unitsSold[index]);
      inStockDays++;
    }
  }
  if (inStockDays === 0) {
    return finalize("no_data", new Array<number>(horizon).fill(0), 0, 0, settings, 0, excluded, [
      excluded > 0
        ? `Out of stock on every one of the last ${excluded} recorded days: true demand is unknown, assumed 0 until it sells again.`
        : "No sales history for this variant at this location: demand assumed 0.",
    ]);
  }
  if (inStockDays >= settings.minInStockDaysForSeasonal && length >= 2 * SEASON_DAYS) {
    const fitted = holtWinters(observed, horizon, settings);
    if (fitted) {
      return finalize(
        "holt_winters",
        fitted.dailyUnits,
        fitted.sigma,
        settings.levelSmoothing,
        settings,
        inStockDays,
        excluded,
        [],
      );
    }
  }
  return movingAverage(observed, horizon, settings, inStockDays, excluded);
}

function movingAverage(
  observed: Float64Array,
  horizon: number,
  settings: ForecastSettings,
  inStockDays: number,
  excluded: number,
): DemandForecast {
  let sum = 0;
  let sumSquares = 0;
  let count = 0;
  for (let i = observed.length - 1; i >= 0 && observed.length - i <= settings.velocityWindowDays; i--) {
    const value = observed[i] as number;
    if (Number.isNaN(value)) continue;
    sum += value;
    sumSquares += value * value;
    count++;
  }
  // All in-stock days may lie before the velocity window (long stock-out): widen to the whole fit.
  if (count === 0) {
    for (const value of observed) {
      if (Number.isNaN(value)) continue;
      sum += value;
      sumSquares += value * value;
      count++;
    }
  }
  const mean = count > 0 ? sum / count : 0;
  const variance = count > 1 ? Math.max(0, (sumSquares - count * mean * mean) / (count - 1)) : mean;
  const assumptions = [
    `Only ${inStockDays} in-stock days of history: used a ${settings.velocityWindowDays}-day moving average instead of a weekly-seasonal forecast.`,
  ];
  if (count < 2) assumptions.push("Too few days to measure variability: assumed Poisson (variance = mean).");
  return finalize(
    "moving_average",
    new Array<number>(horizon).fill(mean),
    Math.sqrt(variance),
    0,
    settings,
    inStockDays,
    excluded,
    assumptions,
  );
}

/**
 * Returns the initial daily trend from the first two weeks, shrunk toward 0 by how noisy the weekly
 * means are. Rule: diff = mean₂ − mean₁; var = s₁²/n₁ + s₂²/n₂ (Poisson variance = mean when a week has
 * fewer than 2 days); trend = diff × diff² ÷ (diff² + var) ÷ 7.
 */
function shrunkInitialTrend(x: Float64Array, mean1: number, mean2: number): number {
  const varianceOfMean = (week: number, mean: number): number => {
    let sum = 0;
    let count = 0;
    for (let i = week * SEASON_DAYS; i < (week + 1) * SEASON_DAYS; i++) {
      const v = x[i] as number;
      if (Number.isNaN(v)) continue;
      sum += (v - mean) ** 2;
      count++;
    }
    if (count < 2) return Math.max(0, mean);
    // At least the Poisson variance: a week of counts is never less noisy than that.
    return Math.max(sum / (count - 1), mean) / count;
  };
  const diff = mean2 - mean1;
  const variance = varianceOfMean(0, mean1) + varianceOfMean(1, mean2);
  const weight = diff * diff + variance > 0 ? (diff * diff) / (diff * diff + variance) : 0;
  return (diff * weight) / SEASON_DAYS;
}

function holtWinters(
  x: Float64Array,
  horizon: number,
  s: ForecastSettings,
): { dailyUnits: number[]; sigma: number } | null {
  // Initialise from the first two weeks: level = week-2 mean, trend = weekly mean change / 7,
  // season = average deviation of each weekday from its week's mean.
  const weekMean = [0, 1].map((week) => {
    let sum = 0;
    let count = 0;
    for (let i = week * SEASON_DAYS; i < (week + 1) * SEASON_DAYS; i++) {
      const v = x[i] as number;
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    return count > 0 ? sum / count : Number.NaN;
  });
  const [mean1, mean2] = weekMean as [number, number];
  if (Number.isNaN(mean1) || Number.isNaN(mean2)) return null;
  const season = new Float64Array(SEASON_DAYS);
  for (let d = 0; d < SEASON_DAYS; d++) {
    let sum = 0;
    let count = 0;
    for (const [week, mean] of [mean1, mean2].entries()) {
      const v = x[week * SEASON_DAYS + d] as number;
      if (!Number.isNaN(v)) {
        sum += v - mean;
        count++;
      }
    }
    season[d] = count > 0 ? sum / count : 0;
  }
  let level = mean2;
  // Two weeks are a thin basis for a trend: on a slow seller (1 unit one week, 8 the next) the raw
  // difference projects a several-fold rise and buys cases of stock nobody wants. The initial trend is
  // therefore the week-over-week change shrunk by its own noise (a James-Stein style weight
  // diff² ÷ (diff² + its sampling variance)); real trends are still learned by the smoothing.
  let trend = shrunkInitialTrend(x, mean1, mean2);
  let squaredErrors = 0;
  let errorCount = 0;
  const { levelSmoothing: alpha, trendSmoothing: beta, seasonalSmoothing: gamma, trendDamping: phi } = s;
  for (let t = 2 * SEASON_DAYS; t < x.length; t++) {
    const d = t % SEASON_DAYS;
    const seasonal = season[d] as number;
    const expected = level + phi * trend;
    const value = x[t] as number;
    if (Number.isNaN(value)) {
      // Missing (out of stock): carry the state forward on its own expectation.
      level = expected;
      trend = phi * trend;
      continue;
    }
    const error = value - Math.max(0, expected + seasonal);
    squaredErrors += error * error;
    errorCount++;
    const newLevel = alpha * (value - seasonal) + (1 - alpha) * expected;
    trend = beta * (newLevel - level) + (1 - beta) * phi * trend;
    level = newLevel;
    season[d] = gamma * (value - level) + (1 - gamma) * seasonal;
  }
  let sigma: number;
  if (errorCount >= 2) {
    sigma = Math.sqrt(squaredErrors / errorCount);
  } else {
    // Exactly two weeks: no out-of-sample error yet, use the spread around the weekly means.
    let sum = 0;
    let count = 0;
    for (let i = 0; i < 2 * SEASON_DAYS; i++) {
      const v = x[i] as number;
      if (Number.isNaN(v)) continue;
      const fitted = (i < SEASON_DAYS ? mean1 : mean2) + (season[i % SEASON_DAYS] as number);
      sum += (v - fitted) ** 2;
      count++;
    }
    sigma = Math.sqrt(count > 0 ? sum / count : 0);
  }
  const dailyUnits = new Array<number>(horizon);
  let dampedTrendSum = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= phi;
    dampedTrendSum += phiPower;
    const units = level + dampedTrendSum * trend + (season[(x.length - 1 + h) % SEASON_DAYS] as number);
    dailyUnits[h - 1] = units > 0 && Number.isFinite(units) ? units : 0;
  }
  return { dailyUnits, sigma: Number.isFinite(sigma) ? sigma : 0 };
}

/**
 * Returns the forecast interval of day `dayAhead` (1 = tomorrow).
 * Rule: point ± z × σ × √(1 + (h − 1) α²), the simple-exponential-smoothing error growth; floored at 0.
 *
 * @example
 * forecastIntervalForDay(forecast, 1); // { pointUnits: 5, lowerUnits: 3.7, upperUnits: 6.3 }
 */
export function forecastIntervalForDay(
  forecast: DemandForecast,
  dayAhead: number,
): { pointUnits: number; lowerUnits: number; upperUnits: number } {
  const h = Math.max(1, Math.min(forecast.dailyUnits.length, Math.round(dayAhead)));
  const point = forecast.dailyUnits[h - 1] ?? 0;
  const spread =
    intervalZ(forecast.intervalLevel) *
    forecast.sigmaDailyUnits *
    Math.sqrt(1 + (h - 1) * forecast.intervalGrowth * forecast.intervalGrowth);
  return { pointUnits: point, lowerUnits: Math.max(0, point - spread), upperUnits: point + spread };
}

/**
 * Returns expected units over the next `days` days (fractional days count pro rata); beyond the
 * forecast horizon the last week's pattern repeats.
 *
 * @example
 * forecastUnitsOverDays({ ...forecast, dailyUnits: [1, 2, 3] }, 2.5); // 1 + 2 + 0.5 × 3 = 4.5
 */
export function forecastUnitsOverDays(forecast: DemandForecast, days: number): number {
  const daily = forecast.dailyUnits;
  if (daily.length === 0 || !(days > 0)) return 0;
  const dayAt = (i: number): number => {
    if (i < daily.length) return daily[i] as number;
    const lastWeekStart = Math.max(0, daily.length - SEASON_DAYS);
    const span = daily.length - lastWeekStart;
    return daily[lastWeekStart + ((i - daily.length) % span)] as number;
  };
  const whole = Math.floor(days);
  let total = 0;
  for (let i = 0; i < whole; i++) total += dayAt(i);
  return total + (days - whole) * dayAt(whole);
}
