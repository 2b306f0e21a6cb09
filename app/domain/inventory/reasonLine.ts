/** The longest reason line a compact surface (the product page's action modal, the digest) shows. */
export const REASON_LINE_MAX_CHARS = 160;

/**
 * The one-line reason for a recommendation, from its explanation's formula (the rule in plain
 * words): the first clause, without the asides in parentheses that follow a word
 * ("falls to the reorder point (expected demand …)"), cut at a word boundary with "…" when longer
 * than `maxChars`. Parentheses glued to a symbol ("z(service level)") are kept: they are the formula.
 *
 * @example
 * reasonLine("Order when stock falls to the reorder point (demand × lead time); then order up to …")
 * // → "Order when stock falls to the reorder point"
 */
export function reasonLine(formula: string, maxChars: number = REASON_LINE_MAX_CHARS): string {
  const withoutAsides = removeSpacedParentheses(formula.replace(/\s+/g, " ").trim());
  const firstClause = withoutAsides.split(/;\s|\.\s/)[0] ?? "";
  const line = firstClause.replace(/[.;:\s]+$/, "").trim();
  if (line.length <= maxChars) return line;
  const cut = line.slice(0, maxChars - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > maxChars / 2 ? cut.slice(0, lastSpace) : cut).replace(/[,;:\s]+$/, "")}…`;
}

/** Drops " (…)" groups (balanced, nested ones included) that follow a space. */
function removeSpacedParentheses(text: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (depth === 0 && ch === "(" && out.endsWith(" ")) {
      depth = 1;
      out = out.slice(0, -1);
      continue;
    }
    if (depth > 0) {
      if (ch === "(") depth++;
      else if (ch === ")") depth--;
      continue;
    }
    out += ch;
  }
  // An unbalanced aside (a cut formula) leaves what came before it.
  return out.replace(/ +([,;.])/g, "$1").trim();
}
