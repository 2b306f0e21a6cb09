import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { jobQueue } from "~/jobs/queue.server";
import * as shops from "~/models/shops.server";
import * as webhookDeliveries from "~/models/webhook-deliveries.server";
import { WEBHOOK_ROUTES, type WebhookRoute } from "~/services/webhooks.server";
import { createTestSession, createTestShop } from "../factories/shop";
import { webhookRequest } from "../factories/webhook";

// Every webhook route of shopify.app.toml, with one topic it accepts and a minimal valid payload.
type RouteModule = { action: (args: ActionFunctionArgs) => Promise<Response> };
const routeModules: Record<WebhookRoute, () => Promise<RouteModule>> = {
  "/webhooks/app/uninstalled": () => import("~/routes/webhooks.app.uninstalled"),
  "/webhooks/app/scopes_update": () => import("~/routes/webhooks.app.scopes_update"),
  "/webhooks/products": () => import("~/routes/webhooks.products"),
  "/webhooks/inventory": () => import("~/routes/webhooks.inventory"),
  "/webhooks/orders": () => import("~/routes/webhooks.orders"),
  "/webhooks/locations": () => import("~/routes/webhooks.locations"),
  "/webhooks/bulk_operations/finish": () => import("~/routes/webhooks.bulk_operations.finish"),
  "/webhooks/compliance": () => import("~/routes/webhooks.compliance"),
};

const samples: Record<WebhookRoute, { topic: string; payload: unknown }> = {
  "/webhooks/app/uninstalled": { topic: "app/uninstalled", payload: { id: 1 } },
  "/webhooks/app/scopes_update": {
    topic: "app/scopes_update",
    payload: { current: ["read_products"], previous: [] },
  },
  "/webhooks/products": { topic: "products/delete", payload: { id: 42 } },
  "/webhooks/inventory": {
    topic: "inventory_levels/update",
    payload: { inventory_item_id: 1, location_id: 2, available: 3, updated_at: "2026-11-28T00:00:00Z" },
  },
  "/webhooks/orders": {
    topic: "orders/create",
    payload: { created_at: "2026-11-28T00:00:00Z", line_items: [] },
  },
  "/webhooks/locations": { topic: "locations/delete", payload: { id: 5 } },
  "/webhooks/bulk_operations/finish": {
    topic: "bulk_operations/finish",
    payload: { admin_graphql_api_id: "gid://shopify/BulkOperation/1", status: "completed" },
  },
  "/webhooks/compliance": {
    topic: "customers/data_request",
    payload: { customer: { id: 7 }, orders_requested: [] },
  },
};

async function call(route: WebhookRoute, request: Request): Promise<Response> {
  const { action } = await routeModules[route]();
  try {
    return await action({ request, params: {}, context: {} });
  } catch (thrown) {
    // The library throws Responses (401 on a bad HMAC); Remix would send them as they are.
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("webhook routes", () => {
  it("covers every route declared in WEBHOOK_ROUTES", () => {
    expect(Object.keys(routeModules).sort()).toEqual(Object.keys(WEBHOOK_ROUTES).sort());
  });

  for (const route of Object.keys(WEBHOOK_ROUTES) as WebhookRoute[]) {
    it(`${route}: a valid HMAC gets 200`, async () => {
      const shop = await createTestShop();
      const { topic, payload } = samples[route];
      const response = await call(route, webhookRequest({ path: route, topic, shop: shop.domain, payload }));
      expect(response.status).toBe(200);
    });

    it(`${route}: an invalid HMAC gets 401 and changes nothing`, async () => {
      const shop = await createTestShop();
      await createTestSession(shop.domain);
      const { topic, payload } = samples[route];
      const response = await call(
        route,
        webhookRequest({ path: route, topic, shop: shop.domain, payload, hmac: "invalid" }),
      );
      expect(response.status).toBe(401);
      expect(await db().webhookDelivery.count()).toBe(0);
      expect(await db().session.count({ where: { shop: shop.domain } })).toBe(1);
    });
  }

  it("a missing HMAC header is rejected too", async () => {
    const shop = await createTestShop();
    const response = await call(
      "/webhooks/app/uninstalled",
      webhookRequest({
        path: "/webhooks/app/uninstalled",
        topic: "app/uninstalled",
        shop: shop.domain,
        payload: {},
        hmac: "missing",
      }),
    );
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it("a topic sent to the wrong endpoint gets 400", async () => {
    const shop = await createTestShop();
    const response = await call(
      "/webhooks/products",
      webhookRequest({
        path: "/webhooks/products",
        topic: "app/uninstalled",
        shop: shop.domain,
        payload: {},
      }),
    );
    expect(response.status).toBe(400);
  });
});

describe("app/uninstalled", () => {
  it("deletes every session of the shop and marks it uninstalled, once", async () => {
    const shop = await createTestShop();
    await createTestSession(shop.domain);
    await createTestSession(shop.domain, { id: `${shop.domain}_12345`, isOnline: true });
    const other = await createTestShop();
    await createTestSession(other.domain);

    const request = () =>
      webhookRequest({
        path: "/webhooks/app/uninstalled",
        topic: "app/uninstalled",
        shop: shop.domain,
        payload: {},
        webhookId: "same-delivery",
      });
    expect((await call("/webhooks/app/uninstalled", request())).status).toBe(200);

    expect(await db().session.count({ where: { shop: shop.domain } })).toBe(0);
    expect(await db().session.count({ where: { shop: other.domain } })).toBe(1);
    const after = await db().shop.findUniqueOrThrow({ where: { id: shop.id } });
    expect(after.uninstalledAt).toBeInstanceOf(Date);

    // A redelivery of the same webhook id is acknowledged and ignored.
    expect((await call("/webhooks/app/uninstalled", request())).status).toBe(200);
    expect(await db().webhookDelivery.count({ where: { id: "same-delivery" } })).toBe(1);
  });
});

describe("compliance webhooks", () => {
  it("shop/redact deletes everything Pulse holds for the shop", async () => {
    const shop = await createTestShop();
    await createTestSession(shop.domain);
    await db().location.create({
      data: { shopId: shop.id, shopifyId: "gid://shopify/Location/1", name: "Main" },
    });
    const response = await call(
      "/webhooks/compliance",
      webhookRequest({
        path: "/webhooks/compliance",
        topic: "shop/redact",
        shop: shop.domain,
        payload: { shop_domain: shop.domain },
      }),
    );
    expect(response.status).toBe(200);
    expect(await db().shop.count({ where: { id: shop.id } })).toBe(0);
    expect(await db().location.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await db().session.count({ where: { shop: shop.domain } })).toBe(0);
  });

  it("shop/redact deletes the shop's jobs of every status and leaves other jobs alone", async () => {
    const shop = await createTestShop();
    const other = await createTestShop();
    const orderDelivery = (domain: string, webhookId: string) =>
      webhookRequest({
        path: "/webhooks/orders",
        topic: "orders/create",
        shop: domain,
        payload: { ...(samples["/webhooks/orders"].payload as object), email: "buyer@example.com" },
        webhookId,
      });
    // Queued store.webhook jobs carry the order body; the uninstall cancels the shop's one.
    expect((await call("/webhooks/orders", orderDelivery(shop.domain, "redact-order-1"))).status).toBe(200);
    await db().job.updateMany({
      where: { shopId: shop.id, status: "queued" },
      data: { status: "completed", finishedAt: new Date() },
    });
    expect((await call("/webhooks/orders", orderDelivery(other.domain, "redact-order-2"))).status).toBe(200);
    expect((await call("/webhooks/orders", orderDelivery(shop.domain, "redact-order-3"))).status).toBe(200);
    const uninstall = webhookRequest({
      path: "/webhooks/app/uninstalled",
      topic: "app/uninstalled",
      shop: shop.domain,
      payload: {},
      webhookId: "redact-uninstall",
    });
    expect((await call("/webhooks/app/uninstalled", uninstall)).status).toBe(200);
    // A job a worker still holds, and a system job with no shop.
    await db().job.create({
      data: { name: "test.running", shopId: shop.id, payload: { shopId: shop.id }, status: "running" },
    });
    const systemJob = await db().job.create({ data: { name: "test.system", payload: {} } });
    const statuses = await db().job.findMany({ where: { shopId: shop.id }, select: { status: true } });
    expect(statuses.map((job) => job.status).sort()).toEqual(["cancelled", "completed", "running"]);

    const response = await call(
      "/webhooks/compliance",
      webhookRequest({
        path: "/webhooks/compliance",
        topic: "shop/redact",
        shop: shop.domain,
        payload: { shop_domain: shop.domain },
      }),
    );

    expect(response.status).toBe(200);
    expect(await db().job.count({ where: { shopId: shop.id } })).toBe(0);
    const left = await db().job.findMany();
    expect(left.some((job) => JSON.stringify(job.payload).includes(shop.id))).toBe(false);
    expect(left.map((job) => [job.name, job.shopId]).sort()).toEqual([
      ["store.webhook", other.id],
      ["test.system", null],
    ]);
    expect(left.find((job) => job.id === systemJob.id)).toBeDefined();
  });

  it("customers/redact is recorded in the audit trail", async () => {
    const shop = await createTestShop();
    const response = await call(
      "/webhooks/compliance",
      webhookRequest({
        path: "/webhooks/compliance",
        topic: "customers/redact",
        shop: shop.domain,
        payload: { customer: { id: 99 } },
      }),
    );
    expect(response.status).toBe(200);
    const events = await db().auditEvent.findMany({ where: { shopId: shop.id } });
    expect(events.map((e) => [e.action, e.subjectId])).toEqual([["compliance.customer_redact", "99"]]);
  });
});

describe("app/scopes_update", () => {
  it("stores the newly granted scopes on the shop and its sessions", async () => {
    const shop = await createTestShop();
    await createTestSession(shop.domain);
    await call(
      "/webhooks/app/scopes_update",
      webhookRequest({
        path: "/webhooks/app/scopes_update",
        topic: "app/scopes_update",
        shop: shop.domain,
        payload: { current: ["read_products", "read_all_orders"], previous: ["read_products"] },
      }),
    );
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).scopes).toBe(
      "read_products,read_all_orders",
    );
    expect((await db().session.findFirstOrThrow({ where: { shop: shop.domain } })).scope).toBe(
      "read_products,read_all_orders",
    );
  });
});

describe("a delivery counts as received only once it was handled", () => {
  const uninstalled = (shop: string, webhookId: string) =>
    webhookRequest({
      path: "/webhooks/app/uninstalled",
      topic: "app/uninstalled",
      shop,
      payload: {},
      webhookId,
    });
  // The handler's failure is logged with console.error, which would otherwise fail the test.
  const quietErrors = () => vi.spyOn(console, "error").mockImplementation(() => undefined);

  it("a handler failure answers 500 and releases the claim; the retry is handled once, its redelivery skipped", async () => {
    const shop = await createTestShop();
    await createTestSession(shop.domain);
    const errors = quietErrors();
    const markUninstalled = vi
      .spyOn(shops, "markUninstalled")
      .mockRejectedValueOnce(new Error("SQLITE_BUSY: database is locked"));

    const failed = await call("/webhooks/app/uninstalled", uninstalled(shop.domain, "retried-delivery"));
    expect(failed.status).toBe(500);
    expect(await db().webhookDelivery.count({ where: { id: "retried-delivery" } })).toBe(0);
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).uninstalledAt).toBeNull();
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining("retried-delivery"),
      expect.objectContaining({ message: "SQLITE_BUSY: database is locked" }),
    );

    // Shopify's retry of the same webhook id is handled, not skipped as a duplicate.
    const retried = await call("/webhooks/app/uninstalled", uninstalled(shop.domain, "retried-delivery"));
    expect(retried.status).toBe(200);
    expect(markUninstalled).toHaveBeenCalledTimes(2);
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).uninstalledAt).toBeInstanceOf(
      Date,
    );
    expect(await db().session.count({ where: { shop: shop.domain } })).toBe(0);
    expect(await db().webhookDelivery.count({ where: { id: "retried-delivery" } })).toBe(1);

    // Once handled, a further redelivery is acknowledged without acting again.
    const redelivered = await call("/webhooks/app/uninstalled", uninstalled(shop.domain, "retried-delivery"));
    expect(redelivered.status).toBe(200);
    expect(markUninstalled).toHaveBeenCalledTimes(2);
  });

  it("an orders/create that could not be queued is queued by the retry, exactly once", async () => {
    const shop = await createTestShop();
    quietErrors();
    const enqueue = vi
      .spyOn(jobQueue(), "enqueue")
      .mockRejectedValueOnce(new Error("SQLITE_IOERR: disk I/O error"));
    const order = () =>
      webhookRequest({
        path: "/webhooks/orders",
        topic: "orders/create",
        shop: shop.domain,
        payload: samples["/webhooks/orders"].payload,
        webhookId: "order-delivery",
      });
    const storeJobs = () => db().job.count({ where: { name: "store.webhook" } });

    expect((await call("/webhooks/orders", order())).status).toBe(500);
    expect(await db().webhookDelivery.count({ where: { id: "order-delivery" } })).toBe(0);
    expect(await storeJobs()).toBe(0);

    expect((await call("/webhooks/orders", order())).status).toBe(200);
    expect((await call("/webhooks/orders", order())).status).toBe(200);
    expect(enqueue).toHaveBeenCalledTimes(2);
    expect(await storeJobs()).toBe(1);
  });

  it("a successful delivery's duplicate is skipped", async () => {
    const shop = await createTestShop();
    const markUninstalled = vi.spyOn(shops, "markUninstalled");
    expect(
      (await call("/webhooks/app/uninstalled", uninstalled(shop.domain, "handled-delivery"))).status,
    ).toBe(200);
    expect(
      (await call("/webhooks/app/uninstalled", uninstalled(shop.domain, "handled-delivery"))).status,
    ).toBe(200);
    expect(markUninstalled).toHaveBeenCalledTimes(1);
    expect(await db().webhookDelivery.count({ where: { id: "handled-delivery" } })).toBe(1);
  });

  it("concurrent deliveries of the same id are handled once; the one arriving in flight answers 200", async () => {
    const shop = await createTestShop();
    const markUninstalled = vi.spyOn(shops, "markUninstalled");
    const responses = await Promise.all([
      call("/webhooks/app/uninstalled", uninstalled(shop.domain, "concurrent-delivery")),
      call("/webhooks/app/uninstalled", uninstalled(shop.domain, "concurrent-delivery")),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(markUninstalled).toHaveBeenCalledTimes(1);
    expect(await db().webhookDelivery.count({ where: { id: "concurrent-delivery" } })).toBe(1);
  });

  it("when the claim cannot be released either, it still answers 500 and says the retry will be skipped", async () => {
    const shop = await createTestShop();
    const errors = quietErrors();
    vi.spyOn(shops, "markUninstalled").mockRejectedValueOnce(new Error("database is locked"));
    vi.spyOn(webhookDeliveries, "releaseWebhookDelivery").mockRejectedValueOnce(
      new Error("database is locked"),
    );

    const response = await call("/webhooks/app/uninstalled", uninstalled(shop.domain, "stuck-delivery"));
    expect(response.status).toBe(500);
    expect(errors).toHaveBeenCalledWith(
      expect.stringContaining("could not be released"),
      expect.any(Error),
      expect.any(Error),
    );
  });

  it("an app/scopes_update without current scopes is refused every time, not remembered", async () => {
    const shop = await createTestShop();
    const request = () =>
      webhookRequest({
        path: "/webhooks/app/scopes_update",
        topic: "app/scopes_update",
        shop: shop.domain,
        payload: { previous: [] },
        webhookId: "bad-scopes",
      });
    expect((await call("/webhooks/app/scopes_update", request())).status).toBe(400);
    expect((await call("/webhooks/app/scopes_update", request())).status).toBe(400);
    expect(await db().webhookDelivery.count({ where: { id: "bad-scopes" } })).toBe(0);
  });
});
