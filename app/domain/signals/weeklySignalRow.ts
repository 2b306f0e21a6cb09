import type { CountGrowth } from "./countGrowth";
import type { IsoWeek } from "./isoWeek";
import type { SignalDimensions } from "./signalKey";

/** Stance of an aspect or an author: the sign of its polarity outside the neutral band. */
export type Stance = "positive" | "neutral" | "negative";

/** The trailing-baseline comparison of a row's sentiment index. */
export type BaselineComparison =
  | {
      status: "ok";
      /** Weeks with mentions among the trailing window. */
      weeksWithData: number;
      /** Mean weekly sentiment index over those weeks. */
      baselineIndex: number;
      /** This week's index minus the baseline, in index units (−2..2; × 100 = percentage points). */
      indexChange: number;
      baselineVolumePerWeek: number;
      /** Volume against the baseline's weekly mean, in percent. */
      volumeChangePercent: number;
    }
  | { status: "insufficient-history"; weeksWithData: number; minHistoryWeeks: number };

/** Change against the calendar week just before (not the last week that had mentions). */
export type WeekOverWeekChange =
  | {
      status: "ok";
      previousVolume: number;
      /** Share difference, in share units (0.30 → 0.36 = +0.06). */
      negativeShareDelta: number;
      /** Relative change in percent (0.30 → 0.36 = +20); null when last week's share was 0. */
      negativeShareChangePercent: number | null;
      positiveShareDelta: number;
      positiveShareChangePercent: number | null;
      /** Index difference in index units. */
      indexDelta: number;
    }
  | { status: "no-previous-week" };

/** An aspect carrying sentiment this week ("comfort", negative: a comfort concern). */
export interface AspectDriver {
  aspect: string;
  stance: "positive" | "negative";
  mentions: number;
  previousWeekMentions: number;
  growth: CountGrowth;
}

/** An author with high reach and how they lean this week. */
export interface Influencer {
  authorHash: string;
  platform: string;
  reachFollowers: number;
  mentions: number;
  meanPolarity: number;
  stance: Stance;
}

/** A cluster of feature requests (an unmet need) and its growth. */
export interface UnmetNeed {
  clusterKey: string;
  /** The request as one customer normalised it, shown as the cluster's label. */
  normalized: string;
  mentions: number;
  previousWeekMentions: number;
  growth: CountGrowth;
}

/** One platform's or region's slice of a product week. */
export interface SplitEntry {
  /** Platform name or region code. */
  value: string;
  volume: number;
  positiveShare: number;
  neutralShare: number;
  negativeShare: number;
  sentimentIndex: number;
  lowTrustMentions: number;
}

/** The explanation attached to rows that sum all platforms and regions (where a person reads it). */
export interface SignalDetail {
  drivers: AspectDriver[];
  influencers: Influencer[];
  unmetNeeds: UnmetNeed[];
  platformSplit: SplitEntry[];
  regionSplit: SplitEntry[];
}

/** The least a row from an earlier run must carry to serve as history for trends. */
export interface WeeklySignalSummary {
  key: string;
  volume: number;
  positiveShare: number;
  negativeShare: number;
  sentimentIndex: number;
  detail?: {
    drivers: readonly Pick<AspectDriver, "aspect" | "stance" | "mentions">[];
    unmetNeeds: readonly Pick<UnmetNeed, "clusterKey" | "mentions">[];
  } | null;
}

/**
 * One weekly signal (SignalWeekly): a product (or variant) on a platform (or all) in a region (or
 * all) during one ISO week. Rows exist only for weeks with at least one mention, so volume ≥ 1 and
 * the three shares always sum to 1.
 */
export interface WeeklySignalRow extends SignalDimensions, WeeklySignalSummary {
  isoWeek: IsoWeek;
  volume: number;
  positiveMentions: number;
  neutralMentions: number;
  negativeMentions: number;
  positiveShare: number;
  neutralShare: number;
  negativeShare: number;
  /** Weighted mean polarity in [−1, 1]: platform weight × authenticity × reach weight. */
  sentimentIndex: number;
  /** Sum of weights behind the index; 0 means every mention had zero weight and the index is 0. */
  weightTotal: number;
  /** Mentions below the low-trust threshold: counted in volume and shares, down-weighted in the index. */
  lowTrustMentions: number;
  meanAuthenticity: number;
  /**
   * How much the daily weighted index moved within the week beyond what the number of mentions
   * alone explains (see samplingCorrectedVolatility), in index units; null on platform slices (not computed there).
   */
  volatility: number | null;
  /** Share of the week's weight from authors at or above the influencer reach, 0..1. */
  kolShare: number;
  baseline: BaselineComparison;
  weekOverWeek: WeekOverWeekChange;
  /** Present on platform "all" + region "all" rows; null on the finer slices to bound memory. */
  detail: SignalDetail | null;
}
