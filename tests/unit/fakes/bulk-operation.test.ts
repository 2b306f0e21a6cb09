import { describe, expect, it } from "vitest";
import { completeBulkOperations, createFakeAdminStore } from "../../fakes/shopify-admin/index";
import { FIXTURE_IDS, fixtureScenario } from "../../fakes/shopify-admin/fixture";
import { runAdmin, type Tree } from "./run-admin";

const RUN = `#graphql
  mutation RunBulk($query: String!) {
    bulkOperationRunQuery(query: $query) { bulkOperation { id status url } userErrors { field message code } }
  }`;

const POLL = `#graphql
  query Poll($id: ID!) { node(id: $id) { ... on BulkOperation { id status url objectCount rootObjectCount fileSize errorCode } } }`;

const CATALOG = `{
  products(query: "status:active") { edges { node { id title
    variants { edges { node { id sku inventoryItem { id
      inventoryLevels { edges { node { id location { id } quantities(names: ["available", "on_hand"]) { name quantity } } } } } } } }
  } } }
}`;

function parseJsonl(text: string): Tree[] {
  return text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Tree);
}

async function startBulk(store: ReturnType<typeof createFakeAdminStore>, query: string) {
  const { body } = await runAdmin(store, RUN, { query });
  return (body?.data as Tree).bulkOperationRunQuery;
}

describe("fake Admin API: bulk operations", () => {
  it("moves CREATED → RUNNING → COMPLETED as it is polled and serves JSONL with __parentId lines", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const started = await startBulk(store, CATALOG);
    expect(started.userErrors).toEqual([]);
    expect(started.bulkOperation).toMatchObject({ status: "CREATED", url: null });
    const id = started.bulkOperation.id as string;

    const poll = async () => ((await runAdmin(store, POLL, { id })).body?.data as Tree).node;
    expect((await poll()).status).toBe("RUNNING");
    const done = await poll();
    expect(done.status).toBe("COMPLETED");
    expect(done.url).toMatch(/\/bulk\/\d+\.jsonl$/);

    const lines = parseJsonl(store.bulkResults.get(done.url.match(/(\d+)\.jsonl$/)[1])!);
    expect(done.objectCount).toBe(String(lines.length));
    expect(done.fileSize).toBe(
      String(Buffer.byteLength(store.bulkResults.get(done.url.match(/(\d+)\.jsonl$/)[1])!)),
    );
    const products = lines.filter((l) => l.id.includes("/Product/"));
    expect(products.map((p) => p.id)).toEqual([
      FIXTURE_IDS.products.sunglasses,
      FIXTURE_IDS.products.tracker,
      FIXTURE_IDS.products.necklace,
    ]);
    expect(done.rootObjectCount).toBe("3");
    // Roots carry no __parentId and no nested connection.
    expect(products[0]).toEqual({ id: FIXTURE_IDS.products.sunglasses, title: "Ocean-recycled sunglasses" });
    // A variant line: its parent product, the inventory item inline, the levels cut out.
    const coral = lines.find((l) => l.id === FIXTURE_IDS.variants.sunglassesCoral);
    expect(coral).toEqual({
      id: FIXTURE_IDS.variants.sunglassesCoral,
      sku: "SUN-CORAL",
      inventoryItem: { id: FIXTURE_IDS.inventoryItems.sunglassesCoral },
      __parentId: FIXTURE_IDS.products.sunglasses,
    });
    // Level lines follow their variant and point at it (the enclosing line's object).
    const coralIndex = lines.indexOf(coral);
    expect(lines[coralIndex + 1]).toEqual({
      id: "gid://shopify/InventoryLevel/1?inventory_item_id=5011",
      location: { id: FIXTURE_IDS.locations.usEast },
      quantities: [
        { name: "available", quantity: 12 },
        { name: "on_hand", quantity: 17 },
      ],
      __parentId: FIXTURE_IDS.variants.sunglassesCoral,
    });
    // 3 products + 5 variants + 15 levels.
    expect(lines).toHaveLength(3 + 5 + 15);
  });

  it("writes orders → lineItems JSONL and reports it through currentBulkOperation", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    await startBulk(
      store,
      `{ orders(query: "created_at:>=2026-06-01") { edges { node { id name processedAt cancelledAt
          lineItems { edges { node { id quantity variant { id } } } } } } } }`,
    );
    const current = `{ currentBulkOperation { id status url } }`;
    expect(((await runAdmin(store, current)).body?.data as Tree).currentBulkOperation.status).toBe("RUNNING");
    const done = ((await runAdmin(store, current)).body?.data as Tree).currentBulkOperation;
    expect(done.status).toBe("COMPLETED");
    const lines = parseJsonl(store.bulkResults.get(done.url.match(/(\d+)\.jsonl$/)[1])!);
    expect(lines.slice(0, 3)).toEqual([
      {
        id: "gid://shopify/Order/9001",
        name: "#1001",
        processedAt: "2026-06-01T09:00:00Z",
        cancelledAt: null,
      },
      {
        id: "gid://shopify/LineItem/9001001",
        quantity: 2,
        variant: { id: FIXTURE_IDS.variants.sunglassesCoral },
        __parentId: "gid://shopify/Order/9001",
      },
      {
        id: "gid://shopify/LineItem/9001002",
        quantity: 1,
        variant: { id: FIXTURE_IDS.variants.tracker },
        __parentId: "gid://shopify/Order/9001",
      },
    ]);
    expect(lines.filter((l) => l.__parentId === undefined)).toHaveLength(4);
  });

  it("refuses a bulk query without a connection or with an invalid field", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    expect((await startBulk(store, "{ shop { name } }")).userErrors).toEqual([
      { field: ["query"], message: "Bulk queries must contain at least one connection.", code: "INVALID" },
    ]);
    expect(
      (await startBulk(store, "{ products { edges { node { nope } } } }")).userErrors[0].message,
    ).toMatch(/^Invalid bulk query: Cannot query field "nope"/);
    expect(store.bulkOperations.size).toBe(0);
  });

  it("completes pending operations at once for callers that skip polling", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const started = await startBulk(store, "{ locations { edges { node { id name } } } }");
    completeBulkOperations(store);
    const op = store.bulkOperations.get(started.bulkOperation.id)!;
    expect(op.status).toBe("COMPLETED");
    expect(
      parseJsonl(store.bulkResults.get(op.url!.match(/(\d+)\.jsonl$/)![1]!)!).map((l) => l.name),
    ).toEqual(["EU warehouse", "US East warehouse", "US West warehouse"]);
  });
});
