import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addToDaySums,
  aggregateWeeklySignals,
  ALL,
  influencerWeightShare,
  platformWeight,
  reachWeight,
  samplingCorrectedVolatility,
  volatilityOfDaySums,
  WEEK_DAY_SUMS,
} from "~/domain/signals";
import { manyMentions, scoredMention } from "./scoredMentionFactory";

/** The volatility of a week of equally weighted mentions: `days[d]` lists day d's polarities. */
function volatilityOf(days: readonly (readonly number[])[]): number {
  const sums = new Float64Array(WEEK_DAY_SUMS);
  days.forEach((polarities, day) => {
    for (const polarity of polarities) addToDaySums(sums, 0, day, 1, polarity);
  });
  return volatilityOfDaySums(sums, 0);
}

/** Raw (uncorrected) population standard deviation of the daily means. */
function rawDailySpread(days: readonly (readonly number[])[]): number {
  const means = days.filter((d) => d.length > 0).map((d) => d.reduce((s, p) => s + p, 0) / d.length);
  const mean = means.reduce((s, v) => s + v, 0) / means.length;
  return Math.sqrt(means.reduce((s, v) => s + (v - mean) ** 2, 0) / means.length);
}

/** Deterministic PRNG (mulberry32) so the sampling test is reproducible. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

describe("weekly volatility corrected for sampling", () => {
  it("keeps a week whose opinion swings from day to day volatile", () => {
    // Twenty mentions a day, all at +0.6 on even days and −0.6 on odd days: opinion really moves.
    const days = Array.from({ length: 7 }, (_, d) => Array<number>(20).fill(d % 2 === 0 ? 0.6 : -0.6));
    const volatility = volatilityOf(days);
    expect(rawDailySpread(days)).toBeGreaterThan(0.55);
    expect(volatility).toBeGreaterThan(0.55);
    expect(volatility).toBeLessThanOrEqual(rawDailySpread(days));
  });

  it("gives ~0 to a steady week with few mentions a day, whose daily spread is sampling alone", () => {
    // Half love it (+0.8), half not (−0.8), two mentions a day: daily means move by sampling only.
    const days = [
      [0.8, 0.8],
      [-0.8, -0.8],
      [0.8, -0.8],
      [-0.8, 0.8],
    ];
    expect(rawDailySpread(days)).toBeGreaterThan(0.5);
    expect(volatilityOf(days)).toBeCloseTo(0, 9);

    // Over many simulated steady weeks (2–3 mentions a day, same mix every day), the corrected figure
    // stays a small fraction of the raw one.
    const next = random(42);
    let raw = 0;
    let corrected = 0;
    const weeks = 400;
    for (let w = 0; w < weeks; w++) {
      const week = Array.from({ length: 7 }, () =>
        Array.from({ length: 2 + Math.floor(next() * 2) }, () => (next() < 0.6 ? 0.7 : -0.6)),
      );
      raw += rawDailySpread(week);
      corrected += volatilityOf(week);
    }
    expect(raw / weeks).toBeGreaterThan(0.35);
    expect(corrected / weeks).toBeLessThan(0.12);
  });

  it("is 0 with one day of mentions and for a steady week of many mentions", () => {
    expect(volatilityOf([[0.9, -0.9, 0.2]])).toBe(0);
    expect(volatilityOf(Array.from({ length: 7 }, () => Array<number>(30).fill(0.4)))).toBeCloseTo(0, 12);
    expect(samplingCorrectedVolatility([])).toBe(0);
  });

  it("stays within [0, 1] for any week, on any slot of a shared array, and kolShare too", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 6 }),
            weight: fc.double({ min: 0, max: 5, noNaN: true }),
            polarity: fc.double({ min: -1, max: 1, noNaN: true }),
            isInfluencer: fc.boolean(),
          }),
          { maxLength: 60 },
        ),
        fc.integer({ min: 0, max: 3 }),
        (mentions, slot) => {
          const sums = new Float64Array(WEEK_DAY_SUMS * 4);
          let influencer = 0;
          let total = 0;
          for (const m of mentions) {
            addToDaySums(sums, slot * WEEK_DAY_SUMS, m.day, m.weight, m.polarity);
            total += m.weight;
            if (m.isInfluencer) influencer += m.weight;
          }
          const volatility = volatilityOfDaySums(sums, slot * WEEK_DAY_SUMS);
          expect(volatility).toBeGreaterThanOrEqual(0);
          expect(volatility).toBeLessThanOrEqual(1);
          // Other slots are untouched.
          for (let other = 0; other < 4; other++)
            if (other !== slot) expect(volatilityOfDaySums(sums, other * WEEK_DAY_SUMS)).toBe(0);
          const kolShare = influencerWeightShare(influencer, total);
          expect(kolShare).toBeGreaterThanOrEqual(0);
          expect(kolShare).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});

describe("influencer share of a week", () => {
  it("is carried by one 1M-follower account among thirty small ones", () => {
    const kol = scoredMention({
      platform: "instagram",
      authorReachFollowers: 1_000_000,
      postedAt: new Date("2026-11-18T12:00:00Z"),
      polarity: 0.8,
      label: "positive",
    });
    const small = manyMentions(30, (i) => ({
      platform: "instagram",
      authorReachFollowers: 100,
      postedAt: new Date(Date.UTC(2026, 10, 16 + (i % 7), 10)),
    }));
    const row = aggregateWeeklySignals([kol, ...small]).find(
      (r) => r.variantId === null && r.platform === ALL && r.region === ALL,
    );
    const kolWeight = platformWeight("instagram") * reachWeight(1_000_000);
    const smallWeight = platformWeight("instagram") * reachWeight(100);
    expect(row?.kolShare).toBeCloseTo(kolWeight / (kolWeight + 30 * smallWeight), 12);
    // One post in 31 mentions, but a tenth of the week's weight: reach counts, not just the head count.
    expect(row?.kolShare).toBeGreaterThan(1 / 31);
    expect(influencerWeightShare(0, 0)).toBe(0);
    expect(influencerWeightShare(3, 2)).toBe(1);
  });
});

describe("weekly signal rows carry volatility and kolShare", () => {
  it("computes volatility on platform 'all' rows (product, variant, region) and leaves platform slices null", () => {
    const mentions = manyMentions(28, (i) => ({
      variantId: "gid://shopify/ProductVariant/1",
      country: i % 2 === 0 ? "US" : "DE",
      platform: i % 3 === 0 ? "reddit" : "judgeme",
      // Four mentions a day for a week; Monday–Wednesday loved, Thursday–Sunday panned.
      postedAt: new Date(Date.UTC(2026, 10, 16 + Math.floor(i / 4), 9 + (i % 4))),
      polarity: Math.floor(i / 4) < 3 ? 0.9 : -0.9,
      label: Math.floor(i / 4) < 3 ? "positive" : "negative",
    }));
    const rows = aggregateWeeklySignals(mentions, { timeZone: "UTC", platformRegionCross: false });
    const allPlatform = rows.filter((r) => r.platform === ALL);
    expect(allPlatform.map((r) => `${r.variantId ? "variant" : "product"}/${r.region}`).sort()).toEqual([
      "product/DE",
      "product/US",
      "product/all",
      "variant/DE",
      "variant/US",
      "variant/all",
    ]);
    // Regional rows hold two mentions a day, so more of their spread is put down to sampling.
    for (const row of allPlatform) expect(row.volatility).toBeGreaterThan(0.4);
    for (const row of rows.filter((r) => r.platform !== ALL)) expect(row.volatility).toBeNull();
    for (const row of rows) expect(row.kolShare).toBe(0);
  });

  it("splits days on the shop's clock", () => {
    // Five loved it at 23:xx New York time, five panned it at 00:xx: one UTC day, two local days.
    const late = manyMentions(5, (i) => ({
      postedAt: new Date(Date.UTC(2026, 10, 18, 4, 10 * i)),
      polarity: 0.9,
      label: "positive",
    }));
    const early = manyMentions(5, (i) => ({
      postedAt: new Date(Date.UTC(2026, 10, 18, 5, 10 * i)),
      polarity: -0.9,
      label: "negative",
    }));
    const rowIn = (timeZone: string) =>
      aggregateWeeklySignals([...late, ...early], { timeZone }).find(
        (r) => r.variantId === null && r.platform === ALL && r.region === ALL,
      );
    expect(rowIn("UTC")?.volatility).toBe(0);
    // √(0.81 − 0.81 ÷ 5) ≈ 0.805
    expect(rowIn("America/New_York")?.volatility).toBeCloseTo(Math.sqrt(0.81 - 0.81 / 5), 9);
  });
});
