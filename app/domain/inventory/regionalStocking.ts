/**
 * Regional stocking: where restock should go, what to move between locations, and what to send
 * ahead where sentiment is rising before sales.
 */
import { allocateLargestRemainder } from "./largestRemainder";
import type { InventorySettings } from "./settings";

export interface LocationDemandShare {
  locationId: string;
  dailyDemandUnits: number;
  /** Regional sentiment multiplier (1 = neutral). */
  sentimentMultiplier: number;
}

/**
 * Returns a whole-unit split of a restock across locations that sums to `totalUnits`.
 * Rule: each location's share = its daily demand × its regional sentiment multiplier, normalised;
 * equal shares when no location has demand.
 *
 * @example
 * splitRestockAcrossLocations(100, [{ locationId: "a", dailyDemandUnits: 3, sentimentMultiplier: 1 },
 *   { locationId: "b", dailyDemandUnits: 1, sentimentMultiplier: 1 }]); // [{ a: 75 }, { b: 25 }]
 */
export function splitRestockAcrossLocations(
  totalUnits: number,
  locations: readonly LocationDemandShare[],
): { locationId: string; units: number }[] {
  const weights = locations.map((l) => l.dailyDemandUnits * l.sentimentMultiplier);
  const units = allocateLargestRemainder(weights, totalUnits);
  return locations.map((l, i) => ({ locationId: l.locationId, units: units[i] as number }));
}

/** One location's stock picture for transfer planning. */
export interface LocationStockPosition {
  locationId: string;
  inventoryPositionUnits: number;
  /** Units on the shelf now: only these can be transferred. */
  availableUnits: number;
  reorderPointUnits: number;
  orderUpToUnits: number;
  /** Units the location still needs after its own stock (before any transfer). */
  needUnits: number;
  /** Change of the region's weighted index over the lag, in points. */
  regionalChangePoints: number;
}

export interface TransferPlan {
  fromLocationId: string;
  toLocationId: string;
  units: number;
  reason: string;
}

/**
 * Returns transfers from locations whose region is cooling and that hold stock above their
 * order-up-to level, to locations whose region is heating and need stock.
 * Rule: heating = regional index up ≥ 10 points, cooling = down ≥ 10 points; move
 * min(need, surplus above order-up-to, units on the shelf), largest need first.
 *
 * @example
 * planTransfers([hotLocation, coldLocation], DEFAULT_INVENTORY_SETTINGS.regional);
 * // [{ fromLocationId: "cold", toLocationId: "hot", units: 12, reason: "…" }]
 */
export function planTransfers(
  locations: readonly LocationStockPosition[],
  settings: InventorySettings["regional"],
): TransferPlan[] {
  const sources = locations
    .filter((l) => l.regionalChangePoints <= -settings.coolingPoints)
    .map((l) => ({
      location: l,
      surplus: Math.floor(
        Math.max(0, Math.min(l.inventoryPositionUnits - l.orderUpToUnits, l.availableUnits)),
      ),
    }))
    .filter((s) => s.surplus > 0)
    .sort((a, b) => b.surplus - a.surplus || a.location.locationId.localeCompare(b.location.locationId));
  const sinks = locations
    .filter((l) => l.regionalChangePoints >= settings.heatingPoints && l.needUnits >= 1)
    .map((l) => ({ location: l, need: Math.ceil(l.needUnits) }))
    .sort((a, b) => b.need - a.need || a.location.locationId.localeCompare(b.location.locationId));
  const transfers: TransferPlan[] = [];
  for (const sink of sinks) {
    for (const source of sources) {
      if (sink.need <= 0) break;
      const units = Math.min(sink.need, source.surplus);
      if (units <= 0) continue;
      source.surplus -= units;
      sink.need -= units;
      transfers.push({
        fromLocationId: source.location.locationId,
        toLocationId: sink.location.locationId,
        units,
        reason: `Region of ${sink.location.locationId} is heating (${sink.location.regionalChangePoints.toFixed(1)} points) and needs stock; region of ${source.location.locationId} is cooling (${source.location.regionalChangePoints.toFixed(1)} points) and holds ${units} units above its order-up-to level.`,
      });
    }
  }
  return transfers;
}

/**
 * Returns speculative pre-positioning units for a location whose region's sentiment is rising
 * before its sales, when no regular restock is due: a fraction of the extra stock the lift implies.
 * Rule: units = ⌈25% × (sentiment-lifted order-up-to − sales-only order-up-to)⌉, only while the
 * region is heating and the location sits below the lifted level; 0 otherwise.
 *
 * @example
 * prePositionUnits({ regionalChangePoints: 14, liftedOrderUpToUnits: 180, blindOrderUpToUnits: 140,
 *   inventoryPositionUnits: 150 }, DEFAULT_INVENTORY_SETTINGS.regional); // ⌈0.25 × 40⌉ = 10
 */
export function prePositionUnits(
  location: {
    regionalChangePoints: number;
    liftedOrderUpToUnits: number;
    blindOrderUpToUnits: number;
    inventoryPositionUnits: number;
  },
  settings: InventorySettings["regional"],
): number {
  if (!(location.regionalChangePoints >= settings.heatingPoints)) return 0;
  const extra = location.liftedOrderUpToUnits - location.blindOrderUpToUnits;
  const room = location.liftedOrderUpToUnits - location.inventoryPositionUnits;
  const units = Math.ceil(Math.min(settings.prePositionFraction * extra, room) - 1e-9);
  return Number.isFinite(units) && units > 0 ? units : 0;
}
