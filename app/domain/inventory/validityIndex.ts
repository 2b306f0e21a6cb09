/**
 * Validity index: does sentiment move with sales, ahead of them, or on its own?
 */
import type { InventorySettings } from "./settings";

export type ValidityStatus = "over_reaction" | "in_sync" | "lagging_or_distorted" | "no_signal";

export interface ValidityAssessment {
  /** Null when sentiment did not move enough to judge (status "no_signal"). */
  validityIndexPercent: number | null;
  status: ValidityStatus;
  sentimentChangePoints: number;
  salesChangePercent: number;
}

/** Ratios are capped so "sentiment moved, sales did not" stays a finite, sortable number. */
export const VALIDITY_INDEX_CAP_PERCENT = 1000;
/** Sales moves smaller than this are read as "no change" rather than divided by. */
const FLAT_SALES_PERCENT = 1;

/**
 * Returns the validity index and its reading.
 * Rule: validity = sentiment change (index points) ÷ sales change (%) × 100%; above 120% sentiment
 * over-reacted (damp, warn), 80–120% in sync (follow), below 80% lagging or distorted (flag). Opposite
 * signs read as distorted unless sentiment moved far more than sales (|ratio| > 120%: over-reaction);
 * sentiment moving while sales stay flat reads as over-reaction (capped at 1000%).
 *
 * @example
 * assessValidity(30, 2, DEFAULT_INVENTORY_SETTINGS).status; // "over_reaction" (1500% capped to 1000%)
 * assessValidity(20, 20, DEFAULT_INVENTORY_SETTINGS).status; // "in_sync"
 */
export function assessValidity(
  sentimentChangePoints: number,
  salesChangePercent: number,
  settings: Pick<InventorySettings, "validity" | "lift">,
): ValidityAssessment {
  const sentiment = Number.isFinite(sentimentChangePoints) ? sentimentChangePoints : 0;
  const sales = Number.isFinite(salesChangePercent) ? salesChangePercent : 0;
  const base = { sentimentChangePoints: sentiment, salesChangePercent: sales };
  if (Math.abs(sentiment) < settings.lift.noiseThresholdPoints) {
    return { ...base, validityIndexPercent: null, status: "no_signal" };
  }
  const raw = Math.abs(sales) < FLAT_SALES_PERCENT ? VALIDITY_INDEX_CAP_PERCENT : (sentiment / sales) * 100;
  const percent = Math.max(-VALIDITY_INDEX_CAP_PERCENT, Math.min(VALIDITY_INDEX_CAP_PERCENT, raw));
  // Magnitude first: sentiment +40 points against sales −3% is sentiment moving on its own
  // (over-reaction), not a disagreement about direction.
  const status: ValidityStatus =
    Math.abs(percent) > settings.validity.overReactionAbovePercent
      ? "over_reaction"
      : percent >= settings.validity.inSyncFromPercent
        ? "in_sync"
        : "lagging_or_distorted";
  return { ...base, validityIndexPercent: percent, status };
}
