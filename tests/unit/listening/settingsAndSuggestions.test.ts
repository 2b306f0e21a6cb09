import { describe, expect, it } from "vitest";
import { listeningSettingsOf } from "~/domain/listening/listeningSettings";
import { suggestedKeywords } from "~/domain/listening/suggestedKeywords";

describe("listeningSettingsOf", () => {
  it("defaults to a year of retention and the public influencer reach", () => {
    expect(listeningSettingsOf(null)).toEqual({
      retentionDays: 365,
      publicInfluencerReach: 10_000,
      dismissedSuggestions: [],
    });
  });

  it("keeps valid fields when another is malformed", () => {
    const settings = listeningSettingsOf({
      listening: { retentionDays: -3, dismissedSuggestions: ["aurora lamp"] },
    });
    expect(settings).toMatchObject({ retentionDays: 365, dismissedSuggestions: ["aurora lamp"] });
    expect(listeningSettingsOf({ listening: { retentionDays: "90" } }).retentionDays).toBe(90);
  });
});

describe("suggestedKeywords", () => {
  const products = [
    {
      id: "p1",
      title: "Aurora Lamp",
      handle: "aurora-lamp",
      variants: [
        { id: "v1", sku: "AUR-BLK", optionValues: ["Black", "Large"] },
        { id: "v2", sku: "A1", optionValues: ["White", "Large"] },
      ],
    },
    {
      id: "p2",
      title: "极光台灯",
      handle: "aurora-desk-light",
      variants: [{ id: "v3", sku: null, optionValues: ["Default Title"] }],
    },
  ];

  it("proposes titles, differing handles, distinctive SKUs and option values that tell variants apart", () => {
    const terms = suggestedKeywords(products, new Set()).map((s) => [
      s.term,
      s.productId,
      s.variantId,
      s.language,
    ]);
    expect(terms).toEqual([
      ["Aurora Lamp", "p1", null, "en"],
      ["AUR-BLK", "p1", "v1", "en"],
      ["Aurora Lamp Black", "p1", "v1", "en"],
      ["Aurora Lamp White", "p1", "v2", "en"],
      ["极光台灯", "p2", null, "zh"],
      ["aurora desk light", "p2", null, "en"],
    ]);
  });

  it("skips existing and dismissed terms, case-insensitively", () => {
    const terms = suggestedKeywords(products, new Set(["aurora lamp", "aur-blk"])).map((s) => s.term);
    expect(terms).not.toContain("Aurora Lamp");
    expect(terms).not.toContain("AUR-BLK");
    expect(terms).toContain("Aurora Lamp Black");
  });
});
