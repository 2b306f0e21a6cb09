import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validityIndex } from "~/domain/signals";

describe("validityIndex", () => {
  it("classes the seed bands: > 120 over-reaction, 80–120 in sync, < 80 lagging or distorted", () => {
    expect(validityIndex(30, 10)).toEqual({
      validityClass: "over-reaction",
      validityIndexPercent: 300,
      reason: "ratio",
    });
    expect(validityIndex(12, 10).validityClass).toBe("in-sync");
    expect(validityIndex(-8, -10)).toEqual({
      validityClass: "in-sync",
      validityIndexPercent: 80,
      reason: "ratio",
    });
    expect(validityIndex(5, 10)).toEqual({
      validityClass: "lagging-or-distorted",
      validityIndexPercent: 50,
      reason: "ratio",
    });
    expect(validityIndex(12.1, 10).validityClass).toBe("over-reaction");
  });

  it("flags sentiment and sales moving in opposite directions", () => {
    expect(validityIndex(-20, 10)).toEqual({
      validityClass: "lagging-or-distorted",
      validityIndexPercent: -200,
      reason: "opposite-directions",
    });
  });

  it("states a reason instead of dividing by zero or near-zero sales change", () => {
    expect(validityIndex(15, 0)).toEqual({
      validityClass: "over-reaction",
      validityIndexPercent: null,
      reason: "sales-flat-sentiment-moved",
    });
    expect(validityIndex(15, 1e-12).reason).toBe("sales-flat-sentiment-moved");
    expect(validityIndex(0.2, -0.3)).toEqual({
      validityClass: "in-sync",
      validityIndexPercent: null,
      reason: "both-flat",
    });
    expect(validityIndex(1e308, 2)).toEqual({
      validityClass: "over-reaction",
      validityIndexPercent: null,
      reason: "ratio-out-of-range",
    });
    expect(validityIndex(Number.NaN, 5)).toEqual({
      validityClass: "lagging-or-distorted",
      validityIndexPercent: null,
      reason: "non-finite-input",
    });
  });

  it("never returns Infinity or NaN (property)", () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (sentimentChangePercent, salesChangePercent) => {
        const { validityIndexPercent } = validityIndex(sentimentChangePercent, salesChangePercent);
        expect(validityIndexPercent === null || Number.isFinite(validityIndexPercent)).toBe(true);
      }),
    );
  });
});
