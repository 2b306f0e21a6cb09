/**
 * What Pulse keeps of a mention's text: readable words without markup, and no e-mail addresses or
 * phone numbers (the product definition: "no emails or phone numbers kept"). Links stay: they are
 * part of what was said and feed link-spam detection.
 */

import { COMMON_NAMED_ENTITIES, decodeHtmlEntities } from "~/domain/text/html";

const scriptOrStyle = /<(script|style|noscript)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const blockBreak = /<\s*(?:br|\/p|\/div|\/li|\/h[1-6]|\/tr|\/blockquote)\b[^>]*>/gi;
const htmlTag = /<\/?[a-z][^>]*>|<!--[\s\S]*?-->/gi;
// Mentions quote dashes often enough to decode them too.
const namedEntities = { ...COMMON_NAMED_ENTITIES, mdash: "—", ndash: "–" };

// Control characters other than tab and newline, and lone surrogates, never belong in stored text.
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Returns the plain text of a possibly-HTML string: scripts and styles dropped, block ends turned
 * into line breaks, tags removed, entities decoded, runs of spaces collapsed, trimmed.
 *
 * @example
 * htmlToText("<p>Love it&nbsp;&amp; the <b>colour</b></p><script>x()</script>"); // "Love it & the colour"
 */
export function htmlToText(raw: string): string {
  let text = raw.replace(loneSurrogate, "\uFFFD").replace(controlCharacters, " ");
  if (text.includes("<")) {
    text = text.replace(scriptOrStyle, " ").replace(blockBreak, "\n").replace(htmlTag, "");
  }
  text = decodeHtmlEntities(text, { named: namedEntities });
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0]+/g, " ")
    .replace(/ *\n[ \n]*/g, "\n")
    .trim();
}

/** Replaces what was removed, so a reader sees that something was there. */
export const EMAIL_PLACEHOLDER = "[email removed]";
export const PHONE_PLACEHOLDER = "[phone removed]";

// RFC 5322 local-part characters, "@", a domain with at least one dot and a top-level label
// with a letter. Also catches "mailto:" links.
const emailPattern =
  /(?:mailto:)?[\p{L}\p{N}.!#$%&'*+/=?^_`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}\p{N}-]*\p{L}[\p{L}\p{N}-]*/gu;
// A run of digits with the separators phone numbers use; digits are counted afterwards.
const phoneCandidate = /(?<![\p{L}\p{N}/#=])\+?\(?\d[\d\s().-]{5,20}\d(?![\p{L}\p{N}])/gu;
const isoDateLike = /^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/;

/**
 * Decides whether a digit run is a phone number: 9–15 digits (international numbers, Chinese
 * mobiles with 11), or 8+ after a "+". Dates, prices and short order numbers are left alone.
 */
function isPhoneNumber(candidate: string): boolean {
  const trimmed = candidate.trim();
  if (isoDateLike.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, "").length;
  if (digits > 15) return false;
  return trimmed.startsWith("+") ? digits >= 8 : digits >= 9;
}

/**
 * Returns the text with e-mail addresses and phone numbers replaced by placeholders.
 *
 * @example
 * redactContactDetails("Mail me at mia@example.com or call +1 (555) 123-4567");
 * // "Mail me at [email removed] or call [phone removed]"
 */
export function redactContactDetails(text: string): string {
  let result = text.includes("@") ? text.replace(emailPattern, EMAIL_PLACEHOLDER) : text;
  if (/\d{3}/.test(result) || /\d[\s().-]\d/.test(result)) {
    result = result.replace(phoneCandidate, (match) => {
      // Keep the separator the pattern may have swallowed at the end of a sentence.
      return isPhoneNumber(match) ? PHONE_PLACEHOLDER : match;
    });
  }
  return result;
}

/**
 * Returns the link to the post itself when it is a well-formed http(s) URL without credentials,
 * else null (a mailto: or a javascript: link is not a post).
 *
 * @example
 * postUrl("https://www.reddit.com/r/lamps/comments/abc"); // "https://www.reddit.com/r/lamps/comments/abc"
 * postUrl("mailto:mia@example.com"); // null
 */
export function postUrl(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  if (parsed.username || parsed.password) return null;
  const href = parsed.href;
  return href.length > 2_000 ? null : href;
}
