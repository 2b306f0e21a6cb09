import { aspectSentiments } from "./aspectSentiment";
import { defaultAspectTaxonomy } from "./aspectTaxonomy";
import { scoreChinese } from "./chineseScorer";
import { englishWordEvidence, scoreEnglish } from "./englishScorer";
import { tokenizeAsciiText, tokenizeEnglish, type EnglishToken } from "./englishTokenizer";
import { findFeatureRequests } from "./featureRequests";
import { cleanInput, defaultMaxChars } from "./inputCleaning";
import {
  languageByModel,
  languageByScript,
  languageOfLatinTokens,
  latinScript,
  needsModel,
  shortLatinScript,
  shortTextLetters,
} from "./languageDetection";
import { lexiconVersion } from "./lexiconVersion";
import { defaultNeutralBand, labelForPolarity, normalizeValence } from "./polarityScale";
import type { AnalyzeOptions, ScoredText, SentimentAnalysis, UnscorableReason } from "./types";

interface Reading {
  readonly language: string;
  readonly cleaned: string;
  readonly truncated: boolean;
  readonly scored?: ScoredText;
  readonly unscorableReason?: UnscorableReason;
}

/** Cleans, detects the language and runs the matching scorer; the shared first half of `analyze` and `score`. */
function read(text: unknown, maxChars: number, withClauses: boolean): Reading {
  // Callers in plain JS or from JSON may hand us anything; a non-string is bad input, not a bug here.
  if (typeof text !== "string")
    return { language: "und", cleaned: "", truncated: false, unscorableReason: "invalid-input" };
  const { text: cleaned, truncated } = cleanInput(text, maxChars);
  if (cleaned.length === 0) {
    return {
      language: "und",
      cleaned,
      truncated,
      unscorableReason: text.trim().length === 0 ? "empty" : "no-content",
    };
  }
  // A Latin-script text is tokenised once: its words are the language evidence and the input of
  // the English scorer alike. Plain ASCII text (most English mentions) needs no script census.
  let tokens: EnglishToken[] | undefined;
  let language: string;
  const ascii = tokenizeAsciiText(cleaned);
  if (ascii) {
    tokens = ascii.tokens;
    if (ascii.latinLetters === 0) language = "und";
    else {
      const short = ascii.latinLetters < shortTextLetters;
      language = languageOfLatinTokens(tokens, short, englishWordEvidence);
    }
  } else {
    language = languageByScript(cleaned);
    if (language === latinScript || language === shortLatinScript) {
      tokens = tokenizeEnglish(cleaned);
      language = languageOfLatinTokens(tokens, language === shortLatinScript, englishWordEvidence);
    }
  }
  if (language === needsModel) {
    // The model costs ~0.5 ms; a text in which the English lexicon finds nothing scores 0 in any
    // case, so the plain score path asks the model only when the answer would change the score.
    if (!withClauses) {
      const scored = scoreEnglish(cleaned, false, tokens);
      if (scored.absoluteValence === 0) return { language: "und", cleaned, truncated, scored };
      language = languageByModel(cleaned);
      if (language === "en") return { language, cleaned, truncated, scored };
    } else {
      language = languageByModel(cleaned);
    }
  }
  if (language === "en")
    return { language, cleaned, truncated, scored: scoreEnglish(cleaned, withClauses, tokens) };
  if (language === "zh") return { language, cleaned, truncated, scored: scoreChinese(cleaned) };
  if (language === "und") {
    // No letters: emoji and emoticons still speak ("😍😍"), punctuation and numbers do not.
    const scored = scoreEnglish(cleaned, withClauses, tokens);
    if (scored.absoluteValence > 0) return { language, cleaned, truncated, scored };
    return { language, cleaned, truncated, unscorableReason: "no-content" };
  }
  return { language, cleaned, truncated, unscorableReason: "unsupported-language" };
}

/**
 * Returns the full reading of a mention: polarity in [-1, 1], label, intensity, language, aspects
 * with their polarity and issue type, feature requests, and why it was not scored when it was not.
 * Never throws on text; unscorable input comes back with `scored: false` and a reason.
 * @example
 * analyze("not bad at all, but the nose pads pinch after an hour").aspects[0]?.aspect; // "comfort"
 */
export function analyze(text: string, options: AnalyzeOptions = {}): SentimentAnalysis {
  const neutralBand = options.neutralBand ?? defaultNeutralBand;
  const reading = read(text, options.maxChars ?? defaultMaxChars, true);
  const { scored } = reading;
  if (!scored) {
    return {
      polarity: 0,
      label: "neutral",
      intensity: 0,
      language: reading.language,
      scored: false,
      unscorableReason: reading.unscorableReason,
      truncated: reading.truncated,
      tokens: [],
      aspects: [],
      featureRequests: [],
      lexiconVersion,
    };
  }
  const polarity = normalizeValence(scored.valence);
  return {
    polarity,
    label: labelForPolarity(polarity, neutralBand),
    intensity: normalizeValence(scored.absoluteValence),
    language: reading.language,
    scored: true,
    truncated: reading.truncated,
    tokens: scored.tokens,
    aspects: aspectSentiments(
      scored.clauses,
      reading.language,
      options.aspectTaxonomy ?? defaultAspectTaxonomy,
    ),
    featureRequests: findFeatureRequests(reading.cleaned, reading.language),
    lexiconVersion,
  };
}

/**
 * Returns the plain polarity of a text in [-1, 1]: 0 for neutral, empty or unsupported-language
 * text. The cheap path for harnesses and batch scoring: no aspects, no feature requests.
 * @example
 * score("Worth every penny!"); // ≈ 0.6
 */
export function score(text: string): number {
  const { scored } = read(text, defaultMaxChars, false);
  return scored ? normalizeValence(scored.valence) : 0;
}
