import { REASON_LINE_MAX_CHARS, reasonLine } from "~/domain/inventory/reasonLine";

/** The parts of a stored recommendation explanation the digest reads (stored JSON, so all optional). */
interface StoredExplanation {
  formula?: unknown;
  result?: unknown;
  warnings?: unknown;
}

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length <= REASON_LINE_MAX_CHARS
    ? clean
    : `${clean.slice(0, REASON_LINE_MAX_CHARS - 1).trimEnd()}…`;
}

/**
 * Returns one line saying why a recommendation exists, from its stored explanation: a task's
 * action, else its first warning, else the first clause of its rule; "" when none is readable.
 *
 * @example
 * recommendationReason({ formula: "Stock above the cover limit is excess; cut incoming units." });
 * // "Stock above the cover limit is excess"
 */
export function recommendationReason(explanation: unknown): string {
  if (!explanation || typeof explanation !== "object") return "";
  const stored = explanation as StoredExplanation;
  const result =
    stored.result && typeof stored.result === "object" ? (stored.result as Record<string, unknown>) : {};
  if (typeof result.action === "string" && result.action.trim()) return shorten(result.action);
  if (Array.isArray(stored.warnings)) {
    const warning = stored.warnings.find((w): w is string => typeof w === "string" && w.trim() !== "");
    if (warning) return shorten(warning);
  }
  // The rule's first clause, as the product page's action shows it.
  if (typeof stored.formula === "string" && stored.formula.trim()) return reasonLine(stored.formula);
  return "";
}
