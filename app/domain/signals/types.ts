/**
 * Input and output shapes of the signal engine.
 *
 * The scorer (app/domain/sentiment) is built in parallel, so the signal engine states here the
 * minimum it needs from a scored mention instead of importing the scorer's types; a scorer result
 * plus the stored Mention row satisfies it structurally.
 */

/** Sentiment class decided by the scorer. */
export type SentimentLabel = "positive" | "neutral" | "negative";

/** Polarity of one aspect (comfort, price/value…) within a mention, from the clause that mentions it. */
export interface AspectPolarity {
  aspect: string;
  /** −1..1 */
  polarity: number;
}

/** A detected request ("wish it came in polarized"), normalised and clustered by the scorer. */
export interface FeatureRequestMention {
  /** Stable key shared by equivalent requests ("polarized lenses" = "polarised lens option"). */
  clusterKey: string;
  /** Human-readable form of the request, used as the cluster's label. */
  normalized: string;
}

/**
 * A mention after scoring: what the signal engine reads.
 *
 * @example
 * const mention: ScoredMention = {
 *   id: "m1", shopId: "shop-1", productId: "p1", platform: "instagram", country: "US",
 *   authorHash: "a1", authorReachFollowers: 1200, postedAt: new Date("2026-11-18T10:00:00Z"),
 *   polarity: 0.7, label: "positive", aspects: [{ aspect: "design", polarity: 0.8 }],
 *   featureRequests: [], text: "Love the design",
 * };
 */
export interface ScoredMention {
  id: string;
  shopId: string;
  /** null or absent: not matched to a product (brand-level mention). */
  productId?: string | null;
  /** null or absent: matched to the product but not to one variant. */
  variantId?: string | null;
  /** Source platform as stored ("instagram", "reddit", "judgeme"…); compared case-insensitively. */
  platform: string;
  /** ISO 3166-1 alpha-2 country of the author when known. */
  country?: string | null;
  /** Hashed author handle: equal hashes mean the same author on that platform. */
  authorHash: string;
  authorReachFollowers: number;
  /** Age of the author's account when the mention was posted; unknown when absent. */
  authorAccountAgeDays?: number | null;
  postedAt: Date;
  /** −1..1 */
  polarity: number;
  label: SentimentLabel;
  aspects: readonly AspectPolarity[];
  featureRequests: readonly FeatureRequestMention[];
  text: string;
  /** 0..1 from {@link assessAuthenticity}; treated as 1 (fully trusted) when absent. */
  authenticity?: number | null;
}
