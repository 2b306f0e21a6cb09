import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  dayNumberFromIsoDate,
  DEFAULT_INVENTORY_SETTINGS,
  demandVelocity,
  forecastDemand,
  forecastIntervalForDay,
  forecastUnitsOverDays,
  type SalesHistory,
} from "~/domain/inventory";

const FIRST = "2025-01-06"; // a Monday
const first = dayNumberFromIsoDate(FIRST) as number;
const settings = DEFAULT_INVENTORY_SETTINGS.forecast;

function history(units: number[], inStock: boolean[] = units.map(() => true)): SalesHistory {
  return { variantId: "v", locationId: "l", firstDay: FIRST, unitsSold: units, inStock };
}

const unitsArb = fc.oneof(
  fc.integer({ min: 0, max: 500 }),
  fc.constantFrom(-3, Number.NaN, Number.POSITIVE_INFINITY, 0),
);
const seriesArb = fc
  .integer({ min: 0, max: 80 })
  .chain((n) =>
    fc.tuple(
      fc.array(unitsArb, { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    ),
  );

describe("demandVelocity", () => {
  it("leaves out-of-stock days out of the average", () => {
    const v = demandVelocity(history([4, 0, 6, 1], [true, false, true, false]), 4, first + 4);
    expect(v).toMatchObject({ unitsPerDay: 5, inStockDays: 2, excludedOutOfStockDays: 2 });
  });

  it("counts days outside the history as missing, not as zero sales", () => {
    const v = demandVelocity(history([6, 6]), 28, first + 2);
    expect(v.unitsPerDay).toBe(6);
    expect(v.missingDays).toBe(26);
  });

  it("property: units recorded on out-of-stock days never change velocity", () => {
    fc.assert(
      fc.property(
        seriesArb,
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 80, maxLength: 80 }),
        ([units, flags], other) => {
          const today = first + units.length;
          const changed = units.map((u, i) => (flags[i] === false ? (other[i] as number) : u));
          const a = demandVelocity(history(units, flags), 28, today);
          const b = demandVelocity(history(changed, flags), 28, today);
          expect(a.unitsPerDay).toBe(b.unitsPerDay);
          expect(Number.isFinite(a.unitsPerDay) && a.unitsPerDay >= 0).toBe(true);
        },
      ),
    );
  });
});

describe("forecastDemand", () => {
  it("follows a steady weekly pattern with Holt-Winters", () => {
    const pattern = [10, 12, 14, 12, 10, 20, 22];
    const units = Array.from({ length: 56 }, (_, i) => pattern[i % 7] as number);
    const f = forecastDemand(history(units), first + 56, 7, settings);
    expect(f.method).toBe("holt_winters");
    f.dailyUnits.forEach((u, i) => expect(u).toBeCloseTo(pattern[i] as number, 0));
    expect(f.sigmaDailyUnits).toBeLessThan(0.5);
  });

  it("falls back to a moving average on short histories", () => {
    const f = forecastDemand(history([3, 5, 4, 6, 2]), first + 5, 10, settings);
    expect(f.method).toBe("moving_average");
    expect(f.meanDailyUnits).toBeCloseTo(4, 9);
    expect(f.assumptions[0]).toMatch(/moving average/);
  });

  it("does not read a stock-out as a collapse in demand", () => {
    const units = Array.from({ length: 56 }, () => 10);
    const flags = units.map((_, i) => i < 42);
    const stockedOut = units.map((u, i) => (i < 42 ? u : 0));
    const f = forecastDemand(history(stockedOut, flags), first + 56, 7, settings);
    expect(f.meanDailyUnits).toBeCloseTo(10, 0);
    expect(f.excludedOutOfStockDays).toBe(14);
  });

  it("assumes 0 with a stated reason when there is nothing to learn from", () => {
    const none = forecastDemand(history([]), first, 7, settings);
    expect(none.method).toBe("no_data");
    expect(none.totalUnits).toBe(0);
    const allOut = forecastDemand(history([0, 0, 0], [false, false, false]), first + 3, 7, settings);
    expect(allOut.assumptions[0]).toMatch(/Out of stock/);
  });

  it("sums fractional day horizons pro rata", () => {
    const f = { ...forecastDemand(history([1]), first + 1, 3, settings), dailyUnits: [1, 2, 3] };
    expect(forecastUnitsOverDays(f, 2.5)).toBeCloseTo(4.5, 9);
    expect(forecastUnitsOverDays(f, 0)).toBe(0);
  });

  it("property: never negative, never NaN/Infinity, intervals bracket the point", () => {
    fc.assert(
      fc.property(
        seriesArb,
        fc.integer({ min: 1, max: 90 }),
        fc.integer({ min: -5, max: 5 }),
        ([units, flags], horizon, shift) => {
          const f = forecastDemand(history(units, flags), first + units.length + shift, horizon, settings);
          expect(f.dailyUnits).toHaveLength(horizon);
          for (const u of f.dailyUnits) expect(Number.isFinite(u) && u >= 0).toBe(true);
          for (const x of [
            f.meanDailyUnits,
            f.sigmaDailyUnits,
            f.totalUnits,
            f.totalLowerUnits,
            f.totalUpperUnits,
          ]) {
            expect(Number.isFinite(x) && x >= 0).toBe(true);
          }
          expect(f.totalLowerUnits).toBeLessThanOrEqual(f.totalUnits + 1e-9);
          expect(f.totalUpperUnits).toBeGreaterThanOrEqual(f.totalUnits - 1e-9);
          const day = forecastIntervalForDay(f, horizon);
          expect(day.lowerUnits).toBeGreaterThanOrEqual(0);
          expect(day.lowerUnits).toBeLessThanOrEqual(day.pointUnits + 1e-9);
          expect(day.upperUnits).toBeGreaterThanOrEqual(day.pointUnits - 1e-9);
        },
      ),
    );
  });

  it("property: sales on out-of-stock days do not change the forecast", () => {
    fc.assert(
      fc.property(
        seriesArb,
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 80, maxLength: 80 }),
        ([units, flags], other) => {
          const changed = units.map((u, i) => (flags[i] === false ? (other[i] as number) : u));
          const a = forecastDemand(history(units, flags), first + units.length, 14, settings);
          const b = forecastDemand(history(changed, flags), first + units.length, 14, settings);
          expect(b.dailyUnits).toEqual(a.dailyUnits);
        },
      ),
    );
  });
});
