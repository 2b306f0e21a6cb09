import { db } from "~/db.server";
import { countedMentionWhere, mentionWithScoreSelect } from "~/models/mentions.server";

// Reads for a planning cycle and for the backtest of a stored shop. Plain rows out; the planning
// service and the backtest turn them into the inventory engine's input.

/** The shop fields planning needs, or null when the shop is unknown. */
export function findPlanningShop(shopId: string) {
  return db().shop.findUnique({
    where: { id: shopId },
    select: { id: true, domain: true, timezone: true, settings: true, uninstalledAt: true },
  });
}

export function findPlanningShopByDomain(domain: string) {
  return db().shop.findUnique({
    where: { domain },
    select: { id: true, domain: true, timezone: true, settings: true, uninstalledAt: true },
  });
}

/** Installed shops (not uninstalled), for the weekly fan-out. */
export function listInstalledShopIds(): Promise<{ id: string }[]> {
  return db().shop.findMany({ where: { uninstalledAt: null }, select: { id: true }, orderBy: { id: "asc" } });
}

/** Variants of live products with the product's vendor (the supplier) and title. */
export function listPlanningVariants(shopId: string) {
  return db().variant.findMany({
    where: { shopId, product: { deletedAt: null } },
    select: {
      id: true,
      productId: true,
      title: true,
      sku: true,
      createdAt: true,
      product: { select: { title: true, vendor: true, status: true } },
    },
    orderBy: { id: "asc" },
  });
}

export function listPlanningLocations(shopId: string) {
  return db().location.findMany({
    where: { shopId, isActive: true },
    select: { id: true, region: true, name: true, countryCode: true, provinceCode: true },
    orderBy: { id: "asc" },
  });
}

export function listPlanningInventory(shopId: string) {
  return db().inventoryLevel.findMany({
    where: { shopId },
    select: { variantId: true, locationId: true, available: true, incoming: true, safetyStock: true },
  });
}

/** Daily sales from `fromDay` (inclusive, shop-local ISO date) on. */
export function listSalesDailySince(shopId: string, fromDay: string) {
  return db().salesDaily.findMany({
    where: { shopId, day: { gte: fromDay } },
    select: { variantId: true, locationId: true, day: true, unitsSold: true, unitsRefunded: true },
    orderBy: [{ day: "asc" }],
  });
}

/** Weekly signals of whole products and variants (platform "all"), every region. */
export function listPlanningSignals(shopId: string) {
  return db().signalWeekly.findMany({
    where: { shopId, platform: "all", productId: { not: null } },
    select: {
      productId: true,
      variantId: true,
      region: true,
      week: true,
      volume: true,
      positiveShare: true,
      negativeShare: true,
      weightedIndex: true,
      details: true,
    },
    orderBy: [{ week: "asc" }],
  });
}

/** Decisions already approved or applied, for the cooldown and autonomy guardrails. */
export function listPastDecisions(shopId: string, since: Date) {
  return db().recommendation.findMany({
    where: {
      shopId,
      status: { in: ["approved", "applied"] },
      variantId: { not: null },
      OR: [{ decidedAt: { gte: since } }, { appliedAt: { gte: since } }],
    },
    select: {
      variantId: true,
      locationId: true,
      kind: true,
      decidedAt: true,
      appliedAt: true,
      proposedQuantity: true,
      deltaUnits: true,
      // The engine's own units (inventory position for restock/reduce), which the guardrails compare.
      explanation: true,
    },
  });
}

/** Counted mentions matched to a product, with their stored score when one exists. */
export function listMentionsWithScores(shopId: string) {
  return db().mention.findMany({
    where: { shopId, productId: { not: null }, ...countedMentionWhere },
    select: mentionWithScoreSelect,
    orderBy: { postedAt: "asc" },
  });
}

/** Products of a shop with their title, for grouping a stored shop's backtest. */
export function listProductTitles(shopId: string) {
  return db().product.findMany({ where: { shopId, deletedAt: null }, select: { id: true, title: true } });
}

/** First and last recorded sales day of a shop, or null without sales. */
export async function salesDayRange(shopId: string): Promise<{ first: string; last: string } | null> {
  const [first, last] = await Promise.all([
    db().salesDaily.findFirst({ where: { shopId }, orderBy: { day: "asc" }, select: { day: true } }),
    db().salesDaily.findFirst({ where: { shopId }, orderBy: { day: "desc" }, select: { day: true } }),
  ]);
  return first && last ? { first: first.day, last: last.day } : null;
}
