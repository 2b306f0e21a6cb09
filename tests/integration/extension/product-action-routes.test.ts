import type { LoaderFunctionArgs } from "@remix-run/node";
import {
  API_KEY,
  API_SECRET_KEY,
  getJwt,
  RequestType,
  setUpValidRequest,
  setUpValidSession,
  TEST_SHOP,
  TEST_SHOP_NAME,
  USER_ID,
} from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import {
  loader as listLoader,
  action as listAction,
} from "~/routes/api.extension.products.$productId.recommendations";
import { action as decisionAction } from "~/routes/api.extension.recommendations.decision";
import { sessionStorage } from "~/shopify.server";
import {
  intlFormatNumber,
  parseProductRecommendations,
  recommendationLines,
} from "../../../extensions/pulse-product-action/src/view";
import { createTestShop } from "../../factories/shop";

// The routes the product page's admin action calls, authenticated the way Shopify's admin calls
// them: the extension's session token (a JWT signed with the app secret) as a Bearer header, from
// the extension sandbox's origin, checked by the app's own `authenticate.admin`.

const APP = "https://my-test-app.myshopify.io";
const EXTENSION_ORIGIN = "https://extensions.shopifycdn.com";
const PRODUCT_GID = "gid://shopify/Product/7001";

/** Calls a route module's loader or action the way Remix does, and returns the Response (thrown or not). */
async function call(
  handler: (args: LoaderFunctionArgs) => Promise<unknown>,
  request: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  const outcome = await handler({ request, params, context: {} }).catch((thrown: unknown) => thrown);
  if (!(outcome instanceof Response)) throw new Error(`Expected a Response, got ${String(outcome)}`);
  return outcome;
}

async function signed(path: string, init: RequestInit = {}) {
  return setUpValidRequest(
    { type: RequestType.Bearer, store: TEST_SHOP_NAME, apiKey: API_KEY, apiSecretKey: API_SECRET_KEY },
    new Request(`${APP}${path}`, { ...init, headers: { Origin: EXTENSION_ORIGIN, ...init.headers } }),
  );
}

const listRequest = (productId: string) =>
  signed(`/api/extension/products/${encodeURIComponent(productId)}/recommendations`);

const decisionRequest = (body: unknown) =>
  signed("/api/extension/recommendations/decision", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });

/** The Shopify test shop with an offline session, a product with two variants at two locations, and recommendations. */
async function fixture() {
  const shop = await createTestShop({ domain: TEST_SHOP });
  await sessionStorage.storeSession(setUpValidSession({ shop: TEST_SHOP }));
  const product = await db().product.create({
    data: { shopId: shop.id, shopifyId: PRODUCT_GID, title: "Aviator frames", handle: "aviator" },
  });
  const variant = (n: number, title: string) =>
    db().variant.create({
      data: {
        shopId: shop.id,
        productId: product.id,
        shopifyId: `gid://shopify/ProductVariant/${n}`,
        shopifyInventoryItemId: `gid://shopify/InventoryItem/${n}`,
        title,
      },
    });
  const [gold, silver] = [await variant(1, "Gold"), await variant(2, "Silver")];
  const location = await db().location.create({
    data: { shopId: shop.id, shopifyId: "gid://shopify/Location/1", name: "Berlin warehouse" },
  });
  let n = 0;
  const propose = (
    overrides: Partial<{
      shopId: string;
      productId: string;
      variantId: string;
      kind: string;
      status: string;
    }> = {},
  ) => {
    n++;
    return db().recommendation.create({
      data: {
        shopId: overrides.shopId ?? shop.id,
        cycle: "2026-W48",
        idempotencyKey: `test-${n}`,
        kind: overrides.kind ?? "restock",
        productId: overrides.productId ?? product.id,
        variantId: overrides.variantId ?? gold.id,
        locationId: location.id,
        quantityName: "available",
        currentQuantity: 12,
        proposedQuantity: 40,
        deltaUnits: 28,
        tier: "high",
        rule: "routine_within_range",
        status: overrides.status ?? "proposed",
        explanation: {
          formula:
            "Order when stock plus incoming falls to the reorder point (expected demand over the lead time); then order up to the demand.",
          inputs: {},
          result: {},
          assumptions: [],
        },
      },
    });
  };
  return { shop, product, gold, silver, location, propose };
}

describe("GET /api/extension/products/:productId/recommendations", () => {
  it("lists the product's waiting recommendations with names, numbers and a one-line reason", async () => {
    const { propose, silver } = await fixture();
    const restock = await propose();
    const safety = await propose({ variantId: silver.id, kind: "safety_stock" });
    await propose({ status: "approved" });
    await propose({ productId: undefined, variantId: undefined, status: "rejected" });

    const response = await call(listLoader, await listRequest(PRODUCT_GID), { productId: PRODUCT_GID });

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = await response.json();
    expect(body.product).toEqual({ shopifyId: PRODUCT_GID, title: "Aviator frames" });
    expect(body.mayDecide).toBe(true);
    expect(body.recommendations.map((r: { id: string }) => r.id).sort()).toEqual(
      [restock.id, safety.id].sort(),
    );
    expect(body.recommendations.find((r: { id: string }) => r.id === restock.id)).toEqual({
      id: restock.id,
      kind: "restock",
      cycle: "2026-W48",
      tier: "high",
      variantTitle: "Gold",
      locationTitle: "Berlin warehouse",
      quantityName: "available",
      currentUnits: 12,
      proposedUnits: 40,
      deltaUnits: 28,
      reason: "Order when stock plus incoming falls to the reorder point",
    });

    // The extension's own parser accepts what the route answers (the contract between the two).
    const parsed = parseProductRecommendations(body);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(recommendationLines(parsed.value, intlFormatNumber("en"))).toHaveLength(2);
  });

  it("accepts the bare numeric product id too", async () => {
    const { propose } = await fixture();
    await propose();
    const response = await call(listLoader, await listRequest("7001"), { productId: "7001" });
    expect(response.status).toBe(200);
    expect((await response.json()).recommendations).toHaveLength(1);
  });

  it("404 for a product Pulse does not know in this shop, including another shop's product", async () => {
    await fixture();
    const other = await createTestShop();
    await db().product.create({
      data: { shopId: other.id, shopifyId: "gid://shopify/Product/9999", title: "Not yours", handle: "x" },
    });
    for (const id of ["gid://shopify/Product/9999", "gid://shopify/Product/1234"]) {
      const response = await call(listLoader, await listRequest(id), { productId: id });
      expect(response.status).toBe(404);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect((await response.json()).error).toMatchObject({ code: "product_not_found" });
    }
  });

  it("400 for something that is not a product id", async () => {
    await fixture();
    const id = "gid://shopify/Order/1";
    const response = await call(listLoader, await listRequest(id), { productId: id });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_product_id");
  });
});

describe("POST /api/extension/recommendations/decision", () => {
  it("approve: the recommendation is approved and its write queued exactly as the Recommendations page does", async () => {
    const { shop, propose, gold, location } = await fixture();
    const rec = await propose();

    const response = await call(
      decisionAction,
      await decisionRequest({ recommendationId: rec.id, decision: "approve", note: "  Summer demand  " }),
    );

    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await response.json()).toEqual({ ok: true, status: "approved", message: "approved" });
    const after = await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } });
    expect(after).toMatchObject({ status: "approved", decidedBy: `staff member ${USER_ID} (product page)` });
    const outbox = await db().writeOutbox.findUniqueOrThrow({ where: { recommendationId: rec.id } });
    expect(outbox).toMatchObject({ status: "pending", operation: "inventoryAdjustQuantities" });
    expect(outbox.payload).toMatchObject({
      kind: "adjust",
      inventoryItemId: gold.shopifyInventoryItemId,
      locationId: location.shopifyId,
      delta: 28,
      changeFromQuantity: 12,
      documentUri: `gid://pulse/Recommendation/${rec.id}`,
    });
    const jobs = await db().job.findMany({ where: { shopId: shop.id } });
    expect(jobs.map((j) => [j.name, j.status])).toEqual([["shopify.write-outbox", "queued"]]);
    const audit = await db().auditEvent.findMany({
      where: { subjectId: rec.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "recommendation.approved",
      "recommendation.decision_note",
    ]);
    expect(audit.find((a) => a.action === "recommendation.decision_note")!.details).toEqual({
      decision: "approve",
      note: "Summer demand",
      source: "product_page",
    });
  });

  it("reject: recorded with who, nothing queued for Shopify", async () => {
    const { shop, propose } = await fixture();
    const rec = await propose();
    const response = await call(
      decisionAction,
      await decisionRequest({ recommendationId: rec.id, decision: "reject" }),
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, status: "rejected", message: "rejected" });
    expect(await db().recommendation.findUniqueOrThrow({ where: { id: rec.id } })).toMatchObject({
      status: "rejected",
      decidedBy: `staff member ${USER_ID} (product page)`,
    });
    expect(await db().writeOutbox.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await db().job.count({ where: { shopId: shop.id } })).toBe(0);
  });

  it("404 for an unknown id and for another shop's recommendation, which stays untouched", async () => {
    await fixture();
    const other = await createTestShop();
    const foreign = await db().recommendation.create({
      data: {
        shopId: other.id,
        cycle: "2026-W48",
        idempotencyKey: "foreign",
        kind: "product_task",
        rule: "routine_within_range",
        explanation: { formula: "x" },
      },
    });
    for (const recommendationId of [foreign.id, "no-such-id"]) {
      const response = await call(
        decisionAction,
        await decisionRequest({ recommendationId, decision: "approve" }),
      );
      expect(response.status).toBe(404);
      const body = await response.json();
      expect(body.error.code).toBe("not_found");
      expect(body.error.message).toMatch(/does not exist in this store/);
    }
    expect((await db().recommendation.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe(
      "proposed",
    );
  });

  it("409 for a recommendation already decided, saying by whom and when", async () => {
    const { propose } = await fixture();
    const rec = await propose();
    const decidedAt = new Date("2026-11-20T09:30:00.000Z");
    await db().recommendation.update({
      where: { id: rec.id },
      data: { status: "rejected", decidedBy: "owner@example.com", decidedAt },
    });
    const response = await call(
      decisionAction,
      await decisionRequest({ recommendationId: rec.id, decision: "approve" }),
    );
    expect(response.status).toBe(409);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect((await response.json()).error).toEqual({
      code: "already_decided",
      message: "Already rejected by owner@example.com on 2026-11-20T09:30:00.000Z. Nothing was changed.",
      status: "rejected",
      decidedBy: "owner@example.com",
      decidedAt: decidedAt.toISOString(),
    });
    expect(await db().writeOutbox.count()).toBe(0);
  });

  it("a second approval of the same recommendation is a 409 and queues nothing more", async () => {
    const { propose } = await fixture();
    const rec = await propose();
    expect(
      (await call(decisionAction, await decisionRequest({ recommendationId: rec.id, decision: "approve" })))
        .status,
    ).toBe(200);
    const again = await call(
      decisionAction,
      await decisionRequest({ recommendationId: rec.id, decision: "approve" }),
    );
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/^Already approved \(decided by staff member/);
    expect(await db().writeOutbox.count()).toBe(1);
  });

  it("400 with a clear message for input it does not understand", async () => {
    await fixture();
    for (const body of [
      { recommendationId: "x", decision: "maybe" },
      { decision: "approve" },
      "not an object",
    ]) {
      const response = await call(decisionAction, await decisionRequest(body));
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(/not understood/);
    }
  });
});

describe("extension authentication and CORS", () => {
  it("answers the CORS preflight of both routes with 204 and the headers the library sets", async () => {
    for (const [handler, path] of [
      [listAction, `/api/extension/products/${encodeURIComponent(PRODUCT_GID)}/recommendations`],
      [decisionAction, "/api/extension/recommendations/decision"],
    ] as const) {
      const preflight = new Request(`${APP}${path}`, {
        method: "OPTIONS",
        headers: {
          Origin: EXTENSION_ORIGIN,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization, content-type",
        },
      });
      const response = await call(handler, preflight, { productId: PRODUCT_GID });
      expect(response.status).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
      expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Content-Type");
    }
  });

  it("401 without a session token and with a token not signed by the app, readable by the extension", async () => {
    await fixture();
    const url = `${APP}/api/extension/products/${encodeURIComponent(PRODUCT_GID)}/recommendations`;
    const { token: forged } = await getJwt(TEST_SHOP_NAME, API_KEY, "not-the-app-secret");
    const cases = [
      new Request(url, { headers: { Origin: EXTENSION_ORIGIN } }),
      new Request(url, { headers: { Origin: EXTENSION_ORIGIN, Authorization: "Bearer not-a-jwt" } }),
      new Request(url, { headers: { Origin: EXTENSION_ORIGIN, Authorization: `Bearer ${forged}` } }),
    ];
    for (const request of cases) {
      const response = await call(listLoader, request, { productId: PRODUCT_GID });
      expect(response.status).toBe(401);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    }
    const post = new Request(`${APP}/api/extension/recommendations/decision`, {
      method: "POST",
      headers: { Origin: EXTENSION_ORIGIN, "Content-Type": "application/json" },
      body: JSON.stringify({ recommendationId: "x", decision: "approve" }),
    });
    expect((await call(decisionAction, post)).status).toBe(401);
  });
});
