/**
 * The replenishment decision for one variant at one location, with and without sentiment.
 * Both policies share velocity, forecast and safety-stock arithmetic, so a backtest comparing them
 * measures only what sentiment adds.
 */
import { forecastUnitsOverDays, type DemandForecast } from "./demandForecast";
import {
  netRequirementUnits,
  orderUpToUnits,
  reorderPointUnits,
  roundToSupplierTerms,
} from "./reorderPolicy";
import { safetyStockUnits } from "./safetyStock";

export interface ReplenishmentContext {
  forecast: DemandForecast;
  leadTimeDays: number;
  /** z of the service level (from `serviceLevelZ`). */
  serviceLevelZ: number;
  /** Review period of the sentiment-blind policy. */
  reviewPeriodDays: number;
  /** Available + incoming. */
  inventoryPositionUnits: number;
  casePackUnits: number;
  moqUnits: number;
}

/** What sentiment changes: expected demand, uncertainty and (via elasticity) the review period. */
export interface SentimentAdjustment {
  demandMultiplier: number;
  /** Scale of σ(daily demand); default the demand multiplier (a lifted level swings more). */
  sigmaMultiplier?: number;
  riskFactor: number;
  reviewPeriodDays: number;
}

export interface ReplenishmentPlan {
  leadTimeDemandUnits: number;
  cycleDemandUnits: number;
  safetyStockUnits: number;
  reorderPointUnits: number;
  orderUpToUnits: number;
  /** Units needed to reach the order-up-to level (0 above the reorder point). */
  needUnits: number;
  /** `needUnits` in whole cases, at least the MOQ. */
  orderUnits: number;
  demandMultiplier: number;
  riskFactor: number;
  reviewPeriodDays: number;
}

/**
 * Returns the replenishment plan; `adjustment` null is the sentiment-blind policy.
 * Rules: lead-time demand = forecast over the lead time × multiplier; safety stock = z × σ × √lead
 * time × risk; reorder point = lead-time demand + safety stock; order-up-to = demand over lead time +
 * review period × multiplier + safety stock; order = order-up-to − position when position ≤ reorder
 * point, in whole cases and at least the MOQ.
 *
 * @example
 * planReplenishment(context, { demandMultiplier: 1.2, riskFactor: 1.1, reviewPeriodDays: 7 }).orderUnits; // 96
 */
export function planReplenishment(
  context: ReplenishmentContext,
  adjustment: SentimentAdjustment | null,
): ReplenishmentPlan {
  const multiplier = adjustment?.demandMultiplier ?? 1;
  const risk = adjustment?.riskFactor ?? 1;
  const review = adjustment?.reviewPeriodDays ?? context.reviewPeriodDays;
  const leadTimeDemandUnits = forecastUnitsOverDays(context.forecast, context.leadTimeDays) * multiplier;
  const cycleDemandUnits =
    forecastUnitsOverDays(context.forecast, context.leadTimeDays + review) * multiplier;
  // σ scales with the multiplier too: a lifted demand level brings proportionally larger swings.
  const safety = safetyStockUnits(
    context.serviceLevelZ,
    context.forecast.sigmaDailyUnits * (adjustment?.sigmaMultiplier ?? multiplier),
    context.leadTimeDays,
    risk,
  );
  const reorderPoint = reorderPointUnits(leadTimeDemandUnits, safety);
  const orderUpTo = orderUpToUnits(cycleDemandUnits, safety);
  const needUnits = netRequirementUnits(context.inventoryPositionUnits, reorderPoint, orderUpTo);
  return {
    leadTimeDemandUnits,
    cycleDemandUnits,
    safetyStockUnits: safety,
    reorderPointUnits: reorderPoint,
    orderUpToUnits: orderUpTo,
    needUnits,
    orderUnits: roundToSupplierTerms(needUnits, context.casePackUnits, context.moqUnits),
    demandMultiplier: multiplier,
    riskFactor: risk,
    reviewPeriodDays: review,
  };
}

/**
 * Returns the sentiment-blind plan: same velocity, forecast and safety stock, no sentiment.
 *
 * @example
 * sentimentBlindPolicy(context).reorderPointUnits; // forecast over lead time + z × σ × √lead time
 */
export function sentimentBlindPolicy(context: ReplenishmentContext): ReplenishmentPlan {
  return planReplenishment(context, null);
}

/**
 * Returns Pulse's plan: the blind plan with the sentiment multiplier, risk factor and elasticity
 * review period applied.
 *
 * @example
 * sentimentAwarePolicy(context, { demandMultiplier: 1.15, riskFactor: 1.2, reviewPeriodDays: 7 }).reorderPointUnits;
 */
export function sentimentAwarePolicy(
  context: ReplenishmentContext,
  adjustment: SentimentAdjustment,
): ReplenishmentPlan {
  return planReplenishment(context, adjustment);
}
