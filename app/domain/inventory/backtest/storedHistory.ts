/**
 * A stored shop's history as a replay history: recorded daily sales stand in for demand (a floor on
 * days the shelf ran empty, which the database does not record), stocked pairs come from inventory
 * levels, sentiment weeks from its scored mentions, one group per product.
 */
import type { ScoredMention, SignalSettings } from "~/domain/signals";
import { dayNumberFromIsoDate, isoDateFromDayNumber } from "../calendar";
import type { IssueAspect, LocationRecord, VariantRecord } from "../planningInput";
import type { InventorySettings } from "../settings";
import { sentimentWeeksFromMentions } from "./mentionSentimentWeeks";
import type { DailyUnitsRow, ReplayHistory } from "./replayDataset";
import type { ReplayGroup } from "./types";

export interface StoredShopRows {
  timeZone: string;
  variants: readonly VariantRecord[];
  locations: readonly LocationRecord[];
  productTitles: ReadonlyMap<string, string>;
  sales: readonly DailyUnitsRow[];
  stockedPairs: readonly { variantId: string; locationId: string }[];
  settings: InventorySettings;
}

/**
 * Returns the replay history of a stored shop over its recorded sales days, or null without sales.
 * Groups are products (stored shops carry no story); none is marked sentiment-led.
 *
 * @example
 * replayHistoryFromStore(rows, scored)?.days; // days from the first to the last recorded sale
 */
export function replayHistoryFromStore(
  rows: StoredShopRows,
  scored: readonly ScoredMention[],
  options: {
    signalSettings?: Partial<SignalSettings>;
    issueAspectOf?: (aspect: string) => IssueAspect | null;
  } = {},
): ReplayHistory | null {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const row of rows.sales) {
    const day = dayNumberFromIsoDate(row.day);
    if (day === null) continue;
    first = Math.min(first, day);
    last = Math.max(last, day);
  }
  if (!Number.isFinite(first)) return null;
  const groupOfProduct = new Map<string, ReplayGroup>();
  for (const v of rows.variants) {
    groupOfProduct.set(v.productId, {
      name: rows.productTitles.get(v.productId) ?? v.productId,
      sentimentLed: false,
    });
  }
  return {
    firstDay: isoDateFromDayNumber(first),
    days: last - first + 1,
    variants: rows.variants,
    locations: rows.locations,
    dailyUnits: rows.sales,
    stockedPairs: rows.stockedPairs,
    sentiment: sentimentWeeksFromMentions(scored, {
      signalSettings: { timeZone: rows.timeZone, ...options.signalSettings },
      ...(options.issueAspectOf ? { issueAspectOf: options.issueAspectOf } : {}),
    }),
    settings: rows.settings,
    groupOfProduct,
  };
}
