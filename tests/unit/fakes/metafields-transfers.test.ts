import { describe, expect, it } from "vitest";
import { createFakeAdminStore, FAKE_APP_ID } from "../../fakes/shopify-admin/index";
import { FIXTURE_IDS, fixtureScenario } from "../../fakes/shopify-admin/fixture";
import { runAdmin, type Tree } from "./run-admin";

const SET = `#graphql
  mutation SetSentiment($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) { metafields { id namespace key type value } userErrors { field message code elementIndex } }
  }`;

const PRODUCT = FIXTURE_IDS.products.sunglasses;

describe("fake Admin API: metafields, definitions and transfers", () => {
  it("stores app-owned metafields under app--<id> and reads them back through $app", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { body } = await runAdmin(store, SET, {
      metafields: [
        {
          ownerId: PRODUCT,
          namespace: "$app",
          key: "sentiment_index",
          type: "number_decimal",
          value: "0.62",
        },
        {
          ownerId: PRODUCT,
          key: "top_drivers",
          type: "list.single_line_text_field",
          value: '["design","comfort"]',
        },
      ],
    });
    const payload = (body?.data as Tree).metafieldsSet;
    expect(payload.userErrors).toEqual([]);
    expect(payload.metafields.map((m: Tree) => m.namespace)).toEqual([
      `app--${FAKE_APP_ID}`,
      `app--${FAKE_APP_ID}`,
    ]);
    const read = await runAdmin(
      store,
      `query ($id: ID!) { product(id: $id) { metafield(namespace: "$app", key: "sentiment_index") { value type }
        metafields(first: 5) { nodes { key jsonValue } } } }`,
      { id: PRODUCT },
    );
    expect((read.body?.data as Tree).product).toEqual({
      metafield: { value: "0.62", type: "number_decimal" },
      metafields: {
        nodes: [
          { key: "sentiment_index", jsonValue: 0.62 },
          { key: "top_drivers", jsonValue: ["design", "comfort"] },
        ],
      },
    });
  });

  it("caps metafieldsSet at 25, refuses another app's namespace and writes nothing when any entry is bad", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const many = Array.from({ length: 26 }, (_, i) => ({
      ownerId: PRODUCT,
      key: `k${i}x`,
      type: "number_integer",
      value: "1",
    }));
    const tooMany = (await runAdmin(store, SET, { metafields: many })).body?.data as Tree;
    expect(tooMany.metafieldsSet.userErrors).toEqual([
      {
        field: ["metafields"],
        message: "Exceeded the maximum metafields input limit of 25.",
        code: "LESS_THAN_OR_EQUAL_TO",
        elementIndex: null,
      },
    ]);
    const mixed = (
      await runAdmin(store, SET, {
        metafields: [
          { ownerId: PRODUCT, key: "ok_key", type: "number_integer", value: "3" },
          { ownerId: PRODUCT, namespace: "app--1", key: "theirs", type: "number_integer", value: "3" },
          { ownerId: PRODUCT, key: "bad_value", type: "number_integer", value: "three" },
        ],
      })
    ).body?.data as Tree;
    expect(mixed.metafieldsSet.userErrors.map((e: Tree) => [e.elementIndex, e.code])).toEqual([
      [1, "APP_NOT_AUTHORIZED"],
      [2, "INVALID_VALUE"],
    ]);
    expect(store.metafields.size).toBe(0);
  });

  it("creates a metafield definition once and refuses the same key again", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const CREATE = `mutation ($definition: MetafieldDefinitionInput!) {
      metafieldDefinitionCreate(definition: $definition) { createdDefinition { id namespace key name ownerType type { name category } } userErrors { field code } } }`;
    const definition = {
      name: "Sentiment index",
      namespace: "$app",
      key: "sentiment_index",
      type: "number_decimal",
      ownerType: "PRODUCT",
    };
    const first = ((await runAdmin(store, CREATE, { definition })).body?.data as Tree)
      .metafieldDefinitionCreate;
    expect(first.createdDefinition).toMatchObject({
      namespace: `app--${FAKE_APP_ID}`,
      key: "sentiment_index",
      ownerType: "PRODUCT",
      type: { name: "number_decimal", category: "NUMBER" },
    });
    const again = ((await runAdmin(store, CREATE, { definition })).body?.data as Tree)
      .metafieldDefinitionCreate;
    expect(again.userErrors).toEqual([{ field: ["definition", "key"], code: "TAKEN" }]);
  });

  it("drafts an inventory transfer without moving stock", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const TRANSFER = `mutation ($input: InventoryTransferCreateInput!) {
      inventoryTransferCreate(input: $input) @idempotent(key: "move-1") {
        inventoryTransfer { id name status totalQuantity origin { name } destination { location { id } }
          lineItems(first: 5) { nodes { totalQuantity inventoryItem { id } } } }
        userErrors { field code } } }`;
    const input = {
      originLocationId: FIXTURE_IDS.locations.usEast,
      destinationLocationId: FIXTURE_IDS.locations.eu,
      lineItems: [{ inventoryItemId: FIXTURE_IDS.inventoryItems.sunglassesOcean, quantity: 6 }],
    };
    const created = ((await runAdmin(store, TRANSFER, { input })).body?.data as Tree).inventoryTransferCreate;
    expect(created.userErrors).toEqual([]);
    expect(created.inventoryTransfer).toMatchObject({
      name: "#T0001",
      status: "DRAFT",
      totalQuantity: 6,
      origin: { name: "US East warehouse" },
      destination: { location: { id: FIXTURE_IDS.locations.eu } },
      lineItems: {
        nodes: [{ totalQuantity: 6, inventoryItem: { id: FIXTURE_IDS.inventoryItems.sunglassesOcean } }],
      },
    });
    expect(
      store.quantity(FIXTURE_IDS.inventoryItems.sunglassesOcean, FIXTURE_IDS.locations.usEast, "available"),
    ).toBe(30);
    const same = await runAdmin(store, TRANSFER.replace("move-1", "move-2"), {
      input: { ...input, destinationLocationId: FIXTURE_IDS.locations.usEast },
    });
    expect((same.body?.data as Tree).inventoryTransferCreate.userErrors[0].code).toBe(
      "TRANSFER_ORIGIN_CANNOT_BE_THE_SAME_AS_DESTINATION",
    );
  });
});
