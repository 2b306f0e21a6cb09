import type { ActionFunctionArgs } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
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
