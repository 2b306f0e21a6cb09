/**
 * Shop settings of the inventory engine: every threshold in the product definition is a setting,
 * with the seed formulas as defaults. Per-product and per-supplier overrides cover the numbers that
 * really differ by supplier (lead time, MOQ, case pack, service level).
 */
import { err, ok, type Result } from "./result";

/** Replenishment parameters that may be set per product or supplier, falling back to the shop. */
export interface ReplenishmentParameters {
  leadTimeDays: number;
  /** Probability of not stocking out during a lead time, strictly between 0.5 and 1. */
  serviceLevel: number;
  /** Minimum order quantity per variant; 0 means none. */
  moqUnits: number;
  /** Units per case; orders are whole cases. 1 means single units. */
  casePackUnits: number;
}

export type ElasticityClass = "small_frequent" | "dynamic" | "traditional";

export interface InventorySettings {
  shopDefaults: ReplenishmentParameters;
  suppliers: Readonly<Record<string, Partial<ReplenishmentParameters>>>;
  products: Readonly<Record<string, Partial<ReplenishmentParameters>>>;
  forecast: {
    /** Days of history fitted, ending yesterday. */
    lookbackDays: number;
    /** Days averaged for velocity and for the moving-average fallback. */
    velocityWindowDays: number;
    /** Holt-Winters smoothing of level, trend and weekly season. */
    levelSmoothing: number;
    trendSmoothing: number;
    seasonalSmoothing: number;
    /** Trend damping per day (<1 stops a trend from running away over a long horizon). */
    trendDamping: number;
    /** In-stock days needed for Holt-Winters (two full weeks to initialise the weekly season). */
    minInStockDaysForSeasonal: number;
    /** Coverage of reported forecast intervals, e.g. 0.8 for an 80% interval. */
    intervalLevel: number;
  };
  lift: {
    /** Lags (weeks) tried between a sentiment change and the sales change it may cause. */
    maxLagWeeks: number;
    /** Weight of the shop-wide prior, in squared index points (≈ weeks × typical change²). */
    priorStrengthPoints2: number;
    /** Prior used when the shop as a whole has too little history: sales fraction per index point. */
    fallbackLiftPerPoint: number;
    /** The learned slope is clipped to [0, this]: more than 3% sales per index point is implausible. */
    maxLiftPerPoint: number;
    minMultiplier: number;
    maxMultiplier: number;
    /** Sentiment changes smaller than this (index points) are noise for the validity index. */
    noiseThresholdPoints: number;
    /** Weeks compared by the validity index. */
    validityWindowWeeks: number;
    /** Fraction of the lift kept when the validity index says over-reaction. */
    overReactionDamping: number;
    /** Fraction of the lift kept when the validity index says lagging or distorted. */
    laggingDamping: number;
    /** kolShare at or above which a sentiment rise counts as influencer-driven. */
    kolShareThreshold: number;
    /** Fraction of the lift kept for an influencer-driven rise sales have not confirmed; 0 ignores it until they do. */
    kolDamping: number;
    /**
     * Minimum correlation between lagged sentiment changes and later sales changes before a
     * product's own slope is trusted; below it (with at least `minPairsForOwnSlope` weeks) the product
     * counts as evidence of no relation, so pure noise cannot move orders.
     */
    minOwnCorrelation: number;
    minPairsForOwnSlope: number;
    /**
     * Aligned weeks before the volume term's own slope may be trusted (still only when its correlation
     * is significant for that many weeks). The volume term regresses levels with an intercept, so 3 weeks
     * are the fewest that leave a degree of freedom; with 12 weeks of mentions and 2–4 week lead times,
     * waiting for a 4th week let most of a building story pass before orders followed it.
     */
    volumeMinPairsForOwnSlope: number;
    /**
     * Volume term: growth of positive-mention volume (100 × Δlog, "volume points") leading sales.
     * Prior strength in volume points², fallback and cap of the slope (sales log change per volume point).
     */
    volumePriorStrengthPoints2: number;
    volumeFallbackLiftPerPoint: number;
    volumeMaxLiftPerPoint: number;
    /** A rise in positive-volume points above this within the lag is a spike, damped like a KOL move. */
    volumeBurstPoints: number;
    /**
     * A complaint story: the negative share rising by at least this many points a week (least-squares
     * over `complaintTrendWeeks` weeks) while sales over the last two weeks fell below the two before.
     * Then talk growth is not demand building: the lift is held at most 1. 0 turns the rule off.
     */
    complaintTrendPointsPerWeek: number;
    complaintTrendWeeks: number;
    /**
     * With a complaint story, the multiplier may also follow the confirmed sales fall:
     * (recent two weeks ÷ two before)^exponent, at least minMultiplier. 0 = only hold the lift at 1.
     */
    complaintTrendSalesExponent: number;
  };
  validity: {
    /** Above this the sentiment moved more than sales: over-reaction. */
    overReactionAbovePercent: number;
    /** Below this sentiment moved less than sales (or the other way): lagging or distorted. */
    inSyncFromPercent: number;
  };
  risk: {
    /** Safety stock grows by this fraction per percentage point rise in negative share. */
    negativeShareRiseWeightPerPoint: number;
    /** Safety stock grows by this fraction per index point of sentiment volatility. */
    volatilityWeightPerPoint: number;
    maxRiskFactor: number;
  };
  /**
   * Classes (product definition): small frequent batches (shorter review period), safety stock +
   * dynamic replenishment (sentiment risk factor applied), traditional forecast (risk factor not
   * applied; the learned lift still is, and is small when sentiment barely moves).
   */
  elasticity: {
    smallBatchAbove: number;
    traditionalBelow: number;
    reviewPeriodDays: Readonly<Record<ElasticityClass, number>>;
    /** Review period of the sentiment-blind policy and of variants without sentiment. */
    defaultReviewPeriodDays: number;
    /** Caps the coefficient when turnover is ~0 so it stays a finite, comparable number. */
    maxCoefficient: number;
  };
  alerts: {
    /** Relative week-over-week rise of negative share that opens an inventory review. */
    negativeShareRisePercent: number;
    /** Relative week-over-week fall of positive share that opens an inventory review. */
    positiveShareDropPercent: number;
    /** Weeks with fewer mentions are too thin for share changes to mean anything. */
    minVolume: number;
    /** Shares below this are floored before a relative change is taken (5%→6% is not "+20%"). */
    shareFloor: number;
    marketingFocusPoints: number;
    replenishmentPlanPoints: number;
    productLineReviewPoints: number;
    /** Negative mentions of an aspect in a week that open a task. */
    minAspectMentions: number;
    supportTaskDueHours: number;
  };
  regional: {
    /** Regional index rise (points over the lag) that counts as heating up. */
    heatingPoints: number;
    /** Regional index fall (points, positive number) that counts as cooling down. */
    coolingPoints: number;
    /** Share of the sentiment-implied extra demand pre-positioned before sales confirm. */
    prePositionFraction: number;
    /**
     * Planning region of the customers of a country ("DE": "eu") or a country subdivision
     * ("US-CA": "us-west"), so that regional sentiment lands in the regions locations plan for.
     * Entries here override the mapping derived from the locations (see planningRegionByCountry).
     */
    regionByCountry: Readonly<Record<string, string>>;
  };
  supplier: {
    horizonDays: number;
    /** Share of the horizon quantity ordered now; the rest is held back for sentiment to confirm. */
    basePercent: number;
  };
  mix: {
    upShiftPercent: number;
    downShiftPercent: number;
    sentimentWeight: number;
    salesWeight: number;
    /** Preference-score distance from the product mean at which the full shift applies. */
    saturationScore: number;
    /** Rescale so the product total is unchanged; otherwise the net change is reported. */
    conserveTotal: boolean;
    /** Weeks of variant-level talk (most recent, ended) the restock preference test reads; 0 = off. */
    preferenceWindowWeeks: number;
    /** Two-group z (share of positive mentions) from which a restock preference shift starts. */
    preferenceMinZ: number;
    /** z at which the full up/down shift applies (linear in between). */
    preferenceFullZ: number;
    /** Positive + negative mentions each side of the split must have before it is tested. */
    preferenceMinMentions: number;
  };
  overstock: {
    /** Stock beyond this many days of demand is overstock (reduce incoming, offer for transfer). */
    maxCoverDays: number;
  };
  guardrails: {
    minIntervalHours: number;
    minMagnitudePercent: number;
    minMagnitudeUnits: number;
    maxChangeUnitsPerDecision: number;
    /** Relative cap on one decision, applied when current units are positive. */
    maxChangePercentPerDecision: number;
  };
  autonomy: {
    /** Default false: nothing is applied without a person. */
    autoApplyEnabled: boolean;
    autoApplyMaxChangePercent: number;
    humanRequiredDailySwingPercent: number;
  };
}

/** Recursive optional, for overrides merged over the defaults. */
export type InventorySettingsOverrides = {
  [K in keyof InventorySettings]?: InventorySettings[K] extends Readonly<Record<string, unknown>>
    ? Partial<InventorySettings[K]>
    : InventorySettings[K];
};

/** The seed formulas of the product definition, as shop defaults. */
export const DEFAULT_INVENTORY_SETTINGS: InventorySettings = {
  shopDefaults: { leadTimeDays: 14, serviceLevel: 0.95, moqUnits: 0, casePackUnits: 1 },
  suppliers: {},
  products: {},
  forecast: {
    lookbackDays: 56,
    velocityWindowDays: 28,
    levelSmoothing: 0.2,
    trendSmoothing: 0.05,
    seasonalSmoothing: 0.15,
    trendDamping: 0.9,
    minInStockDaysForSeasonal: 14,
    intervalLevel: 0.8,
  },
  lift: {
    maxLagWeeks: 3,
    priorStrengthPoints2: 800,
    fallbackLiftPerPoint: 0,
    maxLiftPerPoint: 0.03,
    minMultiplier: 0.6,
    maxMultiplier: 1.6,
    noiseThresholdPoints: 5,
    validityWindowWeeks: 2,
    overReactionDamping: 0.2,
    laggingDamping: 0.5,
    kolShareThreshold: 0.5,
    kolDamping: 0,
    minOwnCorrelation: 0.3,
    minPairsForOwnSlope: 4,
    volumeMinPairsForOwnSlope: 3,
    volumePriorStrengthPoints2: 2000,
    volumeFallbackLiftPerPoint: 0,
    volumeMaxLiftPerPoint: 0.01,
    volumeBurstPoints: 100,
    complaintTrendPointsPerWeek: 2,
    complaintTrendWeeks: 4,
    complaintTrendSalesExponent: 0,
  },
  validity: { overReactionAbovePercent: 120, inSyncFromPercent: 80 },
  risk: { negativeShareRiseWeightPerPoint: 0.02, volatilityWeightPerPoint: 0.01, maxRiskFactor: 1.6 },
  elasticity: {
    smallBatchAbove: 1.5,
    traditionalBelow: 0.5,
    reviewPeriodDays: { small_frequent: 7, dynamic: 14, traditional: 14 },
    defaultReviewPeriodDays: 14,
    maxCoefficient: 99,
  },
  alerts: {
    negativeShareRisePercent: 20,
    positiveShareDropPercent: 15,
    minVolume: 20,
    shareFloor: 0.05,
    marketingFocusPoints: 10,
    replenishmentPlanPoints: 20,
    productLineReviewPoints: 30,
    minAspectMentions: 5,
    supportTaskDueHours: 24,
  },
  regional: { heatingPoints: 10, coolingPoints: 10, prePositionFraction: 0.25, regionByCountry: {} },
  supplier: { horizonDays: 56, basePercent: 60 },
  mix: {
    upShiftPercent: 40,
    downShiftPercent: 30,
    sentimentWeight: 0.6,
    salesWeight: 0.4,
    saturationScore: 0.1,
    conserveTotal: false,
    preferenceWindowWeeks: 8,
    preferenceMinZ: 2.58,
    preferenceFullZ: 3.29,
    preferenceMinMentions: 20,
  },
  overstock: { maxCoverDays: 56 },
  guardrails: {
    minIntervalHours: 48,
    minMagnitudePercent: 5,
    minMagnitudeUnits: 1,
    maxChangeUnitsPerDecision: 5000,
    maxChangePercentPerDecision: 300,
  },
  autonomy: { autoApplyEnabled: false, autoApplyMaxChangePercent: 15, humanRequiredDailySwingPercent: 40 },
};

/** A setting that cannot be used, named so the merchant can fix it. */
export interface SettingsError {
  code: "invalid_setting";
  /** "shop", "product:<id>" or "supplier:<id>". */
  scope: string;
  /** Dotted path of the setting, e.g. "shopDefaults.serviceLevel". */
  setting: string;
  value: unknown;
  message: string;
}

/**
 * Returns the defaults with the given overrides applied group by group.
 *
 * @example
 * mergeInventorySettings({ supplier: { basePercent: 50 } }).supplier.horizonDays; // 56
 */
export function mergeInventorySettings(overrides: InventorySettingsOverrides = {}): InventorySettings {
  const merged = { ...DEFAULT_INVENTORY_SETTINGS } as Record<string, unknown>;
  for (const [group, value] of Object.entries(overrides)) {
    const base = (DEFAULT_INVENTORY_SETTINGS as unknown as Record<string, unknown>)[group];
    merged[group] =
      value && typeof value === "object" && base && typeof base === "object" ? { ...base, ...value } : value;
  }
  return merged as unknown as InventorySettings;
}

type Check = [setting: string, value: unknown, valid: boolean, rule: string];

function isFiniteNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function between(value: unknown, min: number, max: number): boolean {
  return isFiniteNumber(value) && value >= min && value <= max;
}

function parameterChecks(prefix: string, p: Partial<ReplenishmentParameters>, required: boolean): Check[] {
  const checks: Check[] = [];
  const present = (v: unknown) => required || v !== undefined;
  if (present(p.leadTimeDays))
    checks.push([
      `${prefix}leadTimeDays`,
      p.leadTimeDays,
      isFiniteNumber(p.leadTimeDays) && p.leadTimeDays > 0 && p.leadTimeDays <= 365,
      "a number of days above 0 and at most 365",
    ]);
  if (present(p.serviceLevel))
    checks.push([
      `${prefix}serviceLevel`,
      p.serviceLevel,
      // 1.0 would need infinite safety stock; below 0.5 the formula asks for negative safety stock.
      isFiniteNumber(p.serviceLevel) && p.serviceLevel >= 0.5 && p.serviceLevel < 1,
      "a probability from 0.5 up to but not including 1 (for example 0.95)",
    ]);
  if (present(p.moqUnits))
    checks.push([
      `${prefix}moqUnits`,
      p.moqUnits,
      Number.isInteger(p.moqUnits) && (p.moqUnits as number) >= 0 && (p.moqUnits as number) <= 1_000_000,
      "a whole number of units, 0 or more",
    ]);
  if (present(p.casePackUnits))
    checks.push([
      `${prefix}casePackUnits`,
      p.casePackUnits,
      Number.isInteger(p.casePackUnits) &&
        (p.casePackUnits as number) >= 1 &&
        (p.casePackUnits as number) <= 100_000,
      "a whole number of units, 1 or more",
    ]);
  return checks;
}

/** ISO 3166-1 alpha-2 country ("DE") or ISO 3166-2 subdivision ("US-CA"). */
const COUNTRY_OR_SUBDIVISION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

function regionByCountryChecks(map: unknown): Check[] {
  if (!map || typeof map !== "object" || Array.isArray(map)) {
    return [
      [
        "regional.regionByCountry",
        map,
        false,
        'a set of country codes and regions, for example { "DE": "eu", "US-CA": "us-west" }',
      ],
    ];
  }
  return Object.entries(map as Record<string, unknown>).map(([code, region]): Check => [
    `regional.regionByCountry.${code}`,
    region,
    COUNTRY_OR_SUBDIVISION.test(code) &&
      typeof region === "string" &&
      region.trim().length > 0 &&
      region.length <= 64,
    "a two-letter country code (or country-subdivision code such as US-CA) mapped to a region name of 1–64 characters",
  ]);
}

function toErrors(scope: string, checks: readonly Check[]): SettingsError[] {
  return checks
    .filter(([, , valid]) => !valid)
    .map(([setting, value, , rule]) => ({
      code: "invalid_setting" as const,
      scope,
      setting,
      value,
      message: `The setting ${setting} (${scope}) is ${JSON.stringify(value) ?? String(value)}; it must be ${rule}. Change it in Pulse settings.`,
    }));
}

/**
 * Checks the shop-level settings and every override; returns all problems at once so the merchant
 * fixes them in one pass. Override errors carry their product or supplier scope.
 *
 * @example
 * validateInventorySettings(DEFAULT_INVENTORY_SETTINGS).ok; // true
 * validateInventorySettings(mergeInventorySettings({ shopDefaults: { ...DEFAULT_INVENTORY_SETTINGS.shopDefaults, serviceLevel: 1 } })).ok; // false
 */
export function validateInventorySettings(
  settings: InventorySettings,
): Result<InventorySettings, SettingsError[]> {
  const shopErrors = validateShopSettings(settings);
  const overrideErrors = [
    ...Object.entries(settings.suppliers).flatMap(([id, p]) =>
      toErrors(`supplier:${id}`, parameterChecks("", p, false)),
    ),
    ...Object.entries(settings.products).flatMap(([id, p]) =>
      toErrors(`product:${id}`, parameterChecks("", p, false)),
    ),
  ];
  const errors = [...shopErrors, ...overrideErrors];
  return errors.length === 0 ? ok(settings) : err(errors);
}

/**
 * Checks only the shop-wide groups (not per-product or per-supplier overrides): these errors stop a
 * whole planning run, whereas an override error only skips the products it covers.
 *
 * @example
 * validateShopSettings(DEFAULT_INVENTORY_SETTINGS); // []
 */
export function validateShopSettings(s: InventorySettings): SettingsError[] {
  const f = s.forecast;
  const l = s.lift;
  const checks: Check[] = [
    ...parameterChecks("shopDefaults.", s.shopDefaults, true),
    [
      "forecast.lookbackDays",
      f.lookbackDays,
      Number.isInteger(f.lookbackDays) && between(f.lookbackDays, 7, 730),
      "whole days from 7 to 730",
    ],
    [
      "forecast.velocityWindowDays",
      f.velocityWindowDays,
      Number.isInteger(f.velocityWindowDays) && between(f.velocityWindowDays, 1, 730),
      "whole days from 1 to 730",
    ],
    ["forecast.levelSmoothing", f.levelSmoothing, between(f.levelSmoothing, 0.001, 1), "between 0.001 and 1"],
    ["forecast.trendSmoothing", f.trendSmoothing, between(f.trendSmoothing, 0, 1), "between 0 and 1"],
    [
      "forecast.seasonalSmoothing",
      f.seasonalSmoothing,
      between(f.seasonalSmoothing, 0, 1),
      "between 0 and 1",
    ],
    ["forecast.trendDamping", f.trendDamping, between(f.trendDamping, 0, 1), "between 0 and 1"],
    [
      "forecast.minInStockDaysForSeasonal",
      f.minInStockDaysForSeasonal,
      Number.isInteger(f.minInStockDaysForSeasonal) && between(f.minInStockDaysForSeasonal, 14, 730),
      "whole days, at least 14 (two weeks)",
    ],
    [
      "forecast.intervalLevel",
      f.intervalLevel,
      between(f.intervalLevel, 0.5, 0.999),
      "between 0.5 and 0.999",
    ],
    [
      "lift.maxLagWeeks",
      l.maxLagWeeks,
      Number.isInteger(l.maxLagWeeks) && between(l.maxLagWeeks, 1, 8),
      "whole weeks from 1 to 8",
    ],
    [
      "lift.priorStrengthPoints2",
      l.priorStrengthPoints2,
      between(l.priorStrengthPoints2, 0, 1e9),
      "0 or more",
    ],
    [
      "lift.fallbackLiftPerPoint",
      l.fallbackLiftPerPoint,
      between(l.fallbackLiftPerPoint, 0, l.maxLiftPerPoint),
      "between 0 and lift.maxLiftPerPoint",
    ],
    ["lift.maxLiftPerPoint", l.maxLiftPerPoint, between(l.maxLiftPerPoint, 0, 0.2), "between 0 and 0.2"],
    ["lift.minOwnCorrelation", l.minOwnCorrelation, between(l.minOwnCorrelation, 0, 1), "between 0 and 1"],
    [
      "lift.minPairsForOwnSlope",
      l.minPairsForOwnSlope,
      Number.isInteger(l.minPairsForOwnSlope) && between(l.minPairsForOwnSlope, 1, 52),
      "a whole number between 1 and 52",
    ],
    [
      "lift.volumeMinPairsForOwnSlope",
      l.volumeMinPairsForOwnSlope,
      Number.isInteger(l.volumeMinPairsForOwnSlope) && between(l.volumeMinPairsForOwnSlope, 3, 52),
      "a whole number between 3 and 52",
    ],
    [
      "lift.volumePriorStrengthPoints2",
      l.volumePriorStrengthPoints2,
      between(l.volumePriorStrengthPoints2, 0, 1e9),
      "between 0 and 1e9",
    ],
    [
      "lift.volumeMaxLiftPerPoint",
      l.volumeMaxLiftPerPoint,
      between(l.volumeMaxLiftPerPoint, 0, 0.05),
      "between 0 and 0.05",
    ],
    [
      "lift.volumeBurstPoints",
      l.volumeBurstPoints,
      between(l.volumeBurstPoints, 1, 10000),
      "between 1 and 10000",
    ],
    [
      "lift.complaintTrendPointsPerWeek",
      l.complaintTrendPointsPerWeek,
      between(l.complaintTrendPointsPerWeek, 0, 100),
      "between 0 and 100",
    ],
    [
      "lift.complaintTrendWeeks",
      l.complaintTrendWeeks,
      Number.isInteger(l.complaintTrendWeeks) && between(l.complaintTrendWeeks, 2, 52),
      "a whole number between 2 and 52",
    ],
    [
      "lift.complaintTrendSalesExponent",
      l.complaintTrendSalesExponent,
      between(l.complaintTrendSalesExponent, 0, 2),
      "between 0 and 2",
    ],
    [
      "lift.volumeFallbackLiftPerPoint",
      l.volumeFallbackLiftPerPoint,
      between(l.volumeFallbackLiftPerPoint, 0, l.volumeMaxLiftPerPoint),
      "between 0 and lift.volumeMaxLiftPerPoint",
    ],
    ["lift.minMultiplier", l.minMultiplier, between(l.minMultiplier, 0.1, 1), "between 0.1 and 1"],
    ["lift.maxMultiplier", l.maxMultiplier, between(l.maxMultiplier, 1, 10), "between 1 and 10"],
    [
      "lift.noiseThresholdPoints",
      l.noiseThresholdPoints,
      between(l.noiseThresholdPoints, 0, 100),
      "between 0 and 100",
    ],
    [
      "lift.validityWindowWeeks",
      l.validityWindowWeeks,
      Number.isInteger(l.validityWindowWeeks) && between(l.validityWindowWeeks, 1, 12),
      "whole weeks from 1 to 12",
    ],
    [
      "lift.overReactionDamping",
      l.overReactionDamping,
      between(l.overReactionDamping, 0, 1),
      "between 0 and 1",
    ],
    ["lift.laggingDamping", l.laggingDamping, between(l.laggingDamping, 0, 1), "between 0 and 1"],
    ["lift.kolShareThreshold", l.kolShareThreshold, between(l.kolShareThreshold, 0, 1), "between 0 and 1"],
    ["lift.kolDamping", l.kolDamping, between(l.kolDamping, 0, 1), "between 0 and 1"],
    [
      "validity.inSyncFromPercent",
      s.validity.inSyncFromPercent,
      between(s.validity.inSyncFromPercent, 0, s.validity.overReactionAbovePercent),
      "between 0 and validity.overReactionAbovePercent",
    ],
    [
      "validity.overReactionAbovePercent",
      s.validity.overReactionAbovePercent,
      between(s.validity.overReactionAbovePercent, 100, 10_000),
      "between 100 and 10000",
    ],
    [
      "risk.negativeShareRiseWeightPerPoint",
      s.risk.negativeShareRiseWeightPerPoint,
      between(s.risk.negativeShareRiseWeightPerPoint, 0, 1),
      "between 0 and 1",
    ],
    [
      "risk.volatilityWeightPerPoint",
      s.risk.volatilityWeightPerPoint,
      between(s.risk.volatilityWeightPerPoint, 0, 1),
      "between 0 and 1",
    ],
    ["risk.maxRiskFactor", s.risk.maxRiskFactor, between(s.risk.maxRiskFactor, 1, 10), "between 1 and 10"],
    [
      "elasticity.smallBatchAbove",
      s.elasticity.smallBatchAbove,
      between(s.elasticity.smallBatchAbove, s.elasticity.traditionalBelow, 1e6),
      "a number at least elasticity.traditionalBelow",
    ],
    [
      "elasticity.traditionalBelow",
      s.elasticity.traditionalBelow,
      between(s.elasticity.traditionalBelow, 0, 1e6),
      "0 or more",
    ],
    ...(["small_frequent", "dynamic", "traditional"] as const).map((c): Check => [
      `elasticity.reviewPeriodDays.${c}`,
      s.elasticity.reviewPeriodDays[c],
      between(s.elasticity.reviewPeriodDays[c], 1, 365),
      "days from 1 to 365",
    ]),
    [
      "elasticity.defaultReviewPeriodDays",
      s.elasticity.defaultReviewPeriodDays,
      between(s.elasticity.defaultReviewPeriodDays, 1, 365),
      "days from 1 to 365",
    ],
    [
      "elasticity.maxCoefficient",
      s.elasticity.maxCoefficient,
      between(s.elasticity.maxCoefficient, 1, 1e6),
      "1 or more",
    ],
    [
      "alerts.negativeShareRisePercent",
      s.alerts.negativeShareRisePercent,
      between(s.alerts.negativeShareRisePercent, 0, 10_000),
      "0 or more",
    ],
    [
      "alerts.positiveShareDropPercent",
      s.alerts.positiveShareDropPercent,
      between(s.alerts.positiveShareDropPercent, 0, 100),
      "between 0 and 100",
    ],
    ["alerts.minVolume", s.alerts.minVolume, between(s.alerts.minVolume, 0, 1e9), "0 or more"],
    [
      "alerts.shareFloor",
      s.alerts.shareFloor,
      between(s.alerts.shareFloor, 0.0001, 1),
      "between 0.0001 and 1",
    ],
    [
      "alerts.marketingFocusPoints",
      s.alerts.marketingFocusPoints,
      between(s.alerts.marketingFocusPoints, 0, s.alerts.replenishmentPlanPoints),
      "at most alerts.replenishmentPlanPoints",
    ],
    [
      "alerts.replenishmentPlanPoints",
      s.alerts.replenishmentPlanPoints,
      between(s.alerts.replenishmentPlanPoints, 0, s.alerts.productLineReviewPoints),
      "at most alerts.productLineReviewPoints",
    ],
    [
      "alerts.productLineReviewPoints",
      s.alerts.productLineReviewPoints,
      between(s.alerts.productLineReviewPoints, 0, 200),
      "between 0 and 200",
    ],
    [
      "alerts.minAspectMentions",
      s.alerts.minAspectMentions,
      between(s.alerts.minAspectMentions, 1, 1e9),
      "1 or more",
    ],
    [
      "alerts.supportTaskDueHours",
      s.alerts.supportTaskDueHours,
      between(s.alerts.supportTaskDueHours, 1, 24 * 30),
      "hours from 1 to 720",
    ],
    [
      "regional.heatingPoints",
      s.regional.heatingPoints,
      between(s.regional.heatingPoints, 0.1, 200),
      "between 0.1 and 200",
    ],
    [
      "regional.coolingPoints",
      s.regional.coolingPoints,
      between(s.regional.coolingPoints, 0.1, 200),
      "between 0.1 and 200",
    ],
    ...regionByCountryChecks(s.regional.regionByCountry),
    [
      "regional.prePositionFraction",
      s.regional.prePositionFraction,
      between(s.regional.prePositionFraction, 0, 1),
      "between 0 and 1",
    ],
    [
      "supplier.horizonDays",
      s.supplier.horizonDays,
      Number.isInteger(s.supplier.horizonDays) && between(s.supplier.horizonDays, 1, 365),
      "whole days from 1 to 365",
    ],
    [
      "supplier.basePercent",
      s.supplier.basePercent,
      between(s.supplier.basePercent, 0, 100),
      "between 0 and 100",
    ],
    ["mix.upShiftPercent", s.mix.upShiftPercent, between(s.mix.upShiftPercent, 0, 500), "between 0 and 500"],
    [
      "mix.downShiftPercent",
      s.mix.downShiftPercent,
      between(s.mix.downShiftPercent, 0, 100),
      "between 0 and 100",
    ],
    ["mix.sentimentWeight", s.mix.sentimentWeight, between(s.mix.sentimentWeight, 0, 1), "between 0 and 1"],
    ["mix.salesWeight", s.mix.salesWeight, between(s.mix.salesWeight, 0, 1), "between 0 and 1"],
    [
      "mix.saturationScore",
      s.mix.saturationScore,
      between(s.mix.saturationScore, 0.001, 10),
      "between 0.001 and 10",
    ],
    ["mix.conserveTotal", s.mix.conserveTotal, typeof s.mix.conserveTotal === "boolean", "true or false"],
    [
      "mix.preferenceWindowWeeks",
      s.mix.preferenceWindowWeeks,
      Number.isInteger(s.mix.preferenceWindowWeeks) && between(s.mix.preferenceWindowWeeks, 0, 52),
      "whole weeks from 0 to 52",
    ],
    ["mix.preferenceMinZ", s.mix.preferenceMinZ, between(s.mix.preferenceMinZ, 0, 10), "between 0 and 10"],
    [
      "mix.preferenceFullZ",
      s.mix.preferenceFullZ,
      between(s.mix.preferenceFullZ, 0, 20) && s.mix.preferenceFullZ >= s.mix.preferenceMinZ,
      "between 0 and 20 and at least mix.preferenceMinZ",
    ],
    [
      "mix.preferenceMinMentions",
      s.mix.preferenceMinMentions,
      between(s.mix.preferenceMinMentions, 0, 100000),
      "between 0 and 100000",
    ],
    [
      "overstock.maxCoverDays",
      s.overstock.maxCoverDays,
      between(s.overstock.maxCoverDays, 1, 3650),
      "days from 1 to 3650",
    ],
    [
      "guardrails.minIntervalHours",
      s.guardrails.minIntervalHours,
      between(s.guardrails.minIntervalHours, 0, 24 * 365),
      "hours from 0 to 8760",
    ],
    [
      "guardrails.minMagnitudePercent",
      s.guardrails.minMagnitudePercent,
      between(s.guardrails.minMagnitudePercent, 0, 100),
      "between 0 and 100",
    ],
    [
      "guardrails.minMagnitudeUnits",
      s.guardrails.minMagnitudeUnits,
      between(s.guardrails.minMagnitudeUnits, 1, 1e6),
      "1 or more",
    ],
    [
      "guardrails.maxChangeUnitsPerDecision",
      s.guardrails.maxChangeUnitsPerDecision,
      Number.isInteger(s.guardrails.maxChangeUnitsPerDecision) &&
        between(s.guardrails.maxChangeUnitsPerDecision, 1, 1e9),
      "a whole number of units, 1 or more",
    ],
    [
      "guardrails.maxChangePercentPerDecision",
      s.guardrails.maxChangePercentPerDecision,
      between(s.guardrails.maxChangePercentPerDecision, 1, 1e6),
      "1 or more",
    ],
    [
      "autonomy.autoApplyEnabled",
      s.autonomy.autoApplyEnabled,
      typeof s.autonomy.autoApplyEnabled === "boolean",
      "true or false",
    ],
    [
      "autonomy.autoApplyMaxChangePercent",
      s.autonomy.autoApplyMaxChangePercent,
      between(s.autonomy.autoApplyMaxChangePercent, 0, s.autonomy.humanRequiredDailySwingPercent),
      "at most autonomy.humanRequiredDailySwingPercent",
    ],
    [
      "autonomy.humanRequiredDailySwingPercent",
      s.autonomy.humanRequiredDailySwingPercent,
      between(s.autonomy.humanRequiredDailySwingPercent, 0, 1e6),
      "0 or more",
    ],
  ];
  return toErrors("shop", checks);
}

/** Replenishment parameters for one variant and where each came from, for the explanation. */
export interface ResolvedReplenishmentParameters extends ReplenishmentParameters {
  source: Record<keyof ReplenishmentParameters, "product" | "supplier" | "shop">;
}

/**
 * Returns the product's replenishment parameters: product override, else supplier override, else the
 * shop default; an invalid override is an error for that scope (never silently replaced).
 *
 * @example
 * resolveReplenishmentParameters(DEFAULT_INVENTORY_SETTINGS, "p1", null); // ok, leadTimeDays 14 from "shop"
 */
export function resolveReplenishmentParameters(
  settings: InventorySettings,
  productId: string,
  supplierId: string | null | undefined,
): Result<ResolvedReplenishmentParameters, SettingsError[]> {
  const productOverride = settings.products[productId] ?? {};
  const supplierOverride = (supplierId ? settings.suppliers[supplierId] : undefined) ?? {};
  const errors = [
    ...toErrors(`product:${productId}`, parameterChecks("", productOverride, false)),
    ...(supplierId ? toErrors(`supplier:${supplierId}`, parameterChecks("", supplierOverride, false)) : []),
  ];
  if (errors.length > 0) return err(errors);
  const keys = ["leadTimeDays", "serviceLevel", "moqUnits", "casePackUnits"] as const;
  const resolved = { source: {} } as ResolvedReplenishmentParameters;
  for (const key of keys) {
    if (productOverride[key] !== undefined) {
      resolved[key] = productOverride[key];
      resolved.source[key] = "product";
    } else if (supplierOverride[key] !== undefined) {
      resolved[key] = supplierOverride[key];
      resolved.source[key] = "supplier";
    } else {
      resolved[key] = settings.shopDefaults[key];
      resolved.source[key] = "shop";
    }
  }
  return ok(resolved);
}
