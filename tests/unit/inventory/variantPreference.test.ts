import { describe, expect, it } from "vitest";
import {
  DEFAULT_INVENTORY_SETTINGS,
  remainingPreferenceShift,
  variantPreferenceShifts,
} from "~/domain/inventory";

const mix = DEFAULT_INVENTORY_SETTINGS.mix;
const weeks = ["2026-08-03", "2026-08-10", "2026-08-17", "2026-08-24"];
/** Rows for one variant: `positive` and `negative` mentions per week (no neutral ones). */
const talk = (positive: number, negative: number) =>
  weeks.map((weekStart) => ({
    weekStart,
    positiveShare: positive / (positive + negative),
    negativeShare: negative / (positive + negative),
    volume: positive + negative,
  }));

describe("variantPreferenceShifts", () => {
  it("recognises three liked colours of five together: +40% for them, −30% for the others", () => {
    const rows = new Map([
      ["coral", talk(16, 4)],
      ["ocean", talk(16, 4)],
      ["sand", talk(15, 5)],
      ["kelp", talk(3, 4)],
      ["charcoal", talk(3, 4)],
    ]);
    const shifts = variantPreferenceShifts(rows, [...rows.keys()], mix);
    expect([...shifts.values()].map((p) => Math.round(p.shiftFraction * 100))).toEqual([
      40, 40, 40, -30, -30,
    ]);
    expect(shifts.get("kelp")?.side).toBe("worse");
    expect(shifts.get("coral")?.z).toBeGreaterThan(mix.preferenceFullZ);
  });

  it("leaves variants alone when their talk differs by chance only", () => {
    const rows = new Map([
      ["graphite", talk(12, 6)],
      ["white", talk(7, 5)],
    ]);
    const shifts = variantPreferenceShifts(rows, [...rows.keys()], mix);
    expect([...shifts.values()].every((p) => p.shiftFraction === 0)).toBe(true);
  });

  it("needs enough polarized mentions on each side", () => {
    const rows = new Map([
      ["a", talk(5, 0)],
      ["b", talk(0, 4)],
    ]);
    const shifts = variantPreferenceShifts(rows, ["a", "b"], mix);
    expect(shifts.get("a")?.shiftFraction).toBe(0);
  });
});

describe("remainingPreferenceShift", () => {
  it("keeps only the part sales have not shown yet, within 0 and the shift", () => {
    expect(remainingPreferenceShift(0.4, 1)).toBeCloseTo(0.4);
    expect(remainingPreferenceShift(0.4, 1.25)).toBeCloseTo(0.12);
    expect(remainingPreferenceShift(0.4, 1.6)).toBe(0);
    expect(remainingPreferenceShift(0.4, 0.5)).toBeCloseTo(0.4);
    expect(remainingPreferenceShift(-0.3, 0.8)).toBeCloseTo(-0.125);
    expect(remainingPreferenceShift(-0.3, 0.6)).toBe(0);
    expect(remainingPreferenceShift(-0.3, 1.5)).toBeCloseTo(-0.3);
  });
});
