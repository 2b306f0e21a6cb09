/**
 * Elasticity coefficient: how fast sentiment can move demand relative to how fast stock turns over,
 * which decides the replenishment cadence and batch size.
 */
import type { ElasticityClass, InventorySettings } from "./settings";

export interface ElasticityAssessment {
  coefficient: number;
  elasticityClass: ElasticityClass;
  /** Days between replenishment reviews for this class; the order-up-to level covers lead time + this. */
  reviewPeriodDays: number;
  /** Inventory turns per year used in the denominator. */
  annualTurnover: number;
  assumptions: string[];
}

/**
 * Returns the elasticity class of a variant.
 * Rule: elasticity = (sentiment volatility in index points × propagation speed) ÷ annual inventory
 * turnover; > 1.5 small frequent batches, 0.5–1.5 safety stock + dynamic replenishment, < 0.5
 * traditional forecast. Propagation speed = this week's mention volume ÷ last week's (1 = steady).
 * Turnover = yearly demand ÷ average inventory. The average is the one the sales-only policy holds
 * (safety stock + half a review period of demand), not today's shelf, which may be empty or swollen.
 *
 * @example
 * assessElasticity(0.2, 1.5, 1, 100, DEFAULT_INVENTORY_SETTINGS.elasticity);
 * // turnover 365 × 1 / 100 = 3.65; coefficient 20 × 1.5 / 3.65 = 8.2 → "small_frequent"
 */
export function assessElasticity(
  volatility: number,
  propagationSpeed: number,
  dailyDemandUnits: number,
  averageInventoryUnits: number,
  settings: InventorySettings["elasticity"],
): ElasticityAssessment {
  const assumptions: string[] = [];
  const volatilityPoints = Number.isFinite(volatility) ? Math.max(0, volatility) * 100 : 0;
  const speed = Number.isFinite(propagationSpeed) ? Math.max(0, propagationSpeed) : 0;
  const stock = Number.isFinite(averageInventoryUnits) ? Math.max(1, averageInventoryUnits) : 1;
  if (!(averageInventoryUnits >= 1))
    assumptions.push("Average inventory is below 1 unit: turnover computed against 1 unit.");
  const annualTurnover =
    ((Number.isFinite(dailyDemandUnits) ? Math.max(0, dailyDemandUnits) : 0) * 365) / stock;
  let coefficient: number;
  if (annualTurnover > 0) {
    coefficient = Math.min(settings.maxCoefficient, (volatilityPoints * speed) / annualTurnover);
  } else {
    coefficient = volatilityPoints * speed > 0 ? settings.maxCoefficient : 0;
    assumptions.push("No demand: turnover is 0, elasticity capped.");
  }
  const elasticityClass: ElasticityClass =
    coefficient > settings.smallBatchAbove
      ? "small_frequent"
      : coefficient >= settings.traditionalBelow
        ? "dynamic"
        : "traditional";
  return {
    coefficient,
    elasticityClass,
    reviewPeriodDays: settings.reviewPeriodDays[elasticityClass],
    annualTurnover,
    assumptions,
  };
}

/**
 * Returns how fast talk about a product is spreading: this week's mention volume over last week's.
 * Rule: speed = volume(this week) ÷ volume(last week); 1 when there is no earlier week, capped at 10.
 *
 * @example
 * propagationSpeed(30, 60); // 2
 */
export function propagationSpeed(previousVolume: number, volume: number): number {
  if (!(previousVolume > 0)) return volume > 0 ? 1 : 0;
  const speed = volume / previousVolume;
  return Number.isFinite(speed) ? Math.min(10, Math.max(0, speed)) : 1;
}
