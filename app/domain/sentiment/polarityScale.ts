import type { SentimentLabel } from "./types";

/**
 * Spread of the normalisation curve in lexicon units squared. With AFINN's -5..5 words, one
 * "good" (3) lands near 0.5 and three of them near 0.87, close to how raters saturate.
 */
const normalisationAlpha = 24;

/**
 * Maps a summed valence onto [-1, 1] with x / sqrt(x² + α), the curve VADER uses: linear near 0,
 * saturating for long enthusiastic texts instead of growing without bound.
 * @example
 * normalizeValence(3); // ≈ 0.52
 */
export function normalizeValence(valence: number, alpha: number = normalisationAlpha): number {
  if (!Number.isFinite(valence) || valence === 0) return 0;
  const polarity = valence / Math.sqrt(valence * valence + alpha);
  return Math.max(-1, Math.min(1, polarity));
}

/** Default half-width of the neutral band around 0. */
export const defaultNeutralBand = 0.1;

/**
 * Labels a polarity: inside (-band, band) is neutral.
 * @example
 * labelForPolarity(0.3); // "positive"
 */
export function labelForPolarity(polarity: number, neutralBand: number = defaultNeutralBand): SentimentLabel {
  if (polarity >= neutralBand && polarity > 0) return "positive";
  if (polarity <= -neutralBand && polarity < 0) return "negative";
  return "neutral";
}
