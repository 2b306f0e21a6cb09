/**
 * HTML in exported text (review bodies, news snippets) turned into plain text: scripts and styles
 * dropped, block tags become line breaks, entities decoded, whitespace collapsed. Parsing only; the
 * ingestion pipeline still strips e-mail addresses and phone numbers.
 */

import { COMMON_NAMED_ENTITIES, decodeHtmlEntities } from "~/domain/text/html";

// Exports (review platforms, news feeds) also carry symbols; unknown numeric references stay as written.
const NAMED_ENTITIES = {
  ...COMMON_NAMED_ENTITIES,
  mdash: "—",
  ndash: "–",
  copy: "©",
  reg: "®",
  trade: "™",
  euro: "€",
  pound: "£",
  yen: "¥",
  middot: "·",
  bull: "•",
};

/**
 * Plain text of a cell that may contain HTML; text without tags or entities comes back trimmed.
 * @example htmlToText("<p>Love the <b>red</b> one&nbsp;&amp; more</p><script>x()</script>") // "Love the red one & more"
 */
export function htmlToText(value: string): string {
  if (!value) return "";
  let text = value;
  if (text.includes("<")) {
    text = text
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, " ")
      .replace(/<!--[\s\S]*?-->/g, " ")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|li|h[1-6]|tr|blockquote)\s*>/gi, "\n")
      .replace(/<\/?[a-zA-Z][^<>]*>/g, " ");
  }
  text = decodeHtmlEntities(text, { named: NAMED_ENTITIES, invalid: "keep" });
  return text
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}
