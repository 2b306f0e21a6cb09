/**
 * Day-by-day stock simulation of the store's history: customers want units (demand.ts), the
 * warehouse sells what it has, and the merchant reorders weekly from trailing sales with a
 * supplier lead time and case packs. This naive, sales-only policy is what a store without Pulse
 * does, so it runs out when demand climbs (jewelry) and sits on slow colours (sunglasses).
 */
import { dayOfWeek } from "./calendar";
import type { CatalogEntry } from "./catalog";
import { expectedDemandUnits } from "./demand";
import type { RegionKey } from "./locations";
import type { Prng } from "./prng";
import type { StoryPlan } from "./story-plan";
import type { ScenarioDailyDemand, ScenarioLocation } from "./types";

/** Units of one variant sold at one warehouse on one day. */
export interface SoldUnits {
  variantId: string;
  units: number;
}

/** Where one variant stands at one warehouse at the end of the history. */
export interface StockPosition {
  variantId: string;
  inventoryItemId: string;
  locationId: string;
  stockUnits: number;
  incomingUnits: number;
  /** Trailing 28-day average units sold per day. */
  velocityUnitsPerDay: number;
}

export interface SalesSimulation {
  dailyDemand: ScenarioDailyDemand[];
  /** soldByDay[dayIndex][locationIndex] lists what each warehouse sold that day. */
  soldByDay: SoldUnits[][][];
  positions: StockPosition[];
}

interface PurchaseOrder {
  arrivalDayIndex: number;
  units: number;
}

interface SeriesState {
  entry: CatalogEntry;
  variantIndex: number;
  location: ScenarioLocation;
  locationIndex: number;
  stockUnits: number;
  purchaseOrders: PurchaseOrder[];
  soldHistory: number[];
  plannedDailyUnits: number;
  leadTimeDays: number;
}

const REVIEW_WEEKDAY = 1; // Monday: the merchant places purchase orders once a week
const VELOCITY_WINDOW_DAYS = 28;
const TARGET_COVER_DAYS = 28;
const SAFETY_COVER_DAYS = 7;

/**
 * Returns the simulated daily demand, sales and end-of-history stock for every variant at every
 * warehouse.
 * @example
 * const sim = simulateSales({ catalog, locations, days, plan, windowStartDayIndex: 98, rng });
 * sim.dailyDemand.every((d) => d.soldUnits <= d.demandUnits); // true
 */
export function simulateSales(input: {
  catalog: CatalogEntry[];
  locations: ScenarioLocation[];
  /** Calendar dates of the history, oldest first. */
  days: string[];
  plan: StoryPlan;
  windowStartDayIndex: number;
  rng: Prng;
}): SalesSimulation {
  const { catalog, locations, days, plan, windowStartDayIndex, rng } = input;
  const series: SeriesState[] = [];
  for (const entry of catalog) {
    const { spec } = entry;
    spec.variants.forEach((variant, variantIndex) => {
      locations.forEach((location, locationIndex) => {
        const region = location.region as RegionKey;
        const plannedDailyUnits = spec.baseDailyUnits * variant.demandShare * spec.regionWeights[region];
        // The buyer planned the sunglasses' colours alike and bet big on the two new colours
        // (openingCoverDays), which customers then ignored: they never sell through.
        const openingPlanUnits =
          spec.story === "eco-sunglasses"
            ? (spec.baseDailyUnits * spec.regionWeights[region]) / spec.variants.length
            : plannedDailyUnits;
        series.push({
          entry,
          variantIndex,
          location,
          locationIndex,
          stockUnits: Math.max(
            spec.casePackUnits,
            Math.round(openingPlanUnits * (variant.openingCoverDays ?? 35) * rng.between(0.8, 1.4)),
          ),
          purchaseOrders: [],
          soldHistory: [],
          plannedDailyUnits,
          leadTimeDays: spec.leadTimeDays + (region === "eu" ? 7 : 0),
        });
      });
    });
  }

  const dailyDemand: ScenarioDailyDemand[] = [];
  const soldByDay: SoldUnits[][][] = [];
  for (let dayIndex = 0; dayIndex < days.length; dayIndex += 1) {
    const date = days[dayIndex] as string;
    const weekday = dayOfWeek(date);
    // One shock per product and day, shared by its variants and warehouses (a good or slow day).
    const shockByProduct = new Map<string, number>();
    for (const entry of catalog) shockByProduct.set(entry.spec.key, Math.exp(rng.normal(0, 0.12) - 0.0072));
    const soldToday: SoldUnits[][] = locations.map(() => []);

    for (const state of series) {
      const { entry, variantIndex, location } = state;
      const variant = entry.spec.variants[variantIndex];
      const scenarioVariant = entry.product.variants[variantIndex];
      if (!variant || !scenarioVariant) continue;

      state.stockUnits += receiveArrivals(state, dayIndex);

      if (weekday === REVIEW_WEEKDAY) reorder(state, dayIndex, orderingVelocity(state, series), rng);

      const expected =
        expectedDemandUnits({
          spec: entry.spec,
          variant,
          region: location.region as RegionKey,
          dayIndex,
          dayOfWeek: weekday,
          historyDays: days.length,
          driver: plan.drivers[entry.spec.key],
          windowStartDayIndex,
        }) * (shockByProduct.get(entry.spec.key) ?? 1);
      const demandUnits = rng.poisson(expected);
      const openingStock = state.stockUnits;
      const soldUnits = Math.min(demandUnits, openingStock);
      state.stockUnits -= soldUnits;
      state.soldHistory.push(soldUnits);
      if (soldUnits > 0)
        soldToday[state.locationIndex]?.push({ variantId: scenarioVariant.id, units: soldUnits });
      dailyDemand.push({
        date,
        variantId: scenarioVariant.id,
        locationId: location.id,
        demandUnits,
        soldUnits,
        // In stock = the shelf was not empty when the day opened; a sell-out during the day
        // still shows as demandUnits > soldUnits.
        inStock: openingStock > 0,
      });
    }
    soldByDay.push(soldToday);
  }

  const lastDayIndex = days.length - 1;
  const positions: StockPosition[] = series.map((state) => {
    const variant = state.entry.product.variants[state.variantIndex];
    return {
      variantId: variant?.id ?? "",
      inventoryItemId: variant?.inventoryItemId ?? "",
      locationId: state.location.id,
      stockUnits: state.stockUnits,
      incomingUnits: state.purchaseOrders
        .filter((order) => order.arrivalDayIndex > lastDayIndex)
        .reduce((sum, order) => sum + order.units, 0),
      velocityUnitsPerDay: trailingVelocity(state),
    };
  });
  return { dailyDemand, soldByDay, positions };
}

function receiveArrivals(state: SeriesState, dayIndex: number): number {
  let received = 0;
  for (const order of state.purchaseOrders) {
    if (order.arrivalDayIndex === dayIndex) received += order.units;
  }
  return received;
}

function trailingVelocity(state: SeriesState): number {
  const history = state.soldHistory;
  // Before four weeks of history exist, the merchant trusts the launch plan.
  if (history.length < VELOCITY_WINDOW_DAYS) return state.plannedDailyUnits;
  const window = history.slice(-VELOCITY_WINDOW_DAYS);
  return window.reduce((a, b) => a + b, 0) / VELOCITY_WINDOW_DAYS;
}

/**
 * The sales rate the merchant orders against. For the eco sunglasses the merchant reorders the
 * style and splits it evenly across the five colours (a common habit the variant-mix rebalancing
 * exists to fix): the loved colours run short and the ignored ones pile up.
 */
function orderingVelocity(state: SeriesState, series: readonly SeriesState[]): number {
  if (state.entry.spec.story !== "eco-sunglasses") return trailingVelocity(state);
  const siblings = series.filter((s) => s.entry === state.entry && s.locationIndex === state.locationIndex);
  return siblings.reduce((sum, s) => sum + trailingVelocity(s), 0) / siblings.length;
}

/** Weekly order-up-to policy on trailing sales: blind to sentiment, the baseline Pulse must beat. */
function reorder(state: SeriesState, dayIndex: number, velocity: number, rng: Prng): void {
  const onOrder = state.purchaseOrders
    .filter((order) => order.arrivalDayIndex > dayIndex)
    .reduce((sum, order) => sum + order.units, 0);
  const position = state.stockUnits + onOrder;
  const reorderPoint = velocity * (state.leadTimeDays + 7 + SAFETY_COVER_DAYS);
  if (position > reorderPoint || velocity <= 0) return;
  const casePack = state.entry.spec.casePackUnits;
  const wanted = velocity * (state.leadTimeDays + 7 + TARGET_COVER_DAYS) - position;
  const units = Math.max(casePack, Math.ceil(wanted / casePack) * casePack);
  // Suppliers are usually a little late and now and then very late (a missed sailing).
  const delayDays = rng.chance(0.08) ? rng.int(7, 14) : rng.int(-2, 5);
  state.purchaseOrders.push({
    arrivalDayIndex: dayIndex + Math.max(3, state.leadTimeDays + delayDays),
    units,
  });
}
