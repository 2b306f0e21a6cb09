import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildRecommendations,
  DEFAULT_INVENTORY_SETTINGS,
  mergeInventorySettings,
  STOCK_CHANGING_KINDS,
  supplierOrderDraftsToCsv,
  type PlanningInput,
  type Proposal,
  type RecommendationBatch,
} from "~/domain/inventory";
import {
  kolProduct,
  ledProduct,
  NOW,
  planningInputFor,
  salesFor,
  sentimentFor,
  weekStart,
  WEEKS,
} from "./scenarios";

function batch(
  input: PlanningInput,
  settings = DEFAULT_INVENTORY_SETTINGS,
  options: { policy?: "pulse" | "blind" } = {},
  now = NOW,
): RecommendationBatch {
  const result = buildRecommendations(input, settings, now, options);
  if (!result.ok) throw new Error(result.error.map((e) => e.message).join("\n"));
  return result.value;
}

function restockOf(b: RecommendationBatch, variantId: string): Proposal | undefined {
  return b.proposals.find((p) => p.kind === "restock" && p.variantId === variantId && !p.speculative);
}

/** Every number anywhere in the value is finite. */
function expectAllFinite(value: unknown, path = "batch"): void {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`${path} is ${value}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => expectAllFinite(v, `${path}[${i}]`));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) expectAllFinite(v, `${path}.${k}`);
  }
}

/** Reorder points (Pulse, sales-only) read off a run with an empty shelf, where both policies restock. */
function reorderPoints(products: ReturnType<typeof ledProduct>[], productId: string) {
  const empty = Object.fromEntries(products.map((p) => [p.productId, 0]));
  const restock = restockOf(batch(planningInputFor(products, empty)), `${productId}-v`) as Proposal;
  return {
    pulse: restock.explanation.result.reorderPointUnits as number,
    blind: restock.explanation.result.salesOnlyReorderPointUnits as number,
    restock,
  };
}

describe("buildRecommendations: sentiment that led sales before", () => {
  const products = [ledProduct(), kolProduct()];

  it("raises the reorder point, so Pulse restocks while the sales-only policy still waits", () => {
    const { pulse, blind, restock } = reorderPoints(products, "led");
    expect(pulse).toBeGreaterThan(blind * 1.05);
    expect(restock.explanation.inputs.sentimentMultiplier as number).toBeGreaterThan(1.05);
    // With stock between the two reorder points the blind policy does nothing; Pulse moves now.
    const between = Math.floor((pulse + blind) / 2);
    const input = planningInputFor(products, { led: between, kol: 10_000 });
    expect(restockOf(batch(input), "led-v")).toBeDefined();
    expect(restockOf(batch(input, DEFAULT_INVENTORY_SETTINGS, { policy: "blind" }), "led-v")).toBeUndefined();
  });

  it("property: for any noise seed and rise, Pulse's reorder point is at least the blind one", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0.1, max: 0.3, noNaN: true }),
        (seed, rise) => {
          const led = { ...ledProduct(), seed };
          led.index = led.index.map((x) => (x > 0.2 ? 0.2 + rise : x));
          const { pulse, blind } = reorderPoints([led], "led");
          expect(pulse).toBeGreaterThanOrEqual(blind);
        },
      ),
      { numRuns: 15 },
    );
  });
});

describe("buildRecommendations: influencer spike with no sales effect (the seed's KOL case)", () => {
  it("does not raise the reorder point, and says why", () => {
    const products = [ledProduct(), kolProduct()];
    const { pulse, blind, restock } = reorderPoints(products, "kol");
    expect(pulse).toBeLessThanOrEqual(blind + 1e-9);
    expect(restock.warnings.join(" ")).toMatch(/influencer \(KOL\)/);
    const input = planningInputFor(products, { led: 10_000, kol: Math.ceil(blind) + 1 });
    expect(restockOf(batch(input), "kol-v")).toBeUndefined();
  });

  it("does not over-stock even with a thin history and a shop prior that says sentiment leads", () => {
    const thin = kolProduct("thin", [], 31);
    const products = [ledProduct(), thin];
    const input = planningInputFor(products, { led: 0, thin: 0 });
    // Only the last 5 weeks of sentiment for the thin product.
    const trimmed = {
      ...input,
      sentiment: input.sentiment.filter((s) => s.productId !== "thin" || s.weekStart >= weekStart(WEEKS - 5)),
    };
    const restock = restockOf(batch(trimmed), "thin-v") as Proposal;
    expect(restock.explanation.result.reorderPointUnits as number).toBeLessThanOrEqual(
      (restock.explanation.result.salesOnlyReorderPointUnits as number) + 1e-9,
    );
    expect(batch(trimmed).proposals.some((p) => p.variantId === "thin-v" && p.speculative)).toBe(false);
  });

  it("property: for any spike size and noise, Pulse never orders more than sales alone justify", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0.1, max: 0.6, noNaN: true }),
        (seed, spike) => {
          const kol = kolProduct("kol", [4, 10, 16, 21], seed);
          kol.index = kol.index.map((x) => (x > 0.1 ? 0.1 + spike : x));
          const { pulse, blind, restock } = reorderPoints([ledProduct(), kol], "kol");
          expect(pulse).toBeLessThanOrEqual(blind + 1e-9);
          expect(restock.explanation.result.orderUnits as number).toBeLessThanOrEqual(
            (restock.explanation.result.salesOnlyOrderUnits as number) + 1e-9,
          );
        },
      ),
      { numRuns: 15 },
    );
  });

  it("warns of over-reaction once the spike has had time to move sales and did not", () => {
    const late = kolProduct("late", [], 5);
    late.index = late.index.map((_, w) => (w >= WEEKS - 3 ? 0.5 : 0.1));
    late.kolShare = late.kolShare?.map(() => 0);
    const restock = restockOf(batch(planningInputFor([late], { late: 0 })), "late-v") as Proposal;
    expect(restock.explanation.inputs.validityStatus).toBe("over_reaction");
    expect(restock.warnings.join(" ")).toMatch(/over-reacted/);
  });
});

describe("buildRecommendations: bad input", () => {
  const led = ledProduct();
  const base = planningInputFor([led], { led: 0 });

  it("plans zero and negative stock, missing lead times, no sales and sales without inventory, stating assumptions", () => {
    const input: PlanningInput = {
      ...base,
      variants: [
        ...base.variants,
        { variantId: "no-sales", productId: "led", supplierId: null },
        { variantId: "no-inventory", productId: "other" },
        { variantId: "oversold", productId: "other" },
      ],
      locations: [...base.locations, { locationId: "loc-2", regionCode: "EU" }],
      inventory: [
        ...base.inventory,
        { variantId: "no-sales", locationId: "loc-1", availableUnits: 5, incomingUnits: 0 },
        { variantId: "oversold", locationId: "loc-1", availableUnits: -7, incomingUnits: Number.NaN },
      ],
      sales: [
        ...base.sales,
        { ...salesFor(led), variantId: "no-inventory", locationId: "loc-2" },
        { ...salesFor(led), variantId: "oversold" },
        { ...salesFor(led), variantId: "ghost" },
        {
          variantId: "no-sales",
          locationId: "loc-2",
          firstDay: "not a date",
          unitsSold: [Number.NaN, -4],
          inStock: [true, true],
        },
      ],
    };
    const result = batch(input);
    expectAllFinite(result);
    const assumptionsOf = (variantId: string) =>
      result.proposals
        .filter((p) => p.variantId === variantId)
        .flatMap((p) => p.explanation.assumptions)
        .join(" ");
    expect(assumptionsOf("no-inventory")).toMatch(/no inventory record/);
    expect(assumptionsOf("oversold")).toMatch(/oversold units are counted as backorders/);
    expect(assumptionsOf("oversold")).toMatch(/Incoming quantity NaN is not usable/);
    expect(assumptionsOf("led-v")).toMatch(/used the shop default of 14 days/);
    expect(result.notes.join(" ")).toMatch(/1 sales histories belong to variants not in the catalogue/);
    // A variant with stock and no sales gets no restock (demand assumed 0), never NaN.
    expect(result.proposals.filter((p) => p.variantId === "no-sales" && p.kind === "restock")).toEqual([]);
    expect(restockOf(result, "oversold")?.currentUnits).toBe(-7);
  });

  it("refuses absurd shop settings with clear errors, and skips only the products an override breaks", () => {
    const absurd = mergeInventorySettings({
      shopDefaults: { leadTimeDays: 14, serviceLevel: 1, moqUnits: -1, casePackUnits: 1 },
    });
    const refused = buildRecommendations(base, absurd, NOW);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error.map((e) => e.setting)).toEqual([
        "shopDefaults.serviceLevel",
        "shopDefaults.moqUnits",
      ]);

    const override = mergeInventorySettings({ products: { led: { serviceLevel: 1 } } });
    const partial = batch(planningInputFor([led, kolProduct()], { led: 0, kol: 0 }), override);
    expect(partial.settingsErrors).toEqual([
      expect.objectContaining({ scope: "product:led", setting: "serviceLevel" }),
    ]);
    expect(partial.proposals.some((p) => p.variantId === "led-v")).toBe(false);
    expect(partial.proposals.some((p) => p.variantId === "kol-v")).toBe(true);
  });

  it("property: no NaN or Infinity anywhere, unique keys, caps and cooldowns hold, for arbitrary rows", () => {
    const num = fc.oneof(
      fc.integer({ min: -50, max: 500 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -1),
    );
    const row = fc.record({
      variant: fc.constantFrom("a", "b", "c", "d"),
      location: fc.constantFrom("l1", "l2", "l3"),
      available: num,
      incoming: num,
      units: fc.array(num, { minLength: 0, maxLength: 60 }),
      stockouts: fc.array(fc.boolean(), { minLength: 0, maxLength: 60 }),
      index: fc.array(fc.double({ min: -1.5, max: 1.5 }), { minLength: 0, maxLength: 12 }),
      adjustedHoursAgo: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 6 }), (rows) => {
        const input: PlanningInput = {
          variants: ["a", "b", "c", "d"].map((v, i) => ({
            variantId: v,
            productId: i < 2 ? "p1" : "p2",
            supplierId: i % 2 ? "s1" : null,
          })),
          locations: [
            { locationId: "l1", regionCode: "US" },
            { locationId: "l2", regionCode: "EU" },
          ],
          inventory: rows.map((r) => ({
            variantId: r.variant,
            locationId: r.location,
            availableUnits: r.available,
            incomingUnits: r.incoming,
          })),
          sales: rows.map((r) => ({
            variantId: r.variant,
            locationId: r.location,
            firstDay: "2025-05-01",
            unitsSold: r.units,
            inStock: r.stockouts.map((s) => !s),
          })),
          sentiment: rows.flatMap((r, k) =>
            r.index.map((x, w) => ({
              productId: k % 2 ? "p1" : "p2",
              regionCode: k % 3 === 0 ? "US" : null,
              weekStart: weekStart(WEEKS - 12 + w),
              weightedIndex: x,
              negativeShare: Math.abs(x) / 2,
              positiveShare: 0.5,
              volume: 50,
              volatility: Math.abs(x) / 3,
              kolShare: k % 4 === 0 ? 0.9 : 0,
              negativeAspectMentions: { service: 10 },
            })),
          ),
          pastDecisions: rows
            .filter((r) => r.adjustedHoursAgo !== null)
            .map((r) => ({
              variantId: r.variant,
              locationId: r.location,
              kind: "restock",
              decidedAt: new Date(NOW.getTime() - (r.adjustedHoursAgo as number) * 3_600_000).toISOString(),
              proposedUnits: 20,
              deltaUnits: 10,
            })),
        };
        const result = batch(input);
        expectAllFinite(result);
        const keys = result.proposals.map((p) => p.idempotencyKey);
        expect(new Set(keys).size).toBe(keys.length);
        const g = DEFAULT_INVENTORY_SETTINGS.guardrails;
        for (const p of result.proposals) {
          expect(Math.abs(p.deltaUnits)).toBeLessThanOrEqual(g.maxChangeUnitsPerDecision + 0.01);
          expect(p.disposition).not.toBe("auto_apply");
          const recent = input.pastDecisions.some(
            (d) =>
              d.variantId === p.variantId &&
              NOW.getTime() - Date.parse(d.decidedAt) < g.minIntervalHours * 3_600_000,
          );
          if (recent && STOCK_CHANGING_KINDS.has(p.kind)) expect(p.disposition).toBe("suppressed");
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("buildRecommendations: rows, keys and the rest of the loop", () => {
  it("is idempotent: the same cycle yields the same keys, one row per variant × location × kind", () => {
    const input = planningInputFor([ledProduct(), kolProduct()], { led: 0, kol: 0 });
    const first = batch(input);
    const again = batch(input, DEFAULT_INVENTORY_SETTINGS, {}, new Date("2025-07-03T22:00:00Z"));
    expect(first.cycleId).toBe("2025-W27");
    expect(again.proposals.map((p) => p.idempotencyKey)).toEqual(
      first.proposals.map((p) => p.idempotencyKey),
    );
    expect(first.proposals.map((p) => p.idempotencyKey)).toContain("2025-W27:led-v:loc-1:restock");
    expect(first.proposals.every((p) => p.explanation.formula.length > 0)).toBe(true);
  });

  it("routes a service complaint to a support task due within 24 h, and product tasks by tier", () => {
    const input = planningInputFor([kolProduct()], { kol: 0 });
    input.sentiment = input.sentiment.map((s, w) =>
      w === WEEKS - 1 ? { ...s, negativeAspectMentions: { service: 9 } } : s,
    );
    const tasks = batch(input).proposals.filter((p) => p.kind.endsWith("_task"));
    const support = tasks.find((p) => p.kind === "support_task") as Proposal;
    expect(support.dueAt).toBe("2025-07-01T06:00:00.000Z");
    expect(support.idempotencyKey).toBe("2025-W27:product-kol:all:support_task");
    expect(tasks.find((p) => p.kind === "product_task")?.tier).toBe("product_line_review");
  });

  it("moves stock from a cooling region to a heating one before buying more", () => {
    const led = ledProduct();
    const input = planningInputFor([led], { led: 0 });
    input.locations = [
      { locationId: "loc-1", regionCode: "US" },
      { locationId: "loc-2", regionCode: "EU" },
    ];
    input.inventory = [
      { variantId: "led-v", locationId: "loc-1", availableUnits: 0, incomingUnits: 0 },
      { variantId: "led-v", locationId: "loc-2", availableUnits: 900, incomingUnits: 0 },
    ];
    input.sales = [salesFor(led), { ...salesFor(led), locationId: "loc-2" }];
    const regional = (regionCode: string, last: number) =>
      sentimentFor(led).map((s, w) => ({ ...s, regionCode, weightedIndex: w >= WEEKS - 1 ? last : 0.3 }));
    input.sentiment = [...input.sentiment, ...regional("US", 0.45), ...regional("EU", 0.1)];
    const result = batch(input);
    const transfer = result.proposals.find((p) => p.kind === "transfer") as Proposal;
    expect(transfer).toMatchObject({
      locationId: "loc-2",
      toLocationId: "loc-1",
      idempotencyKey: "2025-W27:led-v:loc-2>loc-1:transfer",
    });
    const restock = result.proposals.find((p) => p.kind === "restock" && p.locationId === "loc-1");
    expect(
      restock === undefined ||
        (restock.deltaUnits as number) < (transfer.explanation.inputs.destinationNeedUnits as number),
    ).toBe(true);
  });

  it("shifts supplier orders toward well-received variants and exports the drafts", () => {
    const led = ledProduct();
    const colours = ["red", "blue", "green", "black", "white"];
    const liked = new Set(["red", "green", "white"]);
    const input: PlanningInput = {
      variants: colours.map((c) => ({
        variantId: c,
        productId: "led",
        supplierId: "sup-1",
        sku: `TEE-${c}`,
        title: `Tee / ${c}`,
      })),
      locations: [{ locationId: "loc-1", regionCode: "US" }],
      inventory: colours.map((c) => ({
        variantId: c,
        locationId: "loc-1",
        availableUnits: 0,
        incomingUnits: 0,
      })),
      sales: colours.map((c) => ({ ...salesFor(led), variantId: c })),
      sentiment: [
        ...sentimentFor(led),
        ...colours.flatMap((c) =>
          sentimentFor(led).map((s) => ({ ...s, variantId: c, weightedIndex: liked.has(c) ? 0.7 : 0.1 })),
        ),
      ],
      pastDecisions: [],
    };
    const result = batch(input);
    const orders = result.proposals.filter((p) => p.kind === "supplier_order");
    const shift = Object.fromEntries(orders.map((p) => [p.variantId, p.explanation.inputs.mixShiftPercent]));
    expect(shift).toEqual({ red: 40, blue: -30, green: 40, black: -30, white: 40 });
    expect(orders.every((p) => p.decisiveRule === "supplier_order_needs_person")).toBe(true);
    const base = orders.find((p) => p.variantId === "red") as Proposal;
    expect(base.explanation.result.baseUnits).toBe(
      Math.ceil(((base.explanation.result.horizonUnits as number) * 60) / 100),
    );
    expect(result.supplierOrderDrafts).toHaveLength(1);
    expect(supplierOrderDraftsToCsv(result.supplierOrderDrafts).split("\r\n")).toHaveLength(7);
  });

  it("the blind policy ignores sentiment entirely", () => {
    const input = planningInputFor([ledProduct(), kolProduct()], { led: 0, kol: 0 });
    const blind = batch(input, DEFAULT_INVENTORY_SETTINGS, { policy: "blind" });
    expect(blind.policy).toBe("blind");
    expect(blind.alerts).toEqual([]);
    expect(
      blind.proposals.every(
        (p) =>
          p.explanation.inputs.sentimentMultiplier === undefined ||
          p.explanation.inputs.sentimentMultiplier === 1,
      ),
    ).toBe(true);
  });
});
