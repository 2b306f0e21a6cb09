import type { PlatformWeightSettings } from "./platformWeight";

/** Per-shop parameters of weekly aggregation. Pass a partial object to {@link resolveSignalSettings}. */
export interface SignalSettings {
  /** The shop's IANA timezone: weeks start on Monday 00:00 on the shop's wall clock. */
  timeZone: string;
  platformWeights: PlatformWeightSettings;
  /** Divisor in the reach weight 1 + log10(1 + followers) / divisor. */
  reachLogDivisor: number;
  /** Trailing weeks that form the baseline (seed: 8). */
  baselineWeeks: number;
  /** Fewer weeks with data than this in the baseline window → "insufficient-history" (seed: 2). */
  minHistoryWeeks: number;
  /** Mentions with authenticity below this are counted as low-trust (still counted, down-weighted). */
  lowTrustBelow: number;
  /** |polarity| up to this is neutral when deciding an aspect's or an influencer's stance. */
  stanceNeutralBand: number;
  /** Growth in % is reported only when last week had at least this many mentions (else it is noise). */
  growthMinBaseMentions: number;
  /** Authors with at least this many followers are listed as influencers. */
  influencerMinReachFollowers: number;
  maxInfluencers: number;
  maxUnmetNeeds: number;
  /**
   * Whether to keep platform × region cells (Instagram in DE) besides platform-only and region-only
   * ones. They are the majority of sparse cells; a shop that never filters by both can turn them off.
   */
  platformRegionCross: boolean;
  /**
   * Maps an ISO country code (or a subdivision such as "US-CA") to a sales region; unmapped countries
   * are their own region. A subdivision without an entry of its own falls back to its country's.
   */
  regionByCountry: Readonly<Record<string, string>>;
}

export const DEFAULT_SIGNAL_SETTINGS: SignalSettings = {
  timeZone: "UTC",
  platformWeights: {},
  reachLogDivisor: 2,
  baselineWeeks: 8,
  minHistoryWeeks: 2,
  lowTrustBelow: 0.5,
  stanceNeutralBand: 0.05,
  growthMinBaseMentions: 5,
  influencerMinReachFollowers: 10_000,
  maxInfluencers: 5,
  maxUnmetNeeds: 10,
  platformRegionCross: true,
  regionByCountry: {},
};

/**
 * Returns complete settings: the shop's values over the seed defaults.
 *
 * @example
 * resolveSignalSettings({ timeZone: "Europe/Berlin" }).baselineWeeks; // 8
 */
export function resolveSignalSettings(settings: Partial<SignalSettings> = {}): SignalSettings {
  return { ...DEFAULT_SIGNAL_SETTINGS, ...settings };
}

/**
 * Returns the region a country belongs to for the region split ("unknown" when the country is unknown).
 *
 * @example
 * regionOfCountry("de", { DE: "EU" }); // "EU"
 * regionOfCountry("us", {}); // "US"
 * regionOfCountry("US-CA", { US: "us-west" }); // "us-west"
 * regionOfCountry(null, {}); // "unknown"
 */
export function regionOfCountry(
  country: string | null | undefined,
  regionByCountry: Readonly<Record<string, string>>,
): string {
  const code = country?.trim().toUpperCase();
  if (!code) return "unknown";
  return regionByCountry[code] ?? (code.length > 2 ? regionByCountry[code.slice(0, 2)] : undefined) ?? code;
}
