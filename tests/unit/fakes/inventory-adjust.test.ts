import { describe, expect, it } from "vitest";
import { createFakeAdminStore } from "../../fakes/shopify-admin/index";
import { FIXTURE_IDS, fixtureScenario } from "../../fakes/shopify-admin/fixture";
import { runAdmin, type Tree } from "./run-admin";

const ITEM = FIXTURE_IDS.inventoryItems.sunglassesCoral;
const EAST = FIXTURE_IDS.locations.usEast;

const ADJUST = `#graphql
  mutation Adjust($input: InventoryAdjustQuantitiesInput!, $key: String!) {
    inventoryAdjustQuantities(input: $input) @idempotent(key: $key) {
      inventoryAdjustmentGroup { id reason referenceDocumentUri changes { name delta quantityAfterChange ledgerDocumentUri item { id } location { id } } }
      userErrors { field message code }
    }
  }`;

function adjustInput(changes: Record<string, unknown>[], name = "available") {
  return { name, reason: "restock", referenceDocumentUri: "gid://pulse/Recommendation/7", changes };
}

async function adjust(
  store: ReturnType<typeof createFakeAdminStore>,
  key: string,
  input: Record<string, unknown>,
) {
  const result = await runAdmin(store, ADJUST, { key, input });
  return { ...result, payload: (result.body?.data as Tree)?.inventoryAdjustQuantities };
}

describe("fake Admin API: inventoryAdjustQuantities", () => {
  it("applies a change with its idempotency key, moving on_hand with available", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { payload } = await adjust(
      store,
      "rec-7-v1",
      adjustInput([{ inventoryItemId: ITEM, locationId: EAST, delta: 5, changeFromQuantity: 12 }]),
    );
    expect(payload.userErrors).toEqual([]);
    expect(payload.inventoryAdjustmentGroup.referenceDocumentUri).toBe("gid://pulse/Recommendation/7");
    expect(payload.inventoryAdjustmentGroup.changes).toEqual([
      {
        name: "available",
        delta: 5,
        quantityAfterChange: 17,
        ledgerDocumentUri: null,
        item: { id: ITEM },
        location: { id: EAST },
      },
      {
        name: "on_hand",
        delta: 5,
        quantityAfterChange: 22,
        ledgerDocumentUri: null,
        item: { id: ITEM },
        location: { id: EAST },
      },
    ]);
    expect(store.quantity(ITEM, EAST, "available")).toBe(17);
    expect(store.adjustments).toHaveLength(1);
    expect(store.adjustments[0]).toMatchObject({
      delta: 5,
      changeFromQuantity: 12,
      idempotencyKey: "rec-7-v1",
    });
  });

  it("refuses to run without @idempotent (required since 2026-04) with a top-level error", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { status, body } = await runAdmin(
      store,
      `mutation ($input: InventoryAdjustQuantitiesInput!) {
        inventoryAdjustQuantities(input: $input) { userErrors { code } } }`,
      { input: adjustInput([{ inventoryItemId: ITEM, locationId: EAST, delta: 1, changeFromQuantity: 12 }]) },
    );
    expect(status).toBe(200);
    expect((body?.data as Tree).inventoryAdjustQuantities).toBeNull();
    const [error] = body?.errors as Tree[];
    expect(error.message).toMatch(/requires an idempotency key/);
    expect(error.path).toEqual(["inventoryAdjustQuantities"]);
    expect(store.adjustments).toHaveLength(0);
    // An older API version still accepted the mutation without a key.
    const old = await runAdmin(
      store,
      `mutation ($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) { userErrors { code } } }`,
      { input: adjustInput([{ inventoryItemId: ITEM, locationId: EAST, delta: 1, changeFromQuantity: 12 }]) },
      { apiVersion: "2026-01" },
    );
    expect((old.body?.data as Tree).inventoryAdjustQuantities.userErrors).toEqual([]);
  });

  it("answers CHANGE_FROM_QUANTITY_STALE when the quantity moved, and changes nothing", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { payload } = await adjust(
      store,
      "rec-8",
      adjustInput([
        {
          inventoryItemId: FIXTURE_IDS.inventoryItems.tracker,
          locationId: EAST,
          delta: 3,
          changeFromQuantity: 40,
        },
        { inventoryItemId: ITEM, locationId: EAST, delta: 5, changeFromQuantity: 10 },
      ]),
    );
    expect(payload.inventoryAdjustmentGroup).toBeNull();
    expect(payload.userErrors).toEqual([
      {
        field: ["input", "changes", "1", "changeFromQuantity"],
        message: expect.stringContaining("current available quantity is 12"),
        code: "CHANGE_FROM_QUANTITY_STALE",
      },
    ]);
    // All or nothing: the valid first change was not applied either.
    expect(store.quantity(FIXTURE_IDS.inventoryItems.tracker, EAST, "available")).toBe(40);
    expect(store.quantity(ITEM, EAST, "available")).toBe(12);
    expect(store.adjustments).toHaveLength(0);
  });

  it("replays the first result for the same key and input without applying twice", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const input = adjustInput([
      { inventoryItemId: ITEM, locationId: EAST, delta: 4, changeFromQuantity: 12 },
    ]);
    const first = await adjust(store, "rec-9", input);
    const second = await adjust(store, "rec-9", input);
    expect(second.payload).toEqual(first.payload);
    expect(store.quantity(ITEM, EAST, "available")).toBe(16);
    expect(store.adjustments).toHaveLength(1);
    // Same key, different input: Shopify refuses rather than guessing.
    const mismatch = await adjust(store, "rec-9", { ...input, reason: "correction" });
    expect(mismatch.payload.userErrors[0].code).toBe("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    expect(store.adjustments).toHaveLength(1);
  });

  it("requires changeFromQuantity on every change, though null is allowed", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const missing = await adjust(
      store,
      "rec-10",
      adjustInput([{ inventoryItemId: ITEM, locationId: EAST, delta: 1 }]),
    );
    expect(missing.payload).toBeNull();
    expect((missing.body?.errors as Tree[])[0].message).toMatch(/changeFromQuantity must be provided/);
    const explicitNull = await adjust(
      store,
      "rec-11",
      adjustInput([{ inventoryItemId: ITEM, locationId: EAST, delta: 1, changeFromQuantity: null }]),
    );
    expect(explicitNull.payload.userErrors).toEqual([]);
    expect(store.quantity(ITEM, EAST, "available")).toBe(13);
  });

  it("refuses more than 250 changes before running anything", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const changes = Array.from({ length: 251 }, () => ({
      inventoryItemId: ITEM,
      locationId: EAST,
      delta: 1,
      changeFromQuantity: null,
    }));
    const { status, body, payload } = await adjust(store, "rec-12", adjustInput(changes));
    expect(status).toBe(200);
    expect(payload).toBeUndefined();
    expect(body?.errors).toEqual([
      expect.objectContaining({
        message: "The input array size of 251 is greater than the maximum allowed of 250.",
        path: ["inventoryAdjustQuantities", "input", "changes"],
        extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
      }),
    ]);
    expect(store.adjustments).toHaveLength(0);
    const ok = await adjust(store, "rec-13", adjustInput(changes.slice(0, 250)));
    expect(ok.payload.userErrors).toEqual([]);
    expect(store.quantity(ITEM, EAST, "available")).toBe(262);
  });

  it("requires a ledger document for names other than available, and checks names and stocking", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const noLedger = await adjust(
      store,
      "k1",
      adjustInput(
        [{ inventoryItemId: ITEM, locationId: EAST, delta: 10, changeFromQuantity: 20 }],
        "incoming",
      ),
    );
    expect(noLedger.payload.userErrors.map((e: Tree) => e.code)).toEqual(["INVALID_LEDGER_DOCUMENT"]);
    const incoming = await adjust(
      store,
      "k2",
      adjustInput(
        [
          {
            inventoryItemId: ITEM,
            locationId: EAST,
            delta: 10,
            changeFromQuantity: 20,
            ledgerDocumentUri: "gid://pulse/SupplierOrder/3",
          },
        ],
        "incoming",
      ),
    );
    expect(incoming.payload.inventoryAdjustmentGroup.changes).toEqual([
      expect.objectContaining({
        name: "incoming",
        delta: 10,
        quantityAfterChange: 30,
        ledgerDocumentUri: "gid://pulse/SupplierOrder/3",
      }),
    ]);
    expect(store.quantity(ITEM, EAST, "on_hand")).toBe(17); // incoming is outside on_hand
    const safety = await adjust(
      store,
      "k3",
      adjustInput(
        [
          {
            inventoryItemId: ITEM,
            locationId: EAST,
            delta: 2,
            changeFromQuantity: 3,
            ledgerDocumentUri: "gid://pulse/SafetyStock/1",
          },
        ],
        "safety_stock",
      ),
    );
    expect(safety.payload.userErrors).toEqual([]);
    expect(store.quantity(ITEM, EAST, "safety_stock")).toBe(5);
    const badName = await adjust(
      store,
      "k4",
      adjustInput([{ inventoryItemId: ITEM, locationId: EAST, delta: 1, changeFromQuantity: null }], "sold"),
    );
    expect(badName.payload.userErrors.map((e: Tree) => e.code)).toEqual(["INVALID_QUANTITY_NAME"]);
    const notStocked = await adjust(
      store,
      "k5",
      adjustInput([
        {
          inventoryItemId: FIXTURE_IDS.inventoryItems.shelf,
          locationId: FIXTURE_IDS.locations.eu,
          delta: 1,
          changeFromQuantity: null,
        },
      ]),
    );
    expect(notStocked.payload.userErrors).toEqual([
      {
        field: ["input", "changes", "0", "locationId"],
        message: "The specified inventory item is not stocked at the location.",
        code: "INVALID_LOCATION",
      },
    ]);
  });

  it("sets absolute quantities with inventorySetQuantities under the same rules", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const SET = `mutation Set($input: InventorySetQuantitiesInput!) {
      inventorySetQuantities(input: $input) @idempotent(key: "set-1") {
        inventoryAdjustmentGroup { changes { name delta quantityAfterChange } } userErrors { field code } } }`;
    const input = (changeFromQuantity: number | null) => ({
      name: "available",
      reason: "correction",
      quantities: [{ inventoryItemId: ITEM, locationId: EAST, quantity: 20, changeFromQuantity }],
    });
    const stale = await runAdmin(store, SET.replace("set-1", "set-0"), { input: input(11) });
    expect((stale.body?.data as Tree).inventorySetQuantities.userErrors[0].code).toBe(
      "CHANGE_FROM_QUANTITY_STALE",
    );
    const { body } = await runAdmin(store, SET, { input: input(12) });
    expect((body?.data as Tree).inventorySetQuantities.inventoryAdjustmentGroup.changes).toEqual([
      { name: "available", delta: 8, quantityAfterChange: 20 },
      { name: "on_hand", delta: 8, quantityAfterChange: 25 },
    ]);
    expect(store.adjustments.map((a) => a.mutation)).toEqual(["inventorySetQuantities"]);
  });
});
