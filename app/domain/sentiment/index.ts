// Public surface of the sentiment domain: everything else in this folder is an implementation detail.
export { analyze, score } from "./analyze";
export { defaultAspectTaxonomy, extendAspectTaxonomy } from "./aspectTaxonomy";
export { lexiconVersion } from "./lexiconVersion";
export { defaultNeutralBand, labelForPolarity, normalizeValence } from "./polarityScale";
export type {
  AnalyzeOptions,
  AspectDefinition,
  AspectSentiment,
  AspectTaxonomy,
  FeatureRequest,
  IssueType,
  SentimentAnalysis,
  SentimentLabel,
  UnscorableReason,
} from "./types";
