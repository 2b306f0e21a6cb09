import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { decimalToMinorUnits } from "~/domain/money/minor-units";
import { localDay } from "~/domain/calendar/local-day";
import {
  removeOrdersNotSeen,
  removeProductsAndVariantsNotSeen,
  rebuildSalesDaily,
  writeLevelBatch,
  writeOrderBatch,
  writeProductBatch,
  writeVariantBatch,
  type LevelRow,
  type OrderLine,
  type OrderSnapshot,
  type ProductRow,
  type VariantRow,
} from "~/models/store-sync.server";

/**
 * Importers of bulk operation results. Both read the JSONL as a stream of lines and write in batches,
 * so memory stays flat whatever the store's size (bench/sync.ts measures it). A line that is not JSON
 * or not an object Pulse expects is counted as skipped and the import goes on; when anything was
 * skipped, nothing is deleted at the end (a gap in the file must not look like deleted products).
 */

/**
 * Keeps an import's resident memory flat. Each batch leaves about 40 KB of garbage per row in Prisma's
 * query rendering, and the SQLite driver frees a prepared statement's native memory only when its small
 * JavaScript handle is collected (tursodatabase/libsql-js#153), which V8 cannot see. Left alone, V8 lets
 * the heap grow past 130 MB before collecting (bench/sync.ts). After a batch, once the process is more
 * than `headroomBytes` above its size at the start of the import, this runs a full collection and
 * yields one turn of the event loop so the driver's finalizers run. A collection of the import's small
 * live set takes milliseconds; at most one every `minBatchesBetween` batches.
 */
class ImportMemoryCeiling {
  private readonly ceilingRss: number;
  private batchesSinceCollection = 0;
  /**
   * @param headroomBytes growth over the resident size at the start of the import that triggers a
   *   collection.
   * @param minBatchesBetween batches to let pass between two collections, so a process that cannot
   *   get below the ceiling (memory held by something else) does not collect after every batch.
   */
  constructor(
    headroomBytes = 64 * 1024 * 1024,
    private readonly minBatchesBetween = 4,
  ) {
    this.ceilingRss = process.memoryUsage.rss() + headroomBytes;
  }

  async afterBatch(): Promise<void> {
    this.batchesSinceCollection++;
    if (this.batchesSinceCollection < this.minBatchesBetween) return;
    if (process.memoryUsage.rss() < this.ceilingRss) return;
    this.batchesSinceCollection = 0;
    fullCollection()();
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

let collector: (() => void) | undefined;
/** V8's full collection: `gc` when the process was started with --expose-gc, otherwise exposed once here. */
function fullCollection(): () => void {
  if (!collector) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (typeof exposed === "function") collector = exposed;
    else {
      // The flag only affects contexts created after it is set, hence the fresh context.
      setFlagsFromString("--expose-gc");
      collector = runInNewContext("gc") as () => void;
    }
  }
  return collector;
}

export interface ImportProgress {
  objectsDone: number;
  skippedLines: number;
}

export interface ImportOptions {
  /** Objects per write batch (default 500 for the catalogue, 200 orders). */
  batchSize?: number;
  /** Called after every batch (the sync run's progress). */
  onProgress?: (progress: ImportProgress) => Promise<void> | void;
  /** Told about each skipped line (default: a warning on the console). */
  onSkip?: (reason: string, line: string) => void;
  now?: () => Date;
}

export interface CatalogImportResult extends ImportProgress {
  products: number;
  variants: number;
  levels: number;
  created: number;
  updated: number;
  orphaned: number;
  productsDeleted: number;
  variantsRemoved: number;
  /** False when lines were skipped: deletions were then not applied. */
  complete: boolean;
}

const kindOf = (id: unknown) =>
  typeof id === "string" ? (/^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1] ?? null) : null;

/** Shopify quantity name → InventoryLevel column; names Pulse does not mirror are ignored. */
const QUANTITY_COLUMNS = {
  available: "available",
  on_hand: "onHand",
  incoming: "incoming",
  committed: "committed",
  reserved: "reserved",
  safety_stock: "safetyStock",
} as const satisfies Record<string, keyof LevelRow>;

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return value !== null && typeof value === "object" && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

const warnSkip = (reason: string, line: string) =>
  console.warn(`[sync] skipped a bulk result line (${reason}): ${line.slice(0, 200)}`);

function productRow(o: Record<string, unknown>): ProductRow | null {
  if (typeof o.title !== "string" || typeof o.handle !== "string") return null;
  return {
    shopifyId: o.id as string,
    title: o.title,
    handle: o.handle,
    vendor: typeof o.vendor === "string" ? o.vendor : "",
    productType: typeof o.productType === "string" ? o.productType : "",
    status: typeof o.status === "string" ? o.status : "ACTIVE",
    tags: Array.isArray(o.tags) ? o.tags.filter((t): t is string => typeof t === "string") : [],
    shopifyUpdatedAt: typeof o.updatedAt === "string" ? new Date(o.updatedAt) : null,
  };
}

function variantRow(o: Record<string, unknown>): VariantRow | null {
  const item = o.inventoryItem as { id?: unknown; unitCost?: { amount?: string } | null } | null | undefined;
  if (typeof o.__parentId !== "string" || typeof item?.id !== "string" || typeof o.title !== "string")
    return null;
  const options = Array.isArray(o.selectedOptions) ? (o.selectedOptions as unknown[]) : [];
  return {
    shopifyId: o.id as string,
    productShopifyId: o.__parentId,
    shopifyInventoryItemId: item.id,
    title: o.title,
    sku: typeof o.sku === "string" && o.sku !== "" ? o.sku : null,
    priceMinor: decimalToMinorUnits(o.price as string) ?? 0,
    unitCostMinor: decimalToMinorUnits(item.unitCost?.amount),
    selectedOptions: options.flatMap((x) => {
      const opt = x as { name?: unknown; value?: unknown };
      return typeof opt?.name === "string" && typeof opt.value === "string"
        ? [{ name: opt.name, value: opt.value }]
        : [];
    }),
    position: typeof o.position === "number" ? o.position : 1,
    shopifyUpdatedAt: typeof o.updatedAt === "string" ? new Date(o.updatedAt) : null,
  };
}

function levelRow(o: Record<string, unknown>): LevelRow | null {
  const location = o.location as { id?: unknown } | null | undefined;
  if (typeof o.__parentId !== "string" || typeof location?.id !== "string" || !Array.isArray(o.quantities))
    return null;
  const row: LevelRow = {
    variantShopifyId: o.__parentId,
    locationShopifyId: location.id,
    available: 0,
    onHand: 0,
    incoming: 0,
    committed: 0,
    reserved: 0,
    safetyStock: 0,
    shopifyUpdatedAt: null,
  };
  for (const q of o.quantities as { name?: unknown; quantity?: unknown; updatedAt?: unknown }[]) {
    const column = QUANTITY_COLUMNS[q?.name as keyof typeof QUANTITY_COLUMNS];
    if (!column || typeof q.quantity !== "number") continue; // unknown quantity names are not ours
    row[column] = q.quantity;
    if (typeof q.updatedAt === "string") {
      const at = new Date(q.updatedAt);
      if (!row.shopifyUpdatedAt || at > row.shopifyUpdatedAt) row.shopifyUpdatedAt = at;
    }
  }
  return row;
}

/**
 * Imports the catalogue bulk result (CatalogBulk: products, variant lines with `__parentId` = product,
 * level lines with `__parentId` = variant). Parents are always written before the children of the
 * same batch. When every line was read, products missing from the result are marked deleted and
 * variants missing are removed.
 *
 * @example
 * await importCatalogJsonl(shopId, fetchJsonlLines(op.url), locationIds);
 */
export async function importCatalogJsonl(
  shopId: string,
  lines: AsyncIterable<string>,
  locationIds: Map<string, string>,
  options: ImportOptions = {},
): Promise<CatalogImportResult> {
  const batchSize = options.batchSize ?? 500;
  const onSkip = options.onSkip ?? warnSkip;
  const result: CatalogImportResult = {
    objectsDone: 0,
    skippedLines: 0,
    products: 0,
    variants: 0,
    levels: 0,
    created: 0,
    updated: 0,
    orphaned: 0,
    productsDeleted: 0,
    variantsRemoved: 0,
    complete: true,
  };
  const memory = new ImportMemoryCeiling();
  // Ids only, for the deletion pass (a few MB at 100k variants).
  const seenProducts = new Set<string>();
  const seenVariants = new Set<string>();
  let products: ProductRow[] = [];
  let variants: VariantRow[] = [];
  let levels: LevelRow[] = [];

  const count = (outcome: { created: number; updated: number; orphaned: number }) => {
    result.created += outcome.created;
    result.updated += outcome.updated;
    result.orphaned += outcome.orphaned;
  };
  const flush = async () => {
    if (products.length > 0) count(await writeProductBatch(shopId, products));
    if (variants.length > 0) count(await writeVariantBatch(shopId, variants));
    if (levels.length > 0) count(await writeLevelBatch(shopId, levels, locationIds));
    products = [];
    variants = [];
    levels = [];
    await options.onProgress?.({ objectsDone: result.objectsDone, skippedLines: result.skippedLines });
    await memory.afterBatch();
  };
  const skip = (reason: string, line: string) => {
    result.skippedLines++;
    onSkip(reason, line);
  };

  for await (const line of lines) {
    const o = parseLine(line);
    if (!o) {
      skip("not a JSON object", line);
      continue;
    }
    switch (kindOf(o.id)) {
      case "Product": {
        const row = productRow(o);
        if (!row) skip("product without title or handle", line);
        else {
          products.push(row);
          seenProducts.add(row.shopifyId);
          result.products++;
        }
        break;
      }
      case "ProductVariant": {
        const row = variantRow(o);
        if (!row) skip("variant without parent, title or inventory item", line);
        else {
          variants.push(row);
          seenVariants.add(row.shopifyId);
          result.variants++;
        }
        break;
      }
      case "InventoryLevel": {
        const row = levelRow(o);
        if (!row) skip("inventory level without parent, location or quantities", line);
        else {
          levels.push(row);
          result.levels++;
        }
        break;
      }
      default:
        skip("unexpected object", line);
        continue;
    }
    result.objectsDone++;
    if (products.length + variants.length + levels.length >= batchSize) await flush();
  }
  await flush();
  // Orphans (a variant whose product line never came) are also a gap: keep everything then.
  result.complete = result.skippedLines === 0 && result.orphaned === 0;
  if (result.complete) {
    const removed = await removeProductsAndVariantsNotSeen(
      shopId,
      seenProducts,
      seenVariants,
      options.now?.() ?? new Date(),
    );
    result.productsDeleted = removed.productsDeleted;
    result.variantsRemoved = removed.variantsRemoved;
  }
  return result;
}

export interface OrdersImportResult extends ImportProgress {
  orders: number;
  ordersChanged: number;
  linesDropped: number;
  ordersRemoved: number;
  salesDaily: { created: number; updated: number; deleted: number };
  complete: boolean;
}

interface OrderInProgress {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  cancelled: boolean;
  locationShopifyId: string | null;
  lines: { id: string; variantId: string | null; quantity: number; currentQuantity: number; price: number }[];
}

/**
 * Reduces one order to its ledger lines: units still sold (current quantity after refunds and edits),
 * units refunded and revenue per line, on the shop-local day it was placed, at the location that
 * fulfils it. A cancelled order keeps zero lines, so an older orders/create cannot bring it back.
 */
export function orderSnapshot(
  order: OrderInProgress,
  timezone: string,
  fallbackLocationShopifyId: string | null,
): OrderSnapshot {
  const day = localDay(order.createdAt, timezone);
  const locationShopifyId = order.locationShopifyId ?? fallbackLocationShopifyId;
  const lines: OrderLine[] = [];
  for (const line of order.lines) {
    if (!line.variantId || !locationShopifyId) continue; // custom or deleted item: no variant to count
    const unitsSold = order.cancelled ? 0 : line.currentQuantity;
    const unitsRefunded = order.cancelled ? 0 : Math.max(0, line.quantity - line.currentQuantity);
    lines.push({
      shopifyLineItemId: line.id,
      variantShopifyId: line.variantId,
      locationShopifyId,
      day,
      unitsSold,
      unitsRefunded,
      revenueMinor: Math.round(line.price * 100) * unitsSold,
    });
  }
  return { shopifyOrderId: order.id, updatedAt: order.updatedAt, lines };
}

/**
 * Imports the orders bulk result (OrdersBulk run with groupObjects, so an order's fulfillment-order
 * and line-item lines follow it). Writes the order ledger in batches, then rebuilds SalesDaily for the
 * days from `fromDay` on (every day when null, i.e. with read_all_orders).
 *
 * @example
 * await importOrdersJsonl(shopId, lines, { timezone: "America/New_York", fromDay: "2026-09-30", ... });
 */
export async function importOrdersJsonl(
  shopId: string,
  lines: AsyncIterable<string>,
  context: {
    timezone: string;
    fromDay: string | null;
    locationIds: Map<string, string>;
    fallbackLocationShopifyId: string | null;
  },
  options: ImportOptions = {},
): Promise<OrdersImportResult> {
  const batchSize = options.batchSize ?? 200;
  const onSkip = options.onSkip ?? warnSkip;
  const result: OrdersImportResult = {
    objectsDone: 0,
    skippedLines: 0,
    orders: 0,
    ordersChanged: 0,
    linesDropped: 0,
    ordersRemoved: 0,
    salesDaily: { created: 0, updated: 0, deleted: 0 },
    complete: true,
  };
  const memory = new ImportMemoryCeiling();
  const seenOrders = new Set<string>();
  let current: OrderInProgress | null = null;
  let batch: OrderSnapshot[] = [];

  const flushBatch = async () => {
    if (batch.length > 0) {
      const written = await writeOrderBatch(shopId, batch, context.locationIds);
      result.ordersChanged += written.ordersChanged;
      result.linesDropped += written.linesDropped;
      batch = [];
      await memory.afterBatch();
    }
    await options.onProgress?.({ objectsDone: result.objectsDone, skippedLines: result.skippedLines });
  };
  const finishOrder = async () => {
    if (!current) return;
    const snapshot = orderSnapshot(current, context.timezone, context.fallbackLocationShopifyId);
    current = null;
    const day = snapshot.lines[0]?.day;
    // The first day of a limited window is only partly visible: leave it to the webhooks.
    if (context.fromDay && day !== undefined && day < context.fromDay) return;
    seenOrders.add(snapshot.shopifyOrderId);
    batch.push(snapshot);
    if (batch.length >= batchSize) await flushBatch();
  };
  const skip = (reason: string, line: string) => {
    result.skippedLines++;
    onSkip(reason, line);
  };

  for await (const line of lines) {
    const o = parseLine(line);
    if (!o) {
      skip("not a JSON object", line);
      continue;
    }
    const kind = kindOf(o.id);
    if (kind === "Order") {
      await finishOrder();
      if (typeof o.createdAt !== "string" || typeof o.updatedAt !== "string") {
        skip("order without dates", line);
        continue;
      }
      current = {
        id: o.id as string,
        createdAt: new Date(o.createdAt),
        updatedAt: new Date(o.updatedAt),
        cancelled: typeof o.cancelledAt === "string",
        locationShopifyId: null,
        lines: [],
      };
      result.orders++;
    } else if (kind === "FulfillmentOrder" || kind === "LineItem") {
      if (!current || o.__parentId !== current.id) {
        skip("child line not directly after its order", line);
        continue;
      }
      if (kind === "FulfillmentOrder") {
        const location = (o.assignedLocation as { location?: { id?: unknown } | null } | null)?.location;
        if (typeof location?.id === "string") current.locationShopifyId ??= location.id;
      } else {
        const price = (o.originalUnitPriceSet as { shopMoney?: { amount?: string } } | null)?.shopMoney
          ?.amount;
        if (typeof o.quantity !== "number") {
          skip("line item without quantity", line);
          continue;
        }
        current.lines.push({
          id: o.id as string,
          variantId: (o.variant as { id?: string } | null)?.id ?? null,
          quantity: o.quantity,
          currentQuantity: typeof o.currentQuantity === "number" ? o.currentQuantity : o.quantity,
          price: Number(price ?? 0),
        });
      }
    } else {
      skip("unexpected object", line);
      continue;
    }
    result.objectsDone++;
  }
  await finishOrder();
  await flushBatch();
  result.complete = result.skippedLines === 0;
  if (result.complete) {
    result.ordersRemoved = await removeOrdersNotSeen(shopId, context.fromDay, seenOrders);
  }
  result.salesDaily = await rebuildSalesDaily(shopId, context.fromDay);
  return result;
}
