import { describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { findJobBySingletonKey } from "~/models/jobs.server";
import { fullSyncJobKey, requestFullSync, syncStatusView } from "~/services/sync-status.server";
import { action as syncStatusAction, loader as syncStatusLoader } from "~/routes/app.sync-status";
import { createTestShop } from "../../factories/shop";

const at = (iso: string) => new Date(iso);

// The routes authenticate through requireAdmin; here it answers for the shop each test creates.
const shell = vi.hoisted(() => ({ shopId: "" }));
vi.mock("~/services/admin-context.server", () => ({
  requireAdmin: async () => ({ shopId: shell.shopId, demo: true, embedded: false, actor: "test" }),
}));
const request = (method = "GET") => new Request("http://localhost/app/sync-status", { method });
const args = (method?: string) => ({ request: request(method), params: {}, context: {} });

describe("sync status view", () => {
  it("says nothing has been synced for a new shop, and is not active", async () => {
    const shop = await createTestShop({ timezone: "Europe/Berlin" });
    const view = await syncStatusView(shop.id);
    expect(view.timezone).toBe("Europe/Berlin");
    expect(view.active).toBe(false);
    expect(view.job).toBeNull();
    for (const run of [view.catalog, view.orders]) {
      expect(run).toMatchObject({ state: "never", progress: null, startedAt: null, lastSuccessAt: null });
    }
  });

  it("shows the latest run's progress and error, with the last success from an earlier run", async () => {
    const shop = await createTestShop();
    await db().syncRun.createMany({
      data: [
        {
          shopId: shop.id,
          kind: "catalog",
          status: "succeeded",
          objectsDone: 900,
          objectsTotal: 900,
          startedAt: at("2026-11-26T01:00:00Z"),
          finishedAt: at("2026-11-26T01:05:00Z"),
        },
        {
          shopId: shop.id,
          kind: "catalog",
          status: "importing",
          bulkOperationId: "gid://shopify/BulkOperation/2",
          objectsDone: 250,
          objectsTotal: 1000,
          startedAt: at("2026-11-27T01:00:00Z"),
        },
        {
          shopId: shop.id,
          kind: "orders",
          status: "failed",
          trigger: "nightly",
          lastError: "Shopify denied access while reading the store (a permission was revoked).",
          startedAt: at("2026-11-27T01:00:00Z"),
          finishedAt: at("2026-11-27T01:02:00Z"),
        },
      ],
    });

    const view = await syncStatusView(shop.id);
    expect(view.active).toBe(true);
    expect(view.catalog).toMatchObject({
      state: "importing",
      objectsDone: 250,
      objectsTotal: 1000,
      progress: 0.25,
      startedAt: "2026-11-27T01:00:00.000Z",
      finishedAt: null,
      lastSuccessAt: "2026-11-26T01:05:00.000Z",
      lastError: null,
    });
    expect(view.orders).toMatchObject({
      state: "failed",
      trigger: "nightly",
      progress: null,
      lastSuccessAt: null,
      lastError: expect.stringMatching(/denied access/),
    });
  });

  it("keeps a success that skipped lines apart from a clean one", async () => {
    const shop = await createTestShop();
    await db().syncRun.create({
      data: {
        shopId: shop.id,
        kind: "orders",
        status: "succeeded",
        objectsDone: 98,
        objectsTotal: 100,
        skippedLines: 2,
        lastError: "2 line(s) of Shopify's result could not be read and were skipped; nothing was deleted.",
        startedAt: at("2026-11-27T01:00:00Z"),
        finishedAt: at("2026-11-27T01:03:00Z"),
      },
    });
    const view = await syncStatusView(shop.id);
    expect(view.orders).toMatchObject({
      state: "succeeded_with_warnings",
      progress: 1,
      skippedLines: 2,
      lastSuccessAt: "2026-11-27T01:03:00.000Z",
    });
    expect(view.active).toBe(false);
  });

  it("shows the job runner's retry of a full sync that failed to start", async () => {
    const shop = await createTestShop();
    await db().job.create({
      data: {
        name: "shopify.full-sync",
        payload: { shopId: shop.id, trigger: "manual" },
        status: "queued",
        attempts: 2,
        maxAttempts: 6,
        lastError: "Shopify answered 503",
        singletonKey: fullSyncJobKey(shop.id),
        runAt: at("2026-11-27T01:00:30Z"),
      },
    });
    const view = await syncStatusView(shop.id);
    expect(view.active).toBe(true);
    expect(view.job).toEqual({
      status: "queued",
      attempts: 2,
      maxAttempts: 6,
      lastError: "Shopify answered 503",
      runAt: "2026-11-27T01:00:30.000Z",
    });
  });
});

describe("sync now", () => {
  it("enqueues one full sync however often it is asked, and none while a sync is running", async () => {
    const shop = await createTestShop();
    const results = await Promise.all([requestFullSync(shop.id), requestFullSync(shop.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["already_queued", "enqueued"]);
    expect(await db().job.count({ where: { name: "shopify.full-sync" } })).toBe(1);
    const job = await findJobBySingletonKey(fullSyncJobKey(shop.id));
    expect(job?.payload).toEqual({ shopId: shop.id, trigger: "manual" });
    expect((await syncStatusView(shop.id)).active).toBe(true);

    const other = await createTestShop();
    await db().syncRun.create({
      data: { shopId: other.id, kind: "catalog", status: "running", startedAt: at("2026-11-27T01:00:00Z") },
    });
    expect(await requestFullSync(other.id)).toEqual({ ok: false, status: "already_running" });
    expect(await db().job.count({ where: { name: "shopify.full-sync" } })).toBe(1);
  });

  it("refuses for an uninstalled shop", async () => {
    const shop = await createTestShop();
    await db().shop.update({ where: { id: shop.id }, data: { uninstalledAt: at("2026-11-27T00:00:00Z") } });
    expect(await requestFullSync(shop.id)).toEqual({ ok: false, status: "shop_not_found" });
    expect(await db().job.count()).toBe(0);
  });
});

describe("sync status route", () => {
  it("serves the card's data and starts a sync on POST, answering with the fresh status", async () => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const before = await syncStatusLoader(args());
    expect(before.active).toBe(false);
    const posted = await syncStatusAction(args("POST"));
    expect(posted.result).toEqual({ ok: true, status: "enqueued" });
    expect(posted.status.active).toBe(true);
    expect(posted.status.job).toMatchObject({ status: "queued", attempts: 0 });
    const again = await syncStatusAction(args("POST"));
    expect(again.result).toEqual({ ok: false, status: "already_queued" });
  });
});
