/**
 * Shapes of the backtest: what a replay reads (a store's daily customer demand, its catalogue, the
 * sentiment weeks it could have known) and what it reports per policy.
 */
import type { LocationRecord, SentimentWeek, VariantRecord } from "../planningInput";
import type { RecommendationBatch } from "../buildRecommendations";
import type { InventorySettings } from "../settings";

/** One variant at one location over the replayed days. */
export interface ReplaySeries {
  variantId: string;
  productId: string;
  locationId: string;
  /** Days between placing an order and receiving it; the policy plans with the same number. */
  leadTimeDays: number;
  /** Units customers wanted each day from the dataset's first day (uncensored demand where known). */
  demandUnits: ArrayLike<number>;
  /** Units on the shelf before day 0, the same for every policy. */
  openingStockUnits: number;
}

/** Everything one replay needs. Demand is read day by day; nothing is shown to a policy early. */
export interface ReplayDataset {
  /** ISO date of day 0. */
  firstDay: string;
  /** Days replayed (26 weeks = 182). */
  days: number;
  variants: readonly VariantRecord[];
  locations: readonly LocationRecord[];
  series: readonly ReplaySeries[];
  /**
   * Weekly sentiment rows. A row becomes visible to the policy on the first day after its week ends
   * (weekStart + 7): the builder guarantees it was computed from mentions posted before then.
   */
  sentiment: readonly SentimentWeek[];
  /** Shop settings the policies plan with (lead times, case packs, lift, thresholds…). */
  settings: InventorySettings;
  /** Groups results are reported by (a product story, or the product itself for a stored shop). */
  groupOfProduct: ReadonlyMap<string, ReplayGroup>;
}

export interface ReplayGroup {
  name: string;
  /** Whether sentiment is expected to lead this group's demand (the targets apply to these). */
  sentimentLed: boolean;
}

/**
 * "foresight" is the blind policy told each series' real demand over its lead time + review period
 * (from `foresightFromDay`): a bound on what any policy that only improves the demand estimate can
 * reach with the same replenishment arithmetic, not a policy anyone could run.
 */
export type ReplayPolicy = "pulse" | "blind" | "foresight";

export interface ReplayOptions {
  /** Days between reviews (one planning cycle); default 7. */
  reviewEveryDays?: number;
  /** Days of demand averaged to define cover for the overstock measure; default 28. */
  coverWindowDays?: number;
  /** Stock above this many days of cover is overstock; default 56 (8 weeks). */
  overstockCoverDays?: number;
  /** Apply speculative (pre-positioning) restocks as if a person approved them; default true. */
  applySpeculative?: boolean;
  /** Apply "reduce" proposals (cancel incoming units); default true. */
  applyReduce?: boolean;
  /** Metrics count days from this one (e.g. the first day sentiment exists); default 0. */
  measureFromDay?: number;
  /** The "foresight" policy knows demand from this day on (before it, it is the blind policy); default 0. */
  foresightFromDay?: number;
  /** Called after each planning run with its batch (diagnostics: multipliers, orders); default none. */
  onReview?: (review: { day: number; policy: ReplayPolicy; batch: RecommendationBatch }) => void;
}

/** Day-by-day trace of one series under one policy (all arrays have `days` entries). */
export interface SeriesTrace {
  variantId: string;
  productId: string;
  locationId: string;
  demandUnits: Float64Array;
  soldUnits: Float64Array;
  /** Units received at the start of the day. */
  receivedUnits: Float64Array;
  /** Units ordered at the review that day (after cancellations). */
  orderedUnits: Float64Array;
  /** Incoming units cancelled that day by a "reduce" decision. */
  cancelledUnits: Float64Array;
  /** Shelf at the start of the day, after arrivals. */
  openingStockUnits: Float64Array;
  /** Shelf at the end of the day. */
  closingStockUnits: Float64Array;
  /** Units still on order at the end of the replay (ordered, not yet received, not cancelled). */
  outstandingUnits: number;
  initialStockUnits: number;
}

export interface ReplayRun {
  policy: ReplayPolicy;
  firstDay: string;
  days: number;
  traces: SeriesTrace[];
  /** Planning runs that could not use a setting (should be empty). */
  notes: string[];
}

/** The four figures of the issue, for one series, group or total. */
export interface ReplayMetrics {
  /** Variant × location days on which the shelf opened empty or customers were turned away. */
  stockoutDays: number;
  /** Units customers wanted but could not buy. */
  lostUnits: number;
  /** Units above 8 weeks of cover, summed over the week-end stock counts. */
  overstockUnits: number;
  /** Units sold ÷ average units on the shelf, annualised. */
  turns: number;
}

/** Raw sums behind ReplayMetrics, so groups can be added before the ratio is taken. */
export interface MetricSums {
  stockoutDays: number;
  lostUnits: number;
  overstockUnits: number;
  soldUnits: number;
  /** Σ closing stock over the days (unit-days). */
  stockUnitDays: number;
  days: number;
}

export interface GroupComparison {
  name: string;
  sentimentLed: boolean;
  pulse: ReplayMetrics;
  blind: ReplayMetrics;
}
