/**
 * Everything one product's sentiment contributes to a planning run: learned lift, safety-stock risk,
 * elasticity inputs, regional and variant readings, alerts, tier and routed tasks.
 */
import { inventoryReviewCheck, responseTier, type ResponseTier } from "./alerts";
import { propagationSpeed } from "./elasticity";
import { routeIssues, type RoutedTask } from "./issueRouting";
import type { SalesHistory, SentimentWeek } from "./planningInput";
import { safetyStockRiskFromSeries } from "./safetyStockRisk";
import {
  learnLiftEvidence,
  learnVolumeEvidence,
  sentimentLift,
  type LiftEvidence,
  type SentimentLift,
} from "./sentimentLift";
import type { InventorySettings } from "./settings";
import { dayNumberFromIsoDate, isoDateFromDayNumber } from "./calendar";
import { weeklyDemandOnGrid, weeklySentimentSeries, type WeeklySentimentSeries } from "./weeklySeries";

/** A product's sentiment rows split by scope. */
export interface ProductSentimentRows {
  product: SentimentWeek[];
  byVariant: Map<string, SentimentWeek[]>;
  byRegion: Map<string, SentimentWeek[]>;
}

/** The product-wide series lined up with the product's weekly demand, and what they teach. */
export interface ProductLiftHistory {
  series: WeeklySentimentSeries;
  weeklyDemandUnits: Float64Array;
  evidence: LiftEvidence;
  /** Same regression on positive-mention volume (see learnVolumeEvidence). */
  volumeEvidence: LiftEvidence;
}

/**
 * Returns the product-wide sentiment and demand on one weekly grid with the lagged-lift evidence,
 * or null when the product has no complete week of product-wide sentiment.
 *
 * @example
 * productLiftHistory(rows.product, histories, today, DEFAULT_INVENTORY_SETTINGS)?.evidence.lagWeeks; // 2
 */
export function productLiftHistory(
  productRows: readonly SentimentWeek[],
  histories: readonly SalesHistory[],
  todayDayNumber: number,
  settings: InventorySettings,
): ProductLiftHistory | null {
  const series = weeklySentimentSeries(productRows, todayDayNumber);
  if (!series) return null;
  const weeklyDemandUnits = weeklyDemandOnGrid(histories, series.firstWeekStartDay, series.weeks);
  const evidence = learnLiftEvidence(series.weightedIndex, weeklyDemandUnits, settings.lift.maxLagWeeks);
  const volumeEvidence = learnVolumeEvidence(
    series.positiveShare,
    series.volume,
    weeklyDemandUnits,
    settings.lift.maxLagWeeks,
    settings.lift.volumeMinPairsForOwnSlope,
  );
  return { series, weeklyDemandUnits, evidence, volumeEvidence };
}

/**
 * Returns, per variant, how much of the product's sentiment lift it should carry: its share of the
 * positive talk that names a variant over the last `weeks` complete weeks, divided by its share of the
 * product's demand over the same weeks, capped to [0, maxRatio]. Empty (every variant carries the
 * product's lift) when fewer than `minMentions` positive mentions named a variant.
 * Why: the extra demand that growing praise brings goes to the variants the praise is about (the
 * three loved colours of five), not to every variant by its past sales; the product's lift spread
 * evenly over-stocked the colours nobody talked about and under-stocked the loved ones.
 *
 * @example
 * variantLiftShares(rows.byVariant, history, demandByVariant, 2, today).get("coral"); // 1.5 when Coral has 30% of the praise and 20% of sales
 */
export function variantLiftShares(
  byVariant: ReadonlyMap<string, readonly SentimentWeek[]>,
  weeklyDemandByVariant: ReadonlyMap<string, ArrayLike<number>>,
  grid: { firstWeekStartDay: number; weeks: number },
  weeks: number,
  options: { minMentions?: number; maxRatio?: number } = {},
): Map<string, number> {
  const minMentions = options.minMentions ?? 20;
  const maxRatio = options.maxRatio ?? 3;
  const fromDay = grid.firstWeekStartDay + 7 * Math.max(0, grid.weeks - Math.max(1, weeks));
  const endDay = grid.firstWeekStartDay + 7 * grid.weeks;
  const praise = new Map<string, number>();
  let praiseTotal = 0;
  for (const [variantId, rows] of byVariant) {
    let units = 0;
    for (const row of rows) {
      const day = dayNumberFromIsoDate(row.weekStart);
      if (day === null || day < fromDay || day >= endDay) continue;
      const positive =
        Number.isFinite(row.positiveShare) && Number.isFinite(row.volume)
          ? row.positiveShare * row.volume
          : 0;
      units += Math.max(0, positive);
    }
    praise.set(variantId, units);
    praiseTotal += units;
  }
  const shares = new Map<string, number>();
  if (praiseTotal < minMentions) return shares;
  const demand = new Map<string, number>();
  let demandTotal = 0;
  const firstWeek = Math.max(0, grid.weeks - Math.max(1, weeks));
  for (const [variantId, series] of weeklyDemandByVariant) {
    let units = 0;
    for (let w = firstWeek; w < Math.min(grid.weeks, series.length); w++)
      units += Math.max(0, series[w] as number);
    demand.set(variantId, units);
    demandTotal += units;
  }
  if (!(demandTotal > 0)) return shares;
  for (const [variantId, units] of demand) {
    const demandShare = units / demandTotal;
    const praiseShare = (praise.get(variantId) ?? 0) / praiseTotal;
    const ratio = demandShare > 0 ? praiseShare / demandShare : praiseShare > 0 ? maxRatio : 1;
    shares.set(variantId, Math.min(maxRatio, Math.max(0, ratio)));
  }
  return shares;
}

/** A week-over-week inventory review alert for one scope. */
export interface InventoryReviewAlert {
  kind: "inventory_review";
  productId: string;
  variantId: string | null;
  regionCode: string | null;
  /** ISO date of the week that triggered it. */
  weekStart: string;
  negativeShareChangePercent: number;
  positiveShareChangePercent: number;
  indexChangePoints: number;
  tier: ResponseTier | null;
  reasons: string[];
}

export interface ProductSentimentProfile {
  lift: SentimentLift;
  riskFactor: number;
  /** Latest week's volatility (−1..1 scale). */
  volatility: number;
  propagationSpeed: number;
  indexChangePoints: number;
  tier: ResponseTier | null;
  alerts: InventoryReviewAlert[];
  tasks: RoutedTask[];
  /** Regional index change over the lift's lag, in points. */
  regionalChangePoints: Map<string, number>;
  /** Latest weighted index of each variant with its own sentiment. */
  variantIndex: Map<string, number>;
}

/**
 * An unconfirmed spike (over-reaction or influencer-driven) is the very noise the guardrails exist
 * for: its volatility is damped like its lift, or a KOL burst would still over-stock via safety stock.
 */
function dampedRisk(riskFactor: number, lift: SentimentLift): number {
  const unconfirmed = lift.influencerDriven || lift.validity.status === "over_reaction";
  return unconfirmed ? 1 + (riskFactor - 1) * lift.dampingFactor : riskFactor;
}

function lastWeekAlert(
  series: WeeklySentimentSeries,
  scope: { productId: string; variantId: string | null; regionCode: string | null },
  settings: InventorySettings,
): InventoryReviewAlert | null {
  if (series.weeks < 2) return null;
  const last = series.weeks - 1;
  const read = (w: number) => ({
    negativeShare: series.negativeShare[w] as number,
    positiveShare: series.positiveShare[w] as number,
    volume: series.volume[w] as number,
  });
  const check = inventoryReviewCheck(read(last - 1), read(last), settings.alerts);
  if (!check.triggered) return null;
  const indexChangePoints =
    ((series.weightedIndex[last] as number) - (series.weightedIndex[last - 1] as number)) * 100;
  return {
    kind: "inventory_review",
    ...scope,
    weekStart: isoDateFromDayNumber(series.firstWeekStartDay + 7 * last),
    negativeShareChangePercent: check.negativeShareChangePercent,
    positiveShareChangePercent: check.positiveShareChangePercent,
    indexChangePoints,
    tier: responseTier(indexChangePoints, settings.alerts),
    reasons: check.reasons,
  };
}

/**
 * Returns the multiplier to use when the product's talk is a complaint story, or null when it is not.
 * Rule: the negative share's least-squares slope over the last `complaintTrendWeeks` weeks is at least
 * `complaintTrendPointsPerWeek` points a week AND sales over the last two weeks are below the two weeks
 * before; then multiplier = min(current, 1, ((recent + 1) ÷ (before + 1))^complaintTrendSalesExponent),
 * at least minMultiplier.
 * Why: complaints that keep growing precede a sales fall; more people talking then is not demand
 * building, and a lifted (or risk-padded) order lands just as demand drops (the fitness tracker's
 * swim heart-rate complaints lifted orders through the volume term).
 *
 * @example
 * complaintTrendMultiplier(series, demand, 1.15, DEFAULT_INVENTORY_SETTINGS.lift); // 1 when complaints rise and sales fall
 */
export function complaintTrendMultiplier(
  series: WeeklySentimentSeries,
  weeklyDemandUnits: ArrayLike<number>,
  multiplier: number,
  settings: InventorySettings["lift"],
): number | null {
  const k = settings.complaintTrendWeeks;
  const threshold = settings.complaintTrendPointsPerWeek;
  if (!(threshold > 0) || series.weeks < Math.max(k, 4) || weeklyDemandUnits.length < series.weeks)
    return null;
  const last = series.weeks - 1;
  let sx = 0;
  let sy = 0;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < k; i++) {
    const y = (series.negativeShare[last - k + 1 + i] as number) * 100;
    if (!Number.isFinite(y)) return null;
    sx += i;
    sy += y;
    sxy += i * y;
    sxx += i * i;
  }
  const slope = (k * sxy - sx * sy) / (k * sxx - sx * sx);
  const d = (w: number) => Math.max(0, Number(weeklyDemandUnits[w]) || 0);
  const recent = d(last) + d(last - 1);
  const before = d(last - 2) + d(last - 3);
  if (!(slope >= threshold) || !(recent < before)) return null;
  const followed =
    settings.complaintTrendSalesExponent > 0
      ? Math.pow((recent + 1) / (before + 1), settings.complaintTrendSalesExponent)
      : 1;
  const target = Math.max(settings.minMultiplier, Math.min(1, followed));
  return multiplier > target ? target : null;
}

/**
 * Returns the product's sentiment profile for this run.
 * Rules: see sentimentLift (multiplier), sentimentRiskFactor (safety stock), responseTier (tier),
 * inventoryReviewCheck (alerts, per product, variant and region) and routeIssues (tasks).
 *
 * @example
 * productSentimentProfile("p1", rows, history, 0.005, today, DEFAULT_INVENTORY_SETTINGS, now).lift.multiplier;
 */
export function productSentimentProfile(
  productId: string,
  rows: ProductSentimentRows,
  history: ProductLiftHistory,
  priorLiftPerPoint: number,
  todayDayNumber: number,
  settings: InventorySettings,
  now: Date,
  volumePriorLiftPerPoint: number = settings.lift.volumeFallbackLiftPerPoint,
): ProductSentimentProfile {
  const { series, weeklyDemandUnits, evidence } = history;
  const lift = sentimentLift(
    {
      weightedIndex: series.weightedIndex,
      weeklyDemandUnits,
      kolShare: series.kolShare,
      positiveShare: series.positiveShare,
      volume: series.volume,
    },
    evidence,
    priorLiftPerPoint,
    settings,
    history.volumeEvidence
      ? { evidence: history.volumeEvidence, priorLiftPerPoint: volumePriorLiftPerPoint }
      : null,
  );
  const last = series.weeks - 1;
  const prev = Math.max(0, last - 1);
  const complaint = complaintTrendMultiplier(series, weeklyDemandUnits, lift.multiplier, settings.lift);
  if (complaint !== null) {
    lift.multiplier = complaint;
    lift.warnings.push(
      `Complaints are rising week after week and sales have started to fall: the sentiment multiplier is held at ${complaint.toFixed(2)} (no extra stock for a product whose talk is turning against it).`,
    );
  }
  const indexChangePoints =
    ((series.weightedIndex[last] as number) - (series.weightedIndex[prev] as number)) * 100;
  const alerts: InventoryReviewAlert[] = [];
  const productAlert = lastWeekAlert(series, { productId, variantId: null, regionCode: null }, settings);
  if (productAlert) alerts.push(productAlert);
  const regionalChangePoints = new Map<string, number>();
  for (const [regionCode, regionRows] of [...rows.byRegion.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const regional = weeklySentimentSeries(regionRows, todayDayNumber);
    if (!regional) continue;
    const r = regional.weeks - 1;
    const back = Math.max(0, r - lift.lagWeeks);
    regionalChangePoints.set(
      regionCode,
      ((regional.weightedIndex[r] as number) - (regional.weightedIndex[back] as number)) * 100,
    );
    const alert = lastWeekAlert(regional, { productId, variantId: null, regionCode }, settings);
    if (alert) alerts.push(alert);
  }
  const variantIndex = new Map<string, number>();
  for (const [variantId, variantRows] of [...rows.byVariant.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const variant = weeklySentimentSeries(variantRows, todayDayNumber);
    if (!variant) continue;
    variantIndex.set(variantId, variant.weightedIndex[variant.weeks - 1] as number);
    const alert = lastWeekAlert(variant, { productId, variantId, regionCode: null }, settings);
    if (alert) alerts.push(alert);
  }
  return {
    lift,
    // A confirmed complaint story is a fall under way, not uncertainty in both directions: no padding.
    riskFactor: complaint !== null ? 1 : dampedRisk(safetyStockRiskFromSeries(series, settings.risk), lift),
    volatility: series.volatility[last] as number,
    propagationSpeed: propagationSpeed(series.volume[prev] as number, series.volume[last] as number),
    indexChangePoints,
    tier: responseTier(indexChangePoints, settings.alerts),
    alerts,
    tasks: routeIssues(series.negativeAspectMentions[last], settings.alerts, now),
    regionalChangePoints,
    variantIndex,
  };
}
