import { termPattern } from "./catalogueIndex";

export interface SuggestionProduct {
  id: string;
  title: string;
  handle: string;
  variants: { id: string; sku: string | null; optionValues: string[] }[];
}

export interface KeywordSuggestion {
  term: string;
  kind: "product";
  productId: string;
  variantId: string | null;
  language: string;
}

/** At most this many suggestions per shop: a long list is not read. */
export const MAX_SUGGESTIONS = 500;
const MAX_OPTION_TERMS_PER_PRODUCT = 8;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function languageOf(term: string): string {
  return CJK.test(term) ? "zh" : "en";
}

/**
 * Returns the keywords Pulse proposes from a catalogue: each product's title, its handle when it
 * reads differently, distinctive SKUs (linked to their variant), and "title + option value" for
 * option values that set variants apart ("Aurora Lamp Black"), skipping terms in `skip`
 * (lower-cased: existing keywords and suggestions the merchant removed).
 *
 * @example
 * suggestedKeywords([{ id: "p1", title: "Aurora Lamp", handle: "aurora-lamp", variants: [] }], new Set());
 * // [{ term: "Aurora Lamp", kind: "product", productId: "p1", variantId: null, language: "en" }]
 */
export function suggestedKeywords(
  products: readonly SuggestionProduct[],
  skip: ReadonlySet<string>,
): KeywordSuggestion[] {
  const suggestions: KeywordSuggestion[] = [];
  const taken = new Set(skip);
  const add = (term: string, productId: string, variantId: string | null) => {
    const clean = term.replace(/\s+/g, " ").trim().slice(0, 100);
    if (!clean || taken.has(clean.toLowerCase()) || suggestions.length >= MAX_SUGGESTIONS) return;
    if (!termPattern(clean)) return;
    taken.add(clean.toLowerCase());
    suggestions.push({ term: clean, kind: "product", productId, variantId, language: languageOf(clean) });
  };
  for (const product of products) {
    add(product.title, product.id, null);
    const handleWords = product.handle.replace(/-/g, " ");
    if (JSON.stringify(termPattern(handleWords)) !== JSON.stringify(termPattern(product.title)))
      add(handleWords, product.id, null);
    for (const variant of product.variants) {
      const sku = variant.sku?.trim();
      if (sku && sku.replace(/[^\p{L}\p{N}]/gu, "").length >= 4) add(sku, product.id, variant.id);
    }
    const carriers = new Map<string, string[]>();
    for (const variant of product.variants) {
      for (const value of variant.optionValues) {
        const clean = value.trim();
        if (!clean || /^default title$/i.test(clean)) continue;
        carriers.set(clean, [...(carriers.get(clean) ?? []), variant.id]);
      }
    }
    let optionTerms = 0;
    for (const [value, variantIds] of carriers) {
      // A value every variant shares does not tell variants apart.
      if (variantIds.length === product.variants.length || optionTerms >= MAX_OPTION_TERMS_PER_PRODUCT)
        continue;
      const separator = CJK.test(product.title) && CJK.test(value) ? "" : " ";
      add(
        `${product.title}${separator}${value}`,
        product.id,
        variantIds.length === 1 ? variantIds[0]! : null,
      );
      optionTerms++;
    }
  }
  return suggestions;
}
