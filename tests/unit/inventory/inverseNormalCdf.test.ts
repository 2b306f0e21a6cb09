import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inverseNormalCdf, serviceLevelZ } from "~/domain/inventory";

const value = (p: number) => {
  const r = inverseNormalCdf(p);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe("inverseNormalCdf", () => {
  it("matches published z values", () => {
    expect(value(0.5)).toBeCloseTo(0, 9);
    expect(value(0.95)).toBeCloseTo(1.6448536, 6);
    expect(value(0.975)).toBeCloseTo(1.959964, 6);
    expect(value(0.99)).toBeCloseTo(2.3263479, 6);
    expect(value(0.01)).toBeCloseTo(-2.3263479, 6);
    expect(value(1e-6)).toBeCloseTo(-4.7534243, 5);
  });

  it("returns an error, never Infinity, outside (0, 1)", () => {
    for (const p of [0, 1, -0.1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(inverseNormalCdf(p).ok).toBe(false);
    }
  });

  it("is antisymmetric and increasing", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 0.5, noNaN: true }),
        fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }),
        (p, q) => {
          expect(value(p) + value(1 - p)).toBeCloseTo(0, 6);
          if (p < q) expect(value(p)).toBeLessThanOrEqual(value(q));
        },
      ),
    );
  });
});

describe("serviceLevelZ", () => {
  it("rejects 1.0 and ≤ 0 with a settings error naming the scope", () => {
    const one = serviceLevelZ(1, "product:p1");
    expect(one.ok).toBe(false);
    if (!one.ok) {
      expect(one.error).toMatchObject({
        code: "invalid_setting",
        scope: "product:p1",
        setting: "serviceLevel",
        value: 1,
      });
      expect(one.error.message).toMatch(/infinite safety stock/);
    }
    expect(serviceLevelZ(0, "shop").ok).toBe(false);
    expect(serviceLevelZ(-0.2, "shop").ok).toBe(false);
    expect(serviceLevelZ(0.3, "shop").ok).toBe(false);
  });

  it("gives a finite z for every valid level", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.5, max: 0.999999, noNaN: true }), (level) => {
        const z = serviceLevelZ(level, "shop");
        expect(z.ok && Number.isFinite(z.value) && z.value >= 0).toBe(true);
      }),
    );
  });
});
