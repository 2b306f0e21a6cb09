/** Matches http(s) links, www. links and bare domains with a common TLD ("shop.example.com/x"). */
export const LINK_PATTERN =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|shop|store|co|io|ly|me|link|xyz|top|info|biz|app)(?:\/\S*)?\b/giu;

// Han characters are tokens on their own (Chinese has no spaces, and per-character shingles are
// what near-duplicate detection needs); any other run of letters or digits is one word.
const TOKEN_PATTERN = /\p{Script=Han}|(?:[^\P{L}\p{Script=Han}]|\p{N}|['’])+/gu;

/**
 * Returns the lower-case word tokens of a text, with every link replaced by the token "⟨link⟩"
 * so that two spam posts differing only in their tracking URL still look alike.
 *
 * @example
 * textTokens("Buy NOW at https://x.co/a?b=1 !!"); // ["buy", "now", "at", "⟨link⟩"]
 */
export function textTokens(text: string): string[] {
  const tokens: string[] = [];
  // Links are cut out first so their path segments do not become words.
  let last = 0;
  // Every link form has a dot; skipping the link scan otherwise saves most of the tokenising time.
  const links = text.includes(".") ? text.matchAll(LINK_PATTERN) : [];
  for (const match of links) {
    const index = match.index;
    pushWords(text.slice(last, index), tokens);
    tokens.push("⟨link⟩");
    last = index + match[0].length;
  }
  pushWords(text.slice(last), tokens);
  return tokens;
}

function pushWords(fragment: string, into: string[]): void {
  for (const match of fragment.toLowerCase().matchAll(TOKEN_PATTERN)) into.push(match[0]);
}
