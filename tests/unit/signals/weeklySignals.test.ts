import { describe, expect, it } from "vitest";
import {
  ALL,
  affectedSignalKeys,
  aggregateWeeklySignals,
  assessAuthenticity,
  createWeeklySignalAccumulator,
  isoWeek,
  risingConcerns,
  type ScoredMention,
  type WeeklySignalRow,
} from "~/domain/signals";
import { manyMentions, NEGATIVE, NEUTRAL, POSITIVE, scoredMention } from "./scoredMentionFactory";

const HOME = "gid://shopify/Product/home";
/** Wednesday noon UTC of ISO week 47 of 2026, plus whole weeks. */
const weekOf = (offsetWeeks: number, hour = 12) => new Date(Date.UTC(2026, 10, 18 + offsetWeeks * 7, hour));

function productRow(rows: WeeklySignalRow[], week: string, productId = HOME): WeeklySignalRow {
  const row = rows.find(
    (r) =>
      r.productId === productId &&
      r.variantId === null &&
      r.platform === ALL &&
      r.region === ALL &&
      r.isoWeek === week,
  );
  if (!row) throw new Error(`no product row for ${productId} in ${week}`);
  return row;
}

const COMPLAINTS = [
  "The hinge cracked after two days of normal use",
  "Lenses scratch far too easily, already hazy after a week",
  "The nose pads pinch and leave marks after an hour",
  "Case does not close properly and the clasp feels cheap",
  "Arrived with a bent frame and support took ages to reply",
  "Too tight behind my ears, had to return them",
  "Colour looks nothing like the photos on the site",
  "The coating started peeling within the first month",
  "Screws keep loosening, I tighten them every few days",
  "Heavier than expected, they slide down my nose when I walk",
];

describe("weekly aggregation", () => {
  it("shows the seed's home product split: Instagram 85% positive, Reddit 40% negative", () => {
    const instagram = manyMentions(20, (i) => ({
      productId: HOME,
      platform: "instagram",
      postedAt: weekOf(0),
      ...(i < 17 ? POSITIVE : i < 19 ? NEUTRAL : NEGATIVE),
    }));
    const reddit = manyMentions(10, (i) => ({
      productId: HOME,
      platform: "Reddit",
      postedAt: weekOf(0),
      ...(i < 4 ? NEGATIVE : i < 7 ? NEUTRAL : POSITIVE),
    }));
    const rows = aggregateWeeklySignals([...instagram, ...reddit]);
    const home = productRow(rows, "2026-W47");

    expect(home.volume).toBe(30);
    const split = Object.fromEntries(home.detail!.platformSplit.map((entry) => [entry.value, entry]));
    expect(split.instagram).toMatchObject({ volume: 20, positiveShare: 0.85 });
    expect(split.reddit).toMatchObject({ volume: 10, negativeShare: 0.4 });
    // The same slices exist as rows of their own, for charts and alerts per platform.
    const redditRow = rows.find((r) => r.platform === "reddit" && r.region === ALL && r.variantId === null);
    expect(redditRow?.negativeShare).toBe(0.4);
  });

  it("weights the index by platform: core reviews outweigh mass social, which outweighs forums", () => {
    const rows = aggregateWeeklySignals([
      scoredMention({ platform: "judgeme", polarity: 1, label: "positive", authorReachFollowers: 0 }),
      scoredMention({ platform: "reddit", polarity: -1, label: "negative", authorReachFollowers: 0 }),
    ]);
    const row = productRow(rows, "2026-W47", "gid://shopify/Product/1");
    // (0.6 × 1 + 0.1 × −1) / (0.6 + 0.1)
    expect(row.sentimentIndex).toBeCloseTo(0.5 / 0.7, 12);
    expect(row.positiveShare + row.neutralShare + row.negativeShare).toBe(1);
  });

  it("gives far-reaching authors more weight with diminishing returns", () => {
    const rows = aggregateWeeklySignals([
      scoredMention({ polarity: 1, label: "positive", authorReachFollowers: 999_999 }),
      scoredMention({ polarity: -1, label: "negative", authorReachFollowers: 0 }),
      scoredMention({ polarity: -1, label: "negative", authorReachFollowers: 0 }),
    ]);
    // weights 4, 1, 1: one author with a million followers counts as four customers, not a million.
    expect(productRow(rows, "2026-W47", "gid://shopify/Product/1").sentimentIndex).toBeCloseTo(2 / 6, 12);
  });

  it("reports comfort concerns +35% week over week, and no percentage on a tiny base", () => {
    const comfortConcern = { ...NEGATIVE, aspects: [{ aspect: "comfort", polarity: -0.6 }] };
    const colourConcern = { ...NEGATIVE, aspects: [{ aspect: "colour options", polarity: -0.4 }] };
    const mentions = [
      ...manyMentions(20, () => ({ productId: HOME, postedAt: weekOf(-1), ...comfortConcern })),
      ...manyMentions(2, () => ({ productId: HOME, postedAt: weekOf(-1), ...colourConcern })),
      ...manyMentions(27, () => ({ productId: HOME, postedAt: weekOf(0), ...comfortConcern })),
      ...manyMentions(6, () => ({ productId: HOME, postedAt: weekOf(0), ...colourConcern })),
      ...manyMentions(3, () => ({
        productId: HOME,
        postedAt: weekOf(0),
        ...POSITIVE,
        aspects: [
          { aspect: "design", polarity: 0.8 },
          { aspect: "design", polarity: 0.5 },
        ],
      })),
    ];
    const home = productRow(aggregateWeeklySignals(mentions), "2026-W47");
    const comfort = home.detail!.drivers.find((d) => d.aspect === "comfort" && d.stance === "negative");
    expect(comfort).toMatchObject({ mentions: 27, previousWeekMentions: 20, growth: { status: "ok" } });
    expect(comfort!.growth.status === "ok" && comfort!.growth.changePercent).toBeCloseTo(35, 10);
    expect(home.detail!.drivers.find((d) => d.aspect === "colour options")?.growth).toEqual({
      status: "insufficient-base",
      minBaseMentions: 5,
    });
    // An aspect repeated within one mention counts once.
    expect(home.detail!.drivers.find((d) => d.aspect === "design")).toMatchObject({
      stance: "positive",
      mentions: 3,
    });
    expect(risingConcerns(home.detail!.drivers)).toEqual([
      { aspect: "comfort", mentions: 27, previousWeekMentions: 20, changePercent: expect.closeTo(35, 10) },
    ]);
  });

  it("says 'insufficient-history' until two trailing weeks have data, then compares with their mean", () => {
    const mentions = [
      ...manyMentions(4, () => ({ postedAt: weekOf(-2), polarity: 0.2, label: "positive" as const })),
      ...manyMentions(4, () => ({ postedAt: weekOf(-1), polarity: 0.4, label: "positive" as const })),
      ...manyMentions(4, () => ({ postedAt: weekOf(0), polarity: 0.9, label: "positive" as const })),
    ];
    const rows = aggregateWeeklySignals(mentions);
    const product = "gid://shopify/Product/1";
    expect(productRow(rows, "2026-W45", product).baseline).toEqual({
      status: "insufficient-history",
      weeksWithData: 0,
      minHistoryWeeks: 2,
    });
    expect(productRow(rows, "2026-W46", product).baseline).toMatchObject({
      status: "insufficient-history",
      weeksWithData: 1,
    });
    const current = productRow(rows, "2026-W47", product).baseline;
    expect(current).toMatchObject({
      status: "ok",
      weeksWithData: 2,
      baselineVolumePerWeek: 4,
      volumeChangePercent: 0,
    });
    expect(current.status === "ok" && current.baselineIndex).toBeCloseTo(0.3, 12);
    expect(current.status === "ok" && current.indexChange).toBeCloseTo(0.6, 12);
  });

  it("reports negative and positive share change week over week, and a gap week as no previous week", () => {
    const mentions = [
      ...manyMentions(10, (i) => ({ postedAt: weekOf(-1), ...(i < 3 ? NEGATIVE : POSITIVE) })),
      ...manyMentions(10, (i) => ({ postedAt: weekOf(0), ...(i < 6 ? NEGATIVE : POSITIVE) })),
      ...manyMentions(2, () => ({ postedAt: weekOf(2), ...POSITIVE })),
    ];
    const rows = aggregateWeeklySignals(mentions);
    const product = "gid://shopify/Product/1";
    const change = productRow(rows, "2026-W47", product).weekOverWeek;
    expect(change).toMatchObject({ status: "ok", previousVolume: 10 });
    if (change.status !== "ok") throw new Error("expected a change");
    expect(change.negativeShareDelta).toBeCloseTo(0.3, 12);
    expect(change.negativeShareChangePercent).toBeCloseTo(100, 10);
    expect(change.positiveShareChangePercent).toBeCloseTo(((0.4 - 0.7) / 0.7) * 100, 10);
    expect(productRow(rows, "2026-W49", product).weekOverWeek).toEqual({ status: "no-previous-week" });
  });

  it("down-weights a duplicated bot burst but still counts and flags it", () => {
    const genuine = manyMentions(10, (i) => ({
      productId: HOME,
      platform: "judgeme",
      postedAt: weekOf(0, 8),
      ...NEGATIVE,
      text: COMPLAINTS[i]!,
    }));
    const bots = manyMentions(30, (i) => ({
      productId: HOME,
      platform: "instagram",
      authorHash: `bot-${i}`,
      authorAccountAgeDays: 1,
      authorReachFollowers: 50,
      postedAt: new Date(weekOf(0, 9).getTime() + i * 60_000),
      polarity: 0.95,
      label: "positive" as const,
      text: "Best sunglasses I have ever owned, totally worth it, get yours today at https://deals.example.com/x",
    }));
    const mentions = [...genuine, ...bots];
    const trust = assessAuthenticity(mentions);
    const assessed: ScoredMention[] = mentions.map((m) => ({ ...m, authenticity: trust.get(m.id)!.score }));

    const naive = productRow(aggregateWeeklySignals(mentions), "2026-W47");
    const weighted = productRow(aggregateWeeklySignals(assessed), "2026-W47");
    expect(weighted.volume).toBe(40);
    expect(weighted.positiveShare).toBe(0.75);
    expect(weighted.lowTrustMentions).toBe(30);
    expect(weighted.meanAuthenticity).toBeLessThan(0.5);
    // Without authenticity the bots flip the product positive; with it the genuine complaints lead.
    expect(naive.sentimentIndex).toBeGreaterThan(0);
    expect(weighted.sentimentIndex).toBeLessThan(0);
    expect(weighted.detail!.platformSplit.find((s) => s.value === "instagram")?.lowTrustMentions).toBe(30);
  });

  it("buckets weeks on the shop's wall clock", () => {
    const sundayNightUtc = scoredMention({ postedAt: new Date("2026-11-15T20:00:00Z") });
    expect(aggregateWeeklySignals([sundayNightUtc], { timeZone: "UTC" })[0]?.isoWeek).toBe("2026-W46");
    expect(aggregateWeeklySignals([sundayNightUtc], { timeZone: "Asia/Tokyo" })[0]?.isoWeek).toBe("2026-W47");
  });

  it("rolls a variant mention up into the product, and countries into configured regions", () => {
    const rows = aggregateWeeklySignals(
      [
        scoredMention({ variantId: "v-red", country: "DE", ...POSITIVE }),
        scoredMention({ variantId: null, country: "fr", ...NEGATIVE }),
        scoredMention({ variantId: null, country: null, ...NEUTRAL }),
      ],
      { regionByCountry: { DE: "EU", FR: "EU" } },
    );
    const product = productRow(rows, "2026-W47", "gid://shopify/Product/1");
    expect(product.volume).toBe(3);
    const variant = rows.find((r) => r.variantId === "v-red" && r.platform === ALL && r.region === ALL);
    expect(variant?.volume).toBe(1);
    expect(product.detail!.regionSplit.map((s) => [s.value, s.volume])).toEqual([
      ["EU", 2],
      ["unknown", 1],
    ]);
    // 1 variant mention × 2 variant levels × 2 platform levels × 2 region levels + 2 product-only × 4
    // cells, minus shared cells: product/all/all, product/judgeme/all, product/all/EU, product/judgeme/EU,
    // product/.../unknown ×2, variant ×4.
    expect(rows).toHaveLength(10);
  });

  it("lists high-reach authors with their stance and unmet needs with their counts", () => {
    const polarized = { clusterKey: "polarized-lenses", normalized: "polarized lenses" };
    const rows = aggregateWeeklySignals([
      scoredMention({ authorHash: "star", authorReachFollowers: 250_000, platform: "youtube", ...NEGATIVE }),
      scoredMention({ authorHash: "star", authorReachFollowers: 250_000, platform: "youtube", ...NEGATIVE }),
      scoredMention({ authorHash: "fan", authorReachFollowers: 40_000, platform: "instagram", ...POSITIVE }),
      scoredMention({ authorHash: "neighbour", authorReachFollowers: 80, ...POSITIVE }),
      scoredMention({ featureRequests: [polarized, polarized] }),
      scoredMention({ featureRequests: [{ ...polarized, normalized: "polarised lens option" }] }),
    ]);
    const detail = productRow(rows, "2026-W47", "gid://shopify/Product/1").detail!;
    expect(detail.influencers).toEqual([
      {
        authorHash: "star",
        platform: "youtube",
        reachFollowers: 250_000,
        mentions: 2,
        meanPolarity: -0.6,
        stance: "negative",
      },
      {
        authorHash: "fan",
        platform: "instagram",
        reachFollowers: 40_000,
        mentions: 1,
        meanPolarity: 0.7,
        stance: "positive",
      },
    ]);
    expect(detail.unmetNeeds).toEqual([
      {
        clusterKey: "polarized-lenses",
        normalized: "polarized lenses",
        mentions: 2,
        previousWeekMentions: 0,
        growth: { status: "insufficient-base", minBaseMentions: 5 },
      },
    ]);
  });

  it("refuses mentions of a second shop: settings and timezone are per shop", () => {
    const accumulator = createWeeklySignalAccumulator();
    accumulator.add(scoredMention({ shopId: "a" }));
    expect(() => accumulator.add(scoredMention({ shopId: "b" }))).toThrow(/serves shop a/);
  });
});

describe("incremental recompute", () => {
  /** Mentions over 6 weeks, 2 products, 3 platforms, with aspects so growth and baselines matter. */
  function history(): ScoredMention[] {
    return manyMentions(600, (i) => ({
      productId: i % 2 ? HOME : "gid://shopify/Product/2",
      variantId: i % 3 === 0 ? "v1" : null,
      platform: ["instagram", "reddit", "judgeme"][i % 3]!,
      country: ["US", "DE"][i % 2]!,
      postedAt: weekOf(-5 + (i % 6), i % 24),
      ...(i % 5 === 0 ? NEGATIVE : i % 5 === 1 ? NEUTRAL : POSITIVE),
      aspects: i % 4 === 0 ? [{ aspect: "comfort", polarity: -0.5 }] : [],
      featureRequests: i % 7 === 0 ? [{ clusterKey: "polarized", normalized: "polarized" }] : [],
    }));
  }

  it("recomputing only the touched and following weeks equals a full recompute", () => {
    const all = history();
    const late = manyMentions(40, (i) => ({
      productId: HOME,
      platform: "instagram",
      country: "US",
      postedAt: weekOf(-3, i % 24), // a late backfill into an old week
      ...NEGATIVE,
      aspects: [{ aspect: "comfort", polarity: -0.7 }],
    }));
    const stored = aggregateWeeklySignals(all);

    // 1. Which rows did the new batch touch?
    const touched = createWeeklySignalAccumulator().addBatch(late);
    // 2. Reload every mention of the touched product-weeks (here: filter in memory) and re-aggregate them.
    const touchedProductWeeks = new Set(late.map((m) => `${m.productId}|${isoWeek(m.postedAt, "UTC")}`));
    const everything = [...all, ...late];
    const reloaded = everything.filter((m) =>
      touchedProductWeeks.has(`${m.productId}|${isoWeek(m.postedAt, "UTC")}`),
    );
    const fresh = createWeeklySignalAccumulator();
    for (const mention of reloaded) fresh.add(mention);
    const recomputed = [...fresh.rows({ onlyKeys: affectedSignalKeys(touched, 8), history: stored })];

    const merged = new Map(stored.map((row) => [row.key, row]));
    for (const row of recomputed) merged.set(row.key, row);
    const full = aggregateWeeklySignals(everything);

    expect(recomputed.length).toBeGreaterThan(touched.size);
    expect(merged.size).toBe(full.length);
    for (const row of full) expect(merged.get(row.key)).toEqual(row);
  });
});

describe("platform × region cells", () => {
  it("can be turned off, keeping platform-only and region-only slices", () => {
    const mentions = [
      scoredMention({ platform: "instagram", country: "US" }),
      scoredMention({ platform: "reddit", country: "DE" }),
    ];
    const full = aggregateWeeklySignals(mentions);
    const marginal = aggregateWeeklySignals(mentions, { platformRegionCross: false });
    expect(full.filter((r) => r.platform !== ALL && r.region !== ALL)).toHaveLength(2);
    expect(marginal.filter((r) => r.platform !== ALL && r.region !== ALL)).toHaveLength(0);
    expect(marginal).toHaveLength(full.length - 2);
  });
});
