import { describe, expect, it } from "vitest";
import {
  AdminApiError,
  adminRequest,
  createBucketTracker,
  waitBeforeSendingMs,
} from "~/integrations/shopify/client.server";
import { SHOP_PROFILE } from "~/integrations/shopify/operations/ShopProfile";
import { PRODUCTS_WITH_STOCK } from "~/integrations/shopify/operations/ProductsWithStock";
import type { ProductsWithStockQuery, ShopProfileQuery } from "~/types/admin.generated";
import { createFakeAdminStore, fakeAdminClient } from "../../fakes/shopify-admin/index";
import { fixtureScenario } from "../../fakes/shopify-admin/fixture";

function setup(options: { maximumAvailable?: number; restoreRate?: number } = {}) {
  let nowMs = Date.parse("2026-11-23T00:00:00Z");
  const store = createFakeAdminStore(fixtureScenario(), { now: () => new Date(nowMs), ...options });
  const admin = fakeAdminClient(store);
  const sleeps: number[] = [];
  const request = {
    now: () => nowMs,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      nowMs += ms;
    },
    random: () => 0.5,
    bucket: createBucketTracker(),
    onCost: () => {},
  };
  return { store, admin, sleeps, request };
}

describe("adminRequest", () => {
  it("retries THROTTLED (HTTP 200), 500, 502 and dropped connections, then succeeds", async () => {
    const { store, admin, sleeps, request } = setup();
    for (const kind of ["throttled", "http500", "http502", "network", "timeout"] as const)
      store.faults.enqueue({ kind });
    const data = await adminRequest<ShopProfileQuery>(admin, SHOP_PROFILE, {}, request);
    expect(data.shop.name).toBe(store.shop.name);
    expect(admin.sent).toHaveLength(6);
    expect(sleeps).toHaveLength(5);
  });

  it("gives up on retryable failures at the deadline, saying so", async () => {
    const { store, admin, request } = setup();
    for (let i = 0; i < 50; i++) store.faults.enqueue({ kind: "http502" });
    const error = await adminRequest(admin, SHOP_PROFILE, {}, { ...request, deadlineMs: 10_000 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AdminApiError);
    expect(error).toMatchObject({ kind: "retryable", code: "HTTP_5XX" });
    expect((error as Error).message).toMatch(/gave up after \d+ attempts/);
  });

  it("treats validation errors as terminal and keeps Shopify's message", async () => {
    const { admin, request } = setup();
    const error = await adminRequest(admin, "query Broken { shop { notAField } }", {}, request).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: "terminal", code: "undefinedField" });
    expect((error as Error).message).toContain("Field 'notAField' doesn't exist on type 'Shop'");
    expect(admin.sent).toHaveLength(1);
  });

  it("waits for the restore rate before the bucket empties instead of being throttled", async () => {
    // A small bucket: each page costs ~ 25 × (1 + 10 levels…) points; three in a row would empty it.
    const { store, admin, sleeps, request } = setup({ maximumAvailable: 400, restoreRate: 50 });
    const costs: number[] = [];
    for (let page = 0; page < 6; page++) {
      await adminRequest<ProductsWithStockQuery>(
        admin,
        PRODUCTS_WITH_STOCK,
        { first: 5 },
        {
          ...request,
          onCost: (_name, cost) => costs.push(cost.requestedQueryCost),
        },
      );
    }
    expect(costs.length).toBe(6);
    // Every request was answered the first time: the client paused before sending, never after a THROTTLED.
    expect(admin.sent).toHaveLength(6);
    expect(sleeps.length).toBeGreaterThan(0);
    expect(store.bucket.status().currentlyAvailable).toBeGreaterThanOrEqual(0);
  });

  it("computes the pause from the last throttle status and the time since", () => {
    const status = { maximumAvailable: 2000, currentlyAvailable: 20, restoreRate: 100 };
    expect(waitBeforeSendingMs(status, 0, 120)).toBe(1000);
    expect(waitBeforeSendingMs(status, 500, 120)).toBe(500);
    expect(waitBeforeSendingMs(status, 2000, 120)).toBe(0);
    expect(waitBeforeSendingMs(null, 0, 120)).toBe(0);
  });
});
