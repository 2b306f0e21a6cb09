import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { InProcessJobQueue } from "~/jobs/in-process-queue.server";
import { storeWebhookJob } from "~/jobs/definitions/store-webhook.server";
import { action as ordersRoute } from "~/routes/webhooks.orders";
import { action as productsRoute } from "~/routes/webhooks.products";
import { action as inventoryRoute } from "~/routes/webhooks.inventory";
import { runFullSync } from "~/services/store-sync.server";
import { signedWebhookRequest } from "../../fakes/shopify-admin/index";
import { syncFixture } from "./harness";

const numeric = (gid: string) => Number(gid.split("/").pop());

/** A synced store plus a way to deliver signed webhooks through the routes and run the queued jobs. */
async function webhookFixture() {
  const fixture = await syncFixture({ trimOrdersTo: 20 });
  await runFullSync(fixture.shop.id, fixture.admin, { ...fixture.deps, pollIntervalMs: 0 });
  const queue = new InProcessJobQueue({ definitions: [storeWebhookJob], log: () => {} });
  const routes = { orders: ordersRoute, products: productsRoute, inventory: inventoryRoute };
  const deliver = async (
    route: keyof typeof routes,
    topic: string,
    payload: unknown,
    options: { webhookId?: string; secret?: string } = {},
  ) => {
    const request = signedWebhookRequest({
      url: `https://my-test-app.myshopify.io/webhooks/${route}`,
      shop: fixture.shop.domain,
      secret: options.secret ?? "testApiSecretKey",
      topic,
      payload,
      webhookId: options.webhookId,
    });
    const response = await routes[route]({ request, params: {}, context: {} }).catch((thrown: unknown) => {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    });
    await queue.drain();
    return response.status;
  };
  const variant = await db().variant.findFirstOrThrow({
    where: { shopId: fixture.shop.id },
    include: { inventoryLevels: { include: { location: true } }, product: true },
    orderBy: { shopifyId: "asc" },
  });
  const location = variant.inventoryLevels[0]!.location;
  const sales = (day: string) =>
    db().salesDaily.findUnique({
      where: { variantId_locationId_day: { variantId: variant.id, locationId: location.id, day } },
    });
  return { ...fixture, deliver, variant, location, sales };
}

function orderPayload(options: {
  variantId: string;
  locationId: string;
  updatedAt: string;
  quantity?: number;
  currentQuantity?: number;
  cancelledAt?: string | null;
}) {
  return {
    id: 990001,
    admin_graphql_api_id: "gid://shopify/Order/990001",
    created_at: "2026-11-22T15:00:00Z",
    updated_at: options.updatedAt,
    cancelled_at: options.cancelledAt ?? null,
    location_id: numeric(options.locationId),
    line_items: [
      {
        id: 880001,
        variant_id: numeric(options.variantId),
        quantity: options.quantity ?? 3,
        current_quantity: options.currentQuantity ?? options.quantity ?? 3,
        price: "20.00",
      },
    ],
    refunds: [],
  };
}

describe("incremental sync from webhooks", () => {
  it("orders/create and orders/updated are idempotent and out-of-order safe", async () => {
    const { deliver, variant, location, sales, shop } = await webhookFixture();
    const day = "2026-11-22";
    const before = (await sales(day))?.unitsSold ?? 0;
    const base = { variantId: variant.shopifyId, locationId: location.shopifyId };

    expect(
      await deliver("orders", "orders/create", orderPayload({ ...base, updatedAt: "2026-11-22T15:00:00Z" }), {
        webhookId: "w-1",
      }),
    ).toBe(200);
    expect((await sales(day))?.unitsSold).toBe(before + 3);
    // Redelivery (same webhook id): ignored.
    await deliver("orders", "orders/create", orderPayload({ ...base, updatedAt: "2026-11-22T15:00:00Z" }), {
      webhookId: "w-1",
    });
    // The same version under another webhook id: counted once all the same.
    await deliver("orders", "orders/create", orderPayload({ ...base, updatedAt: "2026-11-22T15:00:00Z" }), {
      webhookId: "w-2",
    });
    expect((await sales(day))?.unitsSold).toBe(before + 3);

    // A refund of one unit (orders/updated), then an older version arriving late.
    await deliver(
      "orders",
      "orders/updated",
      orderPayload({ ...base, updatedAt: "2026-11-22T18:00:00Z", currentQuantity: 2 }),
    );
    expect(await sales(day)).toMatchObject({ unitsSold: before + 2 });
    await deliver(
      "orders",
      "orders/updated",
      orderPayload({ ...base, updatedAt: "2026-11-22T16:00:00Z", currentQuantity: 3 }),
    );
    expect(await sales(day)).toMatchObject({ unitsSold: before + 2 });

    // Cancelled: nothing sold any more.
    await deliver(
      "orders",
      "orders/updated",
      orderPayload({ ...base, updatedAt: "2026-11-22T20:00:00Z", cancelledAt: "2026-11-22T20:00:00Z" }),
    );
    expect((await sales(day))?.unitsSold ?? 0).toBe(before);
    expect(await db().job.count({ where: { status: "failed" } })).toBe(0);
    expect(await db().webhookDelivery.count({ where: { shopId: shop.id } })).toBe(5);
  });

  it("orders/updated before orders/create: the older create is ignored", async () => {
    const { deliver, variant, location, sales } = await webhookFixture();
    const before = (await sales("2026-11-22"))?.unitsSold ?? 0;
    const base = { variantId: variant.shopifyId, locationId: location.shopifyId };
    await deliver(
      "orders",
      "orders/updated",
      orderPayload({ ...base, updatedAt: "2026-11-22T18:00:00Z", quantity: 3, currentQuantity: 1 }),
    );
    await deliver(
      "orders",
      "orders/create",
      orderPayload({ ...base, updatedAt: "2026-11-22T15:00:00Z", quantity: 3 }),
    );
    expect((await sales("2026-11-22"))?.unitsSold).toBe(before + 1);
    expect((await sales("2026-11-22"))?.unitsRefunded).toBeGreaterThanOrEqual(2);
  });

  it("inventory levels and products ignore deliveries older than what is held; invalid HMAC is refused", async () => {
    const { deliver, variant, location, shop } = await webhookFixture();
    const level = () =>
      db().inventoryLevel.findFirstOrThrow({ where: { variantId: variant.id, locationId: location.id } });
    const payload = (available: number, updatedAt: string) => ({
      inventory_item_id: numeric(variant.shopifyInventoryItemId),
      location_id: numeric(location.shopifyId),
      available,
      updated_at: updatedAt,
    });
    await deliver("inventory", "inventory_levels/update", payload(41, "2026-11-24T10:00:00Z"));
    await deliver("inventory", "inventory_levels/update", payload(99, "2026-11-24T09:00:00Z"));
    expect((await level()).available).toBe(41);

    expect(
      await deliver("inventory", "inventory_levels/update", payload(5, "2026-11-24T11:00:00Z"), {
        secret: "wrong",
      }),
    ).toBe(401);
    expect((await level()).available).toBe(41);

    // products/delete, then a products/update from before the deletion arrives late.
    await deliver("products", "products/delete", { id: numeric(variant.product.shopifyId) });
    const deleted = await db().product.findUniqueOrThrow({ where: { id: variant.productId } });
    expect(deleted.deletedAt).not.toBeNull();
    await deliver("products", "products/update", {
      admin_graphql_api_id: variant.product.shopifyId,
      title: "Resurrected?",
      handle: variant.product.handle,
      updated_at: "2026-01-01T00:00:00Z",
      variants: [],
    });
    const still = await db().product.findUniqueOrThrow({ where: { id: variant.productId } });
    expect(still.deletedAt).not.toBeNull();
    expect(still.title).toBe(variant.product.title);
    expect(await db().job.count({ where: { status: "failed" } })).toBe(0);
    expect(shop.id).toBeTruthy();
  });
});
