import { describe, expect, it } from "vitest";
import { createFakeAdminStore } from "../../fakes/shopify-admin/index";
import { fixtureScenario } from "../../fakes/shopify-admin/fixture";
import { runAdmin, testClock, type Tree } from "./run-admin";

const PRODUCTS =
  "query Products { products(first: 10) { nodes { id variants(first: 10) { nodes { id sku } } } } }";

describe("fake Admin API: query cost and throttling", () => {
  it("reports requested and actual cost with the bucket's state on every answer", async () => {
    const clock = testClock("2026-07-01T00:00:00Z");
    const store = createFakeAdminStore(fixtureScenario(), { now: clock.now });
    const { body } = await runAdmin(store, PRODUCTS);
    const cost = body?.extensions?.cost;
    // products: 2 + 10 × (1 + variants: 2 + 10 × 1) = 132; only 5 products and 7 variants came back.
    expect(cost?.requestedQueryCost).toBe(132);
    expect(cost?.actualQueryCost).toBe(2 + 5 * (1 + 2) + 7);
    expect(cost?.actualQueryCost).toBeLessThan(cost!.requestedQueryCost);
    expect(cost?.throttleStatus).toEqual({
      maximumAvailable: 2000,
      currentlyAvailable: 2000 - cost!.actualQueryCost!,
      restoreRate: 100,
    });
  });

  it("answers HTTP 200 with a THROTTLED error when the bucket cannot cover the request, then recovers", async () => {
    const clock = testClock("2026-07-01T00:00:00Z");
    const store = createFakeAdminStore(fixtureScenario(), { now: clock.now });
    store.bucket.set(100);
    const throttled = await runAdmin(store, PRODUCTS);
    expect(throttled.status).toBe(200);
    expect(throttled.body?.data).toBeUndefined();
    expect(throttled.body?.errors).toEqual([
      {
        message: "Throttled",
        extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
      },
    ]);
    expect(throttled.body?.extensions?.cost).toEqual({
      requestedQueryCost: 132,
      actualQueryCost: null,
      throttleStatus: { maximumAvailable: 2000, currentlyAvailable: 100, restoreRate: 100 },
    });
    clock.advance(1_500); // 150 points restored at 100 a second
    const recovered = await runAdmin(store, PRODUCTS);
    expect(recovered.body?.errors).toBeUndefined();
    expect((recovered.body?.data as Tree).products.nodes).toHaveLength(5);
  });

  it("throttles on demand through the fault queue, then answers normally", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    store.faults.enqueue({ kind: "throttled" });
    const first = await runAdmin(store, "{ shop { name } }");
    expect((first.body?.errors as Tree[])[0].extensions.code).toBe("THROTTLED");
    const second = await runAdmin(store, "{ shop { name } }");
    expect((second.body?.data as Tree).shop.name).toBe("Pulse Fixture Shop");
  });

  it("answers 500 and 502 when those faults are queued", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    store.faults.enqueue({ kind: "http500" });
    store.faults.enqueue({ kind: "http502", operationName: "Products" });
    expect((await runAdmin(store, "{ shop { name } }")).status).toBe(500);
    expect((await runAdmin(store, "{ shop { name } }")).status).toBe(200); // the 502 waits for "Products"
    expect((await runAdmin(store, PRODUCTS, undefined, { operationName: "Products" })).status).toBe(502);
    expect(store.faults.pending()).toEqual([]);
  });

  it("refuses a single query costing more than 1000 points", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { body } = await runAdmin(
      store,
      "{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }",
    );
    const [error] = body?.errors as Tree[];
    expect(error.extensions).toEqual({ code: "MAX_COST_EXCEEDED", cost: 63_252, maxCost: 1000 });
    expect(body?.extensions?.cost.throttleStatus.currentlyAvailable).toBe(2000);
  });
});
