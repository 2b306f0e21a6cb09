import { db } from "~/db.server";
import { localDay } from "~/domain/calendar/local-day";
import { generateScenario, DEFAULT_SCENARIO_TODAY, type Scenario } from "~/demo/scenario";
import {
  createFakeAdminStore,
  fakeAdminClient,
  storeJsonlOpener,
  type FakeAdminStore,
} from "../../fakes/shopify-admin/index";

let cachedScenario: Scenario | undefined;

/** The demo scenario (generated once per file: it takes a moment), without mentions. */
export function demoScenario(): Scenario {
  cachedScenario ??= generateScenario({ today: new Date(DEFAULT_SCENARIO_TODAY), mentionCount: 0 });
  return cachedScenario;
}

/** A controllable clock at the scenario's today. */
export function testClock(startIso: string = DEFAULT_SCENARIO_TODAY) {
  let nowMs = new Date(startIso).getTime();
  return {
    now: () => new Date(nowMs),
    nowMs: () => nowMs,
    advance: (ms: number) => {
      nowMs += ms;
    },
  };
}

/**
 * A fake store seeded with the demo scenario, a Pulse shop row for it (empty mirror), an in-process
 * Admin client and the options the sync needs to read bulk results without HTTP.
 */
export async function syncFixture(
  options: {
    scopes?: string;
    orderHistoryDays?: number | null;
    trimOrdersTo?: number;
    seed?: (scenario: Scenario) => Scenario;
  } = {},
) {
  const full = options.seed ? options.seed(demoScenario()) : demoScenario();
  // Fewer orders keep tests that are not about order volume quick.
  const scenario =
    options.trimOrdersTo === undefined ? full : { ...full, orders: full.orders.slice(-options.trimOrdersTo) };
  const clock = testClock();
  const store: FakeAdminStore = createFakeAdminStore(scenario, {
    now: clock.now,
    orderHistoryDays: options.orderHistoryDays ?? null,
  });
  const shop = await db().shop.create({
    data: {
      domain: scenario.shop.domain,
      name: scenario.shop.name,
      timezone: scenario.shop.timezone,
      currencyCode: scenario.shop.currencyCode,
      scopes: options.scopes ?? "read_products,read_inventory,read_locations,read_orders,write_inventory",
    },
  });
  const admin = fakeAdminClient(store);
  const noSleep = async (ms: number) => clock.advance(ms);
  const deps = {
    now: clock.now,
    openJsonl: storeJsonlOpener(store),
    request: { now: clock.nowMs, sleep: noSleep, random: () => 0.5 },
  };
  return { scenario, store, shop, admin, clock, deps };
}

/** The fake's catalogue and stock as plain rows keyed by Shopify id, in Pulse's units. */
export function fakeCatalogState(store: FakeAdminStore) {
  const products = [...store.products.values()].map((p) => ({
    shopifyId: p.id,
    title: p.title,
    handle: p.handle,
    vendor: p.vendor,
    status: p.status,
    tags: p.tags,
  }));
  const variants = [...store.variants.values()].map((v) => ({
    shopifyId: v.id,
    productShopifyId: v.productId,
    shopifyInventoryItemId: v.inventoryItemId,
    sku: v.sku,
    priceMinor: Math.round(Number(v.price) * 100),
    unitCostMinor: Math.round(Number(store.inventoryItems.get(v.inventoryItemId)!.unitCostAmount) * 100),
    selectedOptions: v.selectedOptionList,
  }));
  const levels = [...store.inventoryLevels.values()].map((l) => ({
    key: `${l.inventoryItemId}|${l.locationId}`,
    available: l.quantities.available,
    onHand: l.quantities.on_hand,
    incoming: l.quantities.incoming,
    committed: l.quantities.committed,
    reserved: l.quantities.reserved,
    safetyStock: l.quantities.safety_stock,
  }));
  return { products, variants, levels };
}

/** The same rows read from Pulse's mirror. */
export async function mirrorCatalogState(shopId: string) {
  const products = await db().product.findMany({ where: { shopId, deletedAt: null } });
  const variants = await db().variant.findMany({ where: { shopId }, include: { product: true } });
  const levels = await db().inventoryLevel.findMany({
    where: { shopId },
    include: { variant: true, location: true },
  });
  return {
    products: products.map((p) => ({
      shopifyId: p.shopifyId,
      title: p.title,
      handle: p.handle,
      vendor: p.vendor,
      status: p.status,
      tags: p.tags,
    })),
    variants: variants.map((v) => ({
      shopifyId: v.shopifyId,
      productShopifyId: v.product.shopifyId,
      shopifyInventoryItemId: v.shopifyInventoryItemId,
      sku: v.sku,
      priceMinor: v.priceMinor,
      unitCostMinor: v.unitCostMinor,
      selectedOptions: v.selectedOptions,
    })),
    levels: levels.map((l) => ({
      key: `${l.variant.shopifyInventoryItemId}|${l.location.shopifyId}`,
      available: l.available,
      onHand: l.onHand,
      incoming: l.incoming,
      committed: l.committed,
      reserved: l.reserved,
      safetyStock: l.safetyStock,
    })),
  };
}

/** Units and revenue per variant × location × shop-local day from the fake's orders (from `fromDay`). */
export function fakeSalesDaily(store: FakeAdminStore, timezone: string, fromDay: string | null = null) {
  const sums = new Map<string, { units: number; revenueMinor: number }>();
  for (const order of store.orders.values()) {
    if (order.cancelledAt) continue;
    const day = localDay(new Date(order.createdAt), timezone);
    if (fromDay && day < fromDay) continue;
    for (const line of order.lineItemList) {
      if (!line.variantId || line.currentQuantity === 0) continue;
      const key = `${line.variantId}|${order.locationId}|${day}`;
      const sum = sums.get(key) ?? { units: 0, revenueMinor: 0 };
      sum.units += line.currentQuantity;
      sum.revenueMinor += Math.round(Number(line.unitPrice) * 100) * line.currentQuantity;
      sums.set(key, sum);
    }
  }
  return sums;
}

export async function mirrorSalesDaily(shopId: string, fromDay: string | null = null) {
  const rows = await db().salesDaily.findMany({
    where: { shopId, ...(fromDay ? { day: { gte: fromDay } } : {}) },
    include: { variant: true, location: true },
  });
  return new Map(
    rows.map((r) => [
      `${r.variant.shopifyId}|${r.location.shopifyId}|${r.day}`,
      { units: r.unitsSold, revenueMinor: r.revenueMinor },
    ]),
  );
}

const byKey = <T extends Record<string, unknown>>(rows: T[], key: keyof T) =>
  [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])));

/** Sorted copies for order-insensitive comparison. */
export function sortedState(state: Awaited<ReturnType<typeof mirrorCatalogState>>) {
  return {
    products: byKey(state.products, "shopifyId"),
    variants: byKey(state.variants, "shopifyId"),
    levels: byKey(state.levels, "key"),
  };
}

/**
 * The demo shop with one location and one product of `variantCount` variants stocked there (for
 * tests about volume, e.g. more changes than one call may carry).
 */
export function wideCatalogue(variantCount: number) {
  return (base: Scenario): Scenario => {
    const location = base.locations[0]!;
    const variants = Array.from({ length: variantCount }, (_, i) => ({
      id: `gid://shopify/ProductVariant/${700_000 + i}`,
      title: `Size ${i + 1}`,
      sku: `WIDE-${i + 1}`,
      price: "10.00",
      unitCost: "4.00",
      selectedOptions: [{ name: "Size", value: String(i + 1) }],
      inventoryItemId: `gid://shopify/InventoryItem/${800_000 + i}`,
      position: i + 1,
    }));
    const product = {
      ...base.products[0]!,
      id: "gid://shopify/Product/600000",
      handle: "wide",
      title: "Wide product",
      options: [{ name: "Size", values: variants.map((v) => v.selectedOptions[0]!.value) }],
      variants,
    };
    return {
      ...base,
      locations: [location],
      products: [product],
      inventoryLevels: variants.map((v, i) => ({
        inventoryItemId: v.inventoryItemId,
        locationId: location.id,
        quantities: {
          available: 10 + (i % 7),
          on_hand: 10 + (i % 7),
          incoming: 0,
          committed: 0,
          reserved: 0,
          safety_stock: 0,
        },
        updatedAt: "2026-11-20T00:00:00Z",
      })),
      orders: [],
    };
  };
}
