/**
 * How sentiment moved against sales. Seed rule: validity index = sentiment change / sales change × 100%;
 * > 120 over-reaction (damp), 80–120 in sync (follow), < 80 lagging or distorted (flag).
 */
export type ValidityClass = "over-reaction" | "in-sync" | "lagging-or-distorted";

/** Why a class was chosen; the UI explains the class from this code. */
export type ValidityReason =
  | "ratio"
  | "opposite-directions"
  | "sales-flat-sentiment-moved"
  | "both-flat"
  | "ratio-out-of-range"
  | "non-finite-input";

export interface ValidityAssessment {
  validityClass: ValidityClass;
  /** The ratio in percent; null when sales did not move enough for a ratio to mean anything. */
  validityIndexPercent: number | null;
  reason: ValidityReason;
}

/** Bounds of the seed classes and the flat threshold below which a change counts as no change. */
export interface ValiditySettings {
  overReactionAbovePercent: number;
  laggingBelowPercent: number;
  /** |change| below this (in percent) is flat: dividing by it would only amplify noise. */
  flatChangePercent: number;
}

export const DEFAULT_VALIDITY_SETTINGS: ValiditySettings = {
  overReactionAbovePercent: 120,
  laggingBelowPercent: 80,
  flatChangePercent: 1,
};

/**
 * Returns the validity index and its class, never Infinity or NaN. When sales are flat the ratio is
 * undefined: sentiment moving alone is classed as over-reaction (acting on it would over-steer), and
 * both flat as in sync. Non-finite inputs are flagged for a person.
 *
 * @example
 * validityIndex(10, 10); // { validityClass: "in-sync", validityIndexPercent: 100, reason: "ratio" }
 * validityIndex(30, 10); // { validityClass: "over-reaction", validityIndexPercent: 300, reason: "ratio" }
 * validityIndex(15, 0); // { validityClass: "over-reaction", validityIndexPercent: null, reason: "sales-flat-sentiment-moved" }
 */
export function validityIndex(
  sentimentChangePercent: number,
  salesChangePercent: number,
  settings: ValiditySettings = DEFAULT_VALIDITY_SETTINGS,
): ValidityAssessment {
  if (!Number.isFinite(sentimentChangePercent) || !Number.isFinite(salesChangePercent)) {
    return { validityClass: "lagging-or-distorted", validityIndexPercent: null, reason: "non-finite-input" };
  }
  const flat = Math.max(Number.EPSILON, Math.abs(settings.flatChangePercent));
  const salesFlat = Math.abs(salesChangePercent) < flat;
  const sentimentFlat = Math.abs(sentimentChangePercent) < flat;
  if (salesFlat) {
    return sentimentFlat
      ? { validityClass: "in-sync", validityIndexPercent: null, reason: "both-flat" }
      : { validityClass: "over-reaction", validityIndexPercent: null, reason: "sales-flat-sentiment-moved" };
  }
  const validityIndexPercent = (sentimentChangePercent / salesChangePercent) * 100;
  if (!Number.isFinite(validityIndexPercent)) {
    // Only absurd inputs get here (|sentiment change| near 1e306 %): a ratio beyond doubles is a huge over-reaction.
    return {
      validityClass: validityIndexPercent > 0 ? "over-reaction" : "lagging-or-distorted",
      validityIndexPercent: null,
      reason: validityIndexPercent > 0 ? "ratio-out-of-range" : "opposite-directions",
    };
  }
  if (validityIndexPercent < 0) {
    return { validityClass: "lagging-or-distorted", validityIndexPercent, reason: "opposite-directions" };
  }
  const validityClass: ValidityClass =
    validityIndexPercent > settings.overReactionAbovePercent
      ? "over-reaction"
      : validityIndexPercent < settings.laggingBelowPercent
        ? "lagging-or-distorted"
        : "in-sync";
  return { validityClass, validityIndexPercent, reason: "ratio" };
}
