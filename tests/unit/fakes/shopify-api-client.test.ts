import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiVersion, GraphqlQueryError, LogSeverity, Session, shopifyApi } from "@shopify/shopify-api";
import {
  createFakeAdminStore,
  FAKE_ADMIN_ACCESS_TOKEN,
  startFakeAdminServer,
  type FakeAdminServer,
  type FakeAdminStore,
} from "../../fakes/shopify-admin/index";
import { FIXTURE_IDS, fixtureScenario } from "../../fakes/shopify-admin/fixture";
import { installAdminFetchRedirect } from "../../fakes/shopify-admin/redirect";
import type { Tree } from "./run-admin";

const SHOP = "pulse-fixture.myshopify.com";
let store: FakeAdminStore;
let server: FakeAdminServer;
let restoreFetch: () => void;

const shopify = shopifyApi({
  apiKey: "pulse-test-key",
  apiSecretKey: "pulse-test-secret",
  scopes: ["read_products", "write_inventory"],
  hostName: "pulse.test",
  apiVersion: ApiVersion.October26,
  isEmbeddedApp: true,
  isTesting: true,
  logger: { level: LogSeverity.Error, log: () => {} },
});

const session = new Session({
  id: `offline_${SHOP}`,
  shop: SHOP,
  state: "fixture",
  isOnline: false,
  accessToken: FAKE_ADMIN_ACCESS_TOKEN,
  scope: "read_products,write_inventory",
});

beforeAll(async () => {
  store = createFakeAdminStore(fixtureScenario());
  server = await startFakeAdminServer({ store, port: 0, host: "127.0.0.1" });
  restoreFetch = installAdminFetchRedirect(server.url);
});

afterAll(async () => {
  restoreFetch();
  await server.close();
});

describe("@shopify/shopify-api's real Admin GraphQL client against the fake", () => {
  it("reads through the library: the request reaches the fake over https://<shop> rewritten", async () => {
    const client = new shopify.clients.Graphql({ session });
    const response = await client.request(
      `#graphql
      query ProductsForHome($first: Int!) { shop { name } products(first: $first) { nodes { id title } } }`,
      { variables: { first: 2 } },
    );
    const data = response.data as Tree;
    expect(data.shop.name).toBe("Pulse Fixture Shop");
    expect(data.products.nodes.map((p: Tree) => p.id)).toEqual([
      FIXTURE_IDS.products.sunglasses,
      FIXTURE_IDS.products.tracker,
    ]);
    expect((response.extensions as Tree).cost.requestedQueryCost).toBeGreaterThan(0);
    expect(server.requests.at(-1)).toMatchObject({
      path: "/admin/api/2026-10/graphql.json",
      accessToken: FAKE_ADMIN_ACCESS_TOKEN,
    });
  });

  it("writes an adjustment and surfaces a schema error as the library's GraphqlQueryError", async () => {
    const client = new shopify.clients.Graphql({ session });
    const response = await client.request(
      `#graphql
      mutation Restock($input: InventoryAdjustQuantitiesInput!) {
        inventoryAdjustQuantities(input: $input) @idempotent(key: "rec-1") { userErrors { code } }
      }`,
      {
        variables: {
          input: {
            name: "available",
            reason: "received",
            changes: [
              {
                inventoryItemId: FIXTURE_IDS.inventoryItems.tracker,
                locationId: FIXTURE_IDS.locations.usWest,
                delta: 6,
                changeFromQuantity: 22,
              },
            ],
          },
        },
      },
    );
    expect((response.data as Tree).inventoryAdjustQuantities.userErrors).toEqual([]);
    expect(
      store.quantity(FIXTURE_IDS.inventoryItems.tracker, FIXTURE_IDS.locations.usWest, "available"),
    ).toBe(28);

    const failure = await client.request("query { shop { nope } }").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphqlQueryError);
    expect(((failure as GraphqlQueryError).body as Tree).errors.graphQLErrors[0].extensions.code).toBe(
      "undefinedField",
    );
  });

  it("refuses to install the redirect in production", () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      expect(() => installAdminFetchRedirect(server.url)).toThrow(/production/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
