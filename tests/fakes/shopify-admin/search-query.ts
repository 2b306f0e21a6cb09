/**
 * Shopify's search syntax for the `query:` argument of list fields, the subset Pulse uses:
 * `updated_at:>'2026-01-01T00:00:00Z' status:active,draft sku:ABC -tag:old title:shirt OR …`.
 * Unknown fields are ignored, as Shopify ignores them (it only adds a warning).
 */

export type SearchComparator = ":" | ">" | ">=" | "<" | "<=";

export interface SearchTerm {
  /** null for free text. */
  field: string | null;
  comparator: SearchComparator;
  value: string;
  negated: boolean;
}

/** Alternatives (OR) of conjunctions (AND) of terms. */
export type SearchQuery = SearchTerm[][];

/** A record's value for a search field; `undefined` means "this field is not searchable here". */
export type SearchValue = string | number | boolean | null | readonly string[];

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const pattern = /(-?[\w.]+:(?:>=|<=|>|<)?(?:'[^']*'|"[^"]*"|[^\s]*))|("[^"]*"|'[^']*')|(\S+)/g;
  for (const match of query.matchAll(pattern)) tokens.push(match[0]);
  return tokens;
}

function unquote(value: string): string {
  return value.replace(/^(['"])(.*)\1$/, "$2");
}

/**
 * Parses a search string.
 *
 * @example
 * parseSearchQuery("status:active updated_at:>'2026-01-01'");
 * // [[{ field: "status", comparator: ":", value: "active", negated: false },
 * //   { field: "updated_at", comparator: ">", value: "2026-01-01", negated: false }]]
 */
export function parseSearchQuery(query: string | null | undefined): SearchQuery {
  const groups: SearchQuery = [[]];
  let negateNext = false;
  for (const raw of tokenize(query ?? "")) {
    if (raw === "AND") continue;
    if (raw === "OR") {
      groups.push([]);
      continue;
    }
    if (raw === "NOT") {
      negateNext = true;
      continue;
    }
    let token = raw;
    let negated = negateNext;
    negateNext = false;
    if (token.startsWith("-") && token.length > 1) {
      negated = true;
      token = token.slice(1);
    }
    const fieldMatch = /^([\w.]+):(>=|<=|>|<)?(.*)$/.exec(token);
    const term: SearchTerm = fieldMatch
      ? {
          field: fieldMatch[1]!.toLowerCase(),
          comparator: (fieldMatch[2] as SearchComparator | undefined) ?? ":",
          value: unquote(fieldMatch[3]!),
          negated,
        }
      : { field: null, comparator: ":", value: unquote(token), negated };
    groups[groups.length - 1]!.push(term);
  }
  return groups.filter((group) => group.length > 0);
}

function compare(actual: string | number, expected: string, comparator: SearchComparator): boolean {
  let left: number;
  let right: number;
  if (typeof actual === "number") {
    left = actual;
    right = Number(expected);
  } else {
    // Dates: compare as instants so "2026-01-01" and full ISO timestamps mix.
    left = Date.parse(actual);
    right = Date.parse(expected);
    if (Number.isNaN(left) || Number.isNaN(right)) {
      const a = actual.toLowerCase();
      const b = expected.toLowerCase();
      if (comparator === ":") return a === b;
      return comparator === ">" ? a > b : comparator === ">=" ? a >= b : comparator === "<" ? a < b : a <= b;
    }
  }
  switch (comparator) {
    case ":":
      return left === right;
    case ">":
      return left > right;
    case ">=":
      return left >= right;
    case "<":
      return left < right;
    case "<=":
      return left <= right;
  }
}

/** Whether the record matches the (un-negated) term, or null when the field is unknown here. */
function termMatches(term: SearchTerm, read: (field: string) => SearchValue | undefined): boolean | null {
  const actual = read(term.field ?? "default");
  if (actual === undefined) return null; // unknown field: ignored, like Shopify
  if (actual === null) return term.value === "" || term.value.toLowerCase() === "null";
  // "status:active,draft" means any of those values.
  const wanted = term.comparator === ":" ? term.value.split(",") : [term.value];
  return wanted.some((value) => {
    if (Array.isArray(actual)) return actual.some((a) => a.toLowerCase() === value.toLowerCase());
    if (typeof actual === "boolean") return String(actual) === value.toLowerCase();
    if (term.field === null) return String(actual).toLowerCase().includes(value.toLowerCase());
    if (term.comparator === ":" && typeof actual === "string" && value.endsWith("*")) {
      return actual.toLowerCase().startsWith(value.slice(0, -1).toLowerCase());
    }
    return compare(actual as string | number, value, term.comparator);
  });
}

/**
 * Whether a record satisfies a parsed search query. `read` maps a search field name
 * (`updated_at`, `status`, or `default` for free text) to the record's value.
 *
 * @example
 * matchesSearch(parseSearchQuery("status:active"), (f) => (f === "status" ? "ACTIVE" : undefined)); // true
 */
export function matchesSearch(query: SearchQuery, read: (field: string) => SearchValue | undefined): boolean {
  if (query.length === 0) return true;
  return query.some((group) =>
    group.every((term) => {
      const matched = termMatches(term, read);
      return matched === null || matched !== term.negated;
    }),
  );
}
