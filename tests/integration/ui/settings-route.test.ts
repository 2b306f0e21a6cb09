import { describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { action as settingsAction, loader as settingsLoader } from "~/routes/app.settings";
import { updateInventorySettings } from "~/services/shop-settings.server";
import { createTestShop } from "../../factories/shop";

// The route authenticates through requireAdmin; here it answers for the shop each test creates.
const shell = vi.hoisted(() => ({ shopId: "" }));
vi.mock("~/services/admin-context.server", () => ({
  requireAdmin: async () => ({
    shopId: shell.shopId,
    timezone: "UTC",
    demo: true,
    embedded: false,
    actor: "merchant@example.com",
  }),
}));

const get = (path: string) => ({ request: new Request(`http://localhost${path}`), params: {}, context: {} });
const post = (path: string, fields: Record<string, string>) => ({
  request: new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) }),
  params: {},
  context: {},
});

/** Settings another part of Pulse stored: a tuned lift, a digest preference outside `inventory`. */
const STORED = {
  digest: { weeklyEmail: true, recipients: ["owner@example.com"] },
  inventory: {
    shopDefaults: { leadTimeDays: 21 },
    lift: { maxLagWeeks: 2, kolDamping: 0.1 },
    suppliers: { "Acme Optics": { leadTimeDays: 30 } },
  },
};

async function withShop(settings: object = STORED) {
  const shop = await createTestShop();
  await db().shop.update({ where: { id: shop.id }, data: { settings } });
  shell.shopId = shop.id;
  const product = (title: string, vendor: string) =>
    db().product.create({
      data: { shopId: shop.id, shopifyId: `gid://shopify/Product/${title}`, title, handle: title, vendor },
    });
  const [frames, lenses] = [
    await product("Aviator frames", " Acme Optics "),
    await product("Lenses", "Lumen"),
  ];
  return { shop, frames, lenses };
}

const storedRow = (shopId: string) =>
  db().shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true, updatedAt: true } });

describe("updateInventorySettings", () => {
  it("merges a valid save over the stored overrides, keeps everything else and records who changed what", async () => {
    const { shop } = await withShop();
    const result = await updateInventorySettings(
      shop.id,
      {
        "shopDefaults.serviceLevel": "0.9",
        "shopDefaults.moqUnits": " 12 ",
        "supplier.basePercent": "50",
        "autonomy.autoApplyEnabled": "true",
        "autonomy.autoApplyMaxChangePercent": "10",
      },
      "merchant@example.com",
    );
    expect(result).toMatchObject({ ok: true });

    const { settings } = await storedRow(shop.id);
    expect(settings).toEqual({
      digest: STORED.digest,
      inventory: {
        shopDefaults: { leadTimeDays: 21, serviceLevel: 0.9, moqUnits: 12 },
        lift: { maxLagWeeks: 2, kolDamping: 0.1 },
        suppliers: { "Acme Optics": { leadTimeDays: 30 } },
        supplier: { basePercent: 50 },
        autonomy: { autoApplyEnabled: true, autoApplyMaxChangePercent: 10 },
      },
    });
    const audit = await db().auditEvent.findMany({ where: { shopId: shop.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: "merchant@example.com", action: "settings.inventory_updated" });
    expect((audit[0]!.details as { changes: unknown[] }).changes).toEqual([
      { setting: "autonomy.autoApplyEnabled", from: null, to: true },
      { setting: "autonomy.autoApplyMaxChangePercent", from: null, to: 10 },
      { setting: "shopDefaults.moqUnits", from: null, to: 12 },
      { setting: "shopDefaults.serviceLevel", from: null, to: 0.9 },
      { setting: "supplier.basePercent", from: null, to: 50 },
    ]);
  });

  it("empties a field to inherit again, and writes nothing when nothing changed", async () => {
    const { shop } = await withShop();
    expect(await updateInventorySettings(shop.id, { "shopDefaults.leadTimeDays": "" })).toMatchObject({
      ok: true,
    });
    const { settings, updatedAt } = await storedRow(shop.id);
    expect((settings as typeof STORED).inventory.shopDefaults).toEqual({});
    expect((settings as typeof STORED).inventory.lift).toEqual(STORED.inventory.lift);

    expect(await updateInventorySettings(shop.id, { "shopDefaults.leadTimeDays": "" })).toEqual({
      ok: true,
      changes: [],
    });
    expect((await storedRow(shop.id)).updatedAt).toEqual(updatedAt);
    await expect(db().auditEvent.count({ where: { shopId: shop.id } })).resolves.toBe(1);
  });

  it("rejects absurd input with the domain's message per field and leaves the row byte-identical", async () => {
    const { shop, frames } = await withShop();
    const before = await storedRow(shop.id);
    const result = await updateInventorySettings(shop.id, {
      "shopDefaults.serviceLevel": "1",
      "shopDefaults.moqUnits": "-3",
      "shopDefaults.leadTimeDays": "three weeks",
      "supplier.basePercent": "40",
      [`products.${frames.id}.casePackUnits`]: "0",
      "suppliers.Lumen.serviceLevel": "0.2",
      "autonomy.autoApplyMaxChangePercent": "55",
    });
    if (result.ok) throw new Error("saved absurd settings");
    expect(Object.keys(result.errors).sort()).toEqual(
      [
        "autonomy.autoApplyMaxChangePercent",
        `products.${frames.id}.casePackUnits`,
        "shopDefaults.leadTimeDays",
        "shopDefaults.moqUnits",
        "shopDefaults.serviceLevel",
        "suppliers.Lumen.serviceLevel",
      ].sort(),
    );
    expect(result.errors["shopDefaults.serviceLevel"]).toBe(
      "The setting shopDefaults.serviceLevel (shop) is 1; it must be a probability from 0.5 up to but not including 1 (for example 0.95). Change it in Pulse settings.",
    );
    expect(result.errors["shopDefaults.leadTimeDays"]).toContain('is "three weeks"');
    expect(result.errors["shopDefaults.moqUnits"]).toContain("a whole number of units, 0 or more");
    expect(result.errors[`products.${frames.id}.casePackUnits`]).toContain(`(product:${frames.id})`);
    expect(result.errors["autonomy.autoApplyMaxChangePercent"]).toContain(
      "at most autonomy.humanRequiredDailySwingPercent",
    );

    const after = await storedRow(shop.id);
    expect(JSON.stringify(after.settings)).toBe(JSON.stringify(before.settings));
    expect(after.updatedAt).toEqual(before.updatedAt);
    await expect(db().auditEvent.count({ where: { shopId: shop.id } })).resolves.toBe(0);
  });

  it("adds and removes product and supplier overrides", async () => {
    const { shop, frames, lenses } = await withShop();
    const added = await updateInventorySettings(shop.id, {
      [`products.${frames.id}.leadTimeDays`]: "45",
      [`products.${frames.id}.serviceLevel`]: "",
      [`products.${lenses.id}.moqUnits`]: "",
      "suppliers.Lumen.moqUnits": "24",
      "suppliers.Lumen.casePackUnits": "6",
    });
    expect(added).toMatchObject({ ok: true });
    let inventory = ((await storedRow(shop.id)).settings as typeof STORED).inventory as Record<
      string,
      unknown
    >;
    // A product with every field empty inherits everything: no override is stored for it.
    expect(inventory.products).toEqual({ [frames.id]: { leadTimeDays: 45 } });
    expect(inventory.suppliers).toEqual({
      "Acme Optics": { leadTimeDays: 30 },
      Lumen: { moqUnits: 24, casePackUnits: 6 },
    });

    const removed = await updateInventorySettings(shop.id, {
      [`products.${frames.id}.leadTimeDays`]: "",
      "suppliers.Acme Optics.leadTimeDays": "",
      "suppliers.Lumen.casePackUnits": "",
    });
    expect(removed).toMatchObject({ ok: true });
    inventory = ((await storedRow(shop.id)).settings as typeof STORED).inventory as Record<string, unknown>;
    expect(inventory.products).toEqual({});
    expect(inventory.suppliers).toEqual({ Lumen: { moqUnits: 24 } });
  });

  it("refuses an override for a product that is not in the shop's catalogue", async () => {
    const { shop } = await withShop();
    const other = await createTestShop();
    const foreign = await db().product.create({
      data: { shopId: other.id, shopifyId: "gid://shopify/Product/9", title: "Foreign", handle: "foreign" },
    });
    const result = await updateInventorySettings(shop.id, { [`products.${foreign.id}.leadTimeDays`]: "10" });
    expect(result).toEqual({
      ok: false,
      errors: { [`products.${foreign.id}`]: expect.stringMatching(/not in your catalogue/) },
    });
  });

  it("replaces the regional mapping with the rows sent and names the row a bad code is in", async () => {
    const { shop } = await withShop();
    const rows = (entries: [string, string][]) => ({
      "regional.regionByCountry.rows": String(entries.length),
      ...Object.fromEntries(
        entries.flatMap(([code, region], i) => [
          [`regional.regionByCountry.${i}.code`, code],
          [`regional.regionByCountry.${i}.region`, region],
        ]),
      ),
    });
    expect(
      await updateInventorySettings(
        shop.id,
        rows([
          ["de", "eu"],
          ["", ""],
          ["US-CA", "us-west"],
        ]),
      ),
    ).toMatchObject({ ok: true });
    const { settings } = await storedRow(shop.id);
    expect((settings as { inventory: { regional: unknown } }).inventory.regional).toEqual({
      regionByCountry: { DE: "eu", "US-CA": "us-west" },
    });

    const bad = await updateInventorySettings(
      shop.id,
      rows([
        ["DE", "eu"],
        ["", ""],
        ["Germany", "eu"],
        ["DE", "central"],
      ]),
    );
    if (bad.ok) throw new Error("saved a bad mapping");
    expect(bad.errors).toEqual({
      "regional.regionByCountry.2": expect.stringMatching(/two-letter country code/),
      "regional.regionByCountry.3": expect.stringMatching(/already mapped in an earlier row/),
    });
    expect((await storedRow(shop.id)).settings).toEqual(settings);
  });
});

describe("Settings route", () => {
  it("loads stored values, the catalogue's suppliers and products, and the defaults empty fields inherit", async () => {
    const { frames } = await withShop();
    await db().shop.update({
      where: { id: shell.shopId },
      data: {
        settings: {
          ...STORED,
          inventory: { ...STORED.inventory, products: { [frames.id]: { moqUnits: 5 } } },
        },
      },
    });
    const page = await settingsLoader(get("/app/settings"));
    expect(page.values).toMatchObject({
      "shopDefaults.leadTimeDays": "21",
      "shopDefaults.serviceLevel": "",
      "autonomy.autoApplyEnabled": "false",
      "suppliers.Acme Optics.leadTimeDays": "30",
      "suppliers.Lumen.leadTimeDays": "",
      [`products.${frames.id}.moqUnits`]: "5",
    });
    expect(page.suppliers).toEqual(["Acme Optics", "Lumen"]);
    expect(page.products.map((p) => p.title)).toEqual(["Aviator frames", "Lenses"]);
    expect(page.productOverrideIds).toEqual([frames.id]);
    expect(page.effective.shopDefaults).toEqual({
      leadTimeDays: 21,
      serviceLevel: 0.95,
      moqUnits: 0,
      casePackUnits: 1,
    });
    expect(page.effective.autonomy.humanRequiredDailySwingPercent).toBe(40);
    expect(page.storedErrors).toEqual({});
  });

  it("saves the posted form and answers field errors without saving", async () => {
    const { shop } = await withShop();
    const page = await settingsLoader(get("/app/settings"));
    const saved = await settingsAction(
      post("/app/settings", { ...page.values, "shopDefaults.leadTimeDays": "28" }),
    );
    expect(saved).toEqual({ ok: true, changedCount: 1 });
    const reloaded = await settingsLoader(get("/app/settings"));
    expect(reloaded.values["shopDefaults.leadTimeDays"]).toBe("28");
    expect(reloaded.version).not.toBe(page.version);

    const before = await storedRow(shop.id);
    const rejected = await settingsAction(
      post("/app/settings", { ...reloaded.values, "shopDefaults.serviceLevel": "1" }),
    );
    expect(rejected).toEqual({
      ok: false,
      errors: { "shopDefaults.serviceLevel": expect.stringMatching(/Change it in Pulse settings\.$/) },
    });
    expect(JSON.stringify((await storedRow(shop.id)).settings)).toBe(JSON.stringify(before.settings));
  });

  it("shows problems with what is stored by field", async () => {
    await withShop({
      inventory: { shopDefaults: { serviceLevel: 1 }, guardrails: { minMagnitudeUnits: 0 } },
    });
    const page = await settingsLoader(get("/app/settings"));
    expect(Object.keys(page.storedErrors).sort()).toEqual([
      "guardrails.minMagnitudeUnits",
      "shopDefaults.serviceLevel",
    ]);
  });
});
