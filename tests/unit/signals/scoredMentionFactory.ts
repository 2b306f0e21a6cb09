import type { ScoredMention } from "~/domain/signals";

let sequence = 0;

/** Returns a neutral, fully specified scored mention; tests override only what they are about. */
export function scoredMention(overrides: Partial<ScoredMention> = {}): ScoredMention {
  sequence++;
  return {
    id: `m${sequence}`,
    shopId: "shop-1",
    productId: "gid://shopify/Product/1",
    variantId: null,
    platform: "judgeme",
    country: "US",
    authorHash: `author-${sequence}`,
    authorReachFollowers: 100,
    authorAccountAgeDays: 400,
    postedAt: new Date("2026-11-18T12:00:00Z"),
    polarity: 0,
    label: "neutral",
    aspects: [],
    featureRequests: [],
    text: "It arrived on Tuesday and I have worn it twice so far.",
    ...overrides,
  };
}

/** Returns `count` mentions built by `build(index)`. */
export function manyMentions(
  count: number,
  build: (index: number) => Partial<ScoredMention>,
): ScoredMention[] {
  return Array.from({ length: count }, (_, index) => scoredMention(build(index)));
}

/** Polarity and label of a clearly positive, neutral or negative mention. */
export const POSITIVE = { polarity: 0.7, label: "positive" } as const;
export const NEUTRAL = { polarity: 0, label: "neutral" } as const;
export const NEGATIVE = { polarity: -0.6, label: "negative" } as const;
