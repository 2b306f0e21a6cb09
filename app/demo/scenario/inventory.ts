/**
 * Inventory levels at "today", per variant × warehouse, in Shopify's quantity states. Follows
 * Shopify's model where `on_hand` = available + committed + reserved + safety_stock (damaged and
 * quality control are always 0 here); `incoming` is open purchase orders, not on hand.
 */
import type { Prng } from "./prng";
import type { SoldUnits, StockPosition } from "./replenishment";
import type { ScenarioInventoryLevel, ScenarioLocation } from "./types";

/**
 * Returns the inventory levels at the end of the history. Units sold on the last day are still
 * waiting to be picked, so they are committed (and on hand).
 * @example
 * const levels = buildInventoryLevels({ positions, lastDaySold, locations, asOf, safetyStockVariantIds, rng });
 * levels.every((l) => l.quantities.on_hand === l.quantities.available + l.quantities.committed +
 *   l.quantities.reserved + l.quantities.safety_stock); // true
 */
export function buildInventoryLevels(input: {
  positions: StockPosition[];
  /** What each warehouse sold on the last day, indexed like `locations`. */
  lastDaySold: SoldUnits[][];
  locations: ScenarioLocation[];
  /** End of the history (local midnight of historyEnd): levels were last touched shortly before. */
  asOf: Date;
  /** Variants the merchant keeps safety stock for (the fast movers and story products). */
  safetyStockVariantIds: ReadonlySet<string>;
  rng: Prng;
}): ScenarioInventoryLevel[] {
  const { positions, lastDaySold, locations, asOf, safetyStockVariantIds, rng } = input;
  const committedByKey = new Map<string, number>();
  locations.forEach((location, locationIndex) => {
    for (const sold of lastDaySold[locationIndex] ?? []) {
      committedByKey.set(`${sold.variantId}|${location.id}`, sold.units);
    }
  });

  return positions.map((position) => {
    const committed = committedByKey.get(`${position.variantId}|${position.locationId}`) ?? 0;
    let free = position.stockUnits;
    // A few draft orders hold units for wholesale or B2B customers.
    const reserved = free >= 6 && rng.chance(0.12) ? rng.int(1, 3) : 0;
    free -= reserved;
    const safetyTarget = safetyStockVariantIds.has(position.variantId)
      ? Math.round(position.velocityUnitsPerDay * 4)
      : 0;
    // Shopify can only move units that exist into safety stock.
    const safetyStock = Math.min(free, safetyTarget);
    free -= safetyStock;
    return {
      inventoryItemId: position.inventoryItemId,
      locationId: position.locationId,
      quantities: {
        available: free,
        on_hand: position.stockUnits + committed,
        incoming: position.incomingUnits,
        committed,
        reserved,
        safety_stock: safetyStock,
      },
      updatedAt: new Date(asOf.getTime() - rng.int(30, 20 * 60) * 60_000).toISOString(),
    };
  });
}
