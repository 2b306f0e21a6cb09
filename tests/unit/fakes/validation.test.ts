import { describe, expect, it } from "vitest";
import { createFakeAdminStore, loadAdminSchema } from "../../fakes/shopify-admin/index";
import { fixtureScenario } from "../../fakes/shopify-admin/fixture";
import { runAdmin, type Tree } from "./run-admin";

describe("fake Admin API: requests Shopify would reject", () => {
  it("answers an unknown field with HTTP 200 and graphql-ruby's undefinedField error", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { status, body } = await runAdmin(store, "query ShopName {\n  shop {\n    name\n    nope\n  }\n}");
    expect(status).toBe(200);
    expect(body?.data).toBeUndefined();
    expect(body?.errors).toEqual([
      {
        message: "Field 'nope' doesn't exist on type 'Shop'",
        locations: [{ line: 4, column: 5 }],
        path: ["query ShopName", "shop", "nope"],
        extensions: { code: "undefinedField", typeName: "Shop", fieldName: "nope" },
      },
    ]);
    expect(body?.extensions?.cost.throttleStatus.maximumAvailable).toBe(2000);
  });

  it("rejects a missing required argument and an unknown argument", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { body } = await runAdmin(
      store,
      "{ product { id } products(first: 1, color: 2) { nodes { id } } }",
    );
    const errors = body?.errors as Tree[];
    expect(errors.map((e) => e.extensions.code).sort()).toEqual([
      "argumentNotAccepted",
      "missingRequiredArguments",
    ]);
    expect(errors.find((e) => e.extensions.code === "missingRequiredArguments").message).toBe(
      "Field 'product' is missing required arguments: id",
    );
  });

  it("reports a document that does not parse, with its location", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { status, body } = await runAdmin(store, "{ shop { name }");
    expect(status).toBe(200);
    const [error] = body?.errors as Tree[];
    expect(error.message).toMatch(/^Parse error/);
    expect(error.locations).toEqual([{ line: 1, column: 16 }]);
  });

  it("answers 401 without a valid access token, and 400 without a query", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    expect((await runAdmin(store, "{ shop { name } }", undefined, { accessToken: null })).status).toBe(401);
    const wrong = await runAdmin(store, "{ shop { name } }", undefined, { accessToken: "shpat_wrong" });
    expect(wrong.status).toBe(401);
    expect(wrong.body?.errors).toMatch(/Invalid API key or access token/);
    expect((await runAdmin(store, "")).status).toBe(400);
  });

  it("reports invalid variables the way graphql-ruby does", async () => {
    const store = createFakeAdminStore(fixtureScenario());
    const { body } = await runAdmin(store, "query P($id: ID!) { product(id: $id) { id } }", {});
    const [error] = body?.errors as Tree[];
    expect(error.message).toBe("Variable $id of type ID! was provided invalid value");
    expect(error.extensions.code).toBe("INVALID_VARIABLE");
  });

  it("loads the committed schema once per process", () => {
    const first = loadAdminSchema();
    expect(loadAdminSchema()).toBe(first);
    expect(first.idempotencyRequired.has("inventoryAdjustQuantities")).toBe(true);
    expect(first.idempotencyRequired.has("productUpdate")).toBe(false);
  });
});
