import { createHash } from "node:crypto";
import { textTokens } from "~/domain/signals/textTokens";

/**
 * Texts shorter than this many word tokens (a Han character is one token) get no fingerprint:
 * "Love it!" written by two customers is a coincidence, not a copied post.
 */
export const MIN_FINGERPRINT_TOKENS = 8;

/**
 * Returns a hash of the text's normalised words (lower case, punctuation and spacing ignored,
 * links reduced to one placeholder), or null for texts too short to say anything about copying.
 * Two mentions with the same fingerprint carry the same words in the same order: a cross-post or a
 * syndicated review.
 *
 * @example
 * textFingerprint("The lamp is GREAT, bright and warm. https://x.co/a Buy it now!") ===
 *   textFingerprint("the lamp is great bright and warm https://y.io/b buy it now"); // true
 */
export function textFingerprint(text: string): string | null {
  const tokens = textTokens(text);
  const words = tokens.filter((token) => token !== "⟨link⟩").length;
  if (words < MIN_FINGERPRINT_TOKENS) return null;
  return createHash("sha256").update(tokens.join(" ")).digest("hex").slice(0, 32);
}
