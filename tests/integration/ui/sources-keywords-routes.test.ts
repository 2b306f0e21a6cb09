import { describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { encryptCredentials } from "~/integrations/sources/secrets.server";
import {
  action as sourcesAction,
  loader as sourcesLoader,
  type SourceActionResult,
} from "~/routes/app.sources._index";
import { action as keywordsAction, loader as keywordsLoader } from "~/routes/app.keywords";
import { createTestShop } from "../../factories/shop";

// The routes authenticate through requireAdmin; here it answers for the shop each test creates.
const shell = vi.hoisted(() => ({ shopId: "" }));
vi.mock("~/services/admin-context.server", () => ({
  requireAdmin: async () => ({
    shopId: shell.shopId,
    timezone: "UTC",
    demo: true,
    embedded: false,
    actor: "test",
  }),
}));

const get = (path: string) => ({
  request: new Request(`http://localhost${path}`),
  params: {},
  context: {},
});
const post = (path: string, fields: Record<string, string>) => ({
  request: new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields) }),
  params: {},
  context: {},
});

async function withShop() {
  const shop = await createTestShop();
  shell.shopId = shop.id;
  return shop;
}

/** Everything the browser would receive from the Sources loader, as text. */
async function sourcesPageText() {
  return JSON.stringify(await sourcesLoader(get("/app/sources")));
}

const createWebhook = (name: string) =>
  sourcesAction(post("/app/sources", { intent: "create", kind: "ingest_webhook", name }));

describe("Sources page", () => {
  it("creates a signed webhook source, shows its secret once, and never sends it again", async () => {
    await withShop();
    const created = await createWebhook("Zapier mentions");
    expect(created).toMatchObject({ intent: "create", ok: true });
    if (created.intent !== "create" || !created.ok) throw new Error("not created");
    expect(created.ingestSecret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(created.source.ingestUrl).toBe(`/api/ingest/${created.source.id}`);

    const page = await sourcesLoader(get("/app/sources"));
    expect(page.sources).toHaveLength(1);
    expect(page.sources[0]).toMatchObject({
      name: "Zapier mentions",
      kind: "ingest_webhook",
      status: "active",
      hasCredentials: true,
      mentionCount: 0,
    });
    expect(page.kinds).toContain("ingest_webhook");
    const text = JSON.stringify(page);
    expect(text).not.toContain(created.ingestSecret);
    expect(text).not.toContain("pulse:v1:");

    const rotated = await sourcesAction(
      post("/app/sources", { intent: "rotate", sourceId: created.source.id }),
    );
    if (rotated.intent !== "rotate") throw new Error("not rotated");
    expect(rotated.ingestSecret).not.toBe(created.ingestSecret);
    const after = await sourcesPageText();
    expect(after).not.toContain(rotated.ingestSecret);
    expect(after).not.toContain(created.ingestSecret);
  });

  it("never sends stored connector credentials, encrypted or not, to the browser", async () => {
    const shop = await withShop();
    const id = "csourcecredentials0000001";
    await db().source.create({
      data: {
        id,
        shopId: shop.id,
        kind: "judgeme",
        name: "Judge.me",
        status: "needs_attention",
        statusReason: "Judge.me refused the API token (401). Paste a new private token.",
        credentialsEncrypted: encryptCredentials(id, { apiToken: "jm-private-token-1234567" }),
        config: { shopDomain: "factory.myshopify.com" },
        lastCounts: { fetched: 12, inserted: 10, duplicates: 2 },
        quota: { day: "2026-11-27", requests: 14, throttled: 1, lastRequestAt: null, minIntervalMs: 1000 },
      },
    });
    const page = await sourcesLoader(get("/app/sources"));
    expect(page.sources[0]).toMatchObject({
      status: "needs_attention",
      statusReason: expect.stringMatching(/Paste a new private token/),
      hasCredentials: true,
      config: { shopDomain: "factory.myshopify.com" },
      lastCounts: { fetched: 12, inserted: 10, duplicates: 2 },
      quota: { kind: "requests", requests: 14, throttled: 1 },
    });
    const text = JSON.stringify(page);
    expect(text).not.toContain("jm-private-token-1234567");
    expect(text).not.toContain("pulse:v1:");
    expect(text).not.toMatch(/credentialsEncrypted|apiToken":"/);
  });

  it("saves a connector's credentials from the form, encrypted, and reports their field errors inline", async () => {
    await withShop();
    const page = await sourcesLoader(get("/app/sources"));
    expect(page.kinds).toContain("judgeme");
    expect(page.fields.judgeme?.credentials).toEqual([
      expect.objectContaining({ name: "apiToken", secret: true }),
    ]);

    const tooShort = await sourcesAction(
      post("/app/sources", {
        intent: "create",
        kind: "judgeme",
        name: "Reviews",
        "credentials.apiToken": "abc",
      }),
    );
    expect(tooShort).toMatchObject({ ok: false, errors: { apiToken: expect.stringMatching(/API token/) } });
    expect(await db().source.count()).toBe(0);

    const token = "jm-private-token-from-the-form";
    const created = await sourcesAction(
      post("/app/sources", {
        intent: "create",
        kind: "judgeme",
        name: "Reviews",
        "credentials.apiToken": token,
        pollEveryMinutes: "30",
        backfillDays: "30",
      }),
    );
    expect(created).toMatchObject({ intent: "create", ok: true, ingestSecret: null });
    expect(JSON.stringify(created)).not.toContain(token);
    const stored = await db().source.findFirstOrThrow();
    expect(stored).toMatchObject({ kind: "judgeme", pollEveryMinutes: 30, backfillDays: 30 });
    expect(stored.credentialsEncrypted).not.toContain(token);
    const text = await sourcesPageText();
    expect(text).not.toContain(token);
    expect(text).toContain('"hasCredentials":true');

    // Saving without retyping the secret keeps the stored one.
    const renamed = await sourcesAction(
      post("/app/sources", {
        intent: "update",
        sourceId: stored.id,
        name: "Judge.me reviews",
        "credentials.apiToken": "",
      }),
    );
    expect(renamed).toMatchObject({ intent: "update", ok: true });
    expect((await db().source.findFirstOrThrow()).credentialsEncrypted).toBe(stored.credentialsEncrypted);
  });

  it("keeps settings the form does not show when a source is edited, and clears emptied ones", async () => {
    await withShop();
    const created = await sourcesAction(
      post("/app/sources", {
        intent: "create",
        kind: "judgeme",
        name: "Reviews",
        "credentials.apiToken": "jm-private-token-abcdef",
        "config.shopDomain": "sister-store.myshopify.com",
      }),
    );
    if (created.intent !== "create" || !created.ok) throw new Error("not created");
    // A provider address is not a form field (the demo points it at a local fake).
    await db().source.update({
      where: { id: created.source.id },
      data: { config: { shopDomain: "sister-store.myshopify.com", apiBaseUrl: "https://judge.me" } },
    });
    const page = await sourcesLoader(get("/app/sources"));
    expect(page.fields.judgeme?.config.map((f) => f.name)).toEqual(["shopDomain"]);

    const edited = await sourcesAction(
      post("/app/sources", {
        intent: "update",
        sourceId: created.source.id,
        name: "Reviews",
        "credentials.apiToken": "",
        "config.shopDomain": "",
      }),
    );
    expect(edited).toMatchObject({ intent: "update", ok: true });
    const config = (await db().source.findUniqueOrThrow({ where: { id: created.source.id } }))
      .config as Record<string, unknown>;
    expect(config.apiBaseUrl).toBe("https://judge.me");
    expect(config.shopDomain).toBeUndefined();
  });

  it("answers field errors for the form without writing anything", async () => {
    await withShop();
    const noName = await sourcesAction(
      post("/app/sources", { intent: "create", kind: "ingest_webhook", name: "  " }),
    );
    expect(noName).toMatchObject({ ok: false, errors: { name: expect.stringMatching(/name/) } });
    const badPoll = await sourcesAction(
      post("/app/sources", {
        intent: "create",
        kind: "ingest_webhook",
        name: "Hook",
        pollEveryMinutes: "2.5",
      }),
    );
    expect(badPoll).toMatchObject({ ok: false, errors: { pollEveryMinutes: expect.any(String) } });
    const badKind = await sourcesAction(
      post("/app/sources", { intent: "create", kind: "demo", name: "Fake" }),
    );
    expect(badKind).toMatchObject({ ok: false, errors: { kind: expect.any(String) } });
    expect(await db().source.count()).toBe(0);
  });

  it("pauses, resumes, renames, tests and deletes a source", async () => {
    await withShop();
    const created = await createWebhook("Make.com");
    if (created.intent !== "create" || !created.ok) throw new Error("not created");
    const sourceId = created.source.id;
    const act = (intent: string, extra: Record<string, string> = {}) =>
      sourcesAction(post("/app/sources", { intent, sourceId, ...extra })) as Promise<SourceActionResult>;

    expect(await act("pause")).toEqual({ intent: "pause", ok: true });
    expect((await sourcesLoader(get("/app/sources"))).sources[0]?.status).toBe("paused");
    expect(await act("resume")).toEqual({ intent: "resume", ok: true });
    expect((await sourcesLoader(get("/app/sources"))).sources[0]?.status).toBe("active");

    const renamed = await act("update", { name: "Make scenario" });
    expect(renamed).toMatchObject({ intent: "update", ok: true, ingestSecret: null });
    expect((await sourcesLoader(get("/app/sources"))).sources[0]?.name).toBe("Make scenario");

    const tested = await act("test");
    expect(tested).toMatchObject({ intent: "test", ok: true, sourceId });

    expect(await act("delete")).toEqual({ intent: "delete", ok: true });
    expect((await sourcesLoader(get("/app/sources"))).sources).toEqual([]);
  });

  it("refuses a row action it does not understand", async () => {
    await withShop();
    expect(await sourcesAction(post("/app/sources", { intent: "explode", sourceId: "x" }))).toEqual({
      intent: "unknown",
      ok: false,
    });
  });
});

describe("Keywords page", () => {
  async function shopWithProduct() {
    const shop = await withShop();
    const product = await db().product.create({
      data: {
        shopId: shop.id,
        shopifyId: "gid://shopify/Product/1",
        title: "Tidewater Eco Sunglasses",
        handle: "tidewater-eco-sunglasses",
      },
    });
    const variant = await db().variant.create({
      data: {
        shopId: shop.id,
        productId: product.id,
        shopifyId: "gid://shopify/ProductVariant/11",
        shopifyInventoryItemId: "gid://shopify/InventoryItem/111",
        title: "Ocean Blue",
        sku: "TW-SUN-OB",
        selectedOptions: [{ name: "Color", value: "Ocean Blue" }],
      },
    });
    return { shop, product, variant };
  }

  it("lists the shop's products as choices and saves a keyword linked to one", async () => {
    const { product } = await shopWithProduct();
    const empty = await keywordsLoader(get("/app/keywords"));
    expect(empty.keywords).toEqual([]);
    expect(empty.products).toEqual([{ id: product.id, title: "Tidewater Eco Sunglasses" }]);

    const saved = await keywordsAction(
      post("/app/keywords", {
        intent: "save",
        term: "#tidewater",
        kind: "product",
        productId: product.id,
        language: "en",
        exclusions: "tidewater bay, tide chart\nfishing",
        active: "true",
      }),
    );
    expect(saved).toEqual({ intent: "save", ok: true, created: true });
    const page = await keywordsLoader(get("/app/keywords"));
    expect(page.keywords).toEqual([
      expect.objectContaining({
        term: "#tidewater",
        kind: "product",
        productTitle: "Tidewater Eco Sunglasses",
        exclusions: ["tidewater bay", "tide chart", "fishing"],
        active: true,
        suggested: false,
        matchedMentions: 0,
      }),
    ]);

    const duplicate = await keywordsAction(
      post("/app/keywords", { intent: "save", term: "#TideWater", kind: "industry" }),
    );
    expect(duplicate).toMatchObject({ ok: false, errors: { term: expect.stringMatching(/already/) } });
  });

  it("turns a keyword off and on without losing its variant link, and deletes it", async () => {
    const { shop, product, variant } = await shopWithProduct();
    const keyword = await db().keyword.create({
      data: {
        shopId: shop.id,
        term: "ocean blue",
        kind: "product",
        productId: product.id,
        variantId: variant.id,
      },
    });
    const off = await keywordsAction(
      post("/app/keywords", { intent: "toggle", id: keyword.id, active: "false" }),
    );
    expect(off).toEqual({ intent: "toggle", ok: true });
    const stored = await db().keyword.findUniqueOrThrow({ where: { id: keyword.id } });
    expect(stored).toMatchObject({ active: false, variantId: variant.id, productId: product.id });

    // Editing without changing the product keeps the variant; moving to competitor drops the link.
    await keywordsAction(
      post("/app/keywords", {
        intent: "save",
        id: keyword.id,
        term: "ocean blue",
        kind: "product",
        productId: product.id,
      }),
    );
    expect((await db().keyword.findUniqueOrThrow({ where: { id: keyword.id } })).variantId).toBe(variant.id);
    await keywordsAction(
      post("/app/keywords", {
        intent: "save",
        id: keyword.id,
        term: "ocean blue",
        kind: "competitor",
        productId: product.id,
      }),
    );
    expect(await db().keyword.findUniqueOrThrow({ where: { id: keyword.id } })).toMatchObject({
      kind: "competitor",
      productId: null,
      variantId: null,
    });

    expect(await keywordsAction(post("/app/keywords", { intent: "delete", id: keyword.id }))).toEqual({
      intent: "delete",
      ok: true,
    });
    expect(await keywordsAction(post("/app/keywords", { intent: "delete", id: keyword.id }))).toEqual({
      intent: "delete",
      ok: false,
    });
  });

  it("suggests keywords from the catalogue once", async () => {
    await shopWithProduct();
    const first = await keywordsAction(post("/app/keywords", { intent: "suggest" }));
    expect(first).toMatchObject({ intent: "suggest", ok: true });
    if (first.intent !== "suggest") throw new Error("unexpected");
    expect(first.created).toBeGreaterThan(0);
    const page = await keywordsLoader(get("/app/keywords"));
    expect(page.keywords.every((k) => k.suggested)).toBe(true);
    expect(page.keywords.map((k) => k.term.toLowerCase())).toContain("tidewater eco sunglasses");
    const again = await keywordsAction(post("/app/keywords", { intent: "suggest" }));
    expect(again).toEqual({ intent: "suggest", ok: true, created: 0 });
  });
});

describe("Keywords page list", () => {
  async function shopWithKeywords(count: number) {
    const shop = await withShop();
    await db().keyword.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        shopId: shop.id,
        term: `Tidewater ${String(i).padStart(3, "0")}`,
        kind: i % 2 === 0 ? "product" : "competitor",
        suggested: i % 4 === 0,
      })),
    });
    return shop;
  }

  it("reads search, kind, status and page from the URL and answers with that page only", async () => {
    await shopWithKeywords(130);
    const first = await keywordsLoader(get("/app/keywords"));
    expect(first).toMatchObject({
      total: 130,
      page: 1,
      pageCount: 3,
      filters: { q: "", kind: null, status: "all" },
    });
    expect(first.keywords).toHaveLength(50);

    const filtered = await keywordsLoader(
      get("/app/keywords?q=TIDEWATER%200&kind=product&status=suggested&page=2&host=abc"),
    );
    // Terms 000–099 that are product (even) and suggested (multiple of 4): 25, all on page 1.
    expect(filtered).toMatchObject({
      total: 25,
      page: 1,
      pageCount: 1,
      filters: { q: "TIDEWATER 0", kind: "product", status: "suggested" },
    });
    expect(filtered.keywords.every((k) => k.kind === "product" && k.suggested)).toBe(true);

    const third = await keywordsLoader(get("/app/keywords?page=3"));
    expect(third.keywords.map((k) => k.term)).toHaveLength(30);
  });

  it("falls back to the unfiltered first page when the URL's list params are malformed", async () => {
    await shopWithKeywords(3);
    const page = await keywordsLoader(
      get(`/app/keywords?kind=vendor&status=maybe&page=-4&q=${"x".repeat(500)}`),
    );
    expect(page).toMatchObject({ total: 3, page: 1, filters: { q: "", kind: null, status: "all" } });
  });

  it("keeps the merchant on the same filtered page after toggling and deleting", async () => {
    await shopWithKeywords(130);
    const url = "/app/keywords?kind=competitor&page=2";
    const before = await keywordsLoader(get(url));
    expect(before).toMatchObject({ total: 65, page: 2 });
    const target = before.keywords[0]!;

    expect(await keywordsAction(post(url, { intent: "toggle", id: target.id, active: "false" }))).toEqual({
      intent: "toggle",
      ok: true,
    });
    const afterToggle = await keywordsLoader(get(url));
    expect(afterToggle.page).toBe(2);
    expect(afterToggle.keywords.find((k) => k.id === target.id)).toMatchObject({ active: false });

    expect(await keywordsAction(post(url, { intent: "delete", id: target.id }))).toEqual({
      intent: "delete",
      ok: true,
    });
    const afterDelete = await keywordsLoader(get(url));
    expect(afterDelete).toMatchObject({ total: 64, page: 2, pageCount: 2 });
    expect(afterDelete.keywords).toHaveLength(14);
  });
});
