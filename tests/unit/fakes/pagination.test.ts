import { describe, expect, it } from "vitest";
import { createFakeAdminStore } from "../../fakes/shopify-admin/index";
import { FIXTURE_IDS, fixtureScenario } from "../../fakes/shopify-admin/fixture";
import { runAdmin, testClock, type Tree } from "./run-admin";

const PRODUCTS_PAGE = `#graphql
  query ProductsPage($first: Int, $after: String, $last: Int, $before: String, $query: String) {
    products(first: $first, after: $after, last: $last, before: $before, query: $query) {
      edges { cursor node { id title status } }
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

async function productsPage(
  store: ReturnType<typeof createFakeAdminStore>,
  variables: Record<string, unknown>,
) {
  const { body } = await runAdmin(store, PRODUCTS_PAGE, variables);
  expect(body?.errors).toBeUndefined();
  return (body?.data as Tree).products;
}

describe("fake Admin API: reading the catalog", () => {
  it("pages forward through products with first/after until hasNextPage is false", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await productsPage(store, { first: 2, after });
      seen.push(...page.edges.map((e: Tree) => e.node.id));
      pages += 1;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Object.values(FIXTURE_IDS.products));
  });

  it("pages backward with last/before", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const tail = await productsPage(store, { last: 2 });
    expect(tail.edges.map((e: Tree) => e.node.id)).toEqual([
      FIXTURE_IDS.products.necklace,
      FIXTURE_IDS.products.earbuds,
    ]);
    expect(tail.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await productsPage(store, { last: 2, before: tail.pageInfo.startCursor });
    expect(before.edges.map((e: Tree) => e.node.id)).toEqual([
      FIXTURE_IDS.products.tracker,
      FIXTURE_IDS.products.shelf,
    ]);
  });

  it("filters with Shopify's search syntax (status, updated_at)", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const active = await productsPage(store, { first: 10, query: "status:active" });
    expect(active.edges.map((e: Tree) => e.node.status)).toEqual(["ACTIVE", "ACTIVE", "ACTIVE"]);
    const recent = await productsPage(store, { first: 10, query: "updated_at:>'2026-06-01T00:00:00Z'" });
    expect(recent.edges.map((e: Tree) => e.node.id)).toEqual([
      FIXTURE_IDS.products.sunglasses,
      FIXTURE_IDS.products.shelf,
    ]);
    const both = await productsPage(store, {
      first: 10,
      query: "status:active,draft updated_at:>=2026-05-01",
    });
    expect(both.edges).toHaveLength(3);
  });

  it("refuses a connection without first or last, as Shopify does", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { status, body } = await runAdmin(store, "{ products { nodes { id } } }");
    expect(status).toBe(200);
    expect((body?.errors as Tree[])[0].message).toBe("you must provide one of first or last");
  });

  it("resolves node(id), nodes(ids) and the typed lookups", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { body } = await runAdmin(
      store,
      `query Lookups($variant: ID!, $item: ID!, $location: ID!) {
        node(id: $variant) { __typename ... on ProductVariant { sku product { title } } }
        nodes(ids: [$location, "gid://shopify/Product/999"]) { ... on Location { name address { countryCode } } }
        inventoryItem(id: $item) { sku unitCost { amount currencyCode } inventoryLevel(locationId: $location) {
          quantities(names: ["available", "committed", "safety_stock", "on_hand", "incoming"]) { name quantity } } }
        location(id: $location) { inventoryLevels(first: 1) { nodes { item { id } } } }
      }`,
      {
        variant: FIXTURE_IDS.variants.sunglassesCoral,
        item: FIXTURE_IDS.inventoryItems.sunglassesCoral,
        location: FIXTURE_IDS.locations.usEast,
      },
    );
    expect(body?.errors).toBeUndefined();
    const data = body?.data as Tree;
    expect(data.node).toEqual({
      __typename: "ProductVariant",
      sku: "SUN-CORAL",
      product: { title: "Ocean-recycled sunglasses" },
    });
    expect(data.nodes).toEqual([{ name: "US East warehouse", address: { countryCode: "US" } }, null]);
    expect(data.inventoryItem.unitCost).toEqual({ amount: "35.60", currencyCode: "USD" });
    expect(data.inventoryItem.inventoryLevel.quantities).toEqual([
      { name: "available", quantity: 12 },
      { name: "committed", quantity: 2 },
      { name: "safety_stock", quantity: 3 },
      { name: "on_hand", quantity: 17 },
      { name: "incoming", quantity: 20 },
    ]);
  });

  it("lists orders with line items and their fulfilling location, honouring a limited order history", async () => {
    const clock = testClock("2026-06-10T00:00:00Z");
    const store = createFakeAdminStore(fixtureScenario(), { now: clock.now, orderHistoryDays: 7 });
    const { body } = await runAdmin(
      store,
      `{ orders(first: 10, sortKey: CREATED_AT) { nodes { name cancelledAt
          lineItems(first: 5) { nodes { quantity variant { id } } }
          fulfillmentOrders(first: 1) { nodes { assignedLocation { location { id } } } } } } }`,
    );
    expect(body?.errors).toBeUndefined();
    const orders = (body?.data as Tree).orders.nodes;
    // #1001 (June 1) is older than 7 days on June 10, like an app without read_all_orders.
    expect(orders.map((o: Tree) => o.name)).toEqual(["#1003", "#1004"]);
    expect(orders[0].cancelledAt).toBe("2026-06-04T08:00:00Z");
    expect(orders[1].fulfillmentOrders.nodes[0].assignedLocation.location.id).toBe(
      FIXTURE_IDS.locations.usEast,
    );
  });
});
