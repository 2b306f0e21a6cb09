import { describe, expect, it } from "vitest";
import { decimalToMinorUnits } from "~/domain/money/minor-units";

describe("decimalToMinorUnits", () => {
  it("turns Shopify's decimal amounts into integer cents", () => {
    expect(decimalToMinorUnits("19.90")).toBe(1990);
    expect(decimalToMinorUnits(0.1 + 0.2)).toBe(30);
    expect(decimalToMinorUnits("0")).toBe(0);
  });

  it("says there is no amount when none was sent", () => {
    expect(decimalToMinorUnits(null)).toBeNull();
    expect(decimalToMinorUnits(undefined)).toBeNull();
    expect(decimalToMinorUnits("")).toBeNull();
  });
});
