import { describe, expect, it } from "vitest";
import {
  buildRecommendations,
  DEFAULT_INVENTORY_SETTINGS,
  mergeInventorySettings,
  planningRegionByCountry,
  validateInventorySettings,
  type Proposal,
} from "~/domain/inventory";
import { regionOfCountry } from "~/domain/signals";
import { ledProduct, NOW, planningInputFor, salesFor, sentimentFor, WEEKS } from "./scenarios";

// The simulated store's warehouses: Newark and Reno stock for the two US regions, Rotterdam for the EU.
const STORE_LOCATIONS = [
  { countryCode: "US", provinceCode: "NJ", region: "us-east" },
  { countryCode: "US", provinceCode: "NV", region: "us-west" },
  { countryCode: "NL", provinceCode: null, region: "eu" },
];

describe("planningRegionByCountry", () => {
  it("derives the simulated store's mapping from its locations", () => {
    const mapping = planningRegionByCountry(STORE_LOCATIONS);
    // One warehouse serves the European market: every European country lands in "eu".
    for (const country of ["NL", "DE", "FR", "GB", "BE", "ES", "IT"]) expect(mapping[country]).toBe("eu");
    // Two regions share the US: a mention without a state cannot be placed, so the country is left out…
    expect(mapping.US).toBeUndefined();
    expect(mapping.CA).toBeUndefined();
    // …while the warehouses' states are placed.
    expect(mapping["US-NJ"]).toBe("us-east");
    expect(mapping["US-NV"]).toBe("us-west");
  });

  it("lets the shop's own entries win, and a lone warehouse serve its whole market", () => {
    const mapping = planningRegionByCountry(STORE_LOCATIONS, { us: "us-east", "US-CA": "us-west" });
    expect(mapping.US).toBe("us-east");
    expect(mapping["US-CA"]).toBe("us-west");
    const single = planningRegionByCountry([{ countryCode: "US", provinceCode: null, region: "na" }]);
    expect(single).toMatchObject({ US: "na", CA: "na", MX: "na" });
    expect(single.DE).toBeUndefined();
  });

  it("feeds the signal engine: a subdivision falls back to its country, an unmapped country stays itself", () => {
    const mapping = planningRegionByCountry(STORE_LOCATIONS, { US: "us-east" });
    expect(regionOfCountry("de", mapping)).toBe("eu");
    expect(regionOfCountry("US-NV", mapping)).toBe("us-west");
    expect(regionOfCountry("US-TX", mapping)).toBe("us-east");
    expect(regionOfCountry("JP", mapping)).toBe("JP");
  });

  it("is validated as a shop setting", () => {
    const good = mergeInventorySettings({
      regional: { ...DEFAULT_INVENTORY_SETTINGS.regional, regionByCountry: { DE: "eu", "US-CA": "us-west" } },
    });
    expect(validateInventorySettings(good).ok).toBe(true);
    const bad = mergeInventorySettings({
      regional: { ...DEFAULT_INVENTORY_SETTINGS.regional, regionByCountry: { Germany: "eu", FR: "" } },
    });
    const result = validateInventorySettings(bad);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.map((e) => e.setting).sort()).toEqual([
        "regional.regionByCountry.FR",
        "regional.regionByCountry.Germany",
      ]);
    }
  });
});

describe("regional sentiment reaches the regional split", () => {
  it("a rise in one planning region lifts that region's location, not the other's", () => {
    const led = ledProduct();
    const input = planningInputFor([led], { led: 0 });
    input.locations = [
      { locationId: "loc-1", regionCode: "us-east" },
      { locationId: "loc-2", regionCode: "eu" },
    ];
    input.inventory = [
      { variantId: "led-v", locationId: "loc-1", availableUnits: 0, incomingUnits: 0 },
      { variantId: "led-v", locationId: "loc-2", availableUnits: 0, incomingUnits: 0 },
    ];
    input.sales = [salesFor(led), { ...salesFor(led), locationId: "loc-2" }];
    // Regional rows as the signal engine now writes them: region = planning region.
    const regional = (regionCode: string, last: number) =>
      sentimentFor(led).map((s, w) => ({ ...s, regionCode, weightedIndex: w >= WEEKS - 1 ? last : 0.2 }));
    input.sentiment = [...input.sentiment, ...regional("us-east", 0.2), ...regional("eu", 0.5)];
    const result = buildRecommendations(input, DEFAULT_INVENTORY_SETTINGS, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const multiplierAt = (locationId: string) =>
      (
        result.value.proposals.find(
          (p: Proposal) => p.kind === "safety_stock" && p.locationId === locationId,
        ) as Proposal
      ).explanation.inputs.sentimentMultiplier as number;
    expect(multiplierAt("loc-2")).toBeGreaterThan(1);
    expect(multiplierAt("loc-2")).toBeGreaterThan(multiplierAt("loc-1"));
    expect(multiplierAt("loc-1")).toBe(1);
  });
});
