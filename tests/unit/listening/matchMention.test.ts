import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildCatalogueIndex,
  termPattern,
  type CatalogueKeyword,
  type CatalogueProduct,
} from "~/domain/listening/catalogueIndex";
import { matchMention } from "~/domain/listening/matchMention";

const products: CatalogueProduct[] = [
  {
    id: "lamp",
    shopifyId: "gid://shopify/Product/101",
    handle: "aurora-lamp",
    title: "Aurora Lamp",
    aliases: ["极光台灯"],
    variants: [
      { id: "lamp-black", sku: "AUR-BLK-01", title: "Black", optionValues: ["Black"] },
      { id: "lamp-white", sku: "AUR-WHT-01", title: "White", optionValues: ["White"] },
    ],
  },
  {
    id: "shirt",
    shopifyId: "102",
    handle: "linen-shirt",
    title: "Linen Shirt",
    aliases: ["亚麻衬衫"],
    variants: [
      { id: "shirt-black-m", sku: null, title: "Black / M", optionValues: ["Black", "M"] },
      { id: "shirt-black-l", sku: null, title: "Black / L", optionValues: ["Black", "L"] },
      { id: "shirt-sand-l", sku: null, title: "Sand / L", optionValues: ["Sand", "L"] },
      { id: "shirt-红色-l", sku: null, title: "红色 / L", optionValues: ["红色", "L"] },
    ],
  },
  { id: "bag", shopifyId: "103", handle: "bag", title: "Bag", aliases: [], variants: [] },
];

const keyword = (
  k: Partial<CatalogueKeyword> & Pick<CatalogueKeyword, "id" | "term" | "kind">,
): CatalogueKeyword => ({
  productId: null,
  variantId: null,
  exclusions: [],
  active: true,
  ...k,
});

const keywords: CatalogueKeyword[] = [
  keyword({
    id: "k-aurora",
    term: "aurora",
    kind: "product",
    productId: "lamp",
    exclusions: ["aurora borealis"],
  }),
  keyword({ id: "k-lumina", term: "Lumina", kind: "competitor" }),
  keyword({ id: "k-desk", term: "#DeskSetup", kind: "industry" }),
  keyword({ id: "k-brand", term: "Pulse Home", kind: "product" }),
  keyword({ id: "k-off", term: "sunny", kind: "industry", active: false }),
  keyword({
    id: "k-variant",
    term: "midnight aurora",
    kind: "product",
    productId: "lamp",
    variantId: "lamp-black",
  }),
];

const index = buildCatalogueIndex(products, keywords);

describe("termPattern", () => {
  it("matches Latin on words and CJK as substrings", () => {
    expect(termPattern("#Aurora-Lamp")).toEqual({ kind: "words", words: ["aurora", "lamp"] });
    expect(termPattern("极光 台灯")).toEqual({ kind: "cjk", text: "极光台灯" });
    expect(termPattern("Crème")).toEqual({ kind: "words", words: ["creme"] });
    expect(termPattern("  ")).toBeNull();
  });
});

describe("matchMention", () => {
  it("finds a product by title on word boundaries, not inside other words", () => {
    expect(matchMention({ text: "my new aurora lamp!" }, index).productId).toBe("lamp");
    expect(matchMention({ text: "the auroralamps shop" }, index).productId).toBeNull();
  });

  it("finds hashtag forms and Chinese names", () => {
    expect(matchMention({ text: "#AuroraLamp on my desk" }, index).productId).toBe("lamp");
    expect(matchMention({ text: "买了极光台灯，很亮" }, index).productId).toBe("lamp");
  });

  it("picks the variant from an option value near the product reference", () => {
    const black = matchMention({ text: "The black Aurora Lamp is stunning" }, index);
    expect(black).toMatchObject({ productId: "lamp", variantId: "lamp-black", matchKind: "product" });
    const far = matchMention(
      {
        text: `Aurora Lamp arrived. ${"Unrelated words about my day and the weather outside. ".repeat(3)}My cat is black.`,
      },
      index,
    );
    expect(far).toMatchObject({ productId: "lamp", variantId: null });
  });

  it("needs the options to single out one variant", () => {
    expect(matchMention({ text: "Linen Shirt in black" }, index).variantId).toBeNull();
    expect(matchMention({ text: "Linen Shirt in black, size L" }, index).variantId).toBeNull(); // "L" is one letter: ignored
    expect(matchMention({ text: "Linen Shirt in sand" }, index).variantId).toBe("shirt-sand-l");
    expect(matchMention({ text: "红色的亚麻衬衫很好看" }, index).variantId).toBe("shirt-红色-l");
  });

  it("trusts the provider's product reference first", () => {
    const bySku = matchMention({ text: "Love it", productRef: { sku: "aur-wht-01" } }, index);
    expect(bySku).toMatchObject({ productId: "lamp", variantId: "lamp-white", confidence: 1 });
    const byId = matchMention(
      { text: "Better than my Linen Shirt", productRef: { shopifyProductId: "101" } },
      index,
    );
    expect(byId).toMatchObject({ productId: "lamp", confidence: 1 });
    const byGid = matchMention(
      { text: "ok", productRef: { shopifyProductId: "gid://shopify/Product/102" } },
      index,
    );
    expect(byGid.productId).toBe("shirt");
    const byHandle = matchMention({ text: "ok", productRef: { handle: "linen-shirt" } }, index);
    expect(byHandle).toMatchObject({ productId: "shirt", confidence: 0.95 });
    const byTitle = matchMention({ text: "ok", productRef: { title: "linen shirt" } }, index);
    expect(byTitle).toMatchObject({ productId: "shirt", confidence: 0.9 });
  });

  it("links keywords to products and variants and lowers confidence when several products are named", () => {
    const viaKeyword = matchMention({ text: "aurora is my favourite" }, index);
    expect(viaKeyword).toMatchObject({ productId: "lamp", keywordIds: ["k-aurora"] });
    const variant = matchMention({ text: "the midnight aurora edition" }, index);
    expect(variant).toMatchObject({ productId: "lamp", variantId: "lamp-black" });
    const single = matchMention({ text: "Aurora Lamp" }, index).confidence!;
    const both = matchMention({ text: "Aurora Lamp next to my Linen Shirt" }, index).confidence!;
    expect(both).toBeLessThan(single);
  });

  it("respects exclusions: the keyword and the product's names are vetoed", () => {
    const result = matchMention({ text: "Photos of the aurora borealis" }, index);
    expect(result).toMatchObject({ productId: null, matchKind: "unmatched", keywordIds: [] });
  });

  it("keeps competitor and industry mentions apart, ignores inactive keywords", () => {
    expect(matchMention({ text: "Lumina lights are cheaper" }, index)).toMatchObject({
      matchKind: "competitor",
      isCompetitor: true,
      keywordIds: ["k-lumina"],
    });
    expect(matchMention({ text: "my #desksetup tour" }, index)).toMatchObject({
      matchKind: "industry",
      isCompetitor: false,
    });
    expect(matchMention({ text: "Lumina vs the Aurora Lamp" }, index)).toMatchObject({
      matchKind: "product",
      productId: "lamp",
      isCompetitor: false,
    });
    expect(matchMention({ text: "a sunny day" }, index)).toMatchObject({
      matchKind: "unmatched",
      keywordIds: [],
    });
    expect(matchMention({ text: "Pulse Home ships fast" }, index)).toMatchObject({
      matchKind: "product",
      productId: null,
    });
  });

  it("ignores one-word titles shorter than four letters", () => {
    expect(matchMention({ text: "my bag broke" }, index).productId).toBeNull();
  });

  it("finds a title inserted anywhere among other words (property)", () => {
    const filler = fc.array(
      fc.constantFrom("great", "quality", "my", "the", "price", "ok", "love", "today"),
      {
        maxLength: 20,
      },
    );
    fc.assert(
      fc.property(
        filler,
        filler,
        fc.constantFrom("Aurora Lamp", "AURORA LAMP", "aurora   lamp", "#auroralamp"),
        (a, b, title) => {
          const result = matchMention({ text: [...a, title, ...b].join(" ") }, index);
          expect(result.productId).toBe("lamp");
          expect(result.matchKind).toBe("product");
        },
      ),
    );
  });

  it("always returns a consistent result with confidence in [0, 1] (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.option(fc.string({ maxLength: 20 })), (text, sku) => {
        const result = matchMention({ text, productRef: sku ? { sku } : null }, index);
        if (result.productId === null) expect(result.confidence).toBeNull();
        else {
          expect(result.confidence).toBeGreaterThanOrEqual(0);
          expect(result.confidence).toBeLessThanOrEqual(1);
          expect(result.matchKind).toBe("product");
        }
        if (result.variantId)
          expect(index.variantsById.get(result.variantId)?.productId).toBe(result.productId);
        expect(result.isCompetitor).toBe(result.matchKind === "competitor");
      }),
    );
  });

  it("is invariant to case and spacing (property)", () => {
    const word = fc.constantFrom(
      "aurora",
      "lamp",
      "linen",
      "shirt",
      "black",
      "sand",
      "lumina",
      "nice",
      "borealis",
      "极光台灯",
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 12 }), (words) => {
        const a = matchMention({ text: words.join(" ") }, index);
        const b = matchMention({ text: ` ${words.join("   ").toUpperCase()} ` }, index);
        expect({ ...b, confidence: b.confidence }).toEqual(a);
      }),
    );
  });
});
