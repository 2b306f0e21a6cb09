import type { Scenario } from "~/demo/scenario/types";
import { createCostBucket, type CostBucket } from "./cost-bucket";
import { createFaultQueue, type FaultQueue } from "./faults";
import { gid, inventoryLevelGid, numericIdOf } from "./gid";
import type {
  BulkOperationRecord,
  InventoryAdjustmentGroupRecord,
  InventoryItemRecord,
  InventoryLevelRecord,
  InventoryTransferRecord,
  LineItemRecord,
  LocationRecord,
  MetafieldDefinitionRecord,
  MetafieldRecord,
  OrderRecord,
  ProductRecord,
  RecordedAdjustment,
  ShopRecord,
  VariantRecord,
} from "./records";

/** The slice of a scenario the fake Admin API serves. */
export type FakeAdminSeed = Pick<Scenario, "shop" | "locations" | "products" | "inventoryLevels" | "orders">;

/** The token the fake accepts unless told otherwise (`X-Shopify-Access-Token`). */
export const FAKE_ADMIN_ACCESS_TOKEN = "shpat_pulse_fake_admin_token";

/** The numeric id of the app the fake pretends to be; `$app` namespaces resolve to `app--<id>`. */
export const FAKE_APP_ID = "7654321";

/** Every named quantity Shopify tracks per inventory level. */
export const QUANTITY_NAMES = [
  "available",
  "on_hand",
  "committed",
  "reserved",
  "incoming",
  "damaged",
  "quality_control",
  "safety_stock",
] as const;

/** What the idempotency registry remembers about one key. */
export interface IdempotencyEntry {
  mutation: string;
  /** Canonical JSON of the mutation's arguments: a different value under the same key is a mismatch. */
  fingerprint: string;
  /** The payload returned the first time, replayed verbatim. */
  payload: unknown;
  createdAtMs: number;
}

export interface FakeAdminStoreOptions {
  /** The clock (drives timestamps, the cost bucket's refill and idempotency expiry). */
  now?: () => Date;
  /** Tokens accepted in `X-Shopify-Access-Token`; default `[FAKE_ADMIN_ACCESS_TOKEN]`. */
  accessTokens?: string[];
  appId?: string;
  /** Cost bucket size (default 2000) and refill per second (default 100). */
  maximumAvailable?: number;
  restoreRate?: number;
  /** Base URL bulk operation result links point at; the HTTP server sets it when it starts. */
  publicBaseUrl?: string;
  /**
   * Days of order history visible, like an app without `read_all_orders` (Shopify: 60).
   * Default null: every order is visible.
   */
  orderHistoryDays?: number | null;
}

/** The fake shop's whole state. Maps are keyed by GID and iterate in insertion order. */
export interface FakeAdminStore {
  readonly shop: ShopRecord;
  readonly locations: Map<string, LocationRecord>;
  readonly products: Map<string, ProductRecord>;
  readonly variants: Map<string, VariantRecord>;
  readonly inventoryItems: Map<string, InventoryItemRecord>;
  readonly inventoryLevels: Map<string, InventoryLevelRecord>;
  readonly orders: Map<string, OrderRecord>;
  readonly lineItems: Map<string, LineItemRecord>;
  readonly metafields: Map<string, MetafieldRecord>;
  readonly metafieldDefinitions: Map<string, MetafieldDefinitionRecord>;
  readonly adjustmentGroups: Map<string, InventoryAdjustmentGroupRecord>;
  /** Every requested inventory change that was applied, in order (replays add nothing). */
  readonly adjustments: RecordedAdjustment[];
  readonly bulkOperations: Map<string, BulkOperationRecord>;
  /** JSONL result files by bulk operation numeric id, served at `/bulk/<id>.jsonl`. */
  readonly bulkResults: Map<string, string>;
  readonly inventoryTransfers: Map<string, InventoryTransferRecord>;
  /** Idempotency keys seen by mutations that take `@idempotent`. */
  readonly idempotency: Map<string, IdempotencyEntry>;
  readonly faults: FaultQueue;
  readonly bucket: CostBucket;
  readonly accessTokens: Set<string>;
  readonly appId: string;
  publicBaseUrl: string;
  /** Days of order history visible (null: all), see {@link FakeAdminStoreOptions.orderHistoryDays}. */
  orderHistoryDays: number | null;
  /** The store's clock. */
  now(): Date;
  /** A fresh numeric id for a new object (above every seeded id). */
  nextNumericId(): number;
  /** The inventory level of an item at a location, if the item is stocked there. */
  levelFor(inventoryItemId: string, locationId: string): InventoryLevelRecord | undefined;
  /** A named quantity of an item at a location, if stocked. */
  quantity(inventoryItemId: string, locationId: string, name: string): number | undefined;
  /** Any stored object by GID (what `node(id:)` answers). */
  findNode(id: string): { __typename: string; id: string } | undefined;
}

/**
 * Builds the in-memory shop from a scenario. The scenario is copied, never mutated.
 *
 * @example
 * const store = createFakeAdminStore(fixtureScenario());
 * store.quantity(itemId, locationId, "available"); // 12
 */
export function createFakeAdminStore(
  seed: FakeAdminSeed,
  options: FakeAdminStoreOptions = {},
): FakeAdminStore {
  const now = options.now ?? (() => new Date());
  const seededAt = now().toISOString();
  let maxSeenId = 0;
  const track = (id: string): string => {
    maxSeenId = Math.max(maxSeenId, numericIdOf(id));
    return id;
  };

  const shop: ShopRecord = {
    __typename: "Shop",
    id: gid("Shop", 1),
    name: seed.shop.name,
    email: seed.shop.email,
    contactEmail: seed.shop.email,
    myshopifyDomain: seed.shop.domain,
    currencyCode: seed.shop.currencyCode,
    ianaTimezone: seed.shop.timezone,
    url: `https://${seed.shop.domain}`,
    createdAt: seededAt,
    updatedAt: seededAt,
    locale: seed.shop.locale,
  };

  const locations = new Map<string, LocationRecord>();
  seed.locations.forEach((location, index) => {
    locations.set(track(location.id), {
      __typename: "Location",
      id: location.id,
      legacyResourceId: String(numericIdOf(location.id)),
      name: location.name,
      isActive: true,
      isPrimary: index === 0,
      fulfillsOnlineOrders: true,
      shipsInventory: true,
      hasActiveInventory: true,
      isFulfillmentService: false,
      deactivatedAt: null,
      createdAt: seededAt,
      updatedAt: seededAt,
      countryCode: location.countryCode,
      provinceCode: location.provinceCode,
      region: location.region,
    });
  });

  const products = new Map<string, ProductRecord>();
  const variants = new Map<string, VariantRecord>();
  const inventoryItems = new Map<string, InventoryItemRecord>();
  for (const product of seed.products) {
    products.set(track(product.id), {
      __typename: "Product",
      id: product.id,
      legacyResourceId: String(numericIdOf(product.id)),
      title: product.title,
      handle: product.handle,
      vendor: product.vendor,
      productType: product.productType,
      tags: [...product.tags],
      status: product.status,
      createdAt: product.createdAt,
      updatedAt: product.updatedAt,
      descriptionHtml: "",
      optionList: product.options.map((o) => ({ name: o.name, values: [...o.values] })),
      variantIds: product.variants.map((v) => v.id),
    });
    for (const variant of product.variants) {
      variants.set(track(variant.id), {
        __typename: "ProductVariant",
        id: variant.id,
        legacyResourceId: String(numericIdOf(variant.id)),
        title: variant.title,
        sku: variant.sku,
        price: variant.price,
        compareAtPrice: null,
        barcode: null,
        position: variant.position,
        selectedOptionList: variant.selectedOptions.map((o) => ({ ...o })),
        productId: product.id,
        inventoryItemId: variant.inventoryItemId,
        createdAt: product.createdAt,
        updatedAt: product.updatedAt,
        inventoryPolicy: "DENY",
        taxable: true,
      });
      inventoryItems.set(track(variant.inventoryItemId), {
        __typename: "InventoryItem",
        id: variant.inventoryItemId,
        legacyResourceId: String(numericIdOf(variant.inventoryItemId)),
        sku: variant.sku,
        tracked: true,
        requiresShipping: true,
        unitCostAmount: variant.unitCost,
        variantId: variant.id,
        createdAt: product.createdAt,
        updatedAt: product.updatedAt,
        countryCodeOfOrigin: null,
        provinceCodeOfOrigin: null,
        harmonizedSystemCode: null,
      });
    }
  }

  const inventoryLevels = new Map<string, InventoryLevelRecord>();
  for (const level of seed.inventoryLevels) {
    const id = inventoryLevelGid(level.inventoryItemId, level.locationId);
    const quantities: Record<string, number> = {};
    const quantityUpdatedAt: Record<string, string> = {};
    for (const name of QUANTITY_NAMES) {
      quantities[name] = (level.quantities as Record<string, number | undefined>)[name] ?? 0;
      quantityUpdatedAt[name] = level.updatedAt;
    }
    inventoryLevels.set(id, {
      __typename: "InventoryLevel",
      id,
      inventoryItemId: level.inventoryItemId,
      locationId: level.locationId,
      quantities,
      quantityUpdatedAt,
      isActive: true,
      canDeactivate: true,
      deactivationAlert: null,
      createdAt: level.updatedAt,
      updatedAt: level.updatedAt,
    });
  }
  const levelByItemAndLocation = new Map<string, InventoryLevelRecord>();
  for (const level of inventoryLevels.values()) {
    levelByItemAndLocation.set(`${level.inventoryItemId}|${level.locationId}`, level);
  }

  const orders = new Map<string, OrderRecord>();
  const lineItems = new Map<string, LineItemRecord>();
  for (const order of seed.orders) {
    const orderNumber = numericIdOf(track(order.id));
    const lineItemList = order.lineItems.map((line, index): LineItemRecord => {
      const variant = variants.get(line.variantId);
      const product = variant ? products.get(variant.productId) : undefined;
      const lineItem: LineItemRecord = {
        __typename: "LineItem",
        // Line item ids are unique per shop; derive them from the order so they are stable.
        id: gid("LineItem", orderNumber * 1000 + index + 1),
        orderId: order.id,
        variantId: variant?.id ?? null,
        productId: product?.id ?? null,
        quantity: line.quantity,
        currentQuantity: order.cancelledAt ? 0 : line.quantity,
        unitPrice: line.unitPrice,
        title: product?.title ?? "Deleted product",
        name: product && variant ? `${product.title} - ${variant.title}` : "Deleted product",
        variantTitle: variant?.title ?? null,
        sku: variant?.sku ?? null,
        vendor: product?.vendor ?? null,
      };
      lineItems.set(lineItem.id, lineItem);
      return lineItem;
    });
    orders.set(order.id, {
      __typename: "Order",
      id: order.id,
      legacyResourceId: String(orderNumber),
      name: order.name,
      number: Number(order.name.replace(/\D/g, "")) || orderNumber,
      createdAt: order.createdAt,
      processedAt: order.processedAt,
      updatedAt:
        order.cancelledAt && order.cancelledAt > order.processedAt ? order.cancelledAt : order.processedAt,
      cancelledAt: order.cancelledAt,
      closed: false,
      test: false,
      currencyCode: seed.shop.currencyCode,
      locationId: order.locationId,
      shippingCountryCode: order.shippingCountryCode,
      lineItemList,
    });
  }

  let nextId = Math.max(maxSeenId, 900_000) + 1;

  const store: FakeAdminStore = {
    shop,
    locations,
    products,
    variants,
    inventoryItems,
    inventoryLevels,
    orders,
    lineItems,
    metafields: new Map(),
    metafieldDefinitions: new Map(),
    adjustmentGroups: new Map(),
    adjustments: [],
    bulkOperations: new Map(),
    bulkResults: new Map(),
    inventoryTransfers: new Map(),
    idempotency: new Map(),
    faults: createFaultQueue(),
    bucket: createCostBucket({
      maximumAvailable: options.maximumAvailable,
      restoreRate: options.restoreRate,
      nowMs: () => now().getTime(),
    }),
    accessTokens: new Set(options.accessTokens ?? [FAKE_ADMIN_ACCESS_TOKEN]),
    appId: options.appId ?? FAKE_APP_ID,
    publicBaseUrl: options.publicBaseUrl ?? "http://127.0.0.1",
    orderHistoryDays: options.orderHistoryDays ?? null,
    now,
    nextNumericId: () => nextId++,
    levelFor: (inventoryItemId, locationId) => levelByItemAndLocation.get(`${inventoryItemId}|${locationId}`),
    quantity(inventoryItemId, locationId, name) {
      return levelByItemAndLocation.get(`${inventoryItemId}|${locationId}`)?.quantities[name];
    },
    findNode(id) {
      const collections: Map<string, { __typename: string; id: string }>[] = [
        products,
        variants,
        inventoryItems,
        inventoryLevels,
        locations,
        orders,
        lineItems,
        store.metafields,
        store.metafieldDefinitions,
        store.adjustmentGroups,
        store.bulkOperations,
        store.inventoryTransfers,
      ];
      if (id === shop.id) return shop;
      for (const collection of collections) {
        const found = collection.get(id);
        if (found) return found;
      }
      return undefined;
    },
  };
  return store;
}
