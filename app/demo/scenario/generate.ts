/**
 * The deterministic scenario generator: one seed and one "today" in, one simulated store out
 * (catalogue, 26 weeks of demand, sales and orders, inventory at today, 12 weeks of mentions,
 * keywords). Pure: no clock, no I/O, no Math.random; the same options give a deep-equal result.
 */
import { addDays, isoDateOf, zonedTimeToIso } from "./calendar";
import { buildCatalog } from "./catalog";
import { buildInventoryLevels } from "./inventory";
import { buildKeywords } from "./keywords";
import { buildLocations, buildShop } from "./locations";
import { buildMentions } from "./mentions";
import { buildOrders } from "./orders";
import { createPrng } from "./prng";
import { simulateSales } from "./replenishment";
import { buildStoryPlan, fitPlanToTotal, MENTION_WINDOW_WEEKS } from "./story-plan";
import type { Scenario } from "./types";

export const HISTORY_DAYS = 182; // 26 weeks
export const MENTION_WINDOW_DAYS = MENTION_WINDOW_WEEKS * 7; // 12 weeks
export const DEFAULT_SCENARIO_SEED = 20261123;
export const DEFAULT_MENTION_COUNT = 5000;
/** The "today" the demo and docs use, so screenshots and figures are reproducible. */
export const DEFAULT_SCENARIO_TODAY = "2026-11-23T00:00:00Z";

export interface GenerateScenarioOptions {
  seed?: number;
  /** The scenario's today. Its UTC calendar date is the shop's today; history ends the day before. */
  today: Date;
  /** Exact number of mentions (default 5,000). */
  mentionCount?: number;
}

/**
 * Returns the simulated store for a seed. Every timestamp lies before local midnight of
 * `historyEnd` in the shop's timezone (America/New_York), i.e. before 05:00Z of that date.
 * @example
 * const scenario = generateScenario({ seed: 7, today: new Date("2026-11-23T00:00:00Z") });
 * scenario.historyStart; // "2026-05-25"
 * scenario.mentions.length; // 5000
 */
export function generateScenario(options: GenerateScenarioOptions): Scenario {
  const seed = options.seed ?? DEFAULT_SCENARIO_SEED;
  const mentionCount = Math.max(0, Math.round(options.mentionCount ?? DEFAULT_MENTION_COUNT));
  const rng = createPrng(seed);
  const shop = buildShop();
  const locations = buildLocations();

  const historyEnd = isoDateOf(options.today);
  const historyStart = addDays(historyEnd, -HISTORY_DAYS);
  const days = Array.from({ length: HISTORY_DAYS }, (_, i) => addDays(historyStart, i));
  const windowStartDayIndex = HISTORY_DAYS - MENTION_WINDOW_DAYS;
  const windowStartDate = days[windowStartDayIndex] as string;

  const catalog = buildCatalog(historyStart);
  const plan = buildStoryPlan(rng.fork("plan"), mentionCount);
  const batches = fitPlanToTotal(plan.batches, mentionCount);

  const sales = simulateSales({
    catalog,
    locations,
    days,
    plan,
    windowStartDayIndex,
    rng: rng.fork("sales"),
  });
  const priceByVariantId = new Map(
    catalog.flatMap(({ product }) => product.variants.map((v) => [v.id, v.price] as const)),
  );
  const orders = buildOrders({
    days,
    soldByDay: sales.soldByDay,
    locations,
    priceByVariantId,
    timeZone: shop.timezone,
    rng: rng.fork("orders"),
  });

  // Safety stock is kept for the story products and the steady fast movers, not for every SKU.
  const safetyStockVariantIds = new Set(
    catalog
      .filter(({ spec }) => spec.story !== "ordinary" || spec.baseDailyUnits >= 10)
      .flatMap(({ product }) => product.variants.map((v) => v.id)),
  );
  const inventoryLevels = buildInventoryLevels({
    positions: sales.positions,
    lastDaySold: sales.soldByDay[sales.soldByDay.length - 1] ?? [],
    locations,
    asOf: new Date(zonedTimeToIso(historyEnd, 0, shop.timezone)),
    safetyStockVariantIds,
    rng: rng.fork("inventory"),
  });

  const mentions = buildMentions({
    batches,
    catalog,
    windowStartDate,
    timeZone: shop.timezone,
    shopDomain: shop.domain,
    rng: rng.fork("mentions"),
  });

  return {
    seed,
    shop,
    historyStart,
    historyEnd,
    locations,
    products: catalog.map(({ product }) => product),
    inventoryLevels,
    orders,
    dailyDemand: sales.dailyDemand,
    mentions,
    keywords: buildKeywords(catalog),
  };
}
