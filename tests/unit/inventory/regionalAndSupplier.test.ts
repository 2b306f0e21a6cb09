import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateLargestRemainder,
  DEFAULT_INVENTORY_SETTINGS,
  groupSupplierOrderDrafts,
  planTransfers,
  prePositionUnits,
  splitRestockAcrossLocations,
  splitSupplierQuantity,
  supplierOrderDraftsToCsv,
  type SupplierOrderLine,
} from "~/domain/inventory";

const regional = DEFAULT_INVENTORY_SETTINGS.regional;

describe("regional stocking", () => {
  it("splits a restock by demand × regional sentiment", () => {
    const split = splitRestockAcrossLocations(100, [
      { locationId: "a", dailyDemandUnits: 3, sentimentMultiplier: 1 },
      { locationId: "b", dailyDemandUnits: 1, sentimentMultiplier: 1 },
      { locationId: "c", dailyDemandUnits: 1, sentimentMultiplier: 2 },
    ]);
    expect(split).toEqual([
      { locationId: "a", units: 50 },
      { locationId: "b", units: 17 },
      { locationId: "c", units: 33 },
    ]);
  });

  it("property: whole units that add up exactly", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5, max: 1e4 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 1e6 }),
        (weights, total) => {
          const units = allocateLargestRemainder(weights, total);
          if (weights.length > 0) expect(units.reduce((a, b) => a + b, 0)).toBe(total);
          for (const u of units) expect(Number.isInteger(u) && u >= 0).toBe(true);
        },
      ),
    );
  });

  it("moves stock from a cooling region to a heating one", () => {
    const hot = {
      locationId: "hot",
      inventoryPositionUnits: 10,
      availableUnits: 10,
      reorderPointUnits: 40,
      orderUpToUnits: 80,
      needUnits: 70,
      regionalChangePoints: 15,
    };
    const cold = {
      locationId: "cold",
      inventoryPositionUnits: 120,
      availableUnits: 100,
      reorderPointUnits: 30,
      orderUpToUnits: 60,
      needUnits: 0,
      regionalChangePoints: -12,
    };
    const calm = { ...cold, locationId: "calm", regionalChangePoints: 0 };
    const transfers = planTransfers([hot, cold, calm], regional);
    expect(transfers).toHaveLength(1);
    expect(transfers[0]).toMatchObject({ fromLocationId: "cold", toLocationId: "hot", units: 60 });
  });

  it("pre-positions a smaller, speculative amount where sentiment rises first", () => {
    const base = {
      regionalChangePoints: 14,
      liftedOrderUpToUnits: 180,
      blindOrderUpToUnits: 140,
      inventoryPositionUnits: 150,
    };
    expect(prePositionUnits(base, regional)).toBe(10);
    expect(prePositionUnits({ ...base, regionalChangePoints: 5 }, regional)).toBe(0);
    expect(prePositionUnits({ ...base, inventoryPositionUnits: 185 }, regional)).toBe(0);
  });
});

describe("supplier split and drafts", () => {
  it("orders 60% now and holds 40% back, in whole cases", () => {
    expect(splitSupplierQuantity(100, 60, 12, 0)).toEqual({
      horizonUnits: 100,
      baseUnits: 60,
      flexUnits: 40,
    });
    expect(splitSupplierQuantity(100, 60, 25, 0)).toEqual({
      horizonUnits: 100,
      baseUnits: 75,
      flexUnits: 25,
    });
    expect(splitSupplierQuantity(10, 60, 1, 50)).toEqual({ horizonUnits: 10, baseUnits: 50, flexUnits: 0 });
    expect(splitSupplierQuantity(Number.NaN, 60, 1, 0)).toEqual({
      horizonUnits: 0,
      baseUnits: 0,
      flexUnits: 0,
    });
  });

  const line = (supplierId: string, variantId: string, title: string | null = null): SupplierOrderLine => ({
    supplierId,
    productId: "p",
    variantId,
    sku: `SKU-${variantId}`,
    title,
    baseUnits: 12,
    flexUnits: 8,
    casePackUnits: 6,
    moqUnits: 0,
  });

  it("groups lines by supplier and exports CSV with escaping", () => {
    const drafts = groupSupplierOrderDrafts(
      [line("B", "v2"), line("A", "v9", 'Red, "limited"'), line("A", "v1", "=HYPERLINK()")],
      "2025-W14",
    );
    expect(drafts.map((d) => [d.supplierId, d.lines.map((l) => l.variantId), d.totalBaseUnits])).toEqual([
      ["A", ["v1", "v9"], 24],
      ["B", ["v2"], 12],
    ]);
    const csv = supplierOrderDraftsToCsv(drafts);
    const rows = csv.trimEnd().split("\r\n");
    expect(rows[0]).toBe(
      "supplier_id,cycle,product_id,variant_id,sku,title,order_now_units,held_back_units,case_pack_units,moq_units",
    );
    expect(rows[1]).toBe("A,2025-W14,p,v1,SKU-v1,'=HYPERLINK(),12,8,6,0");
    expect(rows[2]).toBe('A,2025-W14,p,v9,SKU-v9,"Red, ""limited""",12,8,6,0');
    expect(rows).toHaveLength(4);
  });
});
