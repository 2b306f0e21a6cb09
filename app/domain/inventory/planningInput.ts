/**
 * What the inventory engine reads: plain rows a service loads from the database (or a backtest
 * replays). Nothing here knows about Prisma or Shopify.
 */

/**
 * Daily sales of one variant at one location, as parallel arrays starting at `firstDay`.
 * Arrays instead of one object per day keep 100k variants × 5 locations × 8 weeks in memory.
 *
 * @example
 * const history: SalesHistory = {
 *   variantId: "v1", locationId: "l1", firstDay: "2025-03-01",
 *   unitsSold: [3, 4, 0], inStock: [true, true, false],
 * };
 */
export interface SalesHistory {
  variantId: string;
  locationId: string;
  /** ISO date ("YYYY-MM-DD") of index 0. */
  firstDay: string;
  /** Units sold each day. Typed arrays are accepted. */
  unitsSold: ArrayLike<number>;
  /**
   * Whether the variant was sellable at the location all day. A false day is censored demand
   * (we saw what was left, not what was wanted) and is left out of velocity and forecast fitting.
   * Missing entries count as in stock.
   */
  inStock: ArrayLike<boolean>;
}

/** Stock of one variant at one location now (Shopify inventory level quantities). */
export interface InventoryRecord {
  variantId: string;
  locationId: string;
  /** Sellable now; negative means oversold (backorders). */
  availableUnits: number;
  /** Ordered from a supplier or in transit, not yet received. */
  incomingUnits: number;
  /** The safety_stock quantity currently set in Shopify; absent means none set. */
  safetyStockUnits?: number | null;
}

/** A sellable variant and what it belongs to. */
export interface VariantRecord {
  variantId: string;
  productId: string;
  /** Absent: no supplier recorded; shop defaults apply and no supplier draft line is made. */
  supplierId?: string | null;
  sku?: string | null;
  /** Human label such as "Red / M", used in explanations and supplier drafts. */
  title?: string | null;
  /** A product line the shop has never sold: autonomy rules always require a person. */
  isNewProductLine?: boolean;
}

/** A stocking location and the sales region its demand and sentiment are measured in. */
export interface LocationRecord {
  locationId: string;
  /** Region code shared with the regional sentiment rows ("US-West", "DE"). */
  regionCode: string;
}

/** Aspect families that route customer complaints to a team (product definition). */
export type IssueAspect = "design" | "function" | "service";

/**
 * One week of aggregated sentiment for a product, optionally narrowed to one variant or one region.
 * Neither variantId nor regionCode: the product-wide row, which drives the learned lift.
 *
 * @example
 * const week: SentimentWeek = {
 *   productId: "p1", weekStart: "2025-03-03", weightedIndex: 0.35, negativeShare: 0.1,
 *   positiveShare: 0.55, volume: 120, volatility: 0.08,
 * };
 */
export interface SentimentWeek {
  productId: string;
  variantId?: string | null;
  regionCode?: string | null;
  /** ISO date of the week's first day; weeks of one scope are 7 days apart. */
  weekStart: string;
  /** Platform- and trust-weighted polarity, −1..1. */
  weightedIndex: number;
  /** 0..1 */
  negativeShare: number;
  /** 0..1 */
  positiveShare: number;
  /** Mentions counted that week. */
  volume: number;
  /** Standard deviation of the daily weighted index within the week, on the same −1..1 scale. */
  volatility: number;
  /**
   * Share (0..1) of the week's weighted volume coming from influencer (KOL) accounts. A spike carried
   * by a few large accounts is treated as unconfirmed until sales follow. Absent: 0.
   */
  kolShare?: number | null;
  /** Negative mentions per issue aspect that week, for task routing. */
  negativeAspectMentions?: Partial<Record<IssueAspect, number>> | null;
}

/** A decision made earlier (applied or approved), used by the cooldown and autonomy guardrails. */
export interface PastDecision {
  variantId: string;
  locationId: string | null;
  kind: string;
  /** ISO instant the change was applied (or approved). */
  decidedAt: string;
  /** The value proposed then, in the same units as the proposal's `proposedUnits`. */
  proposedUnits: number;
  deltaUnits: number;
}

/** Everything one planning run reads. */
export interface PlanningInput {
  variants: readonly VariantRecord[];
  locations: readonly LocationRecord[];
  inventory: readonly InventoryRecord[];
  sales: readonly SalesHistory[];
  sentiment: readonly SentimentWeek[];
  pastDecisions: readonly PastDecision[];
}
