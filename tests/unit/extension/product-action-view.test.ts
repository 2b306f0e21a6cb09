import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decisionOutcome,
  intlFormatNumber,
  parseProductRecommendations,
  recommendationLines,
  recommendationsPath,
  type ProductRecommendationsJson,
  type RecommendationJson,
} from "../../../extensions/pulse-product-action/src/view";

const restock: RecommendationJson = {
  id: "rec-1",
  kind: "restock",
  cycle: "2026-W48",
  tier: "high",
  variantTitle: "Gold",
  locationTitle: "Berlin warehouse",
  quantityName: "available",
  currentUnits: 1200,
  proposedUnits: 1540,
  deltaUnits: 340,
  reason: "Order when stock plus incoming falls to the reorder point",
};

const answer = (recommendations: RecommendationJson[], mayDecide = true): ProductRecommendationsJson => ({
  product: { shopifyId: "gid://shopify/Product/7001", title: "Aviator frames" },
  mayDecide,
  recommendations,
});

describe("product action view", () => {
  it("writes one line per recommendation: kind, variant and location, numbers with the change, the reason", () => {
    const supplier: RecommendationJson = {
      ...restock,
      id: "rec-2",
      kind: "supplier_order",
      variantTitle: null,
      locationTitle: null,
      quantityName: "incoming",
      currentUnits: null,
      proposedUnits: null,
      deltaUnits: 96,
    };
    const task: RecommendationJson = { ...supplier, id: "rec-3", kind: "product_task", deltaUnits: null };
    expect(recommendationLines(answer([restock, supplier, task]), intlFormatNumber("en"))).toEqual([
      {
        id: "rec-1",
        heading: "Restock · Gold · Berlin warehouse",
        numbers: "Available: 1,200 → 1,540 (+340)",
        reason: restock.reason,
        mayDecide: true,
      },
      {
        id: "rec-2",
        heading: "Supplier order · All locations",
        numbers: "Incoming: +96",
        reason: restock.reason,
        mayDecide: true,
      },
      {
        id: "rec-3",
        heading: "Product fix · All locations",
        numbers: "No stock change",
        reason: restock.reason,
        mayDecide: true,
      },
    ]);
  });

  it("formats numbers in the admin's locale and shows a reduction with its minus sign", () => {
    const reduce = {
      ...restock,
      kind: "reduce",
      quantityName: "incoming",
      currentUnits: 2500,
      proposedUnits: 1000,
    };
    expect(recommendationLines(answer([reduce]), intlFormatNumber("de-DE"))[0]!.numbers).toBe(
      "Incoming: 2.500 → 1.000 (-1.500)",
    );
  });

  it("the change shown is always proposed − current", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), (current, proposed) => {
        const line = recommendationLines(
          answer([{ ...restock, currentUnits: current, proposedUnits: proposed }]),
          intlFormatNumber("en"),
        )[0]!;
        const change = /\(([^)]*)\)$/.exec(line.numbers)![1]!.replace(/,/g, "");
        return Number(change) === proposed - current;
      }),
    );
  });

  it("refuses an answer of another shape instead of showing half a list", () => {
    expect(parseProductRecommendations(answer([restock]))).toEqual({ ok: true, value: answer([restock]) });
    for (const bad of [
      null,
      "html",
      { product: { title: "x" } },
      { ...answer([]), recommendations: [{ id: 1 }] },
    ]) {
      expect(parseProductRecommendations(bad).ok).toBe(false);
    }
  });

  it("asks for the numeric product id, which survives any proxy", () => {
    expect(recommendationsPath("gid://shopify/Product/123")).toBe(
      "/api/extension/products/123/recommendations",
    );
  });

  it("says what a decision did, and settles the line also when someone else decided first", () => {
    expect(decisionOutcome(200, { ok: true, status: "approved", message: "approved" })).toEqual({
      tone: "success",
      text: "Approved. Pulse is writing the change to Shopify.",
      decided: true,
    });
    expect(decisionOutcome(200, { ok: true, status: "rejected", message: "rejected" }).text).toMatch(
      /^Rejected/,
    );
    expect(decisionOutcome(409, { error: { message: "Already rejected by owner@example.com." } })).toEqual({
      tone: "warning",
      text: "Already rejected by owner@example.com.",
      decided: true,
    });
    expect(decisionOutcome(500, null)).toEqual({
      tone: "critical",
      text: "Pulse answered 500. Try again in a minute.",
      decided: false,
    });
  });
});
