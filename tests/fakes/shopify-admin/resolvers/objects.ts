import { GraphQLError } from "graphql";
import { paginate, type ConnectionArgs } from "../connection";
import { gid, numericIdOf } from "../gid";
import { listInventoryLevels, listVariants } from "../listings";
import { metafieldTypeInfo, resolveMetafieldNamespace } from "../metafield-namespace";
import { QUANTITY_NAMES, type FakeAdminStore } from "../store";
import type {
  BulkOperationRecord,
  InventoryAdjustmentGroupRecord,
  InventoryChangeRecord,
  InventoryItemRecord,
  InventoryLevelRecord,
  InventoryTransferLineItemRecord,
  InventoryTransferRecord,
  LineItemRecord,
  LocationRecord,
  MetafieldDefinitionRecord,
  MetafieldRecord,
  OrderRecord,
  ProductRecord,
  ShopRecord,
  VariantRecord,
} from "../records";
import { typeResolvers, type Args, type ResolverContext, type ResolverMap } from "./context";
import { createHash } from "node:crypto";

function money(amount: string | number, currencyCode: string) {
  return { amount: typeof amount === "number" ? amount.toFixed(2) : amount, currencyCode };
}

function moneyBag(amount: string | number, currencyCode: string) {
  const value = money(amount, currencyCode);
  return { shopMoney: value, presentmentMoney: value };
}

function count(n: number) {
  return { count: n, precision: "EXACT" };
}

function sumAvailable(store: FakeAdminStore, inventoryItemId: string): number {
  let total = 0;
  for (const level of store.inventoryLevels.values()) {
    if (level.inventoryItemId === inventoryItemId) total += level.quantities["available"] ?? 0;
  }
  return total;
}

/**
 * A metafield's compare digest: Shopify's is opaque; a hash of type and value serves.
 *
 * @example
 * metafieldDigest({ type: "number_integer", value: "3" }); // "5f1c…" (64 hex characters)
 */
export function metafieldDigest(metafield: Pick<MetafieldRecord, "value" | "type">): string {
  return createHash("sha256").update(`${metafield.type}\u0000${metafield.value}`).digest("hex");
}

/** `metafield(namespace:, key:)` and `metafields(...)` for any owner (HasMetafields). */
function metafieldFields<S extends { id: string }>() {
  const ownerIdOf = (source: S) => source.id;
  return {
    metafield: (source: S, args: Args, ctx: ResolverContext) => {
      const namespace = resolveMetafieldNamespace(args["namespace"] as string | null, ctx.store.appId);
      const ownerId = ownerIdOf(source);
      for (const metafield of ctx.store.metafields.values()) {
        if (
          metafield.ownerId === ownerId &&
          metafield.namespace === namespace &&
          metafield.key === args["key"]
        ) {
          return metafield;
        }
      }
      return null;
    },
    metafields: (source: S, args: Args, ctx: ResolverContext) => {
      const ownerId = ownerIdOf(source);
      const namespace =
        args["namespace"] == null
          ? null
          : resolveMetafieldNamespace(args["namespace"] as string, ctx.store.appId);
      const keys = args["keys"] as string[] | null | undefined;
      const matching = [...ctx.store.metafields.values()].filter(
        (m) =>
          m.ownerId === ownerId &&
          (namespace === null || m.namespace === namespace) &&
          (!keys || keys.includes(`${m.namespace}.${m.key}`)),
      );
      return paginate(matching, args as ConnectionArgs, ctx);
    },
  };
}

function quantityRecord(level: InventoryLevelRecord, name: string) {
  return {
    __typename: "InventoryQuantity",
    id: `${gid("InventoryQuantity", numericIdOf(level.locationId))}?inventory_item_id=${numericIdOf(level.inventoryItemId)}&name=${name}`,
    name,
    quantity: level.quantities[name] ?? 0,
    updatedAt: level.quantityUpdatedAt[name] ?? null,
  };
}

function locationAddress(location: LocationRecord) {
  return {
    address1: null,
    address2: null,
    city: null,
    country: location.countryCode,
    countryCode: location.countryCode,
    province: location.provinceCode,
    provinceCode: location.provinceCode,
    zip: null,
    phone: null,
    latitude: null,
    longitude: null,
    formatted: [location.name, [location.provinceCode, location.countryCode].filter(Boolean).join(" ")],
  };
}

function locationSnapshot(store: FakeAdminStore, locationId: string | null, at: string) {
  const location = locationId ? store.locations.get(locationId) : undefined;
  if (!location) return null;
  return { name: location.name, address: locationAddress(location), location, snapshottedAt: at };
}

function app(store: FakeAdminStore) {
  return {
    __typename: "App",
    id: gid("App", store.appId),
    title: "Pulse",
    handle: "pulse",
    apiKey: "pulse-fake-api-key",
    embedded: true,
    developerName: "Pulse",
  };
}

/** Field resolvers of the object types Pulse reads; other fields fall back to the record's properties. */
export const objectResolvers: ResolverMap = {
  Shop: typeResolvers<ShopRecord>({
    ...metafieldFields<ShopRecord>(),
  }),

  Product: typeResolvers<ProductRecord>({
    ...metafieldFields<ProductRecord>(),
    variants: (p, args, ctx) =>
      paginate(listVariants(ctx.store, { sortKey: "POSITION", ...args }, p.variantIds), args, ctx),
    variantsCount: (p) => count(p.variantIds.length),
    totalVariants: (p) => p.variantIds.length,
    totalInventory: (p, _args, ctx) =>
      p.variantIds.reduce(
        (sum, id) => sum + sumAvailable(ctx.store, ctx.store.variants.get(id)?.inventoryItemId ?? ""),
        0,
      ),
    hasOnlyDefaultVariant: (p, _args, ctx) =>
      p.variantIds.length === 1 && ctx.store.variants.get(p.variantIds[0]!)?.title === "Default Title",
    hasOutOfStockVariants: (p, _args, ctx) =>
      p.variantIds.some(
        (id) => sumAvailable(ctx.store, ctx.store.variants.get(id)?.inventoryItemId ?? "") <= 0,
      ),
    tracksInventory: () => true,
    isGiftCard: () => false,
    description: () => "",
    descriptionPlainSummary: () => "",
    onlineStoreUrl: () => null,
    onlineStorePreviewUrl: () => null,
    featuredImage: () => null,
    featuredMedia: () => null,
    publishedAt: (p) => (p.status === "ACTIVE" ? p.createdAt : null),
    templateSuffix: () => null,
    options: (p, args) =>
      p.optionList.slice(0, (args["first"] as number | null) ?? undefined).map((option, index) => ({
        __typename: "ProductOption",
        id: gid("ProductOption", numericIdOf(p.id) * 100 + index + 1),
        name: option.name,
        position: index + 1,
        values: option.values,
        optionValues: option.values.map((value, valueIndex) => ({
          __typename: "ProductOptionValue",
          id: gid("ProductOptionValue", (numericIdOf(p.id) * 100 + index + 1) * 100 + valueIndex + 1),
          name: value,
          hasVariants: true,
        })),
      })),
    priceRangeV2: (p, _args, ctx) => {
      const prices = p.variantIds.map((id) => Number(ctx.store.variants.get(id)?.price ?? 0));
      const currency = ctx.store.shop.currencyCode;
      return {
        minVariantPrice: money(
          Math.min(...prices, Infinity) === Infinity ? 0 : Math.min(...prices),
          currency,
        ),
        maxVariantPrice: money(prices.length ? Math.max(...prices) : 0, currency),
      };
    },
  }),

  ProductVariant: typeResolvers<VariantRecord>({
    ...metafieldFields<VariantRecord>(),
    product: (v, _args, ctx) => ctx.store.products.get(v.productId),
    inventoryItem: (v, _args, ctx) => ctx.store.inventoryItems.get(v.inventoryItemId),
    displayName: (v, _args, ctx) => `${ctx.store.products.get(v.productId)?.title ?? ""} - ${v.title}`,
    selectedOptions: (v) =>
      v.selectedOptionList.map((o) => ({
        name: o.name,
        value: o.value,
        optionValue: { id: gid("ProductOptionValue", 0), name: o.value, hasVariants: true },
      })),
    inventoryQuantity: (v, _args, ctx) => sumAvailable(ctx.store, v.inventoryItemId),
    sellableOnlineQuantity: (v, _args, ctx) => Math.max(0, sumAvailable(ctx.store, v.inventoryItemId)),
    availableForSale: (v, _args, ctx) => sumAvailable(ctx.store, v.inventoryItemId) > 0,
    image: () => null,
    requiresComponents: () => false,
    taxCode: () => null,
  }),

  ProductOptionValue: {},

  InventoryItem: typeResolvers<InventoryItemRecord>({
    variant: (i, _args, ctx) => ctx.store.variants.get(i.variantId),
    unitCost: (i, _args, ctx) => money(i.unitCostAmount, ctx.store.shop.currencyCode),
    inventoryLevels: (i, args, ctx) =>
      paginate(listInventoryLevels(ctx.store, { inventoryItemId: i.id }, args), args as ConnectionArgs, ctx),
    inventoryLevel: (i, args, ctx) => ctx.store.levelFor(i.id, args["locationId"] as string) ?? null,
    locationsCount: (i, _args, ctx) =>
      count(listInventoryLevels(ctx.store, { inventoryItemId: i.id }, {}).length),
    duplicateSkuCount: (i, _args, ctx) =>
      [...ctx.store.inventoryItems.values()].filter((o) => o.sku === i.sku && o.id !== i.id).length,
    inventoryHistoryUrl: (i, _args, ctx) =>
      `${ctx.store.shop.url}/admin/products/inventory/${numericIdOf(i.id)}/inventory_history`,
  }),

  InventoryLevel: typeResolvers<InventoryLevelRecord>({
    item: (l, _args, ctx) => ctx.store.inventoryItems.get(l.inventoryItemId),
    location: (l, _args, ctx) => ctx.store.locations.get(l.locationId),
    quantities: (l, args) => {
      const names = args["names"] as string[];
      const unknown = names.filter((name) => !(QUANTITY_NAMES as readonly string[]).includes(name));
      if (unknown.length > 0) {
        // Shopify refuses the whole field rather than answering zero for a misspelt name.
        throw new GraphQLError(
          `The quantity names ${unknown.map((n) => `'${n}'`).join(", ")} are not valid.`,
          {
            extensions: { code: "BAD_REQUEST" },
          },
        );
      }
      return names.map((name) => quantityRecord(l, name));
    },
  }),

  Location: typeResolvers<LocationRecord>({
    ...metafieldFields<LocationRecord>(),
    address: (l) => locationAddress(l),
    activatable: () => false,
    deactivatable: (l) => l.isActive,
    deletable: () => false,
    addressVerified: () => true,
    hasUnfulfilledOrders: () => false,
    fulfillmentService: () => null,
    localPickupSettingsV2: () => null,
    suggestedAddresses: () => [],
    inventoryLevels: (l, args, ctx) =>
      paginate(listInventoryLevels(ctx.store, { locationId: l.id }, args), args as ConnectionArgs, ctx),
    inventoryLevel: (l, args, ctx) => ctx.store.levelFor(args["inventoryItemId"] as string, l.id) ?? null,
  }),

  Order: typeResolvers<OrderRecord>({
    ...metafieldFields<OrderRecord>(),
    lineItems: (o, args, ctx) => paginate(o.lineItemList, args as ConnectionArgs, ctx),
    currentSubtotalLineItemsQuantity: (o) => o.lineItemList.reduce((sum, l) => sum + l.currentQuantity, 0),
    subtotalLineItemsQuantity: (o) => o.lineItemList.reduce((sum, l) => sum + l.quantity, 0),
    totalPriceSet: (o) =>
      moneyBag(
        o.lineItemList.reduce((s, l) => s + Number(l.unitPrice) * l.quantity, 0),
        o.currencyCode,
      ),
    subtotalPriceSet: (o) =>
      moneyBag(
        o.lineItemList.reduce((s, l) => s + Number(l.unitPrice) * l.quantity, 0),
        o.currencyCode,
      ),
    currentTotalPriceSet: (o) =>
      moneyBag(
        o.lineItemList.reduce((s, l) => s + Number(l.unitPrice) * l.currentQuantity, 0),
        o.currencyCode,
      ),
    currentSubtotalPriceSet: (o) =>
      moneyBag(
        o.lineItemList.reduce((s, l) => s + Number(l.unitPrice) * l.currentQuantity, 0),
        o.currencyCode,
      ),
    presentmentCurrencyCode: (o) => o.currencyCode,
    cancelReason: (o) => (o.cancelledAt ? "CUSTOMER" : null),
    displayFinancialStatus: (o) => (o.cancelledAt ? "REFUNDED" : "PAID"),
    displayFulfillmentStatus: (o) => (o.cancelledAt ? "UNFULFILLED" : "FULFILLED"),
    sourceName: () => "web",
    email: () => null,
    note: () => null,
    tags: () => [],
    customer: () => null,
    physicalLocation: () => null,
    retailLocation: () => null,
    shippingAddress: (o) => ({
      __typename: "MailingAddress",
      id: gid("MailingAddress", numericIdOf(o.id)),
      countryCode: o.shippingCountryCode,
      countryCodeV2: o.shippingCountryCode,
      country: o.shippingCountryCode,
      province: null,
      provinceCode: null,
      city: null,
      zip: null,
    }),
    // Shopify assigns each order's lines to a location through fulfillment orders.
    fulfillmentOrders: (o, args, ctx) => {
      const location = ctx.store.locations.get(o.locationId);
      const fulfillmentOrder = {
        __typename: "FulfillmentOrder",
        id: gid("FulfillmentOrder", numericIdOf(o.id)),
        orderId: o.id,
        orderName: o.name,
        orderProcessedAt: o.processedAt,
        createdAt: o.processedAt,
        updatedAt: o.updatedAt,
        status: o.cancelledAt ? "CANCELLED" : "CLOSED",
        requestStatus: "UNSUBMITTED",
        order: o,
        assignedLocation: {
          name: location?.name ?? "Deleted location",
          countryCode: location?.countryCode ?? o.shippingCountryCode,
          province: location?.provinceCode ?? null,
          location: location ?? null,
          address1: null,
          address2: null,
          city: null,
          zip: null,
          phone: null,
        },
      };
      return paginate([fulfillmentOrder], args as ConnectionArgs, ctx);
    },
  }),

  LineItem: typeResolvers<LineItemRecord>({
    variant: (l, _args, ctx) => (l.variantId ? (ctx.store.variants.get(l.variantId) ?? null) : null),
    product: (l, _args, ctx) => (l.productId ? (ctx.store.products.get(l.productId) ?? null) : null),
    originalUnitPriceSet: (l, _args, ctx) => moneyBag(l.unitPrice, ctx.store.shop.currencyCode),
    discountedUnitPriceSet: (l, _args, ctx) => moneyBag(l.unitPrice, ctx.store.shop.currencyCode),
    discountedUnitPriceAfterAllDiscountsSet: (l, _args, ctx) =>
      moneyBag(l.unitPrice, ctx.store.shop.currencyCode),
    originalTotalSet: (l, _args, ctx) =>
      moneyBag(Number(l.unitPrice) * l.quantity, ctx.store.shop.currencyCode),
    discountedTotalSet: (l, _args, ctx) =>
      moneyBag(Number(l.unitPrice) * l.currentQuantity, ctx.store.shop.currencyCode),
    refundableQuantity: (l) => l.currentQuantity,
    fulfillableQuantity: () => 0,
    unfulfilledQuantity: () => 0,
    nonFulfillableQuantity: () => 0,
    requiresShipping: () => true,
    taxable: () => true,
    isGiftCard: () => false,
    restockable: () => true,
    canRestock: () => true,
    merchantEditable: () => false,
    customAttributes: () => [],
  }),

  Metafield: typeResolvers<MetafieldRecord>({
    jsonValue: (m) => {
      try {
        return JSON.parse(m.value) as unknown;
      } catch {
        return m.value;
      }
    },
    compareDigest: (m) => metafieldDigest(m),
    owner: (m, _args, ctx) => ctx.store.findNode(m.ownerId),
    definition: (m, _args, ctx) =>
      [...ctx.store.metafieldDefinitions.values()].find(
        (d) => d.namespace === m.namespace && d.key === m.key && d.ownerType === m.ownerType,
      ) ?? null,
    sizeInBytes: (m) => Buffer.byteLength(m.value),
    reference: () => null,
  }),

  MetafieldDefinition: typeResolvers<MetafieldDefinitionRecord>({
    type: (d) => ({
      name: d.typeName,
      ...metafieldTypeInfo(d.typeName),
      supportedValidations: [],
      supportsDefinitionMigrations: true,
    }),
    validations: () => [],
    access: () => ({ admin: "MERCHANT_READ_WRITE", storefront: "NONE", customerAccount: "NONE" }),
    metafieldsCount: (d, _args, ctx) =>
      [...ctx.store.metafields.values()].filter(
        (m) => m.namespace === d.namespace && m.key === d.key && m.ownerType === d.ownerType,
      ).length,
    useAsCollectionCondition: () => false,
    validationStatus: () => "ALL_VALID",
    standardTemplate: () => null,
    constraints: () => null,
  }),

  InventoryAdjustmentGroup: typeResolvers<InventoryAdjustmentGroupRecord>({
    app: (_g, _args, ctx) => app(ctx.store),
    staffMember: () => null,
    changes: (g, args) => {
      const items = args["inventoryItemIds"] as string[] | null | undefined;
      const locations = args["locationIds"] as string[] | null | undefined;
      const names = args["quantityNames"] as string[] | null | undefined;
      return g.changeList.filter(
        (c) =>
          (!items || items.includes(c.inventoryItemId)) &&
          (!locations || locations.includes(c.locationId)) &&
          (!names || names.includes(c.name)),
      );
    },
  }),

  InventoryChange: typeResolvers<InventoryChangeRecord>({
    item: (c, _args, ctx) => ctx.store.inventoryItems.get(c.inventoryItemId) ?? null,
    location: (c, _args, ctx) => ctx.store.locations.get(c.locationId) ?? null,
  }),

  InventoryTransfer: typeResolvers<InventoryTransferRecord>({
    origin: (t, _args, ctx) => locationSnapshot(ctx.store, t.originLocationId, t.dateCreated),
    destination: (t, _args, ctx) => locationSnapshot(ctx.store, t.destinationLocationId, t.dateCreated),
    lineItems: (t, args, ctx) => paginate(t.lineItemList, args as ConnectionArgs, ctx),
    lineItemsCount: (t) => count(t.lineItemList.length),
    totalQuantity: (t) => t.lineItemList.reduce((sum, l) => sum + l.totalQuantity, 0),
    receivedQuantity: () => 0,
    hasTimelineComment: () => false,
    metafield: () => null,
  }),

  InventoryTransferLineItem: typeResolvers<InventoryTransferLineItemRecord>({
    inventoryItem: (l, _args, ctx) => ctx.store.inventoryItems.get(l.inventoryItemId) ?? null,
    title: (l, _args, ctx) => {
      const variant = ctx.store.variants.get(
        ctx.store.inventoryItems.get(l.inventoryItemId)?.variantId ?? "",
      );
      return variant ? `${ctx.store.products.get(variant.productId)?.title ?? ""} - ${variant.title}` : null;
    },
    shippableQuantity: (l) => l.totalQuantity,
    processableQuantity: (l) => l.totalQuantity,
    shippedQuantity: () => 0,
    pickedForShipmentQuantity: () => 0,
  }),

  BulkOperation: typeResolvers<BulkOperationRecord>({}),
};
