/**
 * Orders of the simulated store, packed from the units each warehouse sold each day: 1–3 line
 * items per order, timestamps following an online shop's daily rhythm in the shop's timezone,
 * and a few orders cancelled before fulfilment (those never took stock, so they are extra to the
 * day's sold units and `soldUnits` always equals the non-cancelled order lines).
 */
import { zonedTimeToIso } from "./calendar";
import { COUNTRY_MIX_BY_REGION, type RegionKey } from "./locations";
import type { Prng } from "./prng";
import type { SoldUnits } from "./replenishment";
import type { ScenarioLocation, ScenarioOrder, ScenarioOrderLine } from "./types";

/** Relative order volume by local hour: quiet nights, a lunch bump and an evening peak. */
const HOUR_WEIGHTS = [
  0.3, 0.2, 0.15, 0.1, 0.1, 0.15, 0.3, 0.6, 0.9, 1.0, 1.1, 1.2, 1.4, 1.3, 1.1, 1.0, 1.0, 1.1, 1.3, 1.5, 1.6,
  1.4, 1.0, 0.6,
];
const HOURS = HOUR_WEIGHTS.map((weight, hour) => ({ hour, weight }));
const LINE_COUNT_WEIGHTS = [
  { lines: 1, weight: 0.62 },
  { lines: 2, weight: 0.28 },
  { lines: 3, weight: 0.1 },
];
const CANCELLED_ORDER_RATE = 0.012;
export const FIRST_ORDER_NUMBER = 1001;

interface DraftOrder {
  createdAt: string;
  cancelledAt: string | null;
  locationId: string;
  shippingCountryCode: string;
  lineItems: ScenarioOrderLine[];
}

/**
 * Returns the store's orders, oldest first, numbered #1001 upwards with matching GIDs.
 * @example
 * const orders = buildOrders({ days, soldByDay, locations, priceByVariantId, timeZone: "America/New_York", rng });
 * orders[0]?.name; // "#1001"
 */
export function buildOrders(input: {
  days: string[];
  soldByDay: SoldUnits[][][];
  locations: ScenarioLocation[];
  priceByVariantId: ReadonlyMap<string, string>;
  timeZone: string;
  rng: Prng;
}): ScenarioOrder[] {
  const { days, soldByDay, locations, priceByVariantId, timeZone, rng } = input;
  const drafts: DraftOrder[] = [];
  const localInstant = (date: string) => {
    const { hour } = rng.pickWeighted(HOURS, (h) => h.weight);
    return zonedTimeToIso(date, hour * 3600 + rng.int(0, 3599), timeZone);
  };
  const countryFor = (location: ScenarioLocation) =>
    rng.pickWeighted(COUNTRY_MIX_BY_REGION[location.region as RegionKey] ?? [], (c) => c.weight).countryCode;
  const line = (variantId: string, quantity: number): ScenarioOrderLine => ({
    variantId,
    quantity,
    unitPrice: priceByVariantId.get(variantId) ?? "0.00",
  });

  days.forEach((date, dayIndex) => {
    locations.forEach((location, locationIndex) => {
      const pool = (soldByDay[dayIndex]?.[locationIndex] ?? []).map((sold) => ({ ...sold }));
      let remaining = pool.reduce((sum, sold) => sum + sold.units, 0);
      let ordersToday = 0;
      while (remaining > 0) {
        const { lines } = rng.pickWeighted(LINE_COUNT_WEIGHTS, (l) => l.weight);
        const lineItems: ScenarioOrderLine[] = [];
        for (let i = 0; i < lines; i += 1) {
          const candidates = pool.filter(
            (sold) => sold.units > 0 && !lineItems.some((item) => item.variantId === sold.variantId),
          );
          if (candidates.length === 0) break;
          const chosen = rng.pickWeighted(candidates, (sold) => sold.units);
          let quantity = 1;
          if (chosen.units >= 2 && rng.chance(0.12)) quantity = chosen.units >= 3 && rng.chance(0.25) ? 3 : 2;
          chosen.units -= quantity;
          remaining -= quantity;
          lineItems.push(line(chosen.variantId, quantity));
        }
        drafts.push({
          createdAt: localInstant(date),
          cancelledAt: null,
          locationId: location.id,
          shippingCountryCode: countryFor(location),
          lineItems,
        });
        ordersToday += 1;
      }

      const sold = soldByDay[dayIndex]?.[locationIndex] ?? [];
      const cancelledCount = sold.length === 0 ? 0 : rng.poisson(ordersToday * CANCELLED_ORDER_RATE);
      for (let i = 0; i < cancelledCount; i += 1) {
        const variants = rng.shuffle(sold.map((s) => s.variantId)).slice(0, rng.chance(0.75) ? 1 : 2);
        const createdAt = localInstant(date);
        drafts.push({
          createdAt,
          // Cancelled within hours, before the warehouse picked it.
          cancelledAt: new Date(Date.parse(createdAt) + rng.int(20, 300) * 60_000).toISOString(),
          locationId: location.id,
          shippingCountryCode: countryFor(location),
          lineItems: variants.map((variantId) => line(variantId, 1)),
        });
      }
    });
  });

  // Stable chronological order, then numbering, as Shopify numbers orders by creation.
  const ordered = drafts.map((draft, index) => ({ draft, index }));
  ordered.sort((a, b) =>
    a.draft.createdAt < b.draft.createdAt
      ? -1
      : a.draft.createdAt > b.draft.createdAt
        ? 1
        : a.index - b.index,
  );
  return ordered.map(({ draft }, index) => {
    const number = FIRST_ORDER_NUMBER + index;
    return {
      id: `gid://shopify/Order/${number}`,
      name: `#${number}`,
      createdAt: draft.createdAt,
      processedAt: draft.createdAt,
      cancelledAt: draft.cancelledAt,
      locationId: draft.locationId,
      shippingCountryCode: draft.shippingCountryCode,
      lineItems: draft.lineItems,
    };
  });
}
