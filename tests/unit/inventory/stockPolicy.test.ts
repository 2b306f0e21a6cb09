import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessElasticity,
  DEFAULT_INVENTORY_SETTINGS,
  netRequirementUnits,
  orderUpToUnits,
  propagationSpeed,
  reorderPointUnits,
  roundToSupplierTerms,
  safetyStockUnits,
  sentimentRiskFactor,
} from "~/domain/inventory";

const { risk, elasticity } = DEFAULT_INVENTORY_SETTINGS;

describe("safety stock", () => {
  it("is z × σ × √lead time × risk", () => {
    expect(safetyStockUnits(1.645, 4, 9, 1.2)).toBeCloseTo(1.645 * 4 * 3 * 1.2, 9);
    expect(safetyStockUnits(1.645, 0, 9, 1.2)).toBe(0);
  });

  it("rises with negative share and volatility, never below 1, capped", () => {
    expect(sentimentRiskFactor(0.1, 0.2, 0.15, risk)).toBeCloseTo(1.35, 9);
    expect(sentimentRiskFactor(0.3, 0.1, 0, risk)).toBe(1);
    expect(sentimentRiskFactor(0, 1, 1, risk)).toBe(risk.maxRiskFactor);
  });

  it("property: finite and non-negative for any numbers", () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), fc.double(), (z, sigma, lead, factor) => {
        const units = safetyStockUnits(z, sigma, lead, factor);
        expect(Number.isFinite(units) && units >= 0).toBe(true);
        const r = sentimentRiskFactor(z, sigma, lead, risk);
        expect(r >= 1 && r <= risk.maxRiskFactor).toBe(true);
      }),
    );
  });
});

describe("reorder point and order quantity", () => {
  it("orders up to the target only at or below the reorder point", () => {
    expect(reorderPointUnits(70, 24)).toBe(94);
    expect(orderUpToUnits(140, 24)).toBe(164);
    expect(netRequirementUnits(80, 94, 164)).toBe(84);
    expect(netRequirementUnits(120, 94, 164)).toBe(0);
    expect(netRequirementUnits(-10, 94, 164)).toBe(174);
  });

  it("rounds up to whole cases and the MOQ", () => {
    expect(roundToSupplierTerms(17, 6, 0)).toBe(18);
    expect(roundToSupplierTerms(5, 6, 24)).toBe(24);
    expect(roundToSupplierTerms(5, 6, 20)).toBe(24);
    expect(roundToSupplierTerms(0, 6, 24)).toBe(0);
    expect(roundToSupplierTerms(12.0000000001, 6, 0)).toBe(12);
  });

  it("property: whole cases, covers the need and the MOQ, at most one case over", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 5000 }),
        (need, pack, moq) => {
          const qty = roundToSupplierTerms(need, pack, moq);
          expect(qty % pack).toBe(0);
          expect(qty).toBeGreaterThanOrEqual(Math.min(need, qty));
          expect(qty + 1e-6).toBeGreaterThanOrEqual(moq);
          expect(qty).toBeLessThan(Math.max(need, moq) + pack + 1e-6);
        },
      ),
    );
  });
});

describe("elasticity", () => {
  it("classes follow the product definition", () => {
    // 20 points × 1.5 / (365 × 1 / 100) = 8.2
    expect(assessElasticity(0.2, 1.5, 1, 100, elasticity)).toMatchObject({
      elasticityClass: "small_frequent",
      reviewPeriodDays: 7,
    });
    // 5 × 1 / (365 × 1 / 50) = 0.68
    expect(assessElasticity(0.05, 1, 1, 50, elasticity).elasticityClass).toBe("dynamic");
    // 2 × 1 / (365 × 10 / 50) = 0.027
    expect(assessElasticity(0.02, 1, 10, 50, elasticity).elasticityClass).toBe("traditional");
  });

  it("stays finite without demand or stock", () => {
    const none = assessElasticity(0.2, 1, 0, 0, elasticity);
    expect(none.coefficient).toBe(elasticity.maxCoefficient);
    expect(none.assumptions.length).toBeGreaterThan(0);
    expect(propagationSpeed(0, 0)).toBe(0);
    expect(propagationSpeed(30, 60)).toBe(2);
  });
});
