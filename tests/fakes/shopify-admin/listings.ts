import { numericIdOf } from "./gid";
import type {
  InventoryItemRecord,
  InventoryLevelRecord,
  LocationRecord,
  OrderRecord,
  ProductRecord,
  VariantRecord,
} from "./records";
import { matchesSearch, parseSearchQuery, type SearchValue } from "./search-query";
import type { FakeAdminStore } from "./store";

/** The filtering and ordering arguments list fields share. */
export interface ListArgs {
  query?: string | null;
  sortKey?: string | null;
}

function byKey<T extends { id: string }>(key: (item: T) => string | number): (a: T, b: T) => number {
  return (a, b) => {
    const left = key(a);
    const right = key(b);
    if (left < right) return -1;
    if (left > right) return 1;
    return numericIdOf(a.id) - numericIdOf(b.id); // ties in id order, as Shopify does
  };
}

function filterAndSort<T extends { id: string }>(
  items: Iterable<T>,
  args: ListArgs,
  read: (item: T, field: string) => SearchValue | undefined,
  sortKeys: Record<string, (item: T) => string | number>,
): T[] {
  const query = parseSearchQuery(args.query);
  const sortKey = sortKeys[args.sortKey ?? "ID"] ?? ((item: T) => numericIdOf(item.id));
  return [...items].filter((item) => matchesSearch(query, (field) => read(item, field))).sort(byKey(sortKey));
}

function totalAvailable(store: FakeAdminStore, inventoryItemId: string): number {
  let total = 0;
  for (const location of store.locations.values())
    total += store.quantity(inventoryItemId, location.id, "available") ?? 0;
  return total;
}

/**
 * Products filtered by a search query (`status`, `updated_at`, `created_at`, `title`, `vendor`,
 * `product_type`, `tag`, `sku`, `handle`, `id`, free text on the title) and sorted by `sortKey`.
 *
 * @example
 * listProducts(store, { query: "status:active updated_at:>'2026-01-01'" });
 */
export function listProducts(store: FakeAdminStore, args: ListArgs): ProductRecord[] {
  return filterAndSort(
    store.products.values(),
    args,
    (p, field) => {
      switch (field) {
        case "status":
          return p.status;
        case "updated_at":
          return p.updatedAt;
        case "created_at":
          return p.createdAt;
        case "title":
        case "default":
          return p.title;
        case "vendor":
          return p.vendor;
        case "product_type":
          return p.productType;
        case "tag":
        case "tags":
          return p.tags;
        case "handle":
          return p.handle;
        case "id":
          return numericIdOf(p.id);
        case "sku":
          return p.variantIds.map((id) => store.variants.get(id)?.sku ?? "");
        default:
          return undefined;
      }
    },
    {
      ID: (p) => numericIdOf(p.id),
      TITLE: (p) => p.title.toLowerCase(),
      CREATED_AT: (p) => p.createdAt,
      UPDATED_AT: (p) => p.updatedAt,
      VENDOR: (p) => p.vendor.toLowerCase(),
      PRODUCT_TYPE: (p) => p.productType.toLowerCase(),
      INVENTORY_TOTAL: (p) =>
        p.variantIds.reduce(
          (sum, id) => sum + totalAvailable(store, store.variants.get(id)?.inventoryItemId ?? ""),
          0,
        ),
    },
  );
}

/**
 * Variants filtered by `sku`, `product_id`, `updated_at`, `title`, `id` or free text, sorted by `sortKey`.
 *
 * @example
 * listVariants(store, { query: "sku:SUN-CORAL" });
 */
export function listVariants(
  store: FakeAdminStore,
  args: ListArgs,
  within?: readonly string[],
): VariantRecord[] {
  const source = within ? within.flatMap((id) => store.variants.get(id) ?? []) : store.variants.values();
  return filterAndSort(
    source,
    args,
    (v, field) => {
      switch (field) {
        case "sku":
          return v.sku;
        case "product_id":
          return numericIdOf(v.productId);
        case "updated_at":
          return v.updatedAt;
        case "created_at":
          return v.createdAt;
        case "title":
          return v.title;
        case "id":
          return numericIdOf(v.id);
        case "default":
          return `${store.products.get(v.productId)?.title ?? ""} ${v.title} ${v.sku}`;
        default:
          return undefined;
      }
    },
    {
      ID: (v) => numericIdOf(v.id),
      SKU: (v) => v.sku,
      TITLE: (v) => v.title.toLowerCase(),
      NAME: (v) => v.title.toLowerCase(),
      POSITION: (v) => v.position,
      FULL_TITLE: (v) => `${store.products.get(v.productId)?.title ?? ""} ${v.title}`.toLowerCase(),
      INVENTORY_QUANTITY: (v) => totalAvailable(store, v.inventoryItemId),
    },
  );
}

/**
 * Orders filtered by `created_at`, `updated_at`, `processed_at`, `name`, `status`
 * (open | cancelled | closed), `id`, and sorted by `sortKey` (default PROCESSED_AT).
 * When the store limits order history (no `read_all_orders`), older orders are invisible.
 *
 * @example
 * listOrders(store, { query: "updated_at:>=2026-06-01", sortKey: "UPDATED_AT" });
 */
export function listOrders(store: FakeAdminStore, args: ListArgs): OrderRecord[] {
  const visibleFrom =
    store.orderHistoryDays === null
      ? null
      : new Date(store.now().getTime() - store.orderHistoryDays * 86_400_000).toISOString();
  const visible = [...store.orders.values()].filter(
    (o) => visibleFrom === null || o.createdAt >= visibleFrom,
  );
  return filterAndSort(
    visible,
    { ...args, sortKey: args.sortKey ?? "PROCESSED_AT" },
    (o, field) => {
      switch (field) {
        case "created_at":
          return o.createdAt;
        case "updated_at":
          return o.updatedAt;
        case "processed_at":
          return o.processedAt;
        case "name":
        case "default":
          return o.name;
        case "id":
          return numericIdOf(o.id);
        case "status":
          return o.cancelledAt ? ["cancelled", "any"] : o.closed ? ["closed", "any"] : ["open", "any"];
        case "location_id":
          return numericIdOf(o.locationId);
        default:
          return undefined;
      }
    },
    {
      ID: (o) => numericIdOf(o.id),
      CREATED_AT: (o) => o.createdAt,
      PROCESSED_AT: (o) => o.processedAt,
      UPDATED_AT: (o) => o.updatedAt,
      ORDER_NUMBER: (o) => o.number,
    },
  );
}

/**
 * Locations filtered by `name` or free text, sorted by `sortKey` (default NAME).
 *
 * @example
 * listLocations(store, {}).map((l) => l.name); // alphabetical
 */
export function listLocations(
  store: FakeAdminStore,
  args: ListArgs & { includeInactive?: boolean | null },
): LocationRecord[] {
  const locations = [...store.locations.values()].filter((l) => l.isActive || args.includeInactive);
  return filterAndSort(
    locations,
    { ...args, sortKey: args.sortKey ?? "NAME" },
    (l, field) =>
      field === "name" || field === "default" ? l.name : field === "id" ? numericIdOf(l.id) : undefined,
    { ID: (l) => numericIdOf(l.id), NAME: (l) => l.name.toLowerCase() },
  );
}

/**
 * Inventory items filtered by `sku`, `id`, `updated_at`, `created_at`.
 *
 * @example
 * listInventoryItems(store, { query: "sku:SUN-CORAL" });
 */
export function listInventoryItems(store: FakeAdminStore, args: ListArgs): InventoryItemRecord[] {
  return filterAndSort(
    store.inventoryItems.values(),
    args,
    (i, field) => {
      switch (field) {
        case "sku":
        case "default":
          return i.sku;
        case "id":
          return numericIdOf(i.id);
        case "updated_at":
          return i.updatedAt;
        case "created_at":
          return i.createdAt;
        default:
          return undefined;
      }
    },
    { ID: (i) => numericIdOf(i.id) },
  );
}

/**
 * The inventory levels of an item or at a location, filtered by `updated_at`, `location_id`,
 * `inventory_item_id`, in location (or item) id order.
 *
 * @example
 * listInventoryLevels(store, { inventoryItemId: "gid://shopify/InventoryItem/5001" }, {});
 */
export function listInventoryLevels(
  store: FakeAdminStore,
  scope: { inventoryItemId?: string; locationId?: string },
  args: ListArgs,
): InventoryLevelRecord[] {
  const levels = [...store.inventoryLevels.values()].filter(
    (l) =>
      (scope.inventoryItemId === undefined || l.inventoryItemId === scope.inventoryItemId) &&
      (scope.locationId === undefined || l.locationId === scope.locationId),
  );
  return filterAndSort(
    levels,
    { query: args.query },
    (l, field) => {
      switch (field) {
        case "updated_at":
          return l.updatedAt;
        case "created_at":
          return l.createdAt;
        case "location_id":
          return numericIdOf(l.locationId);
        case "inventory_item_id":
          return numericIdOf(l.inventoryItemId);
        default:
          return undefined;
      }
    },
    { ID: (l) => (scope.inventoryItemId ? numericIdOf(l.locationId) : numericIdOf(l.inventoryItemId)) },
  );
}
