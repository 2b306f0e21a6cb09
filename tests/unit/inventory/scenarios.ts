/**
 * Deterministic synthetic shop histories for the inventory tests: a product whose sentiment led its
 * sales in the past, and one whose influencer-driven spikes never moved sales.
 */
import type { PlanningInput, SalesHistory, SentimentWeek } from "~/domain/inventory";
import { createPrng } from "~/demo/scenario/prng";

/** Mulberry32: a tiny seeded PRNG, so every run sees the same "noise". */
export function seededRandom(seed: number): () => number {
  return createPrng(seed).next;
}

export const NOW = new Date("2025-06-30T06:00:00Z");
/** 26 full weeks ending the day before NOW (a Monday). */
export const FIRST_DAY = "2024-12-30";
export const WEEKS = 26;

export function weekStart(week: number): string {
  const d = new Date(Date.UTC(2024, 11, 30 + 7 * week));
  return d.toISOString().slice(0, 10);
}

interface ProductScenario {
  productId: string;
  variantId: string;
  locationId: string;
  /** Sentiment index per week. */
  index: number[];
  /** Demand multiplier per week. */
  demandFactor: number[];
  kolShare?: number[];
  volatility?: number[];
  baseDailyUnits?: number;
  seed?: number;
}

export function salesFor(s: ProductScenario): SalesHistory {
  const random = seededRandom(s.seed ?? 7);
  const units: number[] = [];
  const base = s.baseDailyUnits ?? 10;
  for (let day = 0; day < WEEKS * 7; day++) {
    const week = Math.floor(day / 7);
    const weekday = 1 + 0.2 * Math.sin((2 * Math.PI * (day % 7)) / 7);
    const mean = base * weekday * (s.demandFactor[week] ?? 1);
    units.push(Math.max(0, Math.round(mean + (random() - 0.5) * 2 * Math.sqrt(mean))));
  }
  return {
    variantId: s.variantId,
    locationId: s.locationId,
    firstDay: FIRST_DAY,
    unitsSold: units,
    inStock: units.map(() => true),
  };
}

export function sentimentFor(s: ProductScenario): SentimentWeek[] {
  return s.index.map((weightedIndex, week) => ({
    productId: s.productId,
    weekStart: weekStart(week),
    weightedIndex,
    negativeShare: 0.1,
    positiveShare: 0.5,
    volume: 100,
    volatility: s.volatility?.[week] ?? 0.03,
    kolShare: s.kolShare?.[week] ?? 0,
  }));
}

/** Sentiment rose at weeks 5 and 13 (+20 points for 4 weeks) and sales followed two weeks later (+25%); it rose again in the last week. */
export function ledProduct(productId = "led"): ProductScenario {
  const index = Array.from({ length: WEEKS }, () => 0.2);
  const demandFactor = Array.from({ length: WEEKS }, () => 1);
  for (const e of [5, 13]) {
    for (let w = e; w < e + 4; w++) index[w] = 0.4;
    for (let w = e + 2; w < e + 6; w++) demandFactor[w] = 1.25;
  }
  index[WEEKS - 1] = 0.4;
  return { productId, variantId: `${productId}-v`, locationId: "loc-1", index, demandFactor, seed: 11 };
}

/** One-week influencer spikes (+40 points, 80% KOL volume) that never moved sales, and a new one last week. */
export function kolProduct(productId = "kol", spikeWeeks = [4, 10, 16, 21], seed = 23): ProductScenario {
  const index = Array.from({ length: WEEKS }, () => 0.1);
  const kolShare = Array.from({ length: WEEKS }, () => 0.05);
  const volatility = Array.from({ length: WEEKS }, () => 0.03);
  for (const w of [...spikeWeeks, WEEKS - 1]) {
    index[w] = 0.5;
    kolShare[w] = 0.8;
    volatility[w] = 0.25;
  }
  return {
    productId,
    variantId: `${productId}-v`,
    locationId: "loc-1",
    index,
    demandFactor: index.map(() => 1),
    kolShare,
    volatility,
    seed,
  };
}

/** A planning input holding the given products, each one variant at one location with the given stock. */
export function planningInputFor(
  products: ProductScenario[],
  availableUnits: Record<string, number>,
): PlanningInput {
  return {
    variants: products.map((p) => ({
      variantId: p.variantId,
      productId: p.productId,
      supplierId: "sup-1",
      sku: `SKU-${p.productId}`,
    })),
    locations: [{ locationId: "loc-1", regionCode: "US" }],
    inventory: products.map((p) => ({
      variantId: p.variantId,
      locationId: p.locationId,
      availableUnits: availableUnits[p.productId] ?? 0,
      incomingUnits: 0,
      safetyStockUnits: null,
    })),
    sales: products.map(salesFor),
    sentiment: products.flatMap(sentimentFor),
    pastDecisions: [],
  };
}
