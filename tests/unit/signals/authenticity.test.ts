import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessAuthenticity,
  detectLinkSpam,
  findNearDuplicates,
  findNewAccountBursts,
  estimatedJaccard,
  minHashSignature,
  textTokens,
} from "~/domain/signals";
import { manyMentions, scoredMention } from "./scoredMentionFactory";

const BOT_TEXT =
  "Best sunglasses I have ever owned, totally worth it, get yours today at https://deals.example.com/x";

describe("near-duplicate detection", () => {
  it("estimates texts differing in punctuation as identical and unrelated texts as dissimilar", () => {
    const a = minHashSignature(
      textTokens("The frames feel solid and the lenses are very clear in bright sun, happy with it"),
    );
    const b = minHashSignature(
      textTokens("The frames feel solid and the lenses are very clear in bright sun, happy with it!!"),
    );
    const c = minHashSignature(
      textTokens("Shipping took three weeks and support never answered my two emails about it"),
    );
    expect(estimatedJaccard(a, b)).toBe(1);
    expect(estimatedJaccard(a, c)).toBeLessThan(0.2);
  });

  it("counts the other authors who posted the same text, ignoring one author repeating themselves", () => {
    const mentions = [
      scoredMention({ id: "a1", authorHash: "a", text: BOT_TEXT }),
      scoredMention({ id: "b1", authorHash: "b", text: BOT_TEXT.replace("x", "y") }),
      scoredMention({ id: "c1", authorHash: "c", text: BOT_TEXT.toUpperCase() }),
      scoredMention({ id: "d1", authorHash: "d", text: "Mine pinch behind the ears after an hour, sadly" }),
      scoredMention({ id: "e1", authorHash: "e", text: "Same words twice from one person is not a farm" }),
      scoredMention({ id: "e2", authorHash: "e", text: "Same words twice from one person is not a farm" }),
    ];
    const duplicates = findNearDuplicates(mentions);
    expect(duplicates.get("a1")).toBe(2);
    expect(duplicates.get("c1")).toBe(2);
    expect(duplicates.has("d1")).toBe(false);
    expect(duplicates.has("e1")).toBe(false);
  });

  it("does not flag short stock phrases many customers really write", () => {
    const mentions = manyMentions(20, () => ({ text: "Love it, fits great!" }));
    expect(findNearDuplicates(mentions).size).toBe(0);
  });

  it("detects a word-swapped variant of a long spam text", () => {
    const base =
      "Honestly the best purchase of the year, the lenses are crystal clear and the frame is light, five stars from me and my whole family";
    const edited = base.replace("whole family", "entire family");
    const duplicates = findNearDuplicates([
      scoredMention({ id: "x", authorHash: "x", text: base }),
      scoredMention({ id: "y", authorHash: "y", text: edited }),
    ]);
    expect(duplicates.get("x")).toBe(1);
  });
});

describe("new-account bursts", () => {
  const at = (minutes: number, accountAgeDays: number | null) =>
    scoredMention({
      postedAt: new Date(Date.UTC(2026, 10, 16, 9, minutes)),
      authorAccountAgeDays: accountAgeDays,
    });

  it("flags five posts within a day from accounts younger than 30 days, with the burst size", () => {
    const burst = [0, 5, 10, 15, 20, 25].map((m) => at(m, 3));
    const sizes = findNewAccountBursts(burst);
    expect([...sizes.values()]).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it("ignores old or unknown-age accounts and spread-out new accounts", () => {
    const old = [0, 1, 2, 3, 4, 5].map((m) => at(m, 900));
    const unknown = [0, 1, 2, 3, 4, 5].map((m) => at(m, null));
    const spread = [0, 1, 2, 3, 4].map((day) =>
      scoredMention({ postedAt: new Date(Date.UTC(2026, 10, 10 + day * 2)), authorAccountAgeDays: 1 }),
    );
    expect(findNewAccountBursts([...old, ...unknown, ...spread]).size).toBe(0);
  });

  it("stays linear for a 20,000-post campaign", () => {
    const campaign = manyMentions(20_000, (i) => ({
      postedAt: new Date(Date.UTC(2026, 10, 16) + i * 1000),
      authorAccountAgeDays: 1,
    }));
    const sizes = findNewAccountBursts(campaign);
    expect(sizes.size).toBe(20_000);
  });
});

describe("link spam", () => {
  it("flags promotional links, bare links and link lists, but not a review that cites a link", () => {
    expect(detectLinkSpam("Use code SAVE50 at https://deals.example.com").isSpam).toBe(true);
    expect(detectLinkSpam("https://a.example.com").isSpam).toBe(true);
    expect(detectLinkSpam("see www.a.com and b.shop/x for more").isSpam).toBe(true);
    expect(
      detectLinkSpam(
        "My full review with photos: https://blog.example.com/review — the hinge held up over a month",
      ).isSpam,
    ).toBe(false);
    expect(detectLinkSpam("No links here at all")).toEqual({ links: 0, isSpam: false });
  });
});

describe("assessAuthenticity", () => {
  it("fully trusts a detailed review from an established account", () => {
    const review = scoredMention({
      id: "genuine",
      polarity: 0.4,
      text: "Not bad at all, but the nose pads pinch after an hour of wearing them on the trail.",
    });
    expect(assessAuthenticity([review]).get("genuine")).toEqual({ score: 1, reasons: [] });
  });

  it("down-weights a duplicated bot burst and names every reason", () => {
    const bots = manyMentions(8, (i) => ({
      id: `bot${i}`,
      authorHash: `bot-${i}`,
      authorAccountAgeDays: 2,
      postedAt: new Date(Date.UTC(2026, 10, 16, 10, i)),
      polarity: 0.9,
      text: BOT_TEXT,
    }));
    const result = assessAuthenticity(bots).get("bot0")!;
    expect(result.reasons.map((reason) => reason.code)).toEqual([
      "near-duplicate",
      "new-account-burst",
      "link-spam",
    ]);
    expect(result.reasons[0]).toEqual({ code: "near-duplicate", otherAuthors: 7 });
    expect(result.score).toBeLessThan(0.2);
    expect(result.score).toBeGreaterThan(0);
  });

  it("flags extreme polarity with no detail", () => {
    const [shout] = [scoredMention({ id: "shout", polarity: -0.95, text: "WORST. EVER." })];
    expect(assessAuthenticity([shout!]).get("shout")).toEqual({
      score: 0.75,
      reasons: [{ code: "extreme-without-detail", words: 2, polarity: -0.95 }],
    });
  });

  it("returns a score in [0, 1], never NaN, with one assessment per mention (property)", () => {
    const mentionArbitrary = fc.record({
      text: fc.oneof(fc.string(), fc.constantFrom(BOT_TEXT, "", "🔥🔥🔥", "https://x.co", "好评！物流快")),
      polarity: fc.oneof(fc.double({ min: -1, max: 1, noNaN: true }), fc.constant(Number.NaN)),
      authorHash: fc.constantFrom("a", "b", "c", "d"),
      authorAccountAgeDays: fc.option(fc.integer({ min: -5, max: 1000 })),
      minute: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(mentionArbitrary, { maxLength: 40 }), (records) => {
        const mentions = records.map((record, i) =>
          scoredMention({
            id: `p${i}`,
            text: record.text,
            polarity: record.polarity,
            authorHash: record.authorHash,
            authorAccountAgeDays: record.authorAccountAgeDays,
            postedAt: new Date(Date.UTC(2026, 10, 16, 0, record.minute)),
          }),
        );
        const assessments = assessAuthenticity(mentions);
        expect(assessments.size).toBe(mentions.length);
        for (const { score } of assessments.values()) {
          expect(Number.isNaN(score)).toBe(false);
          expect(score).toBeGreaterThanOrEqual(0);
          expect(score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe("near-duplicate detection at scale", () => {
  it("rarely flags independently written texts, and finds one farm hidden among them", () => {
    const vocabulary =
      "lenses frame hinge strap colour fit size price quality comfort design shipping support light heavy tight loose great poor solid sturdy flimsy clear sharp pinch slide return wear daily beach trail running office summer glare nose ears pads screws coating box arrived late fast slow finally honestly really quite slightly after before week month day gift".split(
        " ",
      );
    let state = 7;
    const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const independent = manyMentions(3000, () => ({
      text: Array.from(
        { length: 8 + Math.floor(random() * 12) },
        () => vocabulary[Math.floor(random() * vocabulary.length)],
      ).join(" "),
    }));
    const farm = manyMentions(12, (i) => ({
      id: `farm${i}`,
      authorHash: `farm-${i}`,
      text: `Honestly the best purchase of the year, crystal clear lenses and a light frame, five stars from me ${i % 2 ? "and my family" : ""}`,
    }));
    const duplicates = findNearDuplicates([...independent, ...farm]);
    const falsePositives = independent.filter((m) => duplicates.has(m.id)).length;
    expect(falsePositives / independent.length).toBeLessThan(0.01);
    expect(farm.every((m) => duplicates.get(m.id) === 11)).toBe(true);
  });
});
