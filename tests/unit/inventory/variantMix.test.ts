import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_INVENTORY_SETTINGS,
  mergeInventorySettings,
  shiftVariantMix,
  type VariantMixInput,
} from "~/domain/inventory";

const colours = (indexes: number[]): VariantMixInput[] =>
  indexes.map((weightedIndex, i) => ({
    variantId: `c${i}`,
    weightedIndex,
    dailyDemandUnits: 10,
    plannedUnits: 100,
  }));

describe("shiftVariantMix", () => {
  it("derives the seed's example: the 3 best-received of 5 colours +40%, the other 2 −30%", () => {
    const mix = shiftVariantMix(colours([0.6, 0.1, 0.7, 0.05, 0.6]), DEFAULT_INVENTORY_SETTINGS.mix);
    expect(mix.shifts.map((s) => s.shiftPercent)).toEqual([40, -30, 40, -30, 40]);
    expect(mix.shifts.map((s) => s.shiftedUnits)).toEqual([140, 70, 140, 70, 140]);
    expect(mix.netChangeUnits).toBe(60);
    expect(mix.explanation).toMatch(/3 of 5/);
  });

  it("follows the data, not the position: reversing preferences reverses shifts", () => {
    const mix = shiftVariantMix(colours([0.1, 0.6, 0.05, 0.65, 0.1]), DEFAULT_INVENTORY_SETTINGS.mix);
    expect(mix.shifts.filter((s) => s.shiftPercent > 0).map((s) => s.variantId)).toEqual(["c1", "c3"]);
  });

  it("leaves a variant alone when everything is equal", () => {
    const mix = shiftVariantMix(colours([0.3, 0.3, 0.3]), DEFAULT_INVENTORY_SETTINGS.mix);
    expect(mix.shifts.every((s) => s.shiftedUnits === 100)).toBe(true);
  });

  it("property: with conserveTotal the product total is unchanged and units stay whole and ≥ 0", () => {
    const conserve = mergeInventorySettings({ mix: { conserveTotal: true } }).mix;
    const variant = fc.record({
      variantId: fc.string(),
      weightedIndex: fc.option(fc.double({ min: -1, max: 1, noNaN: true }), { nil: null }),
      dailyDemandUnits: fc.double({ min: 0, max: 1000, noNaN: true }),
      plannedUnits: fc.integer({ min: 0, max: 10_000 }),
    });
    fc.assert(
      fc.property(fc.array(variant, { minLength: 0, maxLength: 12 }), (variants) => {
        const mix = shiftVariantMix(variants, conserve);
        const planned = variants.reduce((s, v) => s + v.plannedUnits, 0);
        expect(mix.totalShiftedUnits).toBe(planned);
        expect(mix.netChangeUnits).toBe(0);
        for (const s of mix.shifts)
          expect(Number.isInteger(s.shiftedUnits) && s.shiftedUnits >= 0).toBe(true);
      }),
    );
  });
});
