import type { IncomingMention } from "~/integrations/sources/types";
import {
  foldForMatching,
  shopifyNumericId,
  wordsOf,
  type CatalogueIndex,
  type TermPattern,
  type TermTarget,
} from "./catalogueIndex";

export type MatchKind = "product" | "competitor" | "industry" | "unmatched";

export interface MentionToMatch {
  text: string;
  title?: string | null;
  productRef?: IncomingMention["productRef"];
}

export interface MentionMatch {
  productId: string | null;
  variantId: string | null;
  /** 0..1 for a product match; null when no product was identified. */
  confidence: number | null;
  matchKind: MatchKind;
  /** About a competitor and not about one of the shop's products: kept apart for share of voice. */
  isCompetitor: boolean;
  keywordIds: string[];
}

/** Characters between an option value and a product reference for the value to pick a variant. */
export const OPTION_NEAR_CHARS = 40;
/** Factor applied when the text also names other products of the shop. */
const AMBIGUITY_FACTOR = 0.8;
/** Factor applied when the variant is inferred from option words rather than named by SKU or keyword. */
const OPTION_VARIANT_FACTOR = 0.9;

interface Hit {
  target: TermTarget;
  start: number;
}

interface ProductEvidence {
  weights: number[];
  /** Character offsets of the references in the text; null entries mean "the whole mention" (productRef). */
  positions: (number | null)[];
  variantWeights: Map<string, number>;
  fromProductRef: boolean;
  firstStart: number;
}

type Words = { word: string; start: number }[];

function patternStarts(folded: string, words: Words, pattern: TermPattern): number[] {
  const starts: number[] = [];
  if (pattern.kind === "cjk") {
    let at = folded.indexOf(pattern.text);
    while (at !== -1) {
      starts.push(at);
      at = folded.indexOf(pattern.text, at + 1);
    }
    return starts;
  }
  const n = pattern.words.length;
  for (let i = 0; i + n <= words.length; i++) {
    let equal = true;
    for (let k = 0; k < n && equal; k++) equal = words[i + k]!.word === pattern.words[k];
    if (equal) starts.push(words[i]!.start);
  }
  return starts;
}

function findHits(folded: string, words: Words, index: CatalogueIndex): Hit[] {
  const hits: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    const single = index.wordTermsByFirstWord.get(words[i]!.word);
    const pair =
      i + 1 < words.length
        ? index.wordTermsByFirstWord.get(`${words[i]!.word} ${words[i + 1]!.word}`)
        : undefined;
    for (const candidates of [single, pair]) {
      if (!candidates) continue;
      for (const { pattern, target } of candidates) {
        if (pattern.kind !== "words" || i + pattern.words.length > words.length) continue;
        let equal = true;
        for (let k = 1; k < pattern.words.length && equal; k++)
          equal = words[i + k]!.word === pattern.words[k];
        if (equal) hits.push({ target, start: words[i]!.start });
      }
    }
  }
  if (index.cjkTermsByFirstChar.size > 0) {
    for (let i = 0; i < folded.length; i++) {
      const candidates = index.cjkTermsByFirstChar.get(folded[i]!);
      if (!candidates) continue;
      for (const { pattern, target } of candidates) {
        if (pattern.kind === "cjk" && folded.startsWith(pattern.text, i)) hits.push({ target, start: i });
      }
    }
  }
  return hits;
}

/** Combines independent pieces of evidence: 1 − Π(1 − wᵢ). */
function combinedWeight(weights: readonly number[]): number {
  return 1 - weights.reduce((rest, w) => rest * (1 - Math.min(1, Math.max(0, w))), 1);
}

function resolveProductRef(
  ref: MentionToMatch["productRef"],
  index: CatalogueIndex,
): { productId: string; variantId: string | null; weight: number } | null {
  if (!ref) return null;
  const sku = ref.sku?.trim().toLowerCase();
  if (sku) {
    const variant = index.variantBySku.get(sku);
    if (variant) return { ...variant, weight: 1 };
  }
  if (ref.shopifyProductId) {
    const productId = index.productByShopifyId.get(shopifyNumericId(String(ref.shopifyProductId)));
    if (productId) return { productId, variantId: null, weight: 1 };
  }
  const handle = ref.handle?.trim().toLowerCase();
  if (handle) {
    const productId = index.productByHandle.get(handle);
    if (productId) return { productId, variantId: null, weight: 0.95 };
  }
  const title = ref.title ? foldForMatching(ref.title).trim() : "";
  if (title) {
    const productId = index.productByTitle.get(title);
    if (productId) return { productId, variantId: null, weight: 0.9 };
  }
  return null;
}

/**
 * Returns the product and variant a mention is about, with a confidence, and the keywords it
 * matched. Evidence, strongest first: the provider's product reference (Shopify id, SKU, handle,
 * exact title), a SKU in the text, keywords linked to a product or variant, product titles and
 * aliases (CJK names as substrings, Latin names on word boundaries, "#hashtag" forms), handles.
 * Option values (colour, size) within {@link OPTION_NEAR_CHARS} characters of a product reference
 * pick the variant when they single one out. Keyword exclusions veto that keyword, and for a keyword
 * linked to a product, every text reference to that product. Without a product, a competitor keyword
 * makes the mention "competitor", an industry keyword "industry", otherwise it is "unmatched".
 *
 * @example
 * matchMention({ text: "My black Aurora Lamp arrived" }, index);
 * // { productId: "p1", variantId: "v-black", confidence: 0.72, matchKind: "product", … }
 */
export function matchMention(mention: MentionToMatch, index: CatalogueIndex): MentionMatch {
  const folded = foldForMatching(mention.title ? `${mention.title}\n${mention.text}` : mention.text);
  const words = wordsOf(folded);
  const rawHits = findHits(folded, words, index);

  // Exclusions: a keyword whose exclusion appears in the text does not count, and when it is linked
  // to a product, neither do the product's names ("aurora" excluding "aurora borealis").
  const vetoedKeywords = new Set<string>();
  const vetoedProducts = new Set<string>();
  for (const hit of rawHits) {
    const keywordId = hit.target.keywordId;
    if (!keywordId || vetoedKeywords.has(keywordId)) continue;
    const keyword = index.keywordsById.get(keywordId);
    if (keyword?.exclusions.some((pattern) => patternStarts(folded, words, pattern).length > 0)) {
      vetoedKeywords.add(keywordId);
      if (keyword.productId) vetoedProducts.add(keyword.productId);
    }
  }
  const hits = rawHits.filter(
    (hit) =>
      !(hit.target.keywordId && vetoedKeywords.has(hit.target.keywordId)) &&
      !(hit.target.productId && vetoedProducts.has(hit.target.productId)),
  );
  const keywordIds = [
    ...new Set(hits.flatMap((hit) => (hit.target.keywordId ? [hit.target.keywordId] : []))),
  ];

  const evidence = new Map<string, ProductEvidence>();
  const evidenceFor = (productId: string, start: number) => {
    let entry = evidence.get(productId);
    if (!entry) {
      entry = {
        weights: [],
        positions: [],
        variantWeights: new Map(),
        fromProductRef: false,
        firstStart: start,
      };
      evidence.set(productId, entry);
    }
    entry.firstStart = Math.min(entry.firstStart, start);
    return entry;
  };
  const ref = resolveProductRef(mention.productRef, index);
  if (ref) {
    const entry = evidenceFor(ref.productId, -1);
    entry.weights.push(ref.weight);
    entry.positions.push(null);
    entry.fromProductRef = true;
    if (ref.variantId) entry.variantWeights.set(ref.variantId, ref.weight);
  }
  for (const hit of hits) {
    const { productId, variantId, weight } = hit.target;
    if (!productId) continue;
    const entry = evidenceFor(productId, hit.start);
    entry.weights.push(weight);
    entry.positions.push(hit.start);
    if (variantId)
      entry.variantWeights.set(variantId, Math.max(weight, entry.variantWeights.get(variantId) ?? 0));
  }

  let best: { productId: string; entry: ProductEvidence; confidence: number } | null = null;
  for (const [productId, entry] of evidence) {
    const confidence = combinedWeight(entry.weights);
    // Evidence from the provider's own product reference outranks anything read from the text.
    const better =
      !best ||
      (entry.fromProductRef !== best.entry.fromProductRef
        ? entry.fromProductRef
        : confidence > best.confidence + 1e-12 ||
          (Math.abs(confidence - best.confidence) <= 1e-12 && entry.firstStart < best.entry.firstStart));
    if (better) best = { productId, entry, confidence };
  }

  if (!best) {
    const kinds = new Set(hits.map((hit) => hit.target.keywordKind));
    const matchKind: MatchKind = kinds.has("product")
      ? "product"
      : kinds.has("competitor")
        ? "competitor"
        : kinds.has("industry")
          ? "industry"
          : "unmatched";
    return {
      productId: null,
      variantId: null,
      confidence: null,
      matchKind,
      isCompetitor: matchKind === "competitor",
      keywordIds,
    };
  }

  let confidence = best.confidence;
  if (!best.entry.fromProductRef && evidence.size > 1) confidence *= AMBIGUITY_FACTOR;

  let variantId: string | null = null;
  if (best.entry.variantWeights.size > 0) {
    variantId = [...best.entry.variantWeights].sort((a, b) => b[1] - a[1])[0]![0];
  } else {
    variantId = variantFromOptions(folded, words, index, best.productId, best.entry.positions);
    if (variantId) confidence *= OPTION_VARIANT_FACTOR;
  }

  return {
    productId: best.productId,
    variantId,
    confidence: Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000,
    matchKind: "product",
    isCompetitor: false,
    keywordIds,
  };
}

/**
 * The variant singled out by option values near a reference to the product: every variant carrying
 * the most matched values is a candidate, and only a sole candidate is returned.
 */
function variantFromOptions(
  folded: string,
  words: Words,
  index: CatalogueIndex,
  productId: string,
  positions: readonly (number | null)[],
): string | null {
  const options = index.optionsByProduct.get(productId);
  if (!options) return null;
  const anywhere = positions.includes(null);
  const near = (start: number) =>
    anywhere || positions.some((p) => p !== null && Math.abs(start - p) <= OPTION_NEAR_CHARS);
  const votes = new Map<string, number>();
  for (const option of options) {
    if (!patternStarts(folded, words, option.pattern).some(near)) continue;
    for (const id of option.variantIds) votes.set(id, (votes.get(id) ?? 0) + 1);
  }
  if (votes.size === 0) return null;
  const top = Math.max(...votes.values());
  const leaders = [...votes].filter(([, count]) => count === top);
  return leaders.length === 1 ? leaders[0]![0] : null;
}
