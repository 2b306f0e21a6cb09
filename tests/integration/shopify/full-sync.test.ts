import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { setAdminClientFactory } from "~/integrations/shopify/admin-for-shop.server";
import { InProcessJobQueue } from "~/jobs/in-process-queue.server";
import { storeWebhookJob } from "~/jobs/definitions/store-webhook.server";
import { importCatalogJsonl } from "~/services/bulk-sync.server";
import { locationIdsByShopifyId } from "~/models/store-sync.server";
import { runFullSync, startFullSync } from "~/services/store-sync.server";
import { action as bulkFinishRoute } from "~/routes/webhooks.bulk_operations.finish";
import {
  completeBulkOperations,
  pendingBulkFinishWebhooks,
  signedWebhookRequest,
} from "../../fakes/shopify-admin/index";
import {
  fakeCatalogState,
  fakeSalesDaily,
  mirrorCatalogState,
  mirrorSalesDaily,
  sortedState,
  syncFixture,
} from "./harness";

afterEach(() => setAdminClientFactory(null));

const stamp = async (shopId: string) => ({
  products: (await db().product.findMany({ where: { shopId }, orderBy: { id: "asc" } })).map((p) =>
    p.updatedAt.getTime(),
  ),
  variants: (await db().variant.findMany({ where: { shopId }, orderBy: { id: "asc" } })).map((v) =>
    v.updatedAt.getTime(),
  ),
  levels: (await db().inventoryLevel.findMany({ where: { shopId }, orderBy: { id: "asc" } })).map((l) =>
    l.updatedAt.getTime(),
  ),
  sales: (await db().salesDaily.findMany({ where: { shopId }, orderBy: { id: "asc" } })).map(
    (s) => `${s.id}:${s.unitsSold}:${s.revenueMinor}`,
  ),
});

describe("full sync through bulk operations", () => {
  it("mirrors the demo store (60 days of orders without read_all_orders); a second run changes nothing", async () => {
    const { store, shop, admin, deps, scenario } = await syncFixture({ orderHistoryDays: 60 });

    const first = await runFullSync(shop.id, admin, { ...deps, pollIntervalMs: 0 });
    expect(first.started.ok).toBe(true);
    expect(first.outcomes.map((o) => o.status)).toEqual(["imported", "imported"]);

    const mirror = await mirrorCatalogState(shop.id);
    expect(sortedState(mirror)).toEqual(sortedState(fakeCatalogState(store) as never));
    expect(mirror.levels.length).toBe(scenario.inventoryLevels.length);
    expect(await db().location.count({ where: { shopId: shop.id } })).toBe(scenario.locations.length);

    const ordersRun = await db().syncRun.findFirstOrThrow({ where: { shopId: shop.id, kind: "orders" } });
    // 60 days before 2026-11-23T00:00Z; the first, partial day is left out.
    expect(ordersRun.windowStartDay).toBe("2026-09-24");
    const expected = fakeSalesDaily(store, scenario.shop.timezone, ordersRun.windowStartDay);
    const sales = await mirrorSalesDaily(shop.id, ordersRun.windowStartDay);
    expect(sales.size).toBeGreaterThan(100);
    expect(Object.fromEntries(sales)).toEqual(Object.fromEntries(expected));
    // Nothing before the window was written.
    expect(await db().salesDaily.count({ where: { shopId: shop.id, day: { lt: "2026-09-24" } } })).toBe(0);

    const runs = await db().syncRun.findMany({ where: { shopId: shop.id } });
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    expect(runs.every((r) => r.objectsDone === r.objectsTotal)).toBe(true);
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).lastFullSyncAt).not.toBeNull();

    const before = await stamp(shop.id);
    const second = await runFullSync(shop.id, admin, { ...deps, pollIntervalMs: 0 });
    expect(second.outcomes.map((o) => o.status)).toEqual(["imported", "imported"]);
    const catalogRun = await db().syncRun.findFirstOrThrow({
      where: { shopId: shop.id, kind: "catalog" },
      orderBy: { startedAt: "desc" },
    });
    expect(catalogRun.details).toMatchObject({
      created: 0,
      updated: 0,
      productsDeleted: 0,
      variantsRemoved: 0,
    });
    expect(await stamp(shop.id)).toEqual(before);
  }, 240_000);

  it("with read_all_orders reads every order, and the bulk_operations/finish webhook completes the runs", async () => {
    const { store, shop, admin, deps, scenario } = await syncFixture({
      scopes: "read_products,read_inventory,read_orders,read_all_orders",
      trimOrdersTo: 600,
    });
    setAdminClientFactory(async () => admin);
    const started = await startFullSync(shop.id, admin, "manual", deps);
    expect(started.ok).toBe(true);
    expect(await db().syncRun.count({ where: { shopId: shop.id, status: "running" } })).toBe(2);

    // Shopify finishes the operations and announces them; the signed webhooks go through the route.
    completeBulkOperations(store);
    const hooks = pendingBulkFinishWebhooks(store);
    expect(hooks).toHaveLength(2);
    for (const hook of hooks) {
      const request = signedWebhookRequest({
        url: "https://my-test-app.myshopify.io/webhooks/bulk_operations/finish",
        shop: shop.domain,
        secret: "testApiSecretKey",
        ...hook,
      });
      expect((await bulkFinishRoute({ request, params: {}, context: {} })).status).toBe(200);
    }
    const queue = new InProcessJobQueue({ definitions: [storeWebhookJob], log: () => {} });
    // The job uses the default JSONL download; answer it from the fake's files.
    setAdminClientFactory(async () => admin);
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: string | URL | Request) => {
      const url = String(input instanceof Request ? input.url : input);
      const id = /\/bulk\/(\d+)\.jsonl$/.exec(url)?.[1];
      return new Response(store.bulkResults.get(id ?? "") ?? "", { status: id ? 200 : 404 });
    }) as typeof fetch;
    try {
      expect(await queue.drain()).toBe(2);
    } finally {
      globalThis.fetch = realFetch;
    }
    const runs = await db().syncRun.findMany({ where: { shopId: shop.id } });
    expect(runs.map((r) => r.status).sort()).toEqual(["succeeded", "succeeded"]);
    expect(runs.find((r) => r.kind === "orders")?.windowStartDay).toBeNull();
    const expected = fakeSalesDaily(store, scenario.shop.timezone);
    expect(Object.fromEntries(await mirrorSalesDaily(shop.id))).toEqual(Object.fromEntries(expected));
    expect((await db().job.findMany()).map((j) => j.status)).toEqual(["completed", "completed"]);
  }, 120_000);

  it("skips malformed lines, keeps going and deletes nothing on an incomplete result", async () => {
    const { shop, admin, deps } = await syncFixture({ trimOrdersTo: 10 });
    await runFullSync(shop.id, admin, { ...deps, pollIntervalMs: 0 });
    const before = await mirrorCatalogState(shop.id);
    const product = before.products[0]!;
    const lines = async function* () {
      yield "{not json";
      yield JSON.stringify({
        id: "gid://shopify/Product/777777",
        title: "New",
        handle: "new",
        updatedAt: "2026-11-22T00:00:00Z",
      });
      yield JSON.stringify({
        id: "gid://shopify/InventoryLevel/1?inventory_item_id=1",
        __parentId: "gid://shopify/ProductVariant/1",
        location: { id: "gid://shopify/Location/1" },
        quantities: [{ name: "made_up_quantity", quantity: 5 }],
      });
    };
    const warnings: string[] = [];
    const result = await importCatalogJsonl(shop.id, lines(), await locationIdsByShopifyId(shop.id), {
      onSkip: (reason) => warnings.push(reason),
    });
    expect(result.skippedLines).toBe(1);
    expect(warnings).toEqual(["not a JSON object"]);
    expect(result.complete).toBe(false);
    expect(result.productsDeleted).toBe(0);
    expect(
      await db().product.count({ where: { shopId: shop.id, shopifyId: product.shopifyId, deletedAt: null } }),
    ).toBe(1);
    expect(
      await db().product.count({ where: { shopId: shop.id, shopifyId: "gid://shopify/Product/777777" } }),
    ).toBe(1);
  }, 120_000);

  it("a bulk operation Shopify fails (permission revoked) is recorded with a clear message", async () => {
    const { store, shop, admin, deps } = await syncFixture({ trimOrdersTo: 10 });
    const started = await startFullSync(shop.id, admin, "manual", deps);
    expect(started.ok).toBe(true);
    for (const op of store.bulkOperations.values()) {
      op.status = "FAILED";
      op.errorCode = "ACCESS_DENIED";
    }
    const outcome = await runFullSync(shop.id, admin, deps).catch(() => null);
    expect(outcome?.started.ok).toBe(false); // still unfinished runs → refused to start another
    const { pollSyncRun } = await import("~/services/store-sync.server");
    const polled = await pollSyncRun(shop.id, admin, (started as { runIds: string[] }).runIds[0]!, deps);
    expect(polled.status).toBe("failed");
    const run = await db().syncRun.findFirstOrThrow({ where: { shopId: shop.id, kind: "catalog" } });
    expect(run.lastError).toMatch(/denied access/);
  }, 60_000);
});
