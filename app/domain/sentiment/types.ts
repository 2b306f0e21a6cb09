/** Three-way reading of a text, decided from its polarity and the neutral band. */
export type SentimentLabel = "positive" | "neutral" | "negative";

/**
 * Why a text carries no score. Stored with the mention so the merchant sees "not scored" and the
 * reason, rather than a silent neutral that would dilute shares.
 */
export type UnscorableReason = "empty" | "no-content" | "unsupported-language" | "invalid-input";

/** Who acts on a complaint about an aspect (architecture: design → marketing, function → product fix…). */
export type IssueType = "marketing" | "product-fix" | "support" | "pricing" | "assortment";

/** One aspect of a product customers talk about, with the words that name it in each scored language. */
export interface AspectDefinition {
  readonly id: string;
  readonly issueType: IssueType;
  readonly synonyms: { readonly en: readonly string[]; readonly zh: readonly string[] };
}

/** The aspects a shop tracks; defaults in `aspectTaxonomy.ts`, extended per shop. */
export type AspectTaxonomy = readonly AspectDefinition[];

/** How a text speaks about one aspect, read from the clauses that mention it. */
export interface AspectSentiment {
  readonly aspect: string;
  readonly polarity: number;
  readonly issueType: IssueType;
  /** The clause that carried the strongest sentiment about the aspect. */
  readonly evidence: string;
}

/** An unmet need ("wish it came in polarized"), with a key shared by its rewordings. */
export interface FeatureRequest {
  /** The requested thing as written. */
  readonly phrase: string;
  /** Lower-cased, singular, American spelling, stopwords dropped. */
  readonly normalized: string;
  /** Order-free key without generic words ("option", "version"), so rewordings cluster together. */
  readonly clusterKey: string;
}

/** Options of `analyze`; every field has a default so callers pass only what the shop changed. */
export interface AnalyzeOptions {
  /** Polarities with an absolute value below this are labelled neutral. Default 0.1. */
  readonly neutralBand?: number;
  /** Aspects to look for; defaults to `defaultAspectTaxonomy`. */
  readonly aspectTaxonomy?: AspectTaxonomy;
  /** Longer texts are cut to this many UTF-16 units before scoring. Default 100,000. */
  readonly maxChars?: number;
}

/** Everything Pulse reads from one mention. */
export interface SentimentAnalysis {
  /** Overall polarity in [-1, 1]; 0 when not scored. */
  readonly polarity: number;
  readonly label: SentimentLabel;
  /** How much sentiment the text carries regardless of direction, in [0, 1]; a mixed review scores high. */
  readonly intensity: number;
  /** ISO 639-1 code, or "und" when no language could be told (emoji only, empty). */
  readonly language: string;
  readonly scored: boolean;
  readonly unscorableReason?: UnscorableReason;
  readonly truncated: boolean;
  /** Lower-cased words (English) or segments (Chinese) that were read. */
  readonly tokens: readonly string[];
  readonly aspects: readonly AspectSentiment[];
  readonly featureRequests: readonly FeatureRequest[];
  /** Bumped whenever lexicons or rules change, so stored scores can be recomputed. */
  readonly lexiconVersion: string;
}

/** One clause of a scored text: the unit for aspect polarity and the scope of negation. */
export interface ScoredClause {
  readonly text: string;
  /** Normalised words or segments in the clause, for aspect matching. */
  readonly terms: readonly string[];
  /** Weighted sum of the valences read in the clause (lexicon units, before normalisation). */
  readonly valence: number;
}

/** What a language scorer hands back before normalisation. */
export interface ScoredText {
  readonly tokens: readonly string[];
  readonly clauses: readonly ScoredClause[];
  /** Weighted sum over the whole text, lexicon units. */
  readonly valence: number;
  /** Sum of absolute weighted valences, lexicon units; feeds `intensity`. */
  readonly absoluteValence: number;
}
