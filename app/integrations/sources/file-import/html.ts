/**
 * HTML in exported text (review bodies, news snippets) turned into plain text: scripts and styles
 * dropped, block tags become line breaks, entities decoded, whitespace collapsed. Parsing only; the
 * ingestion pipeline still strips e-mail addresses and phone numbers.
 */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  hellip: "…",
  mdash: "—",
  ndash: "–",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
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
  if (text.includes("&")) {
    text = text.replace(/&(#x[0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z]{2,8});/g, (entity: string, body: string) => {
      if (body[0] === "#") {
        const code =
          body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
      }
      return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    });
  }
  return text
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n[\s]*/g, "\n")
    .trim();
}
