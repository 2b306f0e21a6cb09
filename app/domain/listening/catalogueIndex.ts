/**
 * The shop's catalogue and keywords, indexed once per ingest batch so matching a mention costs one
 * pass over its text: Latin terms are looked up by their first one or two words, CJK terms by their
 * first character, so the work does not grow with the number of products.
 */

export type KeywordKind = "product" | "competitor" | "industry";

export interface CatalogueVariant {
  id: string;
  sku: string | null;
  title: string;
  /** Option values ("Black", "L", "黑色"). */
  optionValues: string[];
}

export interface CatalogueProduct {
  id: string;
  /** Shopify id, as a gid ("gid://shopify/Product/1") or the bare number. */
  shopifyId: string;
  handle: string;
  title: string;
  /** Other names, including Chinese names ("极光台灯"). */
  aliases: string[];
  variants: CatalogueVariant[];
}

export interface CatalogueKeyword {
  id: string;
  term: string;
  kind: KeywordKind;
  productId: string | null;
  variantId: string | null;
  exclusions: string[];
  active: boolean;
}

/** What a term found in a text points at. */
export type TermSource = "title" | "alias" | "handle" | "sku" | "keyword" | "option";

export interface TermTarget {
  source: TermSource;
  productId: string | null;
  variantId: string | null;
  keywordId: string | null;
  keywordKind: KeywordKind | null;
  /** How strongly a hit alone says the mention is about the target (0..1). */
  weight: number;
}

/** A term to find in a text: a word sequence (Latin, word boundaries) or a CJK substring. */
export type TermPattern = { kind: "words"; words: string[] } | { kind: "cjk"; text: string };

export interface IndexedTerm {
  pattern: TermPattern;
  target: TermTarget;
}

export interface CatalogueIndex {
  productsById: Map<string, CatalogueProduct>;
  variantsById: Map<string, CatalogueVariant & { productId: string }>;
  productByShopifyId: Map<string, string>;
  productByHandle: Map<string, string>;
  productByTitle: Map<string, string>;
  variantBySku: Map<string, { productId: string; variantId: string }>;
  /** Word terms by their first word (one-word terms) or first two words joined by a space. */
  wordTermsByFirstWord: Map<string, IndexedTerm[]>;
  cjkTermsByFirstChar: Map<string, IndexedTerm[]>;
  /** Option values per product, each with the variants that carry it. */
  optionsByProduct: Map<string, { pattern: TermPattern; variantIds: Set<string> }[]>;
  keywordsById: Map<
    string,
    { kind: KeywordKind; productId: string | null; variantId: string | null; exclusions: TermPattern[] }
  >;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const WORD = /(?:[^\P{L}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|\p{N})+/gu;

/**
 * Returns text folded for matching: compatibility forms unified (full-width letters), accents
 * removed, lower case.
 *
 * @example
 * foldForMatching("Crème  ＬＡＭＰ"); // "creme lamp"
 */
export function foldForMatching(text: string): string {
  // Runs of spaces collapse to one so that "near" (a character distance) does not depend on layout.
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .normalize("NFC")
    .replace(/\s+/gu, " ");
}

/**
 * Returns the Latin words of a folded text with their character offsets (CJK characters are not
 * words: they are matched as substrings).
 *
 * @example
 * wordsOf("aurora lamp 台灯"); // [{ word: "aurora", start: 0 }, { word: "lamp", start: 7 }]
 */
export function wordsOf(folded: string): { word: string; start: number }[] {
  const words: { word: string; start: number }[] = [];
  for (const match of folded.matchAll(WORD)) words.push({ word: match[0], start: match.index });
  return words;
}

/**
 * Returns the pattern a term is matched with: a CJK substring when it has any CJK character
 * (Chinese has no spaces, so word boundaries mean nothing), else its word sequence; null when
 * nothing matchable is left.
 *
 * @example
 * termPattern("#Aurora-Lamp"); // { kind: "words", words: ["aurora", "lamp"] }
 * termPattern("极光 台灯"); // { kind: "cjk", text: "极光台灯" }
 */
export function termPattern(term: string): TermPattern | null {
  const folded = foldForMatching(term).trim();
  if (!folded) return null;
  if (CJK.test(folded)) {
    // Spaces inside a Chinese name are typing noise; punctuation between scripts is kept out too.
    const text = folded.replace(/[\s#·・\-_]+/gu, "");
    return text ? { kind: "cjk", text } : null;
  }
  const words = wordsOf(folded).map((w) => w.word);
  return words.length > 0 ? { kind: "words", words } : null;
}

/** Bare numeric id of a Shopify gid or number ("gid://shopify/Product/42" → "42"). */
export function shopifyNumericId(id: string): string {
  const match = /(\d+)\s*$/.exec(id.trim());
  return match ? match[1]! : id.trim();
}

/** Weight of a title or alias hit: a one-word title ("Lamp") says little on its own. */
function nameWeight(pattern: TermPattern, full: number): number | null {
  if (pattern.kind === "cjk") {
    if (pattern.text.length < 2) return null;
    return pattern.text.length === 2 ? full - 0.2 : full;
  }
  if (pattern.words.length === 1) {
    const word = pattern.words[0]!;
    if (word.length < 4) return null;
    return full - 0.25;
  }
  return full;
}

/**
 * Builds the matching index of a shop's catalogue and active keywords.
 *
 * @example
 * const index = buildCatalogueIndex([{ id: "p1", shopifyId: "1", handle: "aurora-lamp", title: "Aurora Lamp",
 *   aliases: ["极光台灯"], variants: [] }], []);
 * index.productByHandle.get("aurora-lamp"); // "p1"
 */
export function buildCatalogueIndex(
  products: readonly CatalogueProduct[],
  keywords: readonly CatalogueKeyword[],
): CatalogueIndex {
  const index: CatalogueIndex = {
    productsById: new Map(),
    variantsById: new Map(),
    productByShopifyId: new Map(),
    productByHandle: new Map(),
    productByTitle: new Map(),
    variantBySku: new Map(),
    wordTermsByFirstWord: new Map(),
    cjkTermsByFirstChar: new Map(),
    optionsByProduct: new Map(),
    keywordsById: new Map(),
  };
  const addTerm = (pattern: TermPattern | null, target: TermTarget) => {
    if (!pattern || target.weight <= 0) return;
    if (pattern.kind === "words") {
      // Multi-word terms are keyed by their first two words: in a catalogue where every title starts
      // with the brand, a key of one word would make every mention of the brand check every title.
      const key = pattern.words.length > 1 ? `${pattern.words[0]} ${pattern.words[1]}` : pattern.words[0]!;
      const list = index.wordTermsByFirstWord.get(key) ?? [];
      list.push({ pattern, target });
      index.wordTermsByFirstWord.set(key, list);
    } else {
      const key = pattern.text[0]!;
      const list = index.cjkTermsByFirstChar.get(key) ?? [];
      list.push({ pattern, target });
      index.cjkTermsByFirstChar.set(key, list);
    }
  };
  /** A title or alias, plus its hashtag form ("Aurora Lamp" → "#auroralamp"). */
  const addName = (name: string, target: Omit<TermTarget, "weight">, weight: number) => {
    const pattern = termPattern(name);
    if (!pattern) return;
    const nameWeightValue = nameWeight(pattern, weight);
    if (nameWeightValue !== null) addTerm(pattern, { ...target, weight: nameWeightValue });
    if (pattern.kind === "words" && pattern.words.length > 1) {
      const joined = pattern.words.join("");
      if (joined.length >= 6)
        addTerm({ kind: "words", words: [joined] }, { ...target, weight: weight - 0.05 });
    }
  };

  for (const product of products) {
    index.productsById.set(product.id, product);
    index.productByShopifyId.set(shopifyNumericId(product.shopifyId), product.id);
    if (product.handle) index.productByHandle.set(product.handle.trim().toLowerCase(), product.id);
    const foldedTitle = foldForMatching(product.title).trim();
    if (foldedTitle) index.productByTitle.set(foldedTitle, product.id);
    const base = { productId: product.id, variantId: null, keywordId: null, keywordKind: null };
    addName(product.title, { ...base, source: "title" }, 0.8);
    for (const alias of product.aliases) addName(alias, { ...base, source: "alias" }, 0.75);
    const handlePattern = termPattern(product.handle.replace(/-/g, " "));
    const titlePattern = termPattern(product.title);
    if (handlePattern && JSON.stringify(handlePattern) !== JSON.stringify(titlePattern)) {
      const weight = nameWeight(handlePattern, 0.6);
      if (weight !== null) addTerm(handlePattern, { ...base, source: "handle", weight });
    }

    const options = new Map<string, { pattern: TermPattern; variantIds: Set<string> }>();
    for (const variant of product.variants) {
      index.variantsById.set(variant.id, { ...variant, productId: product.id });
      const sku = variant.sku?.trim();
      if (sku) {
        index.variantBySku.set(sku.toLowerCase(), { productId: product.id, variantId: variant.id });
        // A SKU in the text is strong evidence, but only a distinctive one ("A1" is not).
        if (sku.replace(/[^\p{L}\p{N}]/gu, "").length >= 4)
          addTerm(termPattern(sku), { ...base, variantId: variant.id, source: "sku", weight: 0.9 });
      }
      for (const value of variant.optionValues) {
        const pattern = optionPattern(value);
        if (!pattern) continue;
        const key = JSON.stringify(pattern);
        const entry = options.get(key) ?? { pattern, variantIds: new Set<string>() };
        entry.variantIds.add(variant.id);
        options.set(key, entry);
      }
    }
    // An option every variant shares tells nothing about which variant is meant.
    const distinctive = [...options.values()].filter((o) => o.variantIds.size < product.variants.length);
    if (distinctive.length > 0) index.optionsByProduct.set(product.id, distinctive);
  }

  for (const keyword of keywords) {
    if (!keyword.active) continue;
    const productId =
      keyword.productId && index.productsById.has(keyword.productId) ? keyword.productId : null;
    const variant = keyword.variantId ? index.variantsById.get(keyword.variantId) : undefined;
    const resolvedProductId = variant?.productId ?? productId;
    index.keywordsById.set(keyword.id, {
      kind: keyword.kind,
      productId: keyword.kind === "product" ? resolvedProductId : null,
      variantId: keyword.kind === "product" ? (variant?.id ?? null) : null,
      exclusions: keyword.exclusions.map(termPattern).filter((p): p is TermPattern => p !== null),
    });
    addTerm(termPattern(keyword.term), {
      source: "keyword",
      productId: keyword.kind === "product" ? resolvedProductId : null,
      variantId: keyword.kind === "product" ? (variant?.id ?? null) : null,
      keywordId: keyword.id,
      keywordKind: keyword.kind,
      weight: 0.85,
    });
  }
  return index;
}

/** Option values worth looking for: not "Default Title", not one letter ("S" is in "men's"). */
function optionPattern(value: string): TermPattern | null {
  if (/^default title$/i.test(value.trim())) return null;
  const pattern = termPattern(value);
  if (!pattern) return null;
  if (pattern.kind === "words" && pattern.words.join("").length < 2) return null;
  return pattern;
}
