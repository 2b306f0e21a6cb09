import { describe, expect, it } from "vitest";
import { regionsForCountry } from "~/demo/scenario/locations";
import type { ScenarioMention } from "~/demo/scenario/types";
import {
  defaultScenario,
  mean,
  mentionWeek,
  productByHandle,
  variantIdsOf,
  weeklyMentionCounts,
  weeklyUnits,
} from "./scenario-fixture";

const scenario = defaultScenario();
const sunglasses = productByHandle(scenario, "tidewater");
const tracker = productByHandle(scenario, "stride");
const shelf = productByHandle(scenario, "modu");
const earbuds = productByHandle(scenario, "aura");
const mug = productByHandle(scenario, "canopy");
const jewelry = scenario.products.filter((p) => p.story === "ocean-jewelry");

const about = (productId: string) => (m: ScenarioMention) =>
  m.productId === productId && m.authorKind !== "bot";
/** Weeks 0–13 of the history precede the mention window (weeks 14–25). */
const preWindow = (weekly: number[]) => mean(weekly.slice(0, 14));
const share = (mentions: ScenarioMention[], stance: ScenarioMention["intendedStance"]) =>
  mentions.filter((m) => m.intendedStance === stance).length / mentions.length;

describe("eco sunglasses", () => {
  it("has comfort concerns growing at least 30% in week 2 of the mention window", () => {
    const comfort = weeklyMentionCounts(
      scenario,
      (m) =>
        about(sunglasses.id)(m) && m.intendedStance === "negative" && (m.aspects ?? []).includes("comfort"),
    );
    expect(comfort[0]).toBeGreaterThan(10);
    expect(comfort[1]!).toBeGreaterThanOrEqual(1.3 * comfort[0]!);
    const english = scenario.mentions.filter((m) => m.productId === sunglasses.id && m.language === "en");
    expect(english.some((m) => /nose pads pinch/i.test(m.text))).toBe(true);
    expect(english.some((m) => /tight on the temples/i.test(m.text))).toBe(true);
  });

  it("is praised for its design by three sustainability creators with high reach", () => {
    const creatorPosts = scenario.mentions.filter(
      (m) => m.productId === sunglasses.id && m.authorKind === "creator" && m.authorReachFollowers >= 100_000,
    );
    expect(new Set(creatorPosts.map((m) => m.authorHandle)).size).toBe(3);
    for (const post of creatorPosts) {
      expect(post.intendedStance).toBe("positive");
      expect(post.aspects).toContain("design");
      expect(post.text).toMatch(/ocean|eco|sustainab/i);
    }
  });

  it("gets repeated requests for polarized lenses, in several phrasings", () => {
    const requests = scenario.mentions.filter((m) => (m.featureRequests ?? []).includes("polarized lenses"));
    expect(requests.length).toBeGreaterThanOrEqual(60);
    expect(requests.every((m) => m.productId === sunglasses.id)).toBe(true);
    const texts = requests.map((m) => m.text.toLowerCase());
    for (const phrase of [
      "wish it came polarized",
      "please make a polarised version",
      "is there a polarized option",
    ]) {
      expect(
        texts.some((t) => t.includes(phrase)),
        phrase,
      ).toBe(true);
    }
  });

  it("has 3 colours loved and 2 ignored, in mentions and in sales", () => {
    const loved = ["Coral", "Ocean Blue", "Sand"];
    const ignored = ["Kelp Green", "Charcoal"];
    const variantId = (title: string) => sunglasses.variants.find((v) => v.title === title)!.id;
    const mentionsOf = (title: string) =>
      scenario.mentions.filter((m) => m.variantId === variantId(title)).length;
    const soldOf = (title: string) =>
      scenario.dailyDemand
        .filter((r) => r.variantId === variantId(title))
        .reduce((sum, r) => sum + r.soldUnits, 0);
    for (const lovedColour of loved) {
      for (const ignoredColour of ignored) {
        expect(mentionsOf(lovedColour)).toBeGreaterThan(2 * mentionsOf(ignoredColour));
        expect(soldOf(lovedColour)).toBeGreaterThan(1.8 * soldOf(ignoredColour));
      }
    }
    // The buyer stocked the ignored colours like the others: they now sit on shelves.
    const onHand = (title: string) =>
      scenario.inventoryLevels
        .filter(
          (l) => l.inventoryItemId === sunglasses.variants.find((v) => v.title === title)!.inventoryItemId,
        )
        .reduce((sum, l) => sum + l.quantities.on_hand, 0);
    const recentSold = (title: string) =>
      scenario.dailyDemand
        .filter((r) => r.variantId === variantId(title) && r.date >= "2026-10-26")
        .reduce((sum, r) => sum + r.soldUnits, 0);
    for (const colour of ignored)
      expect(onHand(colour) / Math.max(1, recentSold(colour) / 28)).toBeGreaterThan(56);
  });

  it("sells more of the loved colours after the buzz, with a lag", () => {
    const lovedIds = new Set(
      sunglasses.variants.filter((v) => ["Coral", "Ocean Blue", "Sand"].includes(v.title)).map((v) => v.id),
    );
    const demand = weeklyUnits(scenario, lovedIds, "demandUnits");
    expect(mean(demand.slice(22))).toBeGreaterThan(1.25 * preWindow(demand));
    // The first window weeks, before the creators posted, are still at the old level.
    expect(mean(demand.slice(14, 16))).toBeLessThan(1.2 * preWindow(demand));
  });
});

describe("ocean jewelry", () => {
  const hashtagWeekly = weeklyMentionCounts(scenario, (m) => m.text.toLowerCase().includes("#oceanjewelry"));

  it("has #oceanjewelry growing more than 25% every week", () => {
    for (let week = 1; week < 12; week += 1) {
      expect(hashtagWeekly[week]!, `week ${week + 1}`).toBeGreaterThan(1.25 * hashtagWeekly[week - 1]!);
    }
    expect(
      scenario.mentions
        .filter((m) => m.text.includes("#oceanjewelry"))
        .every((m) => jewelry.some((p) => p.id === m.productId)),
    ).toBe(true);
  });

  it("sells more 1–3 weeks after the hashtag grows", () => {
    const demand = weeklyUnits(scenario, variantIdsOf(...jewelry), "demandUnits");
    const baseline = preWindow(demand);
    // Weeks 1–2 of the window: the hashtag is already up ~70%, demand is not yet.
    expect(mean(demand.slice(14, 16))).toBeLessThan(1.2 * baseline);
    expect(mean(demand.slice(22))).toBeGreaterThan(2 * baseline);
  });

  it("is hotter in the EU than the rest of the store", () => {
    const euLocation = scenario.locations.find((l) => l.region === "eu")!.id;
    const jewelryIds = variantIdsOf(...jewelry);
    const euShare = (filter: (variantId: string) => boolean) => {
      const rows = scenario.dailyDemand.filter((r) => filter(r.variantId));
      const total = rows.reduce((sum, r) => sum + r.soldUnits, 0);
      return rows.filter((r) => r.locationId === euLocation).reduce((sum, r) => sum + r.soldUnits, 0) / total;
    };
    expect(euShare((id) => jewelryIds.has(id))).toBeGreaterThan(euShare(() => true) + 0.15);
  });
});

describe("fitness tracker", () => {
  it("collects growing complaints about swim heart-rate accuracy, and sales soften after", () => {
    const swim = weeklyMentionCounts(
      scenario,
      (m) => about(tracker.id)(m) && m.intendedStance === "negative" && /swim|游泳|pool|laps/i.test(m.text),
    );
    expect(mean(swim.slice(8))).toBeGreaterThan(5 * mean(swim.slice(0, 2)));
    const demand = weeklyUnits(scenario, variantIdsOf(tracker), "demandUnits");
    expect(mean(demand.slice(22))).toBeLessThan(0.85 * preWindow(demand));
    expect(scenario.mentions.some((m) => (m.featureRequests ?? []).includes("swim mode"))).toBe(true);
  });
});

describe("modular shelf", () => {
  const shelfMentions = scenario.mentions.filter(about(shelf.id));

  it("is loved on Instagram (≈85% positive, about design)", () => {
    const instagram = shelfMentions.filter((m) => m.platform === "instagram");
    expect(share(instagram, "positive")).toBeCloseTo(0.85, 1);
    const positive = instagram.filter((m) => m.intendedStance === "positive");
    expect(positive.filter((m) => m.aspects?.includes("design")).length / positive.length).toBeGreaterThan(
      0.8,
    );
  });

  it("is criticised on Reddit (≈40% negative, about installation)", () => {
    const reddit = shelfMentions.filter((m) => m.platform === "reddit");
    expect(share(reddit, "negative")).toBeCloseTo(0.4, 1);
    const negative = reddit.filter((m) => m.intendedStance === "negative");
    expect(negative.every((m) => m.aspects?.includes("installation"))).toBe(true);
  });
});

describe("earbuds (KOL spike)", () => {
  it("spikes in mentions after creator posts while sales stay flat", () => {
    const weekly = weeklyMentionCounts(scenario, (m) => m.productId === earbuds.id);
    const spikeWeek = weekly.indexOf(Math.max(...weekly));
    const others = weekly.filter((_, week) => week !== spikeWeek && week !== spikeWeek + 1);
    expect(weekly[spikeWeek]!).toBeGreaterThan(5 * mean(others));
    const kols = scenario.mentions.filter(
      (m) => m.productId === earbuds.id && m.authorKind === "creator" && m.authorReachFollowers >= 500_000,
    );
    expect(kols.length).toBeGreaterThanOrEqual(1);
    expect(kols.every((m) => mentionWeek(scenario, m) === spikeWeek)).toBe(true);

    const demand = weeklyUnits(scenario, variantIdsOf(earbuds), "demandUnits");
    const before = mean(demand.slice(6, 14 + spikeWeek));
    const after = mean(demand.slice(14 + spikeWeek, 14 + spikeWeek + 4));
    expect(Math.abs(after / before - 1)).toBeLessThan(0.25);
    expect(earbuds.sentimentLed).toBe(false);
  });
});

describe("noise product", () => {
  it("has sentiment wandering at random while sales stay steady", () => {
    const positiveShares = Array.from({ length: 12 }, (_, week) => {
      const inWeek = scenario.mentions.filter((m) => about(mug.id)(m) && mentionWeek(scenario, m) === week);
      return share(inWeek, "positive");
    });
    expect(Math.max(...positiveShares) - Math.min(...positiveShares)).toBeGreaterThan(0.2);
    const demand = weeklyUnits(scenario, variantIdsOf(mug), "demandUnits");
    expect(Math.abs(mean(demand.slice(14)) / preWindow(demand) - 1)).toBeLessThan(0.2);
    expect(mug.sentimentLed).toBe(false);
  });
});

describe("authors and chatter", () => {
  it("includes bot-like bursts: near-duplicate texts from young accounts within hours", () => {
    const bots = scenario.mentions.filter((m) => m.authorKind === "bot");
    const byProduct = new Map<string | null, ScenarioMention[]>();
    for (const bot of bots) byProduct.set(bot.productId, [...(byProduct.get(bot.productId) ?? []), bot]);
    expect(byProduct.size).toBeGreaterThanOrEqual(3);
    for (const burst of byProduct.values()) {
      expect(burst.length).toBeGreaterThanOrEqual(6);
      const times = burst.map((m) => Date.parse(m.postedAt));
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(6 * 3600_000);
      expect(burst.every((m) => m.authorAccountAgeDays <= 14)).toBe(true);
      const stems = new Set(burst.map((m) => m.text.toLowerCase().slice(0, 24)));
      expect(stems.size).toBe(1);
    }
  });

  it("includes industry mentions not about any product, and creators with high reach", () => {
    const industry = scenario.mentions.filter((m) => m.productId === null);
    expect(industry.length).toBeGreaterThan(100);
    expect(industry.every((m) => m.variantId === null)).toBe(true);
    const creators = scenario.mentions.filter((m) => m.authorKind === "creator");
    expect(Math.min(...creators.map((m) => m.authorReachFollowers))).toBeGreaterThanOrEqual(10_000);
  });

  it("has Chinese texts about the stories (e.g. nose pads, value for money)", () => {
    const chinese = scenario.mentions.filter((m) => m.language === "zh").map((m) => m.text);
    expect(chinese.some((t) => t.includes("鼻托"))).toBe(true);
    expect(chinese.some((t) => t.includes("性价比高"))).toBe(true);
    const countries = new Set(scenario.mentions.filter((m) => m.language === "zh").map((m) => m.countryCode));
    for (const country of countries) expect(regionsForCountry(country).length).toBeGreaterThan(0);
  });
});
