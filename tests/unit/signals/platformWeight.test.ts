import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { platformClass, platformWeight, reachWeight } from "~/domain/signals";

describe("platformWeight", () => {
  it("applies the seed weights: core 0.6, mass social 0.3, niche 0.1", () => {
    expect(platformWeight("judgeme")).toBe(0.6);
    expect(platformWeight("shop_reviews")).toBe(0.6);
    for (const platform of ["instagram", "tiktok", "youtube", "facebook", "x"])
      expect(platformWeight(platform)).toBe(0.3);
    expect(platformWeight("reddit")).toBe(0.1);
    expect(platformWeight("forums")).toBe(0.1);
  });

  it("matches platform names case-insensitively and treats unknown platforms as niche", () => {
    expect(platformClass(" Instagram ")).toBe("mass-social");
    expect(platformClass("myspace")).toBe("niche-professional");
    expect(platformClass("myspace", { unknownPlatformClass: "mass-social" })).toBe("mass-social");
  });

  it("lets a shop override the class weight, the class of a platform, and one platform's weight", () => {
    expect(platformWeight("instagram", { weightByClass: { "mass-social": 0.5 } })).toBe(0.5);
    expect(platformWeight("reddit", { classByPlatform: { reddit: "core-customer" } })).toBe(0.6);
    expect(platformWeight("reddit", { weightByPlatform: { reddit: 0.25 } })).toBe(0.25);
  });

  it("ignores negative or non-finite overrides", () => {
    expect(platformWeight("reddit", { weightByPlatform: { reddit: -1 } })).toBe(0.1);
    expect(platformWeight("instagram", { weightByClass: { "mass-social": Number.NaN } })).toBe(0.3);
  });
});

describe("reachWeight", () => {
  it("grows with the log of followers: 0 → 1, 99 → 2, 999,999 → 4", () => {
    expect(reachWeight(0)).toBe(1);
    expect(reachWeight(99)).toBeCloseTo(2, 12);
    expect(reachWeight(999_999)).toBeCloseTo(4, 12);
  });

  it("is ≥ 1, finite and non-decreasing for any input (property)", () => {
    fc.assert(
      fc.property(fc.double(), fc.double({ min: 0, max: 1e12, noNaN: true }), (any, followers) => {
        const weight = reachWeight(any);
        expect(Number.isFinite(weight) && weight >= 1).toBe(true);
        expect(reachWeight(followers + 1000)).toBeGreaterThanOrEqual(reachWeight(followers));
      }),
    );
  });
});
