/**
 * Small deterministic stores for the backtest tests: a few variants, two locations, daily demand
 * around a base rate, and weekly sentiment rows (pure noise unless a test says otherwise).
 */
import {
  isoDateFromDayNumber,
  dayNumberFromIsoDate,
  mergeInventorySettings,
  type SentimentWeek,
} from "~/domain/inventory";
import {
  replayDatasetFromHistory,
  type ReplayDataset,
  type DailyUnitsRow,
} from "~/domain/inventory/backtest";
import { createPrng } from "~/demo/scenario/prng";

/** Mulberry32, so every run sees the same "noise". */
export function seededRandom(seed: number): () => number {
  return createPrng(seed).next;
}

/** Poisson draw by inversion (small means only). */
export function poisson(random: () => number, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

export const FIRST_DAY = "2026-01-05"; // a Monday

export interface SyntheticOptions {
  weeks?: number;
  seed?: number;
  /** Daily demand multiplier by day index (default 1). */
  demandFactor?: (day: number, productId: string) => number;
  /** Weekly sentiment index by week (default: random noise in 0.1..0.7). */
  sentimentIndex?: (week: number, productId: string, random: () => number) => number;
  /** Weeks before this one have no sentiment (default 2). */
  sentimentFromWeek?: number;
  leadTimeDays?: number;
}

export const PRODUCTS = ["p1", "p2", "p3"] as const;

/** Returns demand rows and sentiment rows of a synthetic store. */
export function syntheticRows(options: SyntheticOptions = {}): {
  daily: DailyUnitsRow[];
  sentiment: SentimentWeek[];
} {
  const weeks = options.weeks ?? 16;
  const random = seededRandom(options.seed ?? 11);
  const first = dayNumberFromIsoDate(FIRST_DAY) as number;
  const daily: DailyUnitsRow[] = [];
  for (let day = 0; day < weeks * 7; day++) {
    for (const productId of PRODUCTS) {
      for (const [locationId, share] of [
        ["l1", 0.6],
        ["l2", 0.4],
      ] as const) {
        const mean = 6 * share * (options.demandFactor?.(day, productId) ?? 1);
        daily.push({
          variantId: `${productId}-v`,
          locationId,
          day: isoDateFromDayNumber(first + day),
          units: poisson(random, mean),
        });
      }
    }
  }
  const sentiment: SentimentWeek[] = [];
  const sentimentRandom = seededRandom((options.seed ?? 11) + 1);
  for (let week = options.sentimentFromWeek ?? 2; week < weeks; week++) {
    for (const productId of PRODUCTS) {
      const index =
        options.sentimentIndex?.(week, productId, sentimentRandom) ?? 0.1 + 0.6 * sentimentRandom();
      sentiment.push({
        productId,
        weekStart: isoDateFromDayNumber(first + 7 * week),
        weightedIndex: index,
        positiveShare: Math.min(1, Math.max(0, 0.5 + index / 2)),
        negativeShare: Math.min(1, Math.max(0, 0.25 - index / 4)),
        volume: 40,
        volatility: 0.1 * sentimentRandom(),
        kolShare: 0,
      });
    }
  }
  return { daily, sentiment };
}

/** Returns a replay dataset of the synthetic store. */
export function syntheticDataset(options: SyntheticOptions = {}): ReplayDataset {
  const weeks = options.weeks ?? 16;
  const { daily, sentiment } = syntheticRows(options);
  return replayDatasetFromHistory({
    firstDay: FIRST_DAY,
    days: weeks * 7,
    variants: PRODUCTS.map((productId) => ({ variantId: `${productId}-v`, productId, supplierId: "s1" })),
    locations: [
      { locationId: "l1", regionCode: "east" },
      { locationId: "l2", regionCode: "west" },
    ],
    dailyUnits: daily,
    sentiment,
    settings: mergeInventorySettings(),
    productTerms: new Map(
      PRODUCTS.map((p) => [p, { leadTimeDays: options.leadTimeDays ?? 7, casePackUnits: 1 }]),
    ),
    groupOfProduct: new Map([
      ["p1", { name: "led", sentimentLed: true }],
      ["p2", { name: "noise", sentimentLed: false }],
      ["p3", { name: "noise", sentimentLed: false }],
    ]),
  });
}
