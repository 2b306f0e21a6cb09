/**
 * The stories of the product definition as weekly plans: how many mentions of which topic,
 * stance and platform each product gets in each of the 12 weeks of the mention window. Mentions
 * are realised from these quotas (exact counts, random details), and the demand of sentiment-led
 * products is derived from the same plan with a lag, so "sentiment leads sales" holds by
 * construction and every story is measurable for any seed.
 */
import type { ProductKey } from "./catalog";
import type { MentionTopic, Stance } from "./mention-text";
import type { Prng } from "./prng";
import type { MentionPlatform, ScenarioMention } from "./types";

export const MENTION_WINDOW_WEEKS = 12;

/** A group of mentions realised together. */
export interface MentionBatch {
  productKey: ProductKey | null;
  /** Week of the mention window, 0 = the oldest (the product definition's "week 1"). */
  week: number;
  /** A fixed platform, or a weighted mix sampled per mention. */
  platform: MentionPlatform | PlatformMix;
  stance: Stance;
  topic: MentionTopic;
  count: number;
  authorKind: ScenarioMention["authorKind"];
  /** Variant selection: weights by option value; absent = by demand share, `null` = no variant. */
  variantWeights?: Readonly<Record<string, number>> | null;
  /** Probability a mention names a variant (default 0.55 for multi-variant products). */
  variantProbability?: number;
  /** Pinned timing for creator posts and bursts: day within the week and an hour window. */
  timing?: { dayOfWeekIndex: number; startHour: number; spanHours: number };
  /** A named author (creators). */
  author?: { handle: string; reachFollowers: number; accountAgeDays: number; countryCode: string };
  creatorHandle?: string;
  requiredHashtags?: string[];
  /** Bot bursts share one base text. */
  burstId?: string;
}

export type PlatformMix = Readonly<Partial<Record<MentionPlatform, number>>>;

const MIX_SUNGLASSES: PlatformMix = {
  instagram: 0.3,
  tiktok: 0.25,
  reddit: 0.1,
  youtube: 0.07,
  judgeme: 0.18,
  shop_reviews: 0.1,
};
const MIX_SOCIAL_HASHTAG: PlatformMix = { instagram: 0.55, tiktok: 0.45 };
const MIX_REVIEWS: PlatformMix = { judgeme: 0.6, shop_reviews: 0.4 };
const MIX_TRACKER: PlatformMix = {
  reddit: 0.25,
  youtube: 0.15,
  instagram: 0.15,
  tiktok: 0.1,
  judgeme: 0.2,
  shop_reviews: 0.15,
};
const MIX_EARBUDS: PlatformMix = {
  tiktok: 0.25,
  youtube: 0.2,
  reddit: 0.2,
  instagram: 0.15,
  judgeme: 0.12,
  shop_reviews: 0.08,
};
const MIX_ORDINARY: PlatformMix = {
  judgeme: 0.4,
  shop_reviews: 0.25,
  instagram: 0.2,
  reddit: 0.1,
  tiktok: 0.05,
};
const MIX_INDUSTRY: PlatformMix = { reddit: 0.35, tiktok: 0.25, instagram: 0.2, youtube: 0.2 };
const MIX_KOL_FANS: PlatformMix = { youtube: 0.4, tiktok: 0.35, instagram: 0.15, reddit: 0.1 };

/** The three sustainability creators who praise the eco sunglasses' design. */
export const SUSTAINABILITY_CREATORS = [
  { handle: "tideline.tara", reachFollowers: 412_000, accountAgeDays: 2210, countryCode: "US" },
  { handle: "lowwaste.leo", reachFollowers: 268_000, accountAgeDays: 1640, countryCode: "NL" },
  { handle: "seaforward.mia", reachFollowers: 905_000, accountAgeDays: 2890, countryCode: "US" },
] as const;

/** The tech creators behind the earbuds' spike. */
export const KOL_CREATORS = [
  { handle: "techwiththeo", reachFollowers: 1_420_000, accountAgeDays: 3300, countryCode: "US" },
  { handle: "gadgetgrace", reachFollowers: 860_000, accountAgeDays: 1900, countryCode: "GB" },
] as const;

/** Week of the mention window in which the KOL posts (0-based). */
export const KOL_SPIKE_WEEK = 7;

export const COMPETITORS = { eyewear: "WaveShade", wearables: "FitLoop", audio: "Pebble Audio" } as const;

/** The weekly driver of demand for a sentiment-led product and how demand responds to it. */
export interface DemandDriver {
  /** One value per mention-window week. */
  weekly: number[];
  /** Days between a change in the driver and the matching change in demand. */
  lagDays: number;
  /** Demand multiplier for a driver value (1 at the first week's value). */
  response: (value: number, firstWeekValue: number) => number;
  /** Variants the driver moves (option values); all when absent. */
  variantValues?: string[];
}

export interface StoryPlan {
  batches: MentionBatch[];
  drivers: Partial<Record<ProductKey, DemandDriver>>;
  /** The noise product's weekly positive share (a random walk), for docs and tests. */
  noisePositiveShareByWeek: number[];
}

/** Plan size at scale 1, used to scale quotas so the total lands on the requested mention count. */
export const BASE_PLAN_MENTIONS = 4040;

const weeks = (fn: (week: number) => number): number[] =>
  Array.from({ length: MENTION_WINDOW_WEEKS }, (_, week) => Math.max(0, Math.round(fn(week))));

/** Splits `total` into stance counts by shares, rounding so the counts add up exactly. */
export function splitByShares(total: number, shares: Record<Stance, number>): Record<Stance, number> {
  const positive = Math.round(total * shares.positive);
  const negative = Math.min(total - positive, Math.round(total * shares.negative));
  return { positive, negative, neutral: total - positive - negative };
}

/**
 * Returns the weekly mention quotas and demand drivers of every story, scaled so that the
 * plan adds up to about `mentionCount` mentions (the exact total is topped up by the caller).
 * @example
 * const plan = buildStoryPlan(createPrng(7).fork("plan"), 5000);
 * plan.batches.filter((b) => b.topic === "sunglasses-comfort" && b.week === 1)[0]?.count; // ≥ 1.35 × week 0
 */
export function buildStoryPlan(rng: Prng, mentionCount: number): StoryPlan {
  const scale = mentionCount / BASE_PLAN_MENTIONS;
  const q = (n: number, min = 0) => Math.max(min, Math.round(n * scale));
  const batches: MentionBatch[] = [];
  const drivers: Partial<Record<ProductKey, DemandDriver>> = {};
  const add = (batch: MentionBatch) => {
    if (batch.count > 0) batches.push(batch);
  };

  // ——— Eco sunglasses ———
  // Comfort concerns grow 35% in week 2 (index 1) and keep creeping up after.
  const comfortWeek1 = q(22, 4);
  const comfortWeek2 = Math.ceil(comfortWeek1 * 1.36);
  const comfort = weeks((w) => (w === 0 ? comfortWeek1 : comfortWeek2 * (1 + 0.02 * (w - 1))));
  // Design praise builds after each creator post (weeks 2–8).
  const praise = weeks((w) => q([30, 30, 33, 38, 42, 48, 52, 56, 58, 60, 62, 64][w] ?? 60, 2));
  const lovedWeights = { Coral: 0.3, "Ocean Blue": 0.3, Sand: 0.25, "Kelp Green": 0.075, Charcoal: 0.075 };
  const complaintWeights = {
    Coral: 0.25,
    "Ocean Blue": 0.25,
    Sand: 0.22,
    "Kelp Green": 0.14,
    Charcoal: 0.14,
  };
  for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
    const common = { productKey: "sunglasses" as const, week: w, authorKind: "customer" as const };
    add({
      ...common,
      platform: MIX_SUNGLASSES,
      stance: "negative",
      topic: "sunglasses-comfort",
      count: comfort[w] ?? 0,
      variantWeights: complaintWeights,
    });
    add({
      ...common,
      platform: MIX_SUNGLASSES,
      stance: "positive",
      topic: "sunglasses-design",
      count: praise[w] ?? 0,
      variantWeights: lovedWeights,
      variantProbability: 0.7,
    });
    add({
      ...common,
      platform: MIX_SUNGLASSES,
      stance: "neutral",
      topic: "sunglasses-polarized",
      count: q(4, 1),
      variantWeights: lovedWeights,
      variantProbability: 0.3,
    });
    add({
      ...common,
      platform: MIX_SUNGLASSES,
      stance: "positive",
      topic: "sunglasses-polarized",
      count: q(4, 1),
      variantWeights: lovedWeights,
      variantProbability: 0.3,
    });
    add({
      ...common,
      platform: MIX_SUNGLASSES,
      stance: "neutral",
      topic: "sunglasses-question",
      count: q(10),
      variantWeights: lovedWeights,
    });
    add({
      ...common,
      platform: MIX_SUNGLASSES,
      stance: "positive",
      topic: "sunglasses-question",
      count: q(6),
      variantWeights: lovedWeights,
    });
  }
  // Each sustainability creator posts twice, two weeks apart, always about a loved colour.
  const creatorPosts: { creator: number; week: number; platform: MentionPlatform; day: number }[] = [
    { creator: 0, week: 2, platform: "instagram", day: 1 },
    { creator: 1, week: 3, platform: "youtube", day: 4 },
    { creator: 2, week: 4, platform: "tiktok", day: 2 },
    { creator: 0, week: 5, platform: "youtube", day: 5 },
    { creator: 1, week: 6, platform: "instagram", day: 0 },
    { creator: 2, week: 7, platform: "instagram", day: 3 },
  ];
  for (const post of creatorPosts) {
    const creator = SUSTAINABILITY_CREATORS[post.creator];
    if (!creator) continue;
    add({
      productKey: "sunglasses",
      week: post.week,
      platform: post.platform,
      stance: "positive",
      topic: "creator-eco-showcase",
      count: 1,
      authorKind: "creator",
      variantWeights: { Coral: 1, "Ocean Blue": 1, Sand: 1 },
      variantProbability: 1,
      timing: { dayOfWeekIndex: post.day, startHour: 11, spanHours: 8 },
      author: { ...creator },
    });
  }
  add({
    productKey: "sunglasses",
    week: 9,
    platform: "instagram",
    stance: "positive",
    topic: "bot-promo",
    count: q(18, 8),
    authorKind: "bot",
    variantWeights: null,
    timing: { dayOfWeekIndex: 2, startHour: 2, spanHours: 3 },
    burstId: "sunglasses-giveaway",
  });
  // Positive buzz (creator posts count as many customer posts: their reach is what moves sales).
  drivers.sunglasses = {
    weekly: weeks((w) => (praise[w] ?? 0) + q(10) + 25 * creatorPosts.filter((p) => p.week === w).length),
    lagDays: 12,
    response: (value, first) => Math.pow(value / first, 0.6),
    variantValues: ["Coral", "Ocean Blue", "Sand"],
  };

  // ——— Ocean jewelry: #oceanjewelry grows ≥ 30% every week ———
  const hashtag: number[] = [];
  for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
    hashtag.push(w === 0 ? q(6, 3) : Math.ceil((hashtag[w - 1] ?? 1) * 1.3));
  }
  const jewelryWeights: [ProductKey, number][] = [
    ["pendant", 0.32],
    ["earrings", 0.3],
    ["ring", 0.2],
    ["anklet", 0.18],
  ];
  for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
    const stances = splitByShares(hashtag[w] ?? 0, { positive: 0.76, neutral: 0.18, negative: 0.06 });
    for (const stance of ["positive", "neutral", "negative"] as const) {
      // Spread the stance's count over the jewelry products by weight (largest remainder).
      const counts = apportion(
        stances[stance],
        jewelryWeights.map(([, weight]) => weight),
      );
      jewelryWeights.forEach(([productKey], index) => {
        const count = counts[index] ?? 0;
        // About one post in twelve comes from a micro-creator.
        const creatorCount = stance === "positive" ? Math.floor(count / 12) : 0;
        const common = {
          productKey,
          week: w,
          platform: MIX_SOCIAL_HASHTAG,
          stance,
          topic: "jewelry-hashtag" as const,
          requiredHashtags: ["#oceanjewelry"],
        };
        add({ ...common, count: count - creatorCount, authorKind: "customer" });
        add({ ...common, count: creatorCount, authorKind: "creator" });
      });
    }
    for (const [productKey] of jewelryWeights) {
      const reviews = splitByShares(q(1), { positive: 0.7, neutral: 0.2, negative: 0.1 });
      for (const stance of ["positive", "neutral", "negative"] as const) {
        add({
          productKey,
          week: w,
          platform: MIX_REVIEWS,
          stance,
          topic: "review-general",
          count: reviews[stance],
          authorKind: "customer",
        });
      }
    }
  }
  for (const [productKey] of jewelryWeights) {
    drivers[productKey] = {
      weekly: hashtag,
      lagDays: 14,
      response: (value, first) => Math.pow(value / first, 0.45),
    };
  }

  // ——— Fitness tracker: swim heart-rate complaints from week 3, sales soften two weeks later ———
  const swim = weeks((w) => q([2, 2, 3, 6, 10, 15, 20, 24, 26, 28, 28, 30][w] ?? 30));
  const trackerPraise = weeks((w) => q([26, 26, 25, 25, 24, 23, 22, 21, 20, 20, 19, 19][w] ?? 19));
  const trackerNet: number[] = [];
  for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
    const common = {
      productKey: "tracker" as const,
      week: w,
      platform: MIX_TRACKER,
      authorKind: "customer" as const,
    };
    const neutral = q(6);
    const request = q(3);
    const strap = q(2);
    add({ ...common, stance: "negative", topic: "tracker-swim-hr", count: swim[w] ?? 0 });
    add({ ...common, stance: "positive", topic: "tracker-general", count: trackerPraise[w] ?? 0 });
    add({ ...common, stance: "neutral", topic: "tracker-general", count: neutral });
    add({ ...common, stance: "neutral", topic: "tracker-swim-mode", count: request });
    add({ ...common, stance: "negative", topic: "tracker-general", count: strap });
    const total = (swim[w] ?? 0) + (trackerPraise[w] ?? 0) + neutral + request + strap;
    trackerNet.push(((trackerPraise[w] ?? 0) - (swim[w] ?? 0) - strap) / Math.max(1, total));
  }
  drivers.tracker = {
    weekly: trackerNet,
    lagDays: 14,
    response: (value, first) => Math.exp(0.6 * (value - first)),
  };

  // ——— Modular shelf: loved on Instagram (85% positive), criticised on Reddit (40% negative) ———
  const instagramShelf = weeks((w) => q(16 + w * 0.9, 2));
  const instagramShelfPositive: number[] = [];
  for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
    const common = { productKey: "shelf" as const, week: w, authorKind: "customer" as const };
    const ig = splitByShares(instagramShelf[w] ?? 0, { positive: 0.85, neutral: 0.1, negative: 0.05 });
    instagramShelfPositive.push(ig.positive);
    add({ ...common, platform: "instagram", stance: "positive", topic: "shelf-design", count: ig.positive });
    add({ ...common, platform: "instagram", stance: "neutral", topic: "shelf-design", count: ig.neutral });
    add({ ...common, platform: "instagram", stance: "negative", topic: "shelf-design", count: ig.negative });
    const reddit = splitByShares(q(12, 2), { positive: 0.25, neutral: 0.35, negative: 0.4 });
    add({
      ...common,
      platform: "reddit",
      stance: "negative",
      topic: "shelf-installation",
      count: reddit.negative,
    });
    add({ ...common, platform: "reddit", stance: "neutral", topic: "shelf-general", count: reddit.neutral });
    add({
      ...common,
      platform: "reddit",
      stance: "positive",
      topic: "shelf-general",
      count: reddit.positive,
    });
    const reviews = splitByShares(q(5), { positive: 0.65, neutral: 0.2, negative: 0.15 });
    add({
      ...common,
      platform: MIX_REVIEWS,
      stance: "positive",
      topic: "shelf-design",
      count: reviews.positive,
    });
    add({
      ...common,
      platform: MIX_REVIEWS,
      stance: "neutral",
      topic: "shelf-general",
      count: reviews.neutral,
    });
    add({
      ...common,
      platform: MIX_REVIEWS,
      stance: "negative",
      topic: "shelf-installation",
      count: reviews.negative,
    });
    const video = splitByShares(q(3), { positive: 0.7, neutral: 0.2, negative: 0.1 });
    add({
      ...common,
      platform: { tiktok: 0.6, youtube: 0.4 },
      stance: "positive",
      topic: "shelf-design",
      count: video.positive,
    });
    add({
      ...common,
      platform: { tiktok: 0.6, youtube: 0.4 },
      stance: "neutral",
      topic: "shelf-general",
      count: video.neutral,
    });
    add({
      ...common,
      platform: { tiktok: 0.6, youtube: 0.4 },
      stance: "negative",
      topic: "shelf-installation",
      count: video.negative,
    });
  }
  drivers.shelf = {
    weekly: instagramShelfPositive,
    lagDays: 10,
    response: (value, first) => Math.pow(value / first, 0.6),
  };

  // ——— Earbuds: a creator-driven spike in week 8, sales flat (not sentiment-led) ———
  for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
    const stances = splitByShares(q(12), { positive: 0.6, neutral: 0.25, negative: 0.15 });
    for (const stance of ["positive", "neutral", "negative"] as const) {
      add({
        productKey: "earbuds",
        week: w,
        platform: MIX_EARBUDS,
        stance,
        topic: "earbuds-general",
        count: stances[stance],
        authorKind: "customer",
      });
    }
  }
  KOL_CREATORS.forEach((creator, index) => {
    add({
      productKey: "earbuds",
      week: KOL_SPIKE_WEEK,
      platform: index === 0 ? "youtube" : "tiktok",
      stance: "positive",
      topic: "kol-review",
      count: 1,
      authorKind: "creator",
      variantProbability: 0,
      timing: { dayOfWeekIndex: 1 + index, startHour: 17, spanHours: 2 },
      author: { ...creator },
    });
  });
  // Fans pile in over the following days and fade out.
  const fanDays = [40, 36, 30, 25, 20, 15, 10, 8, 6, 4].map((n) => q(n));
  fanDays.forEach((count, dayOffset) => {
    const dayIndex = 2 + dayOffset; // fans start the day after the first KOL post (day 1 of the week)
    const week = KOL_SPIKE_WEEK + Math.floor(dayIndex / 7);
    const stances = splitByShares(count, { positive: 0.88, neutral: 0.1, negative: 0.02 });
    for (const stance of ["positive", "neutral", "negative"] as const) {
      add({
        productKey: "earbuds",
        week,
        platform: MIX_KOL_FANS,
        stance,
        topic: "kol-fan",
        count: stances[stance],
        authorKind: "customer",
        timing: { dayOfWeekIndex: dayIndex % 7, startHour: 7, spanHours: 17 },
        creatorHandle: KOL_CREATORS[dayOffset % 3 === 2 ? 1 : 0].handle,
      });
    }
  });
  add({
    productKey: "earbuds",
    week: KOL_SPIKE_WEEK,
    platform: "tiktok",
    stance: "positive",
    topic: "bot-promo",
    count: q(24, 8),
    authorKind: "bot",
    variantWeights: null,
    timing: { dayOfWeekIndex: 4, startHour: 20, spanHours: 2 },
    burstId: "earbuds-promo",
  });

  // ——— Noise product: the positive share wanders at random, unrelated to sales ———
  const noisePositiveShareByWeek: number[] = [];
  let share = rng.between(0.4, 0.65);
  for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
    share = Math.min(0.85, Math.max(0.15, share + rng.normal(0, 0.14)));
    noisePositiveShareByWeek.push(share);
    const stances = splitByShares(q(18), { positive: share, negative: (1 - share) * 0.6, neutral: 0 });
    for (const stance of ["positive", "neutral", "negative"] as const) {
      add({
        productKey: "mug",
        week: w,
        platform: MIX_ORDINARY,
        stance,
        topic: "mug-general",
        count: stances[stance],
        authorKind: "customer",
      });
    }
  }
  add({
    productKey: "mug",
    week: 4,
    platform: "instagram",
    stance: "positive",
    topic: "bot-promo",
    count: q(16, 6),
    authorKind: "bot",
    variantWeights: null,
    timing: { dayOfWeekIndex: 5, startHour: 9, spanHours: 4 },
    burstId: "mug-promo",
  });

  // ——— Ordinary products: a steady trickle, mostly reviews ———
  for (const productKey of ["tee", "weekender", "yoga-mat", "beanie", "bottle", "towel"] as const) {
    for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
      const stances = splitByShares(q(5), { positive: 0.7, neutral: 0.18, negative: 0.12 });
      for (const stance of ["positive", "neutral", "negative"] as const) {
        add({
          productKey,
          week: w,
          platform: MIX_ORDINARY,
          stance,
          topic: "review-general",
          count: stances[stance],
          authorKind: "customer",
        });
      }
    }
  }

  // ——— Industry chatter, not about one of our products ———
  for (let w = 0; w < MENTION_WINDOW_WEEKS; w += 1) {
    const stances = splitByShares(q(12), { positive: 0.4, neutral: 0.4, negative: 0.2 });
    for (const stance of ["positive", "neutral", "negative"] as const) {
      add({
        productKey: null,
        week: w,
        platform: MIX_INDUSTRY,
        stance,
        topic: "industry",
        count: stances[stance],
        authorKind: "customer",
      });
    }
  }

  return { batches, drivers, noisePositiveShareByWeek };
}

/**
 * Returns `total` split into integer parts proportional to `weights` (largest remainder), so the
 * parts add up exactly.
 * @example
 * apportion(10, [0.5, 0.3, 0.2]); // [5, 3, 2]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((weight) => (sum > 0 ? (total * weight) / sum : 0));
  const parts = raw.map(Math.floor);
  let remaining = total - parts.reduce((a, b) => a + b, 0);
  const order = raw
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (remaining <= 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    remaining -= 1;
  }
  return parts;
}

const TOP_UP_PRODUCTS: readonly ProductKey[] = ["tee", "weekender", "yoga-mat", "beanie", "bottle", "towel"];

/**
 * Returns the plan's batches adjusted so they add up to exactly `mentionCount`: ordinary
 * products' reviews absorb the rounding difference, which leaves every story's quotas intact.
 * @example
 * totalMentions(fitPlanToTotal(plan.batches, 5000)); // 5000
 */
export function fitPlanToTotal(batches: readonly MentionBatch[], mentionCount: number): MentionBatch[] {
  const fitted = batches.map((batch) => ({ ...batch }));
  let difference = mentionCount - totalMentions(fitted);
  const absorbers = fitted.filter(
    (batch) =>
      batch.productKey !== null &&
      TOP_UP_PRODUCTS.includes(batch.productKey) &&
      batch.topic === "review-general",
  );
  for (let cursor = 0; difference !== 0 && absorbers.length > 0; cursor += 1) {
    const batch = absorbers[cursor % absorbers.length] as MentionBatch;
    if (difference > 0) {
      batch.count += 1;
      difference -= 1;
    } else if (batch.count > 0) {
      batch.count -= 1;
      difference += 1;
    } else if (absorbers.every((b) => b.count === 0)) {
      break;
    }
  }
  // A very small mention count squeezes every story: take one from the largest batch at a time.
  while (difference < 0) {
    const largest = fitted.reduce((a, b) => (b.count > a.count ? b : a));
    largest.count -= 1;
    difference += 1;
  }
  return fitted.filter((batch) => batch.count > 0);
}

/**
 * Returns the number of mentions a list of batches realises.
 * @example
 * totalMentions([{ count: 3 }, { count: 4 }] as MentionBatch[]); // 7
 */
export function totalMentions(batches: readonly Pick<MentionBatch, "count">[]): number {
  return batches.reduce((sum, batch) => sum + batch.count, 0);
}
