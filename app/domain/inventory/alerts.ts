/**
 * Week-over-week sentiment alerts and the response tier a change calls for.
 */
import type { InventorySettings } from "./settings";

export type ResponseTier = "marketing_focus" | "replenishment_plan" | "product_line_review";

/** One week's shares and volume, for a scope (product, variant or region). */
export interface ShareWeek {
  negativeShare: number;
  positiveShare: number;
  volume: number;
}

export interface InventoryReviewCheck {
  triggered: boolean;
  /** Relative change of negative share, %, after flooring both weeks at `shareFloor`. */
  negativeShareChangePercent: number;
  /** Relative change of positive share, %, after flooring both weeks at `shareFloor`. */
  positiveShareChangePercent: number;
  reasons: string[];
}

/**
 * Returns whether a week calls for an inventory review.
 * Rule: negative share up more than 20% or positive share down more than 15%, week over week
 * (relative change); both weeks need at least `minVolume` mentions, and shares are floored at 5% so a
 * move from 1% to 2% is not "+100%".
 *
 * @example
 * inventoryReviewCheck({ negativeShare: 0.1, positiveShare: 0.6, volume: 100 },
 *   { negativeShare: 0.13, positiveShare: 0.6, volume: 100 }, DEFAULT_INVENTORY_SETTINGS.alerts).triggered; // true (+30%)
 */
export function inventoryReviewCheck(
  previous: ShareWeek,
  current: ShareWeek,
  settings: InventorySettings["alerts"],
): InventoryReviewCheck {
  const floor = settings.shareFloor;
  const relative = (before: number, after: number) =>
    ((Math.max(floor, finite(after)) - Math.max(floor, finite(before))) / Math.max(floor, finite(before))) *
    100;
  const negativeShareChangePercent = relative(previous.negativeShare, current.negativeShare);
  const positiveShareChangePercent = relative(previous.positiveShare, current.positiveShare);
  const reasons: string[] = [];
  const enoughVolume =
    finite(previous.volume) >= settings.minVolume && finite(current.volume) >= settings.minVolume;
  if (enoughVolume && negativeShareChangePercent > settings.negativeShareRisePercent) {
    reasons.push(
      `Negative share rose ${negativeShareChangePercent.toFixed(0)}% week over week (threshold ${settings.negativeShareRisePercent}%).`,
    );
  }
  if (enoughVolume && -positiveShareChangePercent > settings.positiveShareDropPercent) {
    reasons.push(
      `Positive share fell ${(-positiveShareChangePercent).toFixed(0)}% week over week (threshold ${settings.positiveShareDropPercent}%).`,
    );
  }
  return { triggered: reasons.length > 0, negativeShareChangePercent, positiveShareChangePercent, reasons };
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

/**
 * Returns the response tier for a week-over-week change of the weighted index, in index points
 * (0.30 → 0.42 is +12), or null when the change is below every tier.
 * Rule: |change| ≥ 30 product line review; ≥ 20 replenishment plan; ≥ 10 marketing focus.
 *
 * @example
 * responseTier(-23, DEFAULT_INVENTORY_SETTINGS.alerts); // "replenishment_plan"
 */
export function responseTier(
  changePoints: number,
  settings: InventorySettings["alerts"],
): ResponseTier | null {
  const size = Math.abs(finite(changePoints));
  if (size >= settings.productLineReviewPoints) return "product_line_review";
  if (size >= settings.replenishmentPlanPoints) return "replenishment_plan";
  if (size >= settings.marketingFocusPoints) return "marketing_focus";
  return null;
}
