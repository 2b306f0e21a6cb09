/**
 * Counts that describe a generated store (per story, platform, language…), for the docs, the
 * CLI and a quick sanity check of the demo data.
 */
import { addDays } from "./calendar";
import type { MentionPlatform, Scenario, ScenarioProduct } from "./types";

type Story = ScenarioProduct["story"];

export interface StorySummary {
  products: number;
  variants: number;
  unitsSold: number;
  lostUnits: number;
  mentions: number;
  /** Share of the story's mentions written with a positive stance (ground truth). */
  positiveShare: number;
}

export interface ScenarioSummary {
  seed: number;
  shopDomain: string;
  historyStart: string;
  historyEnd: string;
  locations: number;
  products: number;
  variants: number;
  orders: { total: number; cancelled: number; lineItems: number; unitsSold: number; revenue: number };
  dailyDemand: {
    rows: number;
    demandUnits: number;
    soldUnits: number;
    lostUnits: number;
    outOfStockDays: number;
  };
  inventory: {
    levels: number;
    lowStock: number;
    overstocked: number;
    incomingUnits: number;
    safetyStockUnits: number;
  };
  mentions: {
    total: number;
    byPlatform: Record<MentionPlatform, number>;
    byLanguage: Record<"en" | "zh", number>;
    byAuthorKind: Record<"customer" | "creator" | "bot", number>;
    byStance: Record<"positive" | "neutral" | "negative" | "untagged", number>;
    aboutVariant: number;
    industry: number;
    featureRequests: Record<string, number>;
  };
  stories: Record<Story, StorySummary>;
  keywords: Record<"product" | "competitor" | "industry", number>;
}

const LOW_STOCK_COVER_DAYS = 7;
const OVERSTOCK_COVER_DAYS = 56; // 8 weeks, the backtest's overstock line

/**
 * Returns counts describing the scenario. Low stock = under a week of cover at the last 28
 * days' sales rate; overstocked = more than 8 weeks of cover on hand.
 * @example
 * summarizeScenario(generateScenario({ today: new Date("2026-11-23T00:00:00Z") })).mentions.total; // 5000
 */
export function summarizeScenario(scenario: Scenario): ScenarioSummary {
  const storyOfProduct = new Map<string, Story>();
  const storyOfVariant = new Map<string, Story>();
  const stories = {} as Record<Story, StorySummary>;
  for (const product of scenario.products) {
    storyOfProduct.set(product.id, product.story);
    const story = (stories[product.story] ??= {
      products: 0,
      variants: 0,
      unitsSold: 0,
      lostUnits: 0,
      mentions: 0,
      positiveShare: 0,
    });
    story.products += 1;
    story.variants += product.variants.length;
    for (const variant of product.variants) storyOfVariant.set(variant.id, product.story);
  }

  let lineItems = 0;
  let unitsSold = 0;
  let revenue = 0;
  let cancelled = 0;
  for (const order of scenario.orders) {
    if (order.cancelledAt !== null) {
      cancelled += 1;
      continue;
    }
    for (const line of order.lineItems) {
      lineItems += 1;
      unitsSold += line.quantity;
      revenue += line.quantity * Number(line.unitPrice);
    }
  }

  let demandUnits = 0;
  let soldUnits = 0;
  let outOfStockDays = 0;
  const recentSoldByItemAndLocation = new Map<string, number>();
  const inventoryItemOfVariant = new Map(
    scenario.products.flatMap((p) => p.variants.map((v) => [v.id, v.inventoryItemId] as const)),
  );
  const recentFrom = addDays(scenario.historyEnd, -28);
  for (const row of scenario.dailyDemand) {
    demandUnits += row.demandUnits;
    soldUnits += row.soldUnits;
    if (!row.inStock) outOfStockDays += 1;
    const story = storyOfVariant.get(row.variantId);
    if (story) {
      stories[story].unitsSold += row.soldUnits;
      stories[story].lostUnits += row.demandUnits - row.soldUnits;
    }
    if (row.date >= recentFrom) {
      const key = `${inventoryItemOfVariant.get(row.variantId)}|${row.locationId}`;
      recentSoldByItemAndLocation.set(key, (recentSoldByItemAndLocation.get(key) ?? 0) + row.soldUnits);
    }
  }

  let lowStock = 0;
  let overstocked = 0;
  let incomingUnits = 0;
  let safetyStockUnits = 0;
  for (const level of scenario.inventoryLevels) {
    const perDay =
      (recentSoldByItemAndLocation.get(`${level.inventoryItemId}|${level.locationId}`) ?? 0) / 28;
    if (level.quantities.available < perDay * LOW_STOCK_COVER_DAYS) lowStock += 1;
    if (level.quantities.on_hand > Math.max(perDay * OVERSTOCK_COVER_DAYS, 10)) overstocked += 1;
    incomingUnits += level.quantities.incoming;
    safetyStockUnits += level.quantities.safety_stock;
  }

  const byPlatform: Record<MentionPlatform, number> = {
    instagram: 0,
    tiktok: 0,
    reddit: 0,
    youtube: 0,
    judgeme: 0,
    shop_reviews: 0,
  };
  const byLanguage = { en: 0, zh: 0 };
  const byAuthorKind = { customer: 0, creator: 0, bot: 0 };
  const byStance = { positive: 0, neutral: 0, negative: 0, untagged: 0 };
  const featureRequests: Record<string, number> = {};
  const positiveByStory = new Map<Story, number>();
  let aboutVariant = 0;
  let industry = 0;
  for (const mention of scenario.mentions) {
    byPlatform[mention.platform] += 1;
    byLanguage[mention.language] += 1;
    byAuthorKind[mention.authorKind] += 1;
    byStance[mention.intendedStance ?? "untagged"] += 1;
    if (mention.variantId !== null) aboutVariant += 1;
    for (const request of mention.featureRequests ?? [])
      featureRequests[request] = (featureRequests[request] ?? 0) + 1;
    const story = mention.productId === null ? undefined : storyOfProduct.get(mention.productId);
    if (!story) {
      industry += 1;
      continue;
    }
    stories[story].mentions += 1;
    if (mention.intendedStance === "positive")
      positiveByStory.set(story, (positiveByStory.get(story) ?? 0) + 1);
  }
  for (const [story, summary] of Object.entries(stories) as [Story, StorySummary][]) {
    summary.positiveShare =
      summary.mentions === 0 ? 0 : round((positiveByStory.get(story) ?? 0) / summary.mentions, 3);
  }

  const keywords = { product: 0, competitor: 0, industry: 0 };
  for (const keyword of scenario.keywords) keywords[keyword.kind] += 1;

  return {
    seed: scenario.seed,
    shopDomain: scenario.shop.domain,
    historyStart: scenario.historyStart,
    historyEnd: scenario.historyEnd,
    locations: scenario.locations.length,
    products: scenario.products.length,
    variants: scenario.products.reduce((sum, p) => sum + p.variants.length, 0),
    orders: { total: scenario.orders.length, cancelled, lineItems, unitsSold, revenue: round(revenue, 2) },
    dailyDemand: {
      rows: scenario.dailyDemand.length,
      demandUnits,
      soldUnits,
      lostUnits: demandUnits - soldUnits,
      outOfStockDays,
    },
    inventory: {
      levels: scenario.inventoryLevels.length,
      lowStock,
      overstocked,
      incomingUnits,
      safetyStockUnits,
    },
    mentions: {
      total: scenario.mentions.length,
      byPlatform,
      byLanguage,
      byAuthorKind,
      byStance,
      aboutVariant,
      industry,
      featureRequests,
    },
    stories,
    keywords,
  };
}

/**
 * Returns the summary as aligned plain-text lines for a terminal.
 * @example
 * console.log(formatScenarioSummary(summarizeScenario(scenario)));
 */
export function formatScenarioSummary(summary: ScenarioSummary): string {
  const n = (value: number) => value.toLocaleString("en-US");
  const pairs = (record: Record<string, number>) =>
    Object.entries(record)
      .map(([key, value]) => `${key} ${n(value)}`)
      .join(", ");
  const lines = [
    `Scenario seed ${summary.seed} · ${summary.shopDomain} · history ${summary.historyStart} → ${summary.historyEnd} (exclusive)`,
    `Catalogue: ${summary.products} products, ${summary.variants} variants, ${summary.locations} locations`,
    `Orders: ${n(summary.orders.total)} (${n(summary.orders.cancelled)} cancelled), ${n(summary.orders.lineItems)} line items, ${n(summary.orders.unitsSold)} units, $${n(summary.orders.revenue)}`,
    `Daily demand: ${n(summary.dailyDemand.rows)} rows, demand ${n(summary.dailyDemand.demandUnits)} units, sold ${n(summary.dailyDemand.soldUnits)}, lost ${n(summary.dailyDemand.lostUnits)}, out-of-stock days ${n(summary.dailyDemand.outOfStockDays)}`,
    `Inventory: ${summary.inventory.levels} levels, ${summary.inventory.lowStock} low (< 1 week cover), ${summary.inventory.overstocked} overstocked (> 8 weeks), incoming ${n(summary.inventory.incomingUnits)} units, safety stock ${n(summary.inventory.safetyStockUnits)} units`,
    `Mentions: ${n(summary.mentions.total)} · ${pairs(summary.mentions.byPlatform)}`,
    `  language: ${pairs(summary.mentions.byLanguage)} · authors: ${pairs(summary.mentions.byAuthorKind)}`,
    `  stance: ${pairs(summary.mentions.byStance)} · about a variant ${n(summary.mentions.aboutVariant)} · industry ${n(summary.mentions.industry)}`,
    `  feature requests: ${pairs(summary.mentions.featureRequests)}`,
    `Keywords: ${pairs(summary.keywords)}`,
    "Stories:",
    ...Object.entries(summary.stories).map(
      ([story, s]) =>
        `  ${story.padEnd(22)} ${String(s.products).padStart(2)} products ${String(s.variants).padStart(3)} variants  sold ${n(s.unitsSold).padStart(6)}  lost ${n(s.lostUnits).padStart(5)}  mentions ${n(s.mentions).padStart(5)}  positive ${(s.positiveShare * 100).toFixed(0)}%`,
    ),
  ];
  return lines.join("\n");
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
