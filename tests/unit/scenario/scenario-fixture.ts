/**
 * The default scenario, generated once per test file, and small views over it that the
 * scenario tests share (weeks of the mention window, weekly demand per product).
 */
import { addDays, daysBetween, localDateOf } from "~/demo/scenario/calendar";
import { generateScenario } from "~/demo/scenario/generate";
import type { Scenario, ScenarioMention, ScenarioProduct } from "~/demo/scenario/types";

export const TODAY = new Date("2026-11-23T00:00:00Z");

let cached: Scenario | undefined;

/** Returns the default scenario (seed 20261123, 5,000 mentions), generated once. */
export function defaultScenario(): Scenario {
  cached ??= generateScenario({ today: TODAY });
  return cached;
}

/** Returns the product of a story whose handle starts with `handlePrefix`. */
export function productByHandle(scenario: Scenario, handlePrefix: string): ScenarioProduct {
  const product = scenario.products.find((p) => p.handle.startsWith(handlePrefix));
  if (!product) throw new Error(`No product with handle ${handlePrefix}…`);
  return product;
}

/** Returns the 0-based week of the 12-week mention window a mention falls in (shop timezone). */
export function mentionWeek(scenario: Scenario, mention: ScenarioMention): number {
  const windowStart = addDays(scenario.historyEnd, -84);
  return Math.floor(daysBetween(windowStart, localDateOf(mention.postedAt, scenario.shop.timezone)) / 7);
}

/** Returns per-week counts (12 weeks) of the mentions matching `predicate`. */
export function weeklyMentionCounts(
  scenario: Scenario,
  predicate: (m: ScenarioMention) => boolean,
): number[] {
  const counts = Array.from({ length: 12 }, () => 0);
  for (const mention of scenario.mentions) {
    if (!predicate(mention)) continue;
    const week = mentionWeek(scenario, mention);
    counts[week] = (counts[week] ?? 0) + 1;
  }
  return counts;
}

/** Returns per-week (26 weeks of history) totals of demand or sold units for the given variants. */
export function weeklyUnits(
  scenario: Scenario,
  variantIds: ReadonlySet<string>,
  field: "demandUnits" | "soldUnits",
): number[] {
  const totals = Array.from({ length: 26 }, () => 0);
  for (const row of scenario.dailyDemand) {
    if (!variantIds.has(row.variantId)) continue;
    const week = Math.floor(daysBetween(scenario.historyStart, row.date) / 7);
    totals[week] = (totals[week] ?? 0) + row[field];
  }
  return totals;
}

/** Returns the ids of all variants of the given products. */
export function variantIdsOf(...products: ScenarioProduct[]): Set<string> {
  return new Set(products.flatMap((p) => p.variants.map((v) => v.id)));
}

export const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
