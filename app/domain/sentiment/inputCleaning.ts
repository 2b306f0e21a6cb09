import { decodeHtmlEntities } from "~/domain/text/html";

/** Default cap on text length; reviews are far shorter, and the cap keeps a 1 MB paste cheap. */
export const defaultMaxChars = 100_000;

/** Text ready for tokenising: markup and links gone, always well-formed UTF-16. */
export interface CleanedText {
  readonly text: string;
  readonly truncated: boolean;
}

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const doubleSpace = /[ \t\u00a0]{2}/;
const anySurrogate = /[\uD800-\uDFFF]/;
const scriptOrStyle = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const htmlTag = /<\/?[a-z][^>]*>|<!--[\s\S]*?-->/gi;
const markdownImage = /!\[([^\]]*)\]\([^)]*\)/g;
const markdownLink = /\[([^\]]+)\]\([^)]*\)/g;
const url = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const email = /\b[\w.+-]+@[\w-]+\.[\w.]+\b/g;
// "name@host.tld" has a dot after the "@"; most "@" in mentions are handles, so look before the slow scan.
const emailShape = /@[\w-]+\./;

/** The characters of regex `\s`: ASCII and Unicode spaces, line breaks, BOM. */
function isRegexSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** The characters of regex `\w`. */
function isRegexWordChar(code: number): boolean {
  return (
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x5f
  );
}

/**
 * Removes @handles at the start or after a space: `text.replace(/(^|\s)@\w+/g, "$1")` by a scan,
 * since half of all mentions carry a handle and the regex was a tenth of the cleaning time.
 */
function removeHandles(text: string): string {
  let kept = "";
  let copiedUpTo = 0;
  for (let at = text.indexOf("@"); at >= 0; at = text.indexOf("@", at + 1)) {
    if (at > 0 && !isRegexSpace(text.charCodeAt(at - 1))) continue;
    let end = at + 1;
    while (end < text.length && isRegexWordChar(text.charCodeAt(end))) end++;
    if (end === at + 1) continue;
    kept += text.slice(copiedUpTo, at);
    copiedUpTo = end;
    at = end - 1;
  }
  return copiedUpTo === 0 ? text : kept + text.slice(copiedUpTo);
}
// Markdown emphasis, headings, quotes and code fences carry no words; keep the words inside.
const markdownMarks = /(\*\*|__|~~|`{1,3}|^#{1,6}\s|^>\s?)/gm;
/**
 * Returns the readable words of a mention: lone surrogates replaced by U+FFFD, HTML tags,
 * markdown marks, URLs, e-mail addresses and @handles removed, entities decoded, length capped.
 * @example
 * cleanInput("<p>Love it!</p> https://x.co").text; // "Love it!"
 */
export function cleanInput(raw: string, maxChars: number = defaultMaxChars): CleanedText {
  const truncated = raw.length > maxChars;
  let text = truncated ? raw.slice(0, maxChars) : raw;
  // Surrogates are rare in English text; test for any before the slower pair-aware replace.
  if (anySurrogate.test(text)) text = text.replace(loneSurrogate, "\uFFFD");
  if (text.includes("<")) text = text.replace(scriptOrStyle, " ").replace(htmlTag, " ");
  text = decodeHtmlEntities(text);
  if (text.includes("](")) text = text.replace(markdownImage, "$1").replace(markdownLink, "$1");
  if (text.includes("://") || text.includes("www.")) text = text.replace(url, " ");
  if (text.includes("@")) {
    if (emailShape.test(text)) text = text.replace(email, " ");
    text = removeHandles(text);
  }
  // Removed markup leaves runs of spaces; evidence quotes read better without them.
  if (/[*_~`#>]/.test(text)) text = text.replace(markdownMarks, " ");
  if (doubleSpace.test(text)) text = text.replace(/[ \t\u00a0]{2,}/g, " ");
  return { text: text.trim(), truncated };
}
