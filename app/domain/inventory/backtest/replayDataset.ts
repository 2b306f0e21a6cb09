/**
 * Turns a store history (the simulated store, or a shop's stored sales) into a replay dataset:
 * one demand series per variant × location, the same opening stock and lead times for both policies,
 * and the shop settings the policies plan with.
 */
import { dayNumberFromIsoDate } from "../calendar";
import type { LocationRecord, SentimentWeek, VariantRecord } from "../planningInput";
import { mergeInventorySettings, type InventorySettings, type ReplenishmentParameters } from "../settings";
import type { ReplayDataset, ReplayGroup, ReplaySeries } from "./types";

/** Units wanted (or, for a stored shop, sold) by a variant at a location on one day. */
export interface DailyUnitsRow {
  variantId: string;
  locationId: string;
  /** ISO date. */
  day: string;
  units: number;
}

export interface ReplayHistory {
  firstDay: string;
  days: number;
  variants: readonly VariantRecord[];
  locations: readonly LocationRecord[];
  /** Rows outside [firstDay, firstDay + days) or of unknown variants are ignored. */
  dailyUnits: readonly DailyUnitsRow[];
  /** Variant × location pairs stocked even without a sale (inventory records). */
  stockedPairs?: readonly { variantId: string; locationId: string }[];
  sentiment: readonly SentimentWeek[];
  /** Shop settings; product overrides below are applied over them. */
  settings?: InventorySettings;
  /** Supplier terms per product (lead time, case pack, MOQ…), as the merchant would set them. */
  productTerms?: ReadonlyMap<string, Partial<ReplenishmentParameters>>;
  groupOfProduct: ReadonlyMap<string, ReplayGroup>;
  /**
   * Opening shelf = mean daily units of the first `openingSampleDays` days × (lead time +
   * `openingExtraCoverDays`). The same for both policies: it only decides how the replay starts.
   */
  openingSampleDays?: number;
  openingExtraCoverDays?: number;
}

/**
 * Returns the dataset a replay runs on.
 * Rules: one series per variant × location with units or an inventory record; lead time per series =
 * the product's lead time (product terms, else the shop default), used both for arrivals and by the
 * policies; opening stock = mean daily units over the first 14 days × (lead time + 28 days), rounded
 * up, so the first orders (placed from day 7 on, when there is a week of history) arrive before it runs out.
 *
 * @example
 * replayDatasetFromHistory({ firstDay: "2026-05-25", days: 182, variants, locations, dailyUnits, sentiment: [],
 *   groupOfProduct }).series.length; // variants × locations with data
 */
export function replayDatasetFromHistory(history: ReplayHistory): ReplayDataset {
  const firstDayNumber = dayNumberFromIsoDate(history.firstDay);
  if (firstDayNumber === null)
    throw new RangeError(`replayDatasetFromHistory: ${history.firstDay} is not a date`);
  const days = Math.max(0, Math.floor(history.days));
  const base = history.settings ?? mergeInventorySettings();
  const products: Record<string, Partial<ReplenishmentParameters>> = { ...base.products };
  for (const [productId, terms] of history.productTerms ?? []) {
    products[productId] = { ...products[productId], ...terms };
  }
  const settings: InventorySettings = { ...base, products };
  const productOf = new Map(history.variants.map((v) => [v.variantId, v.productId]));

  const demandByKey = new Map<string, Float64Array>();
  const pairOrder: [string, string][] = [];
  const seriesFor = (variantId: string, locationId: string): Float64Array => {
    const key = `${variantId}\u0000${locationId}`;
    let demand = demandByKey.get(key);
    if (!demand) {
      demand = new Float64Array(days);
      demandByKey.set(key, demand);
      pairOrder.push([variantId, locationId]);
    }
    return demand;
  };
  const knownLocations = new Set(history.locations.map((l) => l.locationId));
  for (const pair of history.stockedPairs ?? []) {
    if (productOf.has(pair.variantId) && knownLocations.has(pair.locationId)) {
      seriesFor(pair.variantId, pair.locationId);
    }
  }
  for (const row of history.dailyUnits) {
    if (!productOf.has(row.variantId) || !knownLocations.has(row.locationId)) continue;
    const day = dayNumberFromIsoDate(row.day);
    if (day === null) continue;
    const index = day - firstDayNumber;
    if (index < 0 || index >= days) continue;
    const units = Number.isFinite(row.units) && row.units > 0 ? row.units : 0;
    const demand = seriesFor(row.variantId, row.locationId);
    demand[index] = (demand[index] as number) + units;
  }

  const sampleDays = Math.max(1, Math.min(days, history.openingSampleDays ?? 14));
  const extraCover = Math.max(0, history.openingExtraCoverDays ?? 28);
  const series: ReplaySeries[] = pairOrder.map(([variantId, locationId]) => {
    const productId = productOf.get(variantId) as string;
    const demand = demandByKey.get(`${variantId}\u0000${locationId}`) as Float64Array;
    const leadTimeDays = products[productId]?.leadTimeDays ?? settings.shopDefaults.leadTimeDays;
    let sample = 0;
    for (let d = 0; d < sampleDays; d++) sample += demand[d] as number;
    return {
      variantId,
      productId,
      locationId,
      leadTimeDays,
      demandUnits: demand,
      openingStockUnits: Math.ceil((sample / sampleDays) * (leadTimeDays + extraCover)),
    };
  });
  return {
    firstDay: history.firstDay,
    days,
    variants: history.variants,
    locations: history.locations,
    series,
    sentiment: history.sentiment,
    settings,
    groupOfProduct: history.groupOfProduct,
  };
}
