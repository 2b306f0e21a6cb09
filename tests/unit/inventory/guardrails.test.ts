import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyGuardrails,
  DEFAULT_INVENTORY_SETTINGS,
  mergeInventorySettings,
  STOCK_CHANGING_KINDS,
  type GuardrailCandidate,
  type GuardrailHistory,
  type ProposalKind,
} from "~/domain/inventory";

const NOW = new Date("2025-06-30T06:00:00Z");
const HOUR = 3_600_000;
const routine: GuardrailCandidate = {
  kind: "restock",
  currentUnits: 100,
  proposedUnits: 110,
  referenceUnits: 100,
  stepUnits: 1,
  isNewProductLine: false,
  speculative: false,
};
const quiet: GuardrailHistory = {
  lastAdjustedAtMs: null,
  historicalMinUnits: 90,
  historicalMaxUnits: 130,
  deltaUnitsLast24h: 0,
};
const autonomous = mergeInventorySettings({ autonomy: { autoApplyEnabled: true } });

describe("applyGuardrails", () => {
  it("by default nothing is automatic", () => {
    expect(applyGuardrails(routine, quiet, DEFAULT_INVENTORY_SETTINGS, NOW)).toMatchObject({
      disposition: "needs_approval",
      decisiveRule: "autonomy_off",
    });
  });

  it("auto-applies a routine change within range and under 15% when the merchant allows it", () => {
    expect(applyGuardrails(routine, quiet, autonomous, NOW)).toMatchObject({
      disposition: "auto_apply",
      decisiveRule: "routine_within_range",
    });
    expect(applyGuardrails({ ...routine, proposedUnits: 120 }, quiet, autonomous, NOW).decisiveRule).toBe(
      "above_auto_apply_limit",
    );
    expect(
      applyGuardrails(
        { ...routine, proposedUnits: 112 },
        { ...quiet, historicalMaxUnits: 105 },
        autonomous,
        NOW,
      ).decisiveRule,
    ).toBe("outside_historical_range");
  });

  it("always asks a person for new lines, supplier orders, big daily swings and speculative moves", () => {
    expect(applyGuardrails({ ...routine, isNewProductLine: true }, quiet, autonomous, NOW).decisiveRule).toBe(
      "new_product_line",
    );
    expect(applyGuardrails({ ...routine, kind: "supplier_order" }, quiet, autonomous, NOW).decisiveRule).toBe(
      "supplier_order_needs_person",
    );
    expect(applyGuardrails(routine, { ...quiet, deltaUnitsLast24h: 35 }, autonomous, NOW).decisiveRule).toBe(
      "daily_swing_needs_person",
    );
    expect(applyGuardrails({ ...routine, speculative: true }, quiet, autonomous, NOW).decisiveRule).toBe(
      "speculative_needs_person",
    );
    expect(applyGuardrails({ ...routine, kind: "support_task" }, quiet, autonomous, NOW).decisiveRule).toBe(
      "task_needs_person",
    );
  });

  it("holds a variant adjusted less than 48 h ago", () => {
    const outcome = applyGuardrails(
      routine,
      { ...quiet, lastAdjustedAtMs: NOW.getTime() - 20 * HOUR },
      autonomous,
      NOW,
    );
    expect(outcome).toMatchObject({ disposition: "suppressed", decisiveRule: "cooldown" });
    expect(
      applyGuardrails(routine, { ...quiet, lastAdjustedAtMs: NOW.getTime() - 49 * HOUR }, autonomous, NOW)
        .decisiveRule,
    ).not.toBe("cooldown");
  });

  it("suppresses changes below 5% and 1 unit", () => {
    expect(applyGuardrails({ ...routine, proposedUnits: 104 }, quiet, autonomous, NOW).decisiveRule).toBe(
      "min_magnitude",
    );
    expect(
      applyGuardrails({ ...routine, currentUnits: 4, proposedUnits: 4.5 }, quiet, autonomous, NOW)
        .decisiveRule,
    ).toBe("min_magnitude");
  });

  it("caps one decision in whole cases and says so", () => {
    const outcome = applyGuardrails(
      { ...routine, currentUnits: 10, proposedUnits: 9000, referenceUnits: 100, stepUnits: 12 },
      quiet,
      DEFAULT_INVENTORY_SETTINGS,
      NOW,
    );
    expect(outcome.deltaUnits).toBe(300);
    expect(outcome.rulesApplied[0]?.rule).toBe("max_change_per_decision");
  });

  const kinds: ProposalKind[] = [
    "restock",
    "reduce",
    "safety_stock",
    "transfer",
    "supplier_order",
    "marketing_task",
    "product_task",
    "support_task",
  ];
  const number = fc.oneof(
    fc.double({ min: -1e7, max: 1e7, noNaN: true }),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0),
  );
  const candidateArb = fc.record({
    kind: fc.constantFrom(...kinds),
    currentUnits: number,
    proposedUnits: number,
    referenceUnits: number,
    stepUnits: fc.oneof(fc.integer({ min: 1, max: 48 }), fc.constantFrom(0, Number.NaN)),
    isNewProductLine: fc.boolean(),
    speculative: fc.boolean(),
  });
  const historyArb = fc.record({
    lastAdjustedAtMs: fc.option(fc.integer({ min: NOW.getTime() - 200 * HOUR, max: NOW.getTime() }), {
      nil: null,
    }),
    historicalMinUnits: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: null }),
    historicalMaxUnits: fc.option(fc.integer({ min: 0, max: 2000 }), { nil: null }),
    deltaUnitsLast24h: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.constant(Number.NaN)),
  });
  const settingsArb = fc
    .record({
      minIntervalHours: fc.integer({ min: 0, max: 200 }),
      minMagnitudePercent: fc.integer({ min: 0, max: 50 }),
      minMagnitudeUnits: fc.integer({ min: 1, max: 20 }),
      maxChangeUnitsPerDecision: fc.integer({ min: 1, max: 10_000 }),
      maxChangePercentPerDecision: fc.integer({ min: 1, max: 1000 }),
      autoApplyEnabled: fc.boolean(),
      autoApplyMaxChangePercent: fc.integer({ min: 0, max: 40 }),
    })
    .map((g) =>
      mergeInventorySettings({
        guardrails: {
          minIntervalHours: g.minIntervalHours,
          minMagnitudePercent: g.minMagnitudePercent,
          minMagnitudeUnits: g.minMagnitudeUnits,
          maxChangeUnitsPerDecision: g.maxChangeUnitsPerDecision,
          maxChangePercentPerDecision: g.maxChangePercentPerDecision,
        },
        autonomy: {
          autoApplyEnabled: g.autoApplyEnabled,
          autoApplyMaxChangePercent: g.autoApplyMaxChangePercent,
          humanRequiredDailySwingPercent: 40,
        },
      }),
    );

  it("property: guardrails hold for any input", () => {
    fc.assert(
      fc.property(candidateArb, historyArb, settingsArb, (candidate, history, settings) => {
        const g = settings.guardrails;
        const outcome = applyGuardrails(candidate, history, settings, NOW);
        const current = Number.isFinite(candidate.currentUnits) ? candidate.currentUnits : 0;
        const change = Math.abs(outcome.deltaUnits);
        expect(Number.isFinite(outcome.proposedUnits) && Number.isFinite(outcome.deltaUnits)).toBe(true);
        expect(outcome.rulesApplied.at(-1)?.rule).toBe(outcome.decisiveRule);
        const isTask = !STOCK_CHANGING_KINDS.has(candidate.kind) && candidate.kind !== "supplier_order";
        if (isTask) {
          expect(outcome.disposition).toBe("needs_approval");
          return;
        }
        // Caps: never more than the absolute or relative limit per decision.
        const reference = Math.max(
          Math.abs(current),
          Number.isFinite(candidate.referenceUnits) ? candidate.referenceUnits : 0,
          1,
        );
        expect(change).toBeLessThanOrEqual(
          Math.min(g.maxChangeUnitsPerDecision, (g.maxChangePercentPerDecision / 100) * reference) + 1e-6,
        );
        // Cooldown: a stock change inside the interval is always held.
        const hoursSince =
          history.lastAdjustedAtMs === null ? Infinity : (NOW.getTime() - history.lastAdjustedAtMs) / HOUR;
        if (STOCK_CHANGING_KINDS.has(candidate.kind) && hoursSince < g.minIntervalHours) {
          expect(outcome).toMatchObject({ disposition: "suppressed", decisiveRule: "cooldown" });
        }
        // Magnitude: what is not suppressed is big enough to matter.
        if (outcome.disposition !== "suppressed") {
          expect(change).toBeGreaterThanOrEqual(
            Math.max(g.minMagnitudeUnits, (g.minMagnitudePercent / 100) * Math.abs(current)) - 1e-9,
          );
        }
        // Autonomy: auto-apply only when every condition holds.
        if (outcome.disposition === "auto_apply") {
          const base = Math.max(Math.abs(current), 1);
          expect(settings.autonomy.autoApplyEnabled).toBe(true);
          expect(
            candidate.isNewProductLine || candidate.speculative || candidate.kind === "supplier_order",
          ).toBe(false);
          expect((change / base) * 100).toBeLessThan(settings.autonomy.autoApplyMaxChangePercent);
          expect(
            ((change + (Number.isFinite(history.deltaUnitsLast24h) ? history.deltaUnitsLast24h : 0)) / base) *
              100,
          ).toBeLessThanOrEqual(40);
          expect(history.historicalMinUnits !== null && history.historicalMaxUnits !== null).toBe(true);
          expect(outcome.proposedUnits).toBeGreaterThanOrEqual(history.historicalMinUnits as number);
          expect(outcome.proposedUnits).toBeLessThanOrEqual(history.historicalMaxUnits as number);
        }
      }),
      { numRuns: 500 },
    );
  });
});
