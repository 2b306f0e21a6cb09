import { describe, expect, it } from "vitest";
import {
  DEFAULT_INVENTORY_SETTINGS,
  mergeInventorySettings,
  resolveReplenishmentParameters,
  validateInventorySettings,
} from "~/domain/inventory";

describe("inventory settings", () => {
  it("accepts the seed defaults", () => {
    expect(validateInventorySettings(DEFAULT_INVENTORY_SETTINGS).ok).toBe(true);
  });

  it("names every absurd setting with its scope", () => {
    const settings = mergeInventorySettings({
      shopDefaults: { leadTimeDays: 0, serviceLevel: 1, moqUnits: -5, casePackUnits: 0 },
      products: { p1: { serviceLevel: 0 } },
      suppliers: { s1: { moqUnits: 2.5 } },
    });
    const result = validateInventorySettings(settings);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((e) => `${e.scope}:${e.setting}`)).toEqual([
        "shop:shopDefaults.leadTimeDays",
        "shop:shopDefaults.serviceLevel",
        "shop:shopDefaults.moqUnits",
        "shop:shopDefaults.casePackUnits",
        "supplier:s1:moqUnits",
        "product:p1:serviceLevel",
      ]);
      expect(result.error[1]?.message).toMatch(
        /serviceLevel .* is 1; it must be a probability from 0.5 up to but not including 1/,
      );
    }
  });

  it("resolves product over supplier over shop, saying where each value came from", () => {
    const settings = mergeInventorySettings({
      suppliers: { s1: { leadTimeDays: 30, casePackUnits: 12 } },
      products: { p1: { leadTimeDays: 7 } },
    });
    const resolved = resolveReplenishmentParameters(settings, "p1", "s1");
    expect(resolved.ok && resolved.value).toMatchObject({
      leadTimeDays: 7,
      casePackUnits: 12,
      serviceLevel: 0.95,
      source: { leadTimeDays: "product", casePackUnits: "supplier", serviceLevel: "shop", moqUnits: "shop" },
    });
    const bad = resolveReplenishmentParameters(
      mergeInventorySettings({ products: { p2: { moqUnits: -1 } } }),
      "p2",
      null,
    );
    expect(bad.ok).toBe(false);
  });
});
