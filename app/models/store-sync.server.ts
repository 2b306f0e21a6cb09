import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

/**
 * Batch writes of the full sync (bulk operation JSONL) and the order ledger behind SalesDaily.
 * Every batch reads the rows it may touch, creates the new ones with createMany and updates only
 * those whose values differ: a first sync is a few inserts per 500 objects, and re-running a sync
 * over an unchanged store writes nothing at all.
 */

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const sameDate = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);

// ---- sync runs ----

export type SyncKind = "catalog" | "orders";
export type SyncRunStatus = "running" | "importing" | "succeeded" | "failed";

export function createSyncRun(data: {
  shopId: string;
  kind: SyncKind;
  trigger: string;
  bulkOperationId: string | null;
  windowStartDay?: string | null;
  status?: SyncRunStatus;
  lastError?: string | null;
  startedAt: Date;
  finishedAt?: Date | null;
}) {
  return db().syncRun.create({ data });
}

export function findSyncRun(shopId: string, id: string) {
  return db().syncRun.findFirst({ where: { shopId, id } });
}

export function findSyncRunByBulkOperation(shopId: string, bulkOperationId: string) {
  return db().syncRun.findFirst({ where: { shopId, bulkOperationId }, orderBy: { startedAt: "desc" } });
}

/** Runs of a shop not finished yet (running or importing). */
export function unfinishedSyncRuns(shopId: string) {
  return db().syncRun.findMany({ where: { shopId, status: { in: ["running", "importing"] } } });
}

/** The latest run of each kind, for the sync status shown in the app. */
export async function latestSyncRuns(shopId: string) {
  const [catalog, orders] = await Promise.all(
    (["catalog", "orders"] as const).map((kind) =>
      db().syncRun.findFirst({ where: { shopId, kind }, orderBy: { startedAt: "desc" } }),
    ),
  );
  return { catalog: catalog ?? null, orders: orders ?? null };
}

/** The latest succeeded run of a kind (its finish time is the kind's "last success"). */
export function lastSucceededSyncRun(shopId: string, kind: SyncKind) {
  return db().syncRun.findFirst({
    where: { shopId, kind, status: "succeeded" },
    orderBy: { finishedAt: "desc" },
  });
}

/** The last orders window that was imported completely (for deciding whether an order was counted). */
export function lastSucceededOrdersRun(shopId: string) {
  return db().syncRun.findFirst({
    where: { shopId, kind: "orders", status: "succeeded" },
    orderBy: { startedAt: "desc" },
  });
}

/**
 * Claims a run's import for this caller. The webhook and the polling fallback may both see the bulk
 * operation finish: the conditional update lets exactly one of them import. An import left
 * "importing" since before `staleBefore` (its process died) may be claimed again.
 */
export async function claimSyncRunImport(
  id: string,
  at: Date,
  staleBefore: Date,
  objectsTotal: number | null,
): Promise<boolean> {
  const claimed = await db().syncRun.updateMany({
    where: {
      id,
      OR: [{ status: "running" }, { status: "importing", importStartedAt: { lt: staleBefore } }],
    },
    data: { status: "importing", importStartedAt: at, objectsTotal, objectsDone: 0, skippedLines: 0 },
  });
  return claimed.count === 1;
}

export function updateSyncRunProgress(id: string, progress: { objectsDone: number; skippedLines: number }) {
  return db().syncRun.update({ where: { id }, data: progress });
}

export async function finishSyncRun(
  run: { id: string; shopId: string; kind: string },
  outcome: {
    status: "succeeded" | "failed";
    at: Date;
    lastError?: string | null;
    details?: Prisma.InputJsonValue;
    objectsDone?: number;
    skippedLines?: number;
  },
) {
  await db().syncRun.update({
    where: { id: run.id },
    data: {
      status: outcome.status,
      finishedAt: outcome.at,
      lastError: outcome.lastError ?? null,
      ...(outcome.details !== undefined ? { details: outcome.details } : {}),
      ...(outcome.objectsDone !== undefined ? { objectsDone: outcome.objectsDone } : {}),
      ...(outcome.skippedLines !== undefined ? { skippedLines: outcome.skippedLines } : {}),
    },
  });
  if (outcome.status === "succeeded" && run.kind === "catalog") {
    await db().shop.update({ where: { id: run.shopId }, data: { lastFullSyncAt: outcome.at } });
  }
}

// ---- locations ----

export interface LocationRow {
  shopifyId: string;
  name: string;
  countryCode: string | null;
  provinceCode: string | null;
  isActive: boolean;
}

/** Upserts the shop's locations (a handful) and returns Pulse ids by Shopify id. */
export async function syncLocations(shopId: string, rows: LocationRow[]): Promise<Map<string, string>> {
  const existing = await db().location.findMany({ where: { shopId } });
  const byShopifyId = new Map(existing.map((l) => [l.shopifyId, l]));
  for (const row of rows) {
    const current = byShopifyId.get(row.shopifyId);
    if (!current) {
      const created = await db().location.create({ data: { shopId, ...row } });
      byShopifyId.set(row.shopifyId, created);
    } else if (
      current.name !== row.name ||
      current.countryCode !== row.countryCode ||
      current.provinceCode !== row.provinceCode ||
      current.isActive !== row.isActive
    ) {
      await db().location.update({ where: { id: current.id }, data: row });
    }
  }
  return new Map([...byShopifyId.values()].map((l) => [l.shopifyId, l.id]));
}

export async function locationIdsByShopifyId(shopId: string): Promise<Map<string, string>> {
  const rows = await db().location.findMany({ where: { shopId }, select: { id: true, shopifyId: true } });
  return new Map(rows.map((l) => [l.shopifyId, l.id]));
}

/** The location orders without a fulfilment location are counted at: the first active one. */
export function primaryLocation(shopId: string) {
  return db().location.findFirst({ where: { shopId, isActive: true }, orderBy: { createdAt: "asc" } });
}

// ---- catalogue ----

export interface ProductRow {
  shopifyId: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  status: string;
  tags: string[];
  shopifyUpdatedAt: Date | null;
}

export interface VariantRow {
  shopifyId: string;
  productShopifyId: string;
  shopifyInventoryItemId: string;
  title: string;
  sku: string | null;
  priceMinor: number;
  unitCostMinor: number | null;
  selectedOptions: { name: string; value: string }[];
  position: number;
  shopifyUpdatedAt: Date | null;
}

export interface LevelRow {
  variantShopifyId: string;
  locationShopifyId: string;
  available: number;
  onHand: number;
  incoming: number;
  committed: number;
  reserved: number;
  safetyStock: number;
  shopifyUpdatedAt: Date | null;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  /** Rows whose parent (product, variant or location) Pulse does not know. */
  orphaned: number;
}

/** Writes a batch of products (by Shopify id), undeleting any that reappear. */
export async function writeProductBatch(shopId: string, rows: ProductRow[]): Promise<BatchOutcome> {
  const existing = await db().product.findMany({
    where: { shopId, shopifyId: { in: rows.map((r) => r.shopifyId) } },
  });
  const byShopifyId = new Map(existing.map((p) => [p.shopifyId, p]));
  const creates: Prisma.ProductCreateManyInput[] = [];
  const updates: Prisma.PrismaPromise<unknown>[] = [];
  for (const row of rows) {
    const current = byShopifyId.get(row.shopifyId);
    if (!current) {
      creates.push({ shopId, ...row, tags: row.tags });
      continue;
    }
    const changed =
      current.title !== row.title ||
      current.handle !== row.handle ||
      current.vendor !== row.vendor ||
      current.productType !== row.productType ||
      current.status !== row.status ||
      current.deletedAt !== null ||
      !sameJson(current.tags, row.tags) ||
      !sameDate(current.shopifyUpdatedAt, row.shopifyUpdatedAt);
    if (changed) {
      updates.push(
        db().product.update({
          where: { id: current.id },
          data: { ...row, tags: row.tags, deletedAt: null },
        }),
      );
    }
  }
  if (creates.length > 0) await db().product.createMany({ data: creates });
  if (updates.length > 0) await db().$transaction(updates);
  return { created: creates.length, updated: updates.length, orphaned: 0 };
}

/** Writes a batch of variants; their products must have been written before. */
export async function writeVariantBatch(shopId: string, rows: VariantRow[]): Promise<BatchOutcome> {
  const [products, existing] = await Promise.all([
    db().product.findMany({
      where: { shopId, shopifyId: { in: [...new Set(rows.map((r) => r.productShopifyId))] } },
      select: { id: true, shopifyId: true },
    }),
    db().variant.findMany({ where: { shopId, shopifyId: { in: rows.map((r) => r.shopifyId) } } }),
  ]);
  const productIds = new Map(products.map((p) => [p.shopifyId, p.id]));
  const byShopifyId = new Map(existing.map((v) => [v.shopifyId, v]));
  const creates: Prisma.VariantCreateManyInput[] = [];
  const updates: Prisma.PrismaPromise<unknown>[] = [];
  let orphaned = 0;
  for (const { productShopifyId, ...row } of rows) {
    const productId = productIds.get(productShopifyId);
    if (!productId) {
      orphaned++;
      continue;
    }
    const current = byShopifyId.get(row.shopifyId);
    if (!current) {
      creates.push({ shopId, productId, ...row });
      continue;
    }
    const changed =
      current.productId !== productId ||
      current.shopifyInventoryItemId !== row.shopifyInventoryItemId ||
      current.title !== row.title ||
      current.sku !== row.sku ||
      current.priceMinor !== row.priceMinor ||
      current.unitCostMinor !== row.unitCostMinor ||
      current.position !== row.position ||
      !sameJson(current.selectedOptions, row.selectedOptions) ||
      !sameDate(current.shopifyUpdatedAt, row.shopifyUpdatedAt);
    if (changed)
      updates.push(db().variant.update({ where: { id: current.id }, data: { productId, ...row } }));
  }
  if (creates.length > 0) await db().variant.createMany({ data: creates });
  if (updates.length > 0) await db().$transaction(updates);
  return { created: creates.length, updated: updates.length, orphaned };
}

/** Writes a batch of inventory levels; their variants must have been written before. */
export async function writeLevelBatch(
  shopId: string,
  rows: LevelRow[],
  locationIds: Map<string, string>,
): Promise<BatchOutcome> {
  const variants = await db().variant.findMany({
    where: { shopId, shopifyId: { in: [...new Set(rows.map((r) => r.variantShopifyId))] } },
    select: { id: true, shopifyId: true },
  });
  const variantIds = new Map(variants.map((v) => [v.shopifyId, v.id]));
  const existing = await db().inventoryLevel.findMany({
    where: { shopId, variantId: { in: variants.map((v) => v.id) } },
  });
  const byKey = new Map(existing.map((l) => [`${l.variantId}|${l.locationId}`, l]));
  const creates: Prisma.InventoryLevelCreateManyInput[] = [];
  const updates: Prisma.PrismaPromise<unknown>[] = [];
  let orphaned = 0;
  for (const { variantShopifyId, locationShopifyId, ...quantities } of rows) {
    const variantId = variantIds.get(variantShopifyId);
    const locationId = locationIds.get(locationShopifyId);
    if (!variantId || !locationId) {
      orphaned++;
      continue;
    }
    const current = byKey.get(`${variantId}|${locationId}`);
    if (!current) {
      creates.push({ shopId, variantId, locationId, ...quantities });
      continue;
    }
    const changed =
      current.available !== quantities.available ||
      current.onHand !== quantities.onHand ||
      current.incoming !== quantities.incoming ||
      current.committed !== quantities.committed ||
      current.reserved !== quantities.reserved ||
      current.safetyStock !== quantities.safetyStock ||
      !sameDate(current.shopifyUpdatedAt, quantities.shopifyUpdatedAt);
    if (changed) updates.push(db().inventoryLevel.update({ where: { id: current.id }, data: quantities }));
  }
  if (creates.length > 0) await db().inventoryLevel.createMany({ data: creates });
  if (updates.length > 0) await db().$transaction(updates);
  return { created: creates.length, updated: updates.length, orphaned };
}

/** Pages through a shop's Shopify ids of one model without loading them all at once. */
async function* shopifyIdPages(
  page: (cursor: string | null) => Promise<{ id: string; shopifyId: string }[]>,
): AsyncGenerator<{ id: string; shopifyId: string }[]> {
  let cursor: string | null = null;
  for (;;) {
    const rows = await page(cursor);
    if (rows.length === 0) return;
    yield rows;
    cursor = rows[rows.length - 1]!.id;
  }
}

const PAGE = 1000;

/**
 * After a complete catalogue sync: products Shopify no longer has are marked deleted (their history
 * stays), variants it no longer has are removed. Returns the counts.
 */
export async function removeProductsAndVariantsNotSeen(
  shopId: string,
  seenProducts: ReadonlySet<string>,
  seenVariants: ReadonlySet<string>,
  at: Date,
): Promise<{ productsDeleted: number; variantsRemoved: number }> {
  let productsDeleted = 0;
  let variantsRemoved = 0;
  for await (const rows of shopifyIdPages((cursor) =>
    db().product.findMany({
      where: { shopId, deletedAt: null, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, shopifyId: true },
      orderBy: { id: "asc" },
      take: PAGE,
    }),
  )) {
    const gone = rows.filter((r) => !seenProducts.has(r.shopifyId)).map((r) => r.id);
    if (gone.length > 0) {
      const result = await db().product.updateMany({
        where: { id: { in: gone } },
        data: { deletedAt: at, status: "ARCHIVED" },
      });
      productsDeleted += result.count;
    }
  }
  const goneVariants: string[] = [];
  for await (const rows of shopifyIdPages((cursor) =>
    db().variant.findMany({
      where: { shopId, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, shopifyId: true },
      orderBy: { id: "asc" },
      take: PAGE,
    }),
  )) {
    for (const row of rows) if (!seenVariants.has(row.shopifyId)) goneVariants.push(row.id);
  }
  for (let i = 0; i < goneVariants.length; i += PAGE) {
    const result = await db().variant.deleteMany({ where: { id: { in: goneVariants.slice(i, i + PAGE) } } });
    variantsRemoved += result.count;
  }
  return { productsDeleted, variantsRemoved };
}

export function countCatalog(shopId: string) {
  return Promise.all([
    db().product.count({ where: { shopId, deletedAt: null } }),
    db().variant.count({ where: { shopId } }),
    db().inventoryLevel.count({ where: { shopId } }),
  ]).then(([products, variants, levels]) => ({ products, variants, levels }));
}

// ---- order ledger and daily sales ----

export interface OrderLine {
  shopifyLineItemId: string;
  variantShopifyId: string;
  locationShopifyId: string;
  day: string;
  unitsSold: number;
  unitsRefunded: number;
  revenueMinor: number;
}

export interface OrderSnapshot {
  shopifyOrderId: string;
  updatedAt: Date;
  lines: OrderLine[];
}

type LedgerRow = Prisma.OrderLineSaleCreateManyInput;

/** Resolves Shopify variant and location ids of order lines to Pulse ids; unknown ones are dropped. */
async function toLedgerRows(
  shopId: string,
  orders: OrderSnapshot[],
  locationIds: Map<string, string>,
): Promise<{ rows: LedgerRow[]; dropped: number }> {
  const variantShopifyIds = [...new Set(orders.flatMap((o) => o.lines.map((l) => l.variantShopifyId)))];
  const variants = await db().variant.findMany({
    where: { shopId, shopifyId: { in: variantShopifyIds } },
    select: { id: true, shopifyId: true },
  });
  const variantIds = new Map(variants.map((v) => [v.shopifyId, v.id]));
  const rows: LedgerRow[] = [];
  let dropped = 0;
  for (const order of orders) {
    for (const line of order.lines) {
      const variantId = variantIds.get(line.variantShopifyId);
      const locationId = locationIds.get(line.locationShopifyId);
      if (!variantId || !locationId) {
        dropped++;
        continue;
      }
      rows.push({
        shopId,
        shopifyOrderId: order.shopifyOrderId,
        shopifyLineItemId: line.shopifyLineItemId,
        variantId,
        locationId,
        day: line.day,
        unitsSold: line.unitsSold,
        unitsRefunded: line.unitsRefunded,
        revenueMinor: line.revenueMinor,
        orderUpdatedAt: order.updatedAt,
      });
    }
  }
  return { rows, dropped };
}

const ledgerKey = (r: {
  shopifyLineItemId: string;
  variantId: string;
  locationId: string;
  day: string;
  unitsSold: number;
  unitsRefunded: number;
  revenueMinor: number;
  orderUpdatedAt: Date | string;
}) =>
  [
    r.shopifyLineItemId,
    r.variantId,
    r.locationId,
    r.day,
    r.unitsSold,
    r.unitsRefunded,
    r.revenueMinor,
    new Date(r.orderUpdatedAt).getTime(),
  ].join("|");

/**
 * Full sync: replaces the ledger rows of a batch of orders where they differ from what Shopify says
 * now. SalesDaily is rebuilt from the ledger afterwards ({@link rebuildSalesDaily}).
 */
export async function writeOrderBatch(
  shopId: string,
  orders: OrderSnapshot[],
  locationIds: Map<string, string>,
): Promise<{ ordersChanged: number; linesDropped: number }> {
  const { rows, dropped } = await toLedgerRows(shopId, orders, locationIds);
  const existing = await db().orderLineSale.findMany({
    where: { shopId, shopifyOrderId: { in: orders.map((o) => o.shopifyOrderId) } },
  });
  const signatures = (list: (Parameters<typeof ledgerKey>[0] & { shopifyOrderId: string })[]) => {
    const byOrder = new Map<string, string[]>();
    for (const row of list)
      byOrder.set(row.shopifyOrderId, [...(byOrder.get(row.shopifyOrderId) ?? []), ledgerKey(row)]);
    return (id: string) => (byOrder.get(id) ?? []).sort().join(";");
  };
  const before = signatures(existing);
  const after = signatures(rows as (LedgerRow & { orderUpdatedAt: Date })[]);
  const changed = orders.map((o) => o.shopifyOrderId).filter((id) => before(id) !== after(id));
  if (changed.length > 0) {
    await db().$transaction([
      db().orderLineSale.deleteMany({ where: { shopId, shopifyOrderId: { in: changed } } }),
      db().orderLineSale.createMany({ data: rows.filter((r) => changed.includes(r.shopifyOrderId)) }),
    ]);
  }
  return { ordersChanged: changed.length, linesDropped: dropped };
}

/** After a complete orders sync: ledger rows of orders (from `fromDay` on) Shopify no longer returned. */
export async function removeOrdersNotSeen(
  shopId: string,
  fromDay: string | null,
  seenOrders: ReadonlySet<string>,
): Promise<number> {
  const dayFilter = fromDay ? { day: { gte: fromDay } } : {};
  const rows = await db().orderLineSale.findMany({
    where: { shopId, ...dayFilter },
    select: { shopifyOrderId: true },
    distinct: ["shopifyOrderId"],
  });
  const gone = rows.map((r) => r.shopifyOrderId).filter((id) => !seenOrders.has(id));
  let removed = 0;
  for (let i = 0; i < gone.length; i += PAGE) {
    const result = await db().orderLineSale.deleteMany({
      where: { shopId, shopifyOrderId: { in: gone.slice(i, i + PAGE) } },
    });
    removed += result.count;
  }
  return removed;
}

/**
 * Recomputes SalesDaily from the order ledger for every day from `fromDay` on (all days when null):
 * rows are created, corrected or removed so the table equals the ledger's sums. Days before `fromDay`
 * (older than the order history Shopify lets Pulse read) are left as they are.
 */
export async function rebuildSalesDaily(
  shopId: string,
  fromDay: string | null,
): Promise<{ created: number; updated: number; deleted: number }> {
  const dayFilter = fromDay ? { day: { gte: fromDay } } : {};
  const sums = await db().orderLineSale.groupBy({
    by: ["variantId", "locationId", "day"],
    where: { shopId, ...dayFilter },
    _sum: { unitsSold: true, unitsRefunded: true, revenueMinor: true },
  });
  const existing = await db().salesDaily.findMany({ where: { shopId, ...dayFilter } });
  const byKey = new Map(existing.map((r) => [`${r.variantId}|${r.locationId}|${r.day}`, r]));
  const creates: Prisma.SalesDailyCreateManyInput[] = [];
  const updates: Prisma.PrismaPromise<unknown>[] = [];
  for (const sum of sums) {
    const values = {
      unitsSold: sum._sum.unitsSold ?? 0,
      unitsRefunded: sum._sum.unitsRefunded ?? 0,
      revenueMinor: sum._sum.revenueMinor ?? 0,
    };
    const key = `${sum.variantId}|${sum.locationId}|${sum.day}`;
    const current = byKey.get(key);
    byKey.delete(key);
    // Only cancelled orders that day: nothing was sold, so no row (as if there had been no order).
    if (values.unitsSold === 0 && values.unitsRefunded === 0 && values.revenueMinor === 0) {
      if (current) byKey.set(key, current);
      continue;
    }
    if (!current) {
      creates.push({
        shopId,
        variantId: sum.variantId,
        locationId: sum.locationId,
        day: sum.day,
        ...values,
      });
    } else if (
      current.unitsSold !== values.unitsSold ||
      current.unitsRefunded !== values.unitsRefunded ||
      current.revenueMinor !== values.revenueMinor
    ) {
      updates.push(db().salesDaily.update({ where: { id: current.id }, data: values }));
    }
  }
  const stale = [...byKey.values()].map((r) => r.id);
  for (let i = 0; i < creates.length; i += 500)
    await db().salesDaily.createMany({ data: creates.slice(i, i + 500) });
  for (let i = 0; i < updates.length; i += 500) await db().$transaction(updates.slice(i, i + 500));
  for (let i = 0; i < stale.length; i += PAGE)
    await db().salesDaily.deleteMany({ where: { id: { in: stale.slice(i, i + PAGE) } } });
  return { created: creates.length, updated: updates.length, deleted: stale.length };
}

/**
 * orders/create and orders/updated: replaces one order's ledger rows and moves SalesDaily by the
 * difference, in one transaction. Ignored ("stale") when Pulse already holds a newer version of the
 * order (Shopify does not guarantee delivery order). A redelivery changes nothing (difference zero).
 */
export async function applyOrderSnapshot(
  shopId: string,
  order: OrderSnapshot,
  locationIds: Map<string, string>,
): Promise<"applied" | "stale"> {
  const { rows } = await toLedgerRows(shopId, [order], locationIds);
  return db().$transaction(async (tx) => {
    const previous = await tx.orderLineSale.findMany({
      where: { shopId, shopifyOrderId: order.shopifyOrderId },
    });
    if (previous.some((r) => r.orderUpdatedAt.getTime() > order.updatedAt.getTime())) return "stale";
    const deltas = new Map<
      string,
      { variantId: string; locationId: string; day: string; units: number; refunded: number; revenue: number }
    >();
    const add = (
      r: {
        variantId: string;
        locationId: string;
        day: string;
        unitsSold: number;
        unitsRefunded: number;
        revenueMinor: number;
      },
      sign: 1 | -1,
    ) => {
      const key = `${r.variantId}|${r.locationId}|${r.day}`;
      const d = deltas.get(key) ?? {
        variantId: r.variantId,
        locationId: r.locationId,
        day: r.day,
        units: 0,
        refunded: 0,
        revenue: 0,
      };
      d.units += sign * r.unitsSold;
      d.refunded += sign * r.unitsRefunded;
      d.revenue += sign * r.revenueMinor;
      deltas.set(key, d);
    };
    for (const r of previous) add(r, -1);
    for (const r of rows) add(r, 1);
    for (const d of deltas.values()) {
      if (d.units === 0 && d.refunded === 0 && d.revenue === 0) continue;
      await tx.salesDaily.upsert({
        where: { variantId_locationId_day: { variantId: d.variantId, locationId: d.locationId, day: d.day } },
        create: {
          shopId,
          variantId: d.variantId,
          locationId: d.locationId,
          day: d.day,
          unitsSold: Math.max(0, d.units),
          unitsRefunded: Math.max(0, d.refunded),
          revenueMinor: Math.max(0, d.revenue),
        },
        update: {
          unitsSold: { increment: d.units },
          unitsRefunded: { increment: d.refunded },
          revenueMinor: { increment: d.revenue },
        },
      });
    }
    await tx.orderLineSale.deleteMany({ where: { shopId, shopifyOrderId: order.shopifyOrderId } });
    if (rows.length > 0) await tx.orderLineSale.createMany({ data: rows });
    return "applied";
  });
}

/** Whether Pulse holds ledger rows for an order (i.e. counted it before). */
export async function hasOrderLedger(shopId: string, shopifyOrderId: string): Promise<boolean> {
  return (await db().orderLineSale.count({ where: { shopId, shopifyOrderId } })) > 0;
}

// ---- products from webhooks ----

/** When Pulse marked the product deleted, if it did (a products/update older than that is ignored). */
export async function productDeletedAt(shopId: string, shopifyId: string): Promise<Date | null> {
  const row = await db().product.findUnique({
    where: { shopId_shopifyId: { shopId, shopifyId } },
    select: { deletedAt: true },
  });
  return row?.deletedAt ?? null;
}

export function listInstalledShops() {
  return db().shop.findMany({ where: { uninstalledAt: null }, select: { id: true, domain: true } });
}
