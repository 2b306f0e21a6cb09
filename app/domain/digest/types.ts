import type { SupportedLocale } from "~/i18n";
import type { AspectDriver, IsoWeek, UnmetNeed } from "~/domain/signals";

/** One product's product-level signal row (all platforms, all regions) in one ISO week. */
export interface DigestSignalWeek {
  volume: number;
  /** Weighted sentiment index in [−1, 1]. */
  sentimentIndex: number;
  negativeShare: number;
  drivers: readonly AspectDriver[];
  unmetNeeds: readonly UnmetNeed[];
}

/** A product's digest week and the calendar week before it (null when it had no mentions). */
export interface DigestProductSignal {
  productId: string;
  title: string;
  current: DigestSignalWeek | null;
  previous: DigestSignalWeek | null;
}

/** An inventory review alert raised during the digest week. */
export interface DigestAlertInput {
  kind: string;
  severity: string;
  message: string;
  productTitle: string | null;
}

/** A recommendation waiting for a person, with the numbers the merchant approves. */
export interface DigestPendingRecommendation {
  id: string;
  kind: string;
  productTitle: string | null;
  variantTitle: string | null;
  locationName: string | null;
  currentUnits: number | null;
  proposedUnits: number | null;
  deltaUnits: number | null;
  /** One line from the recommendation's explanation. */
  reason: string;
}

/** A change Pulse applied on its own during the week (autonomy policy). */
export interface DigestAppliedChange {
  kind: string;
  productTitle: string | null;
  variantTitle: string | null;
  currentUnits: number | null;
  proposedUnits: number | null;
}

/** Something only the merchant can fix. */
export type DigestProblem =
  | { kind: "source_needs_attention"; sourceName: string; reason: string | null }
  | { kind: "sync_failed"; syncKind: string; error: string | null };

/** Everything the digest of one shop-week is made from, read by the service; no I/O here. */
export interface DigestInput {
  week: IsoWeek;
  shopName: string;
  locale: SupportedLocale;
  /** Base of links into the embedded app, ending in "/app" (no trailing slash). */
  appBaseUrl: string;
  products: readonly DigestProductSignal[];
  alerts: readonly DigestAlertInput[];
  pendingCount: number;
  pending: readonly DigestPendingRecommendation[];
  appliedAutomatically: readonly DigestAppliedChange[];
  problems: readonly DigestProblem[];
  /** How many listening sources were looked at, for the "all quiet" note. */
  sourcesChecked: number;
}

/** A product whose sentiment or volume moved this week, with the numbers. */
export interface DigestMover {
  productId: string;
  title: string;
  sentimentIndex: number;
  previousSentimentIndex: number | null;
  /** Index units (−2..2); null when the product had no mentions the week before. */
  indexDelta: number | null;
  volume: number;
  previousVolume: number;
  /** Percent; null when last week's volume was below the minimum base. */
  volumeChangePercent: number | null;
}

/** An aspect (with its stance) whose mentions grew or shrank across the shop's products. */
export interface DigestTopicChange {
  aspect: string;
  stance: "positive" | "negative";
  mentions: number;
  previousWeekMentions: number;
  changePercent: number;
}

/** A feature request cluster that grew this week. */
export interface DigestUnmetNeed {
  label: string;
  mentions: number;
  previousWeekMentions: number;
}

/** What the digest says, already selected and ordered; rendering only formats it. */
export interface DigestContent {
  week: IsoWeek;
  movers: DigestMover[];
  topics: DigestTopicChange[];
  unmetNeeds: DigestUnmetNeed[];
  alerts: DigestAlertInput[];
  pendingCount: number;
  pending: DigestPendingRecommendation[];
  appliedAutomatically: DigestAppliedChange[];
  problems: DigestProblem[];
  /** Nothing moved, nothing waits, nothing broke. */
  quiet: boolean;
  checked: { productsWithSignals: number; sourcesChecked: number };
}

/** A digest ready to send. */
export interface RenderedDigest {
  subject: string;
  text: string;
  html: string;
}
