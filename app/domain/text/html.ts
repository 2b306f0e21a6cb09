/**
 * HTML character references (`&amp;`, `&#x1F600;`, `&#128512;`) turned back into the characters
 * they stand for. Shared by every place that reads text which may contain HTML: mention privacy,
 * file import and sentiment input cleaning. Each keeps its own tag stripping, since what a tag
 * becomes (nothing, a space, a line break) differs on purpose between them.
 */

/** The named entities that real mentions and reviews carry; others stay as written. */
export const COMMON_NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  hellip: "…",
  rsquo: "’",
  lsquo: "‘",
  ldquo: "“",
  rdquo: "”",
};

/** How {@link decodeHtmlEntities} reads a string. */
export interface EntityDecoding {
  /** Named entities understood (lower-case names, matched case-insensitively); default {@link COMMON_NAMED_ENTITIES}. */
  readonly named?: Readonly<Record<string, string>>;
  /**
   * What a numeric reference that names no valid character (NUL, a surrogate, past U+10FFFF)
   * becomes: a space (default), or the reference itself, unchanged.
   */
  readonly invalid?: "space" | "keep";
}

const entity = /&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi;

/**
 * Returns the text with its character references decoded; unknown names stay as written.
 *
 * @example
 * decodeHtmlEntities("5 &lt; 6 &amp; &#x1F600; &#0;"); // "5 < 6 & 😀  "
 * decodeHtmlEntities("&#0; &copy;", { named: { copy: "©" }, invalid: "keep" }); // "&#0; ©"
 */
export function decodeHtmlEntities(text: string, options: EntityDecoding = {}): string {
  if (!text.includes("&")) return text;
  const named = options.named ?? COMMON_NAMED_ENTITIES;
  const keepInvalid = options.invalid === "keep";
  return text.replace(entity, (match: string, body: string) => {
    if (body.startsWith("#")) {
      const codePoint =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // Surrogates, NUL and out-of-range code points would make invalid text.
      const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
      if (valid) return String.fromCodePoint(codePoint);
      return keepInvalid ? match : " ";
    }
    return named[body.toLowerCase()] ?? match;
  });
}
