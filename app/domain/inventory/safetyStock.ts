/**
 * Sentiment-adjusted ("dynamic") safety stock.
 */
import type { InventorySettings } from "./settings";

/**
 * Returns the factor (≥ 1, capped) by which sentiment uncertainty raises safety stock.
 * Rule: risk = 1 + 0.02 × rise in negative share (percentage points, week over week)
 *            + 0.01 × sentiment volatility (index points); never below 1, at most maxRiskFactor.
 * Why only upward: falling complaints do not make demand more predictable than sales history says.
 *
 * @example
 * sentimentRiskFactor(0.10, 0.20, 0.15, DEFAULT_INVENTORY_SETTINGS.risk); // 1 + 0.2 + 0.15 = 1.35
 */
export function sentimentRiskFactor(
  previousNegativeShare: number,
  negativeShare: number,
  volatility: number,
  settings: InventorySettings["risk"],
): number {
  const risePoints = Math.max(0, (finite(negativeShare) - finite(previousNegativeShare)) * 100);
  const volatilityPoints = Math.max(0, finite(volatility) * 100);
  const factor =
    1 +
    settings.negativeShareRiseWeightPerPoint * risePoints +
    settings.volatilityWeightPerPoint * volatilityPoints;
  return Math.min(settings.maxRiskFactor, Math.max(1, factor));
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/**
 * Returns safety stock in units.
 * Rule: safety stock = z(service level) × σ(daily demand) × √(lead time in days) × sentiment risk factor.
 *
 * @example
 * safetyStockUnits(1.645, 4, 9, 1.2); // 1.645 × 4 × 3 × 1.2 = 23.69
 */
export function safetyStockUnits(
  serviceLevelZ: number,
  sigmaDailyDemandUnits: number,
  leadTimeDays: number,
  riskFactor: number,
): number {
  const units = serviceLevelZ * sigmaDailyDemandUnits * Math.sqrt(Math.max(0, leadTimeDays)) * riskFactor;
  return Number.isFinite(units) && units > 0 ? units : 0;
}
