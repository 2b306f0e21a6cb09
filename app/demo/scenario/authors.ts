/**
 * Mention authors: handles, follower reach (heavy-tailed: most people have a few hundred
 * followers, a handful have tens of thousands) and account age. Customers sometimes post more
 * than once, so authors are kept in a registry per platform and occasionally reused.
 */
import type { Prng } from "./prng";
import type { MentionPlatform } from "./types";

export interface Author {
  handle: string;
  reachFollowers: number;
  accountAgeDays: number;
  countryCode: string;
}

const FIRST_NAMES = [
  "maya",
  "jo",
  "sam",
  "lena",
  "noah",
  "ava",
  "liam",
  "zoe",
  "eli",
  "nina",
  "omar",
  "ivy",
  "theo",
  "ruby",
  "kai",
  "mila",
  "finn",
  "sara",
  "leo",
  "jade",
  "max",
  "emma",
  "luca",
  "ana",
  "ben",
  "chloe",
  "dev",
  "iris",
  "jack",
  "lou",
];
const WORDS = [
  "ocean",
  "trail",
  "coffee",
  "runs",
  "reads",
  "studio",
  "wanders",
  "makes",
  "home",
  "surf",
  "plants",
  "daily",
  "outdoors",
  "style",
  "kitchen",
  "lifts",
  "swims",
  "journal",
  "loves",
  "thrifts",
  "nomad",
  "green",
  "vibes",
  "club",
];
const PINYIN = [
  "xiaoyu",
  "linlin",
  "mengmeng",
  "haoran",
  "jiajia",
  "tingting",
  "zihan",
  "yuxuan",
  "weiwei",
  "xinyi",
  "chenchen",
  "lele",
  "yiyi",
  "junjie",
  "siqi",
  "ruoxi",
];
const BOT_PREFIXES = ["deal", "promo", "best", "shop", "hot", "top", "sale", "win"];
const BOT_SUFFIXES = ["hub", "finds", "picks", "zone", "alerts", "drops", "daily", "store"];

function digits(rng: Prng, length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += String(rng.int(0, 9));
  return out;
}

/**
 * Returns a plausible social handle; Chinese-writing customers get pinyin handles.
 * @example
 * customerHandle(createPrng(1), "en"); // e.g. "maya.surf92"
 */
export function customerHandle(rng: Prng, language: "en" | "zh"): string {
  if (language === "zh") {
    return `${rng.pick(PINYIN)}${rng.pick(["_", ".", ""])}${rng.chance(0.7) ? digits(rng, rng.int(2, 4)) : rng.pick(PINYIN)}`;
  }
  const name = rng.pick(FIRST_NAMES);
  const word = rng.pick(WORDS);
  const separator = rng.pick(["", ".", "_"]);
  const tail = rng.chance(0.55) ? digits(rng, rng.int(1, 4)) : "";
  return rng.chance(0.5) ? `${name}${separator}${word}${tail}` : `${word}${separator}${name}${tail}`;
}

/**
 * Returns a throwaway handle of the kind spam accounts use.
 * @example
 * botHandle(createPrng(2)); // e.g. "deal_hub4821"
 */
export function botHandle(rng: Prng): string {
  return `${rng.pick(BOT_PREFIXES)}_${rng.pick(BOT_SUFFIXES)}${digits(rng, 4)}`;
}

/**
 * Returns a customer's follower count: Pareto-distributed (α ≈ 1.15) above a floor, capped, so
 * the sample has the long tail real audiences have. Review apps have no followers.
 * @example
 * customerReachFollowers(createPrng(3), "judgeme"); // 0
 */
export function customerReachFollowers(rng: Prng, platform: MentionPlatform): number {
  if (platform === "judgeme" || platform === "shop_reviews") return 0;
  const floor = platform === "reddit" ? 5 : platform === "youtube" ? 2 : 40;
  const u = 1 - rng.next(); // (0, 1]
  return Math.min(45_000, Math.floor(floor / Math.pow(u, 1 / 1.15)));
}

/**
 * Returns a micro-creator's follower count, log-uniform between 12k and 90k.
 * @example
 * microCreatorReachFollowers(createPrng(4)) >= 12_000; // true
 */
export function microCreatorReachFollowers(rng: Prng): number {
  return Math.round(Math.exp(rng.between(Math.log(12_000), Math.log(90_000))));
}

/** Keeps the authors seen per platform so some customers post again with the same profile. */
export class AuthorRegistry {
  private readonly byPlatform = new Map<MentionPlatform, Author[]>();

  /**
   * Returns a previously seen author on the platform (with probability `reuseProbability`),
   * otherwise registers and returns the author made by `create`.
   * @example
   * registry.customer(rng, "instagram", 0.1, () => ({ handle: "a", reachFollowers: 1, accountAgeDays: 9, countryCode: "US" }));
   */
  customer(rng: Prng, platform: MentionPlatform, reuseProbability: number, create: () => Author): Author {
    const seen = this.byPlatform.get(platform) ?? [];
    if (seen.length > 20 && rng.chance(reuseProbability)) return rng.pick(seen);
    const author = create();
    seen.push(author);
    this.byPlatform.set(platform, seen);
    return author;
  }
}
