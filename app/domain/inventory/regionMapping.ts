/**
 * Which planning region a mention's country belongs to, so that the signal engine's regional rows
 * carry the regions locations plan for (us-east, eu…) rather than raw country codes.
 */

/** A location as the mapping reads it. */
export interface RegionLocation {
  countryCode: string | null;
  /** ISO 3166-2 subdivision without the country prefix ("NJ"), when known. */
  provinceCode: string | null;
  /** The planning region the location stocks for. */
  region: string;
}

/**
 * Countries that are served as one market: a location anywhere in the market serves all of it
 * unless another location of a different region sits in the market too. The European market is the
 * EU, the EEA, the United Kingdom and Switzerland; North America is the US, Canada and Mexico.
 */
const MARKETS: readonly (readonly string[])[] = [
  [
    "AT",
    "BE",
    "BG",
    "HR",
    "CY",
    "CZ",
    "DK",
    "EE",
    "FI",
    "FR",
    "DE",
    "GR",
    "HU",
    "IE",
    "IT",
    "LV",
    "LT",
    "LU",
    "MT",
    "NL",
    "PL",
    "PT",
    "RO",
    "SK",
    "SI",
    "ES",
    "SE",
    "IS",
    "LI",
    "NO",
    "CH",
    "GB",
  ],
  ["US", "CA", "MX"],
];

function normalized(code: string | null | undefined): string | null {
  const trimmed = code?.trim().toUpperCase();
  return trimmed ? trimmed : null;
}

/**
 * Returns the mapping from country (and subdivision) codes to planning regions: derived from the
 * shop's locations, with the shop's own entries (`configured`) on top.
 * Rules: a subdivision with a location maps to that location's region ("US-NJ" → us-east); a
 * country whose locations all stock for one region maps to it; every country of a market (Europe,
 * North America) in which all the market's locations stock for one region maps to that region. A
 * country whose locations stock for several regions (the US with an east and a west warehouse) is
 * left out: without a state, a mention from it cannot be placed, and stays in its country's row.
 *
 * @example
 * planningRegionByCountry([{ countryCode: "NL", provinceCode: null, region: "eu" }]).DE; // "eu"
 * planningRegionByCountry(locations, { US: "us-east" }).US; // "us-east" (configured)
 */
export function planningRegionByCountry(
  locations: readonly RegionLocation[],
  configured: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const regionsOf = new Map<string, Set<string>>();
  const add = (code: string, region: string) => {
    const set = regionsOf.get(code) ?? new Set<string>();
    set.add(region);
    regionsOf.set(code, set);
  };
  const countries = new Map<string, Set<string>>();
  for (const location of locations) {
    const country = normalized(location.countryCode);
    const region = location.region?.trim();
    if (!country || !region) continue;
    const set = countries.get(country) ?? new Set<string>();
    set.add(region);
    countries.set(country, set);
    const province = normalized(location.provinceCode);
    if (province) add(`${country}-${province}`, region);
  }
  const mapping: Record<string, string> = {};
  for (const market of MARKETS) {
    const regions = new Set<string>();
    for (const country of market) for (const region of countries.get(country) ?? []) regions.add(region);
    if (regions.size === 1) {
      const [region] = [...regions] as [string];
      for (const country of market) mapping[country] = region;
    }
  }
  for (const [country, regions] of countries) {
    if (regions.size === 1) mapping[country] = [...regions][0] as string;
    else delete mapping[country];
  }
  for (const [code, regions] of regionsOf) if (regions.size === 1) mapping[code] = [...regions][0] as string;
  for (const [code, region] of Object.entries(configured)) {
    const key = normalized(code);
    if (key && typeof region === "string" && region.trim()) mapping[key] = region.trim();
  }
  return mapping;
}
