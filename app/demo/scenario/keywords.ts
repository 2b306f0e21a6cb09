/**
 * Listening keywords of the simulated shop: product names, the story hashtags, competitors,
 * industry terms and Chinese aliases, the way a merchant would set them up.
 */
import type { CatalogEntry, ProductKey } from "./catalog";
import { COMPETITORS } from "./story-plan";
import type { ScenarioKeyword } from "./types";

/**
 * Returns the shop's keywords, linked to products where they name one.
 * @example
 * buildKeywords(catalog).find((k) => k.term === "#oceanjewelry")?.kind; // "product"
 */
export function buildKeywords(catalog: readonly CatalogEntry[]): ScenarioKeyword[] {
  const idOf = (key: ProductKey) => catalog.find((entry) => entry.spec.key === key)?.product.id ?? null;
  const keywords: ScenarioKeyword[] = [];
  for (const { spec, product } of catalog) {
    keywords.push({ term: spec.title, kind: "product", productId: product.id, language: "en" });
    if (spec.aliasZh)
      keywords.push({ term: spec.aliasZh, kind: "product", productId: product.id, language: "zh" });
  }
  keywords.push(
    { term: "eco sunglasses", kind: "product", productId: idOf("sunglasses"), language: "en" },
    { term: "#ecosunglasses", kind: "product", productId: idOf("sunglasses"), language: "en" },
    // The jewelry hashtag covers a whole line, so it links to no single product.
    { term: "#oceanjewelry", kind: "product", productId: null, language: "en" },
    { term: "海洋风首饰", kind: "product", productId: null, language: "zh" },
    { term: COMPETITORS.eyewear, kind: "competitor", productId: null, language: "en" },
    { term: COMPETITORS.wearables, kind: "competitor", productId: null, language: "en" },
    { term: COMPETITORS.audio, kind: "competitor", productId: null, language: "en" },
    { term: "ocean plastic", kind: "industry", productId: null, language: "en" },
    { term: "sustainable fashion", kind: "industry", productId: null, language: "en" },
    { term: "recycled sunglasses", kind: "industry", productId: null, language: "en" },
    { term: "环保时尚", kind: "industry", productId: null, language: "zh" },
  );
  return keywords;
}
