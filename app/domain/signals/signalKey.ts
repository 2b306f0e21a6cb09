import type { IsoWeek } from "./isoWeek";

/** "all" in the platform or region position means the row sums every platform or region. */
export const ALL = "all";

/** The dimensions of one weekly signal row. variantId null: the product as a whole (all variants). */
export interface SignalDimensions {
  shopId: string;
  /** null: mentions not matched to a product (brand-level). */
  productId: string | null;
  variantId: string | null;
  platform: string;
  region: string;
}

// Unit Separator: cannot appear in Shopify GIDs, platform names or ISO codes.
const SEPARATOR = "\u001f";

/**
 * Returns the key of a series (one row per week) for the given dimensions.
 *
 * @example
 * seriesKey({ shopId: "s", productId: "p", variantId: null, platform: "all", region: "US" }); // "s\u001fp\u001f\u001fall\u001fUS"
 */
export function seriesKey(dimensions: SignalDimensions): string {
  const { shopId, productId, variantId, platform, region } = dimensions;
  return `${shopId}${SEPARATOR}${productId ?? ""}${SEPARATOR}${variantId ?? ""}${SEPARATOR}${platform}${SEPARATOR}${region}`;
}

/**
 * Returns the key of one weekly row: its series key plus the ISO week.
 *
 * @example
 * signalKey("s\u001fp\u001f\u001fall\u001fall", "2026-W47"); // "s\u001fp\u001f\u001fall\u001fall\u001f2026-W47"
 */
export function signalKey(series: string, week: IsoWeek): string {
  return `${series}${SEPARATOR}${week}`;
}

/**
 * Splits a row key back into its series key and week.
 *
 * @example
 * splitSignalKey("s\u001fp\u001f\u001fall\u001fall\u001f2026-W47"); // { seriesKey: "s\u001fp\u001f\u001fall\u001fall", isoWeek: "2026-W47" }
 */
export function splitSignalKey(key: string): { seriesKey: string; isoWeek: IsoWeek } {
  const cut = key.lastIndexOf(SEPARATOR);
  return { seriesKey: key.slice(0, cut), isoWeek: key.slice(cut + 1) as IsoWeek };
}
