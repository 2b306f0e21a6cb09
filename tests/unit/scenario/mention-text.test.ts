import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  botBurstBase,
  composeMentionText,
  mutateBotText,
  type MentionTopic,
  type Stance,
} from "~/demo/scenario/mention-text";
import { createPrng } from "~/demo/scenario/prng";
import type { MentionPlatform } from "~/demo/scenario/types";

const topicsWithStances: [MentionTopic, Stance][] = [
  ["sunglasses-comfort", "negative"],
  ["sunglasses-design", "positive"],
  ["sunglasses-polarized", "neutral"],
  ["jewelry-hashtag", "positive"],
  ["jewelry-hashtag", "negative"],
  ["tracker-swim-hr", "negative"],
  ["shelf-installation", "negative"],
  ["shelf-design", "positive"],
  ["review-general", "neutral"],
  ["industry", "negative"],
];
const platforms: MentionPlatform[] = ["instagram", "tiktok", "reddit", "youtube", "judgeme", "shop_reviews"];

describe("composeMentionText", () => {
  it("always names the variant and the required hashtag, in both languages", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.constantFrom(...topicsWithStances),
        fc.constantFrom(...platforms),
        fc.constantFrom("en" as const, "zh" as const),
        (seed, [topic, stance], platform, language) => {
          const result = composeMentionText(createPrng(seed), {
            topic,
            stance,
            language,
            platform,
            productName: "Tidewater sunglasses",
            productNameZh: "环保太阳镜",
            variantValue: "Kelp Green",
            variantValueZh: "海藻绿",
            variantIsColour: true,
            hashtags: ["#ecosunglasses", "#oceanplastic"],
            requiredHashtags: ["#oceanjewelry"],
          });
          expect(result.text).toContain("#oceanjewelry");
          if (language === "en") expect(result.text.toLowerCase()).toContain("kelp green");
          else expect(result.text).toContain("海藻绿");
          expect(result.text).not.toMatch(/\{[a-z]+\}|undefined|\s{2}/);
        },
      ),
    );
  });

  it("records feature requests for polarized lenses", () => {
    const result = composeMentionText(createPrng(3), {
      topic: "sunglasses-polarized",
      stance: "neutral",
      language: "en",
      platform: "reddit",
      productName: "Tidewater sunglasses",
      hashtags: [],
    });
    expect(result.featureRequests).toEqual(["polarized lenses"]);
    expect(result.text).toMatch(/polari[sz]ed/i);
  });

  it("varies bot texts only slightly around one base", () => {
    const rng = createPrng(11);
    const base = botBurstBase(rng, "Aura earbuds", ["#earbuds"]);
    const variants = Array.from({ length: 20 }, () => mutateBotText(rng, base));
    for (const text of variants)
      expect(text.toLowerCase().startsWith(base.toLowerCase().slice(0, 20))).toBe(true);
    expect(new Set(variants).size).toBeGreaterThan(5);
  });
});
