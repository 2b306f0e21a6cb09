import type { ScenarioLocation, ScenarioShop } from "./types";

/** Planning regions of the simulated store, one warehouse each. */
export type RegionKey = "us-east" | "us-west" | "eu";

export const REGION_KEYS: readonly RegionKey[] = ["us-east", "us-west", "eu"];

/**
 * Returns the simulated shop's settings.
 * @example
 * buildShop().domain; // "pulse-demo.myshopify.com"
 */
export function buildShop(): ScenarioShop {
  return {
    domain: "pulse-demo.myshopify.com",
    name: "Pulse Demo Outfitters",
    email: "owner@pulse-demo.example",
    timezone: "America/New_York",
    currencyCode: "USD",
    locale: "en",
  };
}

/**
 * Returns the three warehouses, one per planning region, with Admin API location GIDs.
 * @example
 * buildLocations().map((l) => l.region); // ["us-east", "us-west", "eu"]
 */
export function buildLocations(): ScenarioLocation[] {
  return [
    {
      id: "gid://shopify/Location/1",
      name: "US East warehouse (Newark)",
      countryCode: "US",
      provinceCode: "NJ",
      region: "us-east",
    },
    {
      id: "gid://shopify/Location/2",
      name: "US West warehouse (Reno)",
      countryCode: "US",
      provinceCode: "NV",
      region: "us-west",
    },
    {
      id: "gid://shopify/Location/3",
      name: "EU warehouse (Rotterdam)",
      countryCode: "NL",
      provinceCode: null,
      region: "eu",
    },
  ];
}

/**
 * Where customers served by each region live (shipping and author countries), with weights.
 * US East also ships to Canada; Rotterdam serves the EU and the UK.
 */
export const COUNTRY_MIX_BY_REGION: Readonly<
  Record<RegionKey, readonly { countryCode: string; weight: number }[]>
> = {
  "us-east": [
    { countryCode: "US", weight: 0.9 },
    { countryCode: "CA", weight: 0.1 },
  ],
  "us-west": [{ countryCode: "US", weight: 1 }],
  eu: [
    { countryCode: "DE", weight: 0.28 },
    { countryCode: "NL", weight: 0.22 },
    { countryCode: "FR", weight: 0.15 },
    { countryCode: "GB", weight: 0.12 },
    { countryCode: "BE", weight: 0.08 },
    { countryCode: "ES", weight: 0.08 },
    { countryCode: "IT", weight: 0.07 },
  ],
};

/**
 * Returns the regions a country's customers can be served from (the US is split east/west by
 * province, which mentions do not carry).
 * @example
 * regionsForCountry("DE"); // ["eu"]
 */
export function regionsForCountry(countryCode: string): RegionKey[] {
  return REGION_KEYS.filter((region) =>
    COUNTRY_MIX_BY_REGION[region].some((entry) => entry.countryCode === countryCode),
  );
}
