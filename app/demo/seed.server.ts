import { randomUUID } from "node:crypto";
import { env } from "~/config/env.server";
import { localDay } from "~/domain/calendar/local-day";
import { hashAuthor, PUBLIC_INFLUENCER_REACH } from "~/domain/listening/authorHash";
import { decimalToMinorUnits } from "~/domain/money/minor-units";
import {
  countShopRows,
  createShop,
  insertInventoryLevels,
  insertKeywords,
  insertLocations,
  insertMentions,
  insertProducts,
  insertSalesDaily,
  insertSources,
  insertVariants,
  storeSession,
} from "~/models/store-snapshot.server";
import type { Scenario } from "./scenario";
import { PRODUCT_SPECS } from "./scenario/catalog";

const toMinor = (decimal: string) => decimalToMinorUnits(decimal) ?? 0;
/** How the app names each simulated platform's source. */
const PLATFORM_NAMES: Record<string, string> = {
  instagram: "Instagram",
  tiktok: "TikTok",
  youtube: "YouTube",
  reddit: "Reddit",
  judgeme: "Judge.me",
  shop_reviews: "Shop reviews",
};
const cuid = () => `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;

export interface SeedResult {
  seeded: boolean;
  shopId?: string;
  counts: Record<string, number>;
}

/**
 * Writes the simulated store into the database once: shop, offline session (so the app's Admin client
 * works without a login), locations, catalogue, stock, daily sales from the orders, listening sources,
 * keywords and mentions. Does nothing when the shop already has products.
 */
export async function seedDemoStore(
  scenario: Scenario,
  options: { accessToken: string },
): Promise<SeedResult> {
  if (env().nodeEnv === "production") {
    // The simulated store must never be written into a production database.
    throw new Error("Refusing to seed the simulated store with NODE_ENV=production");
  }
  const existing = await countShopRows(scenario.shop.domain);
  if (existing.products > 0)
    return { seeded: false, counts: { products: existing.products, mentions: existing.mentions } };

  const salt = randomUUID();
  const productIds = new Map(scenario.products.map((p) => [p.id, cuid()]));
  const shop = await createShop({
    domain: scenario.shop.domain,
    name: scenario.shop.name,
    email: scenario.shop.email,
    timezone: scenario.shop.timezone,
    currencyCode: scenario.shop.currencyCode,
    locale: scenario.shop.locale,
    scopes: "read_products,write_products,read_inventory,write_inventory,read_locations,read_orders",
    authorSalt: salt,
    settings: { inventory: { products: supplierTermsByProduct(scenario, productIds) } },
  });
  await storeSession({
    id: `offline_${scenario.shop.domain}`,
    shop: scenario.shop.domain,
    state: "demo",
    isOnline: false,
    scope: shop.scopes,
    accessToken: options.accessToken,
  });

  const locationIds = new Map(scenario.locations.map((l) => [l.id, cuid()]));
  await insertLocations(
    scenario.locations.map((l) => ({
      id: locationIds.get(l.id)!,
      shopId: shop.id,
      shopifyId: l.id,
      name: l.name,
      countryCode: l.countryCode,
      provinceCode: l.provinceCode,
      region: l.region,
    })),
  );

  const variantIds = new Map(
    scenario.products.flatMap((p) => p.variants.map((v) => [v.id, cuid()] as const)),
  );
  const variantByItem = new Map(
    scenario.products.flatMap((p) => p.variants.map((v) => [v.inventoryItemId, v.id] as const)),
  );
  await insertProducts(
    scenario.products.map((p) => ({
      id: productIds.get(p.id)!,
      shopId: shop.id,
      shopifyId: p.id,
      title: p.title,
      handle: p.handle,
      vendor: p.vendor,
      productType: p.productType,
      status: p.status,
      tags: p.tags,
      aliases: p.aliasZh ? [p.aliasZh] : [],
      shopifyUpdatedAt: new Date(p.updatedAt),
    })),
  );
  await insertVariants(
    scenario.products.flatMap((p) =>
      p.variants.map((v) => ({
        id: variantIds.get(v.id)!,
        shopId: shop.id,
        productId: productIds.get(p.id)!,
        shopifyId: v.id,
        shopifyInventoryItemId: v.inventoryItemId,
        title: v.title,
        sku: v.sku,
        priceMinor: toMinor(v.price),
        unitCostMinor: toMinor(v.unitCost),
        selectedOptions: v.selectedOptions,
        position: v.position,
      })),
    ),
  );
  await insertInventoryLevels(
    scenario.inventoryLevels.map((level) => ({
      shopId: shop.id,
      variantId: variantIds.get(variantByItem.get(level.inventoryItemId)!)!,
      locationId: locationIds.get(level.locationId)!,
      available: level.quantities.available,
      onHand: level.quantities.on_hand,
      incoming: level.quantities.incoming,
      committed: level.quantities.committed,
      reserved: level.quantities.reserved,
      safetyStock: level.quantities.safety_stock,
      shopifyUpdatedAt: new Date(level.updatedAt),
    })),
  );

  // Orders → units and revenue per variant × location × shop-local day, as the order sync does.
  const sales = new Map<
    string,
    { variantId: string; locationId: string; day: string; units: number; revenueMinor: number }
  >();
  for (const order of scenario.orders) {
    if (order.cancelledAt) continue;
    const day = localDay(new Date(order.createdAt), scenario.shop.timezone);
    for (const line of order.lineItems) {
      const key = `${line.variantId}|${order.locationId}|${day}`;
      const row = sales.get(key) ?? {
        variantId: line.variantId,
        locationId: order.locationId,
        day,
        units: 0,
        revenueMinor: 0,
      };
      row.units += line.quantity;
      row.revenueMinor += toMinor(line.unitPrice) * line.quantity;
      sales.set(key, row);
    }
  }
  await insertSalesDaily(
    [...sales.values()].map((row) => ({
      shopId: shop.id,
      variantId: variantIds.get(row.variantId)!,
      locationId: locationIds.get(row.locationId)!,
      day: row.day,
      unitsSold: row.units,
      revenueMinor: row.revenueMinor,
    })),
  );

  // One simulated listening source per platform, shown as such in the app.
  const platforms = [...new Set(scenario.mentions.map((m) => m.platform))].sort();
  const sourceIds = new Map(platforms.map((p) => [p, cuid()]));
  await insertSources(
    platforms.map((platform) => ({
      id: sourceIds.get(platform)!,
      shopId: shop.id,
      kind: "demo",
      name: `${PLATFORM_NAMES[platform] ?? platform} (simulated)`,
      status: "active",
      lastRunAt: new Date(`${scenario.historyEnd}T00:00:00Z`),
      lastSuccessAt: new Date(`${scenario.historyEnd}T00:00:00Z`),
      lastCounts: { mentions: scenario.mentions.filter((m) => m.platform === platform).length },
    })),
  );
  await insertKeywords(
    scenario.keywords.map((k) => ({
      shopId: shop.id,
      term: k.term,
      kind: k.kind,
      productId: k.productId ? productIds.get(k.productId) : null,
      language: k.language,
    })),
  );
  await insertMentions(
    scenario.mentions.map((m) => ({
      shopId: shop.id,
      sourceId: sourceIds.get(m.platform)!,
      externalId: m.externalId,
      platform: m.platform,
      authorHash: hashAuthor(salt, m.authorHandle),
      authorDisplay: m.authorReachFollowers >= PUBLIC_INFLUENCER_REACH ? m.authorHandle : null,
      authorReachFollowers: m.authorReachFollowers,
      authorAccountAgeDays: m.authorAccountAgeDays,
      language: m.language,
      countryCode: m.countryCode,
      text: m.text,
      url: m.url,
      postedAt: new Date(m.postedAt),
      productId: m.productId ? productIds.get(m.productId) : null,
      variantId: m.variantId ? variantIds.get(m.variantId) : null,
      matchConfidence: m.productId ? 1 : null,
    })),
  );

  return {
    seeded: true,
    shopId: shop.id,
    counts: {
      locations: scenario.locations.length,
      products: scenario.products.length,
      variants: variantIds.size,
      inventoryLevels: scenario.inventoryLevels.length,
      salesDays: sales.size,
      mentions: scenario.mentions.length,
      keywords: scenario.keywords.length,
    },
  };
}

/**
 * The supplier terms the simulated merchant entered in Settings: each product's lead time and case
 * pack from the catalogue (the same terms the backtest replays with), keyed by the product's row id.
 */
function supplierTermsByProduct(
  scenario: Scenario,
  productIds: ReadonlyMap<string, string>,
): Record<string, { leadTimeDays: number; casePackUnits: number }> {
  const specByHandle = new Map(PRODUCT_SPECS.map((spec) => [spec.handle, spec]));
  const terms: Record<string, { leadTimeDays: number; casePackUnits: number }> = {};
  for (const product of scenario.products) {
    const spec = specByHandle.get(product.handle);
    const id = productIds.get(product.id);
    if (spec && id) terms[id] = { leadTimeDays: spec.leadTimeDays, casePackUnits: spec.casePackUnits };
  }
  return terms;
}
