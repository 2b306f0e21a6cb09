import { PRODUCT_SPECS } from "~/demo/scenario/catalog";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { generateScenario } from "~/demo/scenario";
import { seedDemoStore } from "~/demo/seed.server";
import {
  exportSupplierOrderDraft,
  NO_SIGNALS_ASSUMPTION,
  runPlanningCycle,
} from "~/services/planning.server";
import { planningCycleJob } from "~/jobs/definitions/planning-cycle.server";
import { TerminalJobError } from "~/jobs/types";
import { createTestShop } from "../factories/shop";

// The simulated store is generated once (seeding it is what each test repeats: tables are emptied
// before every test). A smaller mention count keeps the seed fast; planning reads sales and stock.
const TODAY = new Date("2026-11-23T00:00:00Z");
// Monday 2026-11-23, 09:00 in New York: the cycle is the shop's ISO week 2026-W48.
const NOW = new Date("2026-11-23T14:00:00Z");
let scenario: ReturnType<typeof generateScenario>;

beforeAll(() => {
  scenario = generateScenario({ today: TODAY, mentionCount: 400 });
});

async function seededShopId(): Promise<string> {
  const result = await seedDemoStore(scenario, { accessToken: "x" });
  expect(result.seeded).toBe(true);
  return result.shopId as string;
}

/** Every number anywhere in a JSON value is finite (the JSON column cannot hide a NaN as null-ish text). */
function expectFiniteJson(value: unknown, path = "explanation"): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), path).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => expectFiniteJson(v, `${path}[${i}]`));
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) expectFiniteJson(v, `${path}.${k}`);
  }
}

describe("planning cycle", () => {
  it("stores explained proposals, re-runs idempotently, never touches an approved row, exports drafts", async () => {
    const shopId = await seededShopId();
    const result = await runPlanningCycle(shopId, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.cycleId).toBe("2026-W48");
    expect(result.plannedWithoutSentiment).toBe(true);
    expect(result.recommendations.created).toBeGreaterThan(0);

    const rows = await db().recommendation.findMany({ where: { shopId } });
    expect(rows).toHaveLength(result.recommendations.created);
    expect(new Set(rows.map((r) => r.kind))).toContain("restock");
    for (const row of rows) {
      expect(row.status).toBe("proposed");
      expect(row.cycle).toBe("2026-W48");
      const explanation = row.explanation as {
        formula: string;
        inputs: Record<string, unknown>;
        result: Record<string, unknown>;
        assumptions: string[];
        rulesApplied: { rule: string }[];
      };
      expect(explanation.formula.length).toBeGreaterThan(20);
      expect(explanation.assumptions).toContain(NO_SIGNALS_ASSUMPTION);
      expect(explanation.rulesApplied.map((r) => r.rule)).toContain(row.rule);
      expectFiniteJson(row.explanation);
      expect(JSON.stringify(row.explanation)).not.toMatch(/NaN|Infinity/);
      for (const n of [row.currentQuantity, row.proposedQuantity, row.deltaUnits]) {
        if (n !== null) expect(Number.isInteger(n)).toBe(true);
      }
    }
    const restock = rows.find((r) => r.kind === "restock")!;
    expect(restock.variantId).not.toBeNull();
    expect(restock.locationId).not.toBeNull();
    // The demo merchant entered each product's supplier terms (the catalogue's lead times and case packs).
    const restockInputs = (restock.explanation as { inputs: Record<string, unknown> }).inputs;
    expect(restockInputs.leadTimeSource).toBe("product");
    expect(new Set(PRODUCT_SPECS.map((spec) => spec.leadTimeDays))).toContain(restockInputs.leadTimeDays);

    // Re-running the same cycle: same rows, updated in place.
    const countBefore = rows.length;
    const draftsBefore = await db().supplierOrderDraft.count({ where: { shopId } });
    expect(draftsBefore).toBeGreaterThan(0);
    const again = await runPlanningCycle(shopId, new Date(NOW.getTime() + 3_600_000));
    expect(again.ok && again.recommendations).toEqual({
      created: 0,
      updated: countBefore,
      keptDecided: 0,
      removedStale: 0,
    });
    expect(await db().recommendation.count({ where: { shopId } })).toBe(countBefore);
    expect(await db().supplierOrderDraft.count({ where: { shopId } })).toBe(draftsBefore);
    expect(await db().alert.count({ where: { shopId } })).toBe(again.ok ? again.alerts.updated : -1);

    // A person approves one restock; the next run leaves it exactly as it is.
    await db().recommendation.update({
      where: { id: restock.id },
      data: {
        status: "approved",
        proposedQuantity: 999,
        decidedBy: "merchant@example.com",
        decidedAt: new Date("2026-11-23T16:00:00Z"),
      },
    });
    const approvedBefore = await db().recommendation.findUniqueOrThrow({ where: { id: restock.id } });
    const third = await runPlanningCycle(shopId, new Date(NOW.getTime() + 4 * 3_600_000));
    expect(third.ok).toBe(true);
    expect(await db().recommendation.findUniqueOrThrow({ where: { id: restock.id } })).toEqual(
      approvedBefore,
    );
    expect(
      await db().recommendation.count({ where: { shopId, idempotencyKey: restock.idempotencyKey } }),
    ).toBe(1);
    // The variant was just adjusted, so the cooldown holds back its other stock changes this cycle.
    expect(third.ok && third.suppressed).toBeGreaterThan(0);

    // Supplier order drafts export as CSV and PDF, and only for their own shop.
    const draft = await db().supplierOrderDraft.findFirstOrThrow({ where: { shopId } });
    const csv = await exportSupplierOrderDraft(shopId, draft.id, "csv");
    expect(csv?.contentType).toBe("text/csv; charset=utf-8");
    const csvText = new TextDecoder().decode(csv!.body);
    expect(csvText.split("\r\n")[0]).toContain("order_now_units");
    expect(csvText).toContain(draft.supplier);
    const pdf = await exportSupplierOrderDraft(shopId, draft.id, "pdf", (d) => ({
      title: `Supplier order ${d.supplierId}`,
      headingLines: [`Cycle ${d.cycleId}`],
      columns: {
        sku: "SKU",
        title: "Variant",
        orderNow: "Order now",
        heldBack: "Held back",
        casePack: "Case pack",
        moq: "MOQ",
      },
      formatUnits: (n) => String(n),
    }));
    const pdfText = new TextDecoder("latin1").decode(pdf!.body);
    expect(pdfText.startsWith("%PDF-1.4")).toBe(true);
    expect(pdfText.trimEnd().endsWith("%%EOF")).toBe(true);
    expect(await exportSupplierOrderDraft("another-shop", draft.id, "csv")).toBeNull();
  }, 120_000);

  it("uses weekly signals when they exist", async () => {
    const shopId = await seededShopId();
    const product = await db().product.findFirstOrThrow({
      where: { shopId, handle: "sea-glass-drop-pendant" },
    });
    const weeks = [
      "2026-W40",
      "2026-W41",
      "2026-W42",
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
    ];
    await db().signalWeekly.createMany({
      data: weeks.map((week, i) => ({
        shopId,
        scopeKey: `${product.id}||all|all|${week}`,
        productId: product.id,
        week,
        volume: 20 + 5 * i,
        positiveShare: 0.6,
        neutralShare: 0.3,
        negativeShare: 0.1,
        weightedIndex: 0.2 + 0.04 * i,
        details: {
          // The shape the signal service stores (SignalDetail under `detail`).
          detail: { drivers: [{ aspect: "comfort", stance: "negative", mentions: 2 }], influencers: [] },
        },
      })),
    });
    const result = await runPlanningCycle(shopId, NOW);
    expect(result.ok && result.plannedWithoutSentiment).toBe(false);
    const rows = await db().recommendation.findMany({
      where: { shopId, productId: product.id, kind: "restock" },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const explanation = row.explanation as { inputs: Record<string, unknown>; assumptions: string[] };
      expect(explanation.assumptions).not.toContain(NO_SIGNALS_ASSUMPTION);
      expect(typeof explanation.inputs.sentimentMultiplier).toBe("number");
      expect(explanation.inputs.validityStatus).not.toBeNull();
      expectFiniteJson(row.explanation);
    }
  }, 120_000);

  it("stops with the settings errors when the shop's settings are unusable", async () => {
    const shop = await createTestShop();
    await db().shop.update({
      where: { id: shop.id },
      data: { settings: { inventory: { shopDefaults: { serviceLevel: 1, leadTimeDays: -3 } } } },
    });
    const result = await runPlanningCycle(shop.id, NOW);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe("invalid_settings");
    expect(result.errors.map((e) => e.setting).sort()).toEqual([
      "shopDefaults.leadTimeDays",
      "shopDefaults.serviceLevel",
    ]);
    expect(await db().recommendation.count({ where: { shopId: shop.id } })).toBe(0);
    await expect(
      planningCycleJob.run({ shopId: shop.id }, { jobId: "j1", attempt: 1, now: () => NOW }),
    ).rejects.toBeInstanceOf(TerminalJobError);
    await expect(
      planningCycleJob.run({ shopId: "missing" }, { jobId: "j2", attempt: 1, now: () => NOW }),
    ).rejects.toBeInstanceOf(TerminalJobError);
  });
});
