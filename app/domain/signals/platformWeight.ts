/**
 * How close a platform's audience is to the shop's paying customers. The seed formula weights
 * what buyers say on review apps above mass social, and niche/professional forums lowest.
 */
export type PlatformClass = "core-customer" | "mass-social" | "niche-professional";

/** Platform weight settings; every field is optional and falls back to the seed defaults. */
export interface PlatformWeightSettings {
  /** Weight per class (seed: core 0.6, mass 0.3, niche 0.1). */
  weightByClass?: Partial<Record<PlatformClass, number>>;
  /** Class per platform, merged over {@link DEFAULT_PLATFORM_CLASSES}. */
  classByPlatform?: Readonly<Record<string, PlatformClass>>;
  /** A weight for one platform that wins over its class weight. */
  weightByPlatform?: Readonly<Record<string, number>>;
  /** Class of a platform nobody classified (default niche: an unknown source earns the least trust). */
  unknownPlatformClass?: PlatformClass;
}

/** Seed weights from the product definition. */
export const DEFAULT_PLATFORM_CLASS_WEIGHTS: Readonly<Record<PlatformClass, number>> = {
  "core-customer": 0.6,
  "mass-social": 0.3,
  "niche-professional": 0.1,
};

/** Known platforms and their class; keys are lower-case platform names as stored on Mention. */
export const DEFAULT_PLATFORM_CLASSES: Readonly<Record<string, PlatformClass>> = {
  shop_reviews: "core-customer",
  "shopify-reviews": "core-customer",
  judgeme: "core-customer",
  yotpo: "core-customer",
  okendo: "core-customer",
  loox: "core-customer",
  stamped: "core-customer",
  "reviews.io": "core-customer",
  trustpilot: "core-customer",
  google_reviews: "core-customer",
  csv: "core-customer",
  instagram: "mass-social",
  tiktok: "mass-social",
  youtube: "mass-social",
  facebook: "mass-social",
  x: "mass-social",
  twitter: "mass-social",
  threads: "mass-social",
  pinterest: "mass-social",
  snapchat: "mass-social",
  reddit: "niche-professional",
  forum: "niche-professional",
  forums: "niche-professional",
  discord: "niche-professional",
  linkedin: "niche-professional",
  quora: "niche-professional",
  blog: "niche-professional",
};

/**
 * Returns the lower-case, trimmed platform name used as a key everywhere in the signal engine.
 *
 * @example
 * normalizePlatform(" Instagram "); // "instagram"
 */
export function normalizePlatform(platform: string): string {
  return platform.trim().toLowerCase();
}

/**
 * Returns the class of a platform, honouring per-shop overrides.
 *
 * @example
 * platformClass("TikTok"); // "mass-social"
 * platformClass("reddit", { classByPlatform: { reddit: "core-customer" } }); // "core-customer"
 */
export function platformClass(platform: string, settings: PlatformWeightSettings = {}): PlatformClass {
  const name = normalizePlatform(platform);
  return (
    settings.classByPlatform?.[name] ??
    DEFAULT_PLATFORM_CLASSES[name] ??
    settings.unknownPlatformClass ??
    "niche-professional"
  );
}

/**
 * Returns the weight (≥ 0) a platform's mentions carry in the sentiment index.
 * A negative or non-finite override is ignored: a weight is never allowed to flip or poison the index.
 *
 * @example
 * platformWeight("judgeme"); // 0.6
 * platformWeight("instagram", { weightByClass: { "mass-social": 0.5 } }); // 0.5
 * platformWeight("reddit", { weightByPlatform: { reddit: 0.2 } }); // 0.2
 */
export function platformWeight(platform: string, settings: PlatformWeightSettings = {}): number {
  const name = normalizePlatform(platform);
  const direct = settings.weightByPlatform?.[name];
  if (isUsableWeight(direct)) return direct;
  const cls = platformClass(name, settings);
  const classWeight = settings.weightByClass?.[cls];
  return isUsableWeight(classWeight) ? classWeight : DEFAULT_PLATFORM_CLASS_WEIGHTS[cls];
}

function isUsableWeight(weight: number | undefined): weight is number {
  return weight !== undefined && Number.isFinite(weight) && weight >= 0;
}
