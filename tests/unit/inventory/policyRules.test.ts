import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  cancellableExcessUnits,
  DEFAULT_INVENTORY_SETTINGS,
  forecastDemand,
  learnLiftEvidence,
  learnVolumeEvidence,
  mergeInventorySettings,
  overstockKeepUnits,
  positiveVolumePoints,
  sentimentLift,
  trustedLiftEvidence,
  validateInventorySettings,
  variantLiftShares,
} from "~/domain/inventory";

const volumeOn = mergeInventorySettings({
  lift: { ...DEFAULT_INVENTORY_SETTINGS.lift, volumeMaxLiftPerPoint: 0.01 },
});

describe("reduce never cancels the policy's own case rounding", () => {
  it("keeps at least one case above the order-up-to level", () => {
    expect(overstockKeepUnits(18.9, 0.1, 56, 4)).toBeCloseTo(22.9, 9);
    expect(overstockKeepUnits(18.9, 1, 56, 4)).toBe(56);
  });

  it("cancels whole cases only, never more than is incoming", () => {
    expect(cancellableExcessUnits(40, 28, 24, 4)).toBe(12);
    expect(cancellableExcessUnits(30, 28, 24, 4)).toBe(0);
    expect(cancellableExcessUnits(100, 28, 10, 4)).toBe(10);
    expect(cancellableExcessUnits(100, 28, 0, 4)).toBe(0);
  });

  it("an order placed at the reorder point is never cancelled while the forecast holds (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 7, max: 60 }),
        (daily, pack, leadPlusReview) => {
          const orderUpTo = daily * leadPlusReview;
          // Position right after ordering up to the level, in whole cases.
          const position = Math.ceil(orderUpTo / pack) * pack;
          const keep = overstockKeepUnits(orderUpTo, daily, 56, pack);
          expect(cancellableExcessUnits(position, keep, position, pack)).toBe(0);
        },
      ),
    );
  });
});

describe("Holt-Winters initial trend", () => {
  it("does not read a noisy second week on a slow seller as a several-fold trend", () => {
    const units = [0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 3, 2];
    const forecast = forecastDemand(
      {
        variantId: "v",
        locationId: "l",
        firstDay: "2026-01-01",
        unitsSold: units,
        inStock: units.map(() => true),
      },
      20454 + units.length,
      35,
      DEFAULT_INVENTORY_SETTINGS.forecast,
    );
    expect(forecast.method).toBe("holt_winters");
    // Week means 0.14 → 1.57: the unshrunk trend (0.2/day) projected about 3 units/day over 5 weeks.
    expect(forecast.meanDailyUnits).toBeLessThan(2.2);
  });
});

describe("minimum correlation before a product's own slope is trusted", () => {
  it("zeroes the cross products of uncorrelated evidence, and of evidence with too few weeks", () => {
    const evidence = {
      lagWeeks: 1,
      sumCrossProducts: 5,
      sumSquaredSentimentChanges: 400,
      pairs: 8,
      correlation: 0.1,
    };
    expect(trustedLiftEvidence(evidence, DEFAULT_INVENTORY_SETTINGS.lift).sumCrossProducts).toBe(0);
    // Too few weeks to judge: no slope of its own and none borrowed, however high the correlation.
    const thin = { ...evidence, pairs: 2, correlation: 0.99 };
    expect(trustedLiftEvidence(thin, DEFAULT_INVENTORY_SETTINGS.lift).sumCrossProducts).toBe(0);
    expect(
      trustedLiftEvidence({ ...evidence, correlation: 0.6 }, DEFAULT_INVENTORY_SETTINGS.lift)
        .sumCrossProducts,
    ).toBe(5);
  });

  it("noise cannot raise orders: untrusted sentiment leaves the multiplier at 1 whatever the prior (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.5, max: 0.8, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 5, max: 200 }), { minLength: 12, maxLength: 12 }),
        fc.array(fc.integer({ min: 80, max: 120 }), { minLength: 12, maxLength: 12 }),
        (index, volume, demand) => {
          const positiveShare = index.map(() => 0.6);
          const evidence = learnLiftEvidence(index, demand, 3);
          const volumeEvidence = learnVolumeEvidence(positiveShare, volume, demand, 3);
          const lift = sentimentLift(
            {
              weightedIndex: index,
              weeklyDemandUnits: demand,
              kolShare: index.map(() => 0),
              positiveShare,
              volume,
            },
            evidence,
            0.03,
            volumeOn,
            { evidence: volumeEvidence, priorLiftPerPoint: 0.01 },
          );
          // Always within the caps…
          expect(lift.multiplier).toBeLessThanOrEqual(volumeOn.lift.maxMultiplier);
          expect(lift.multiplier).toBeGreaterThanOrEqual(volumeOn.lift.minMultiplier);
          // …and with neither term trusted, nothing moves.
          const untrusted = (e: typeof evidence, minPairs: number) =>
            e.pairs >= minPairs &&
            e.sumSquaredSentimentChanges > 0 &&
            e.correlation < volumeOn.lift.minOwnCorrelation;
          if (
            untrusted(evidence, volumeOn.lift.minPairsForOwnSlope) &&
            untrusted(volumeEvidence, volumeOn.lift.volumeMinPairsForOwnSlope)
          )
            expect(lift.multiplier).toBe(1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("volume term of the sentiment lift", () => {
  const weeks = 12;
  const growth = Array.from({ length: weeks }, (_, w) => Math.round(10 * 1.25 ** w));
  // Sales follow positive-talk volume two weeks later, with an elasticity of 0.5.
  const demand = Array.from(
    { length: weeks },
    (_, w) => 100 * (growth[Math.max(0, w - 2)]! / growth[0]!) ** 0.5,
  );
  const positiveShare = growth.map(() => 0.7);
  const flatIndex = growth.map(() => 0.4);
  const kol = growth.map(() => 0);

  it("measures volume in log points", () => {
    const points = positiveVolumePoints([0.5, 0.5], [20, 40]);
    expect(points[1]! - points[0]!).toBeCloseTo(100 * Math.log(21 / 11), 6);
  });

  it("raises the forecast when praise grows although the index does not move", () => {
    const lift = sentimentLift(
      { weightedIndex: flatIndex, weeklyDemandUnits: demand, kolShare: kol, positiveShare, volume: growth },
      learnLiftEvidence(flatIndex, demand, 3),
      0,
      volumeOn,
      { evidence: learnVolumeEvidence(positiveShare, growth, demand, 3), priorLiftPerPoint: 0 },
    );
    expect(lift.volumeLagWeeks).toBe(2);
    expect(lift.volumeLiftPerPoint).toBeGreaterThan(0.003);
    expect(lift.multiplier).toBeGreaterThan(1.1);
  });

  it("ignores a burst of talk (KOL spike) that sales have not confirmed", () => {
    const spike = growth.map((_, w) => (w === weeks - 1 ? 400 : 20));
    const flatDemand = growth.map(() => 100);
    const lift = sentimentLift(
      {
        weightedIndex: flatIndex,
        weeklyDemandUnits: flatDemand,
        kolShare: kol,
        positiveShare,
        volume: spike,
      },
      learnLiftEvidence(flatIndex, flatDemand, 3),
      0,
      volumeOn,
      { evidence: learnVolumeEvidence(positiveShare, spike, flatDemand, 3), priorLiftPerPoint: 0.01 },
    );
    expect(lift.multiplier).toBe(1);
    expect(lift.warnings.join(" ")).toMatch(/spike/);
  });

  it("is on by default (at most 1% more sales per volume point) and validated in settings", () => {
    expect(DEFAULT_INVENTORY_SETTINGS.lift.volumeMaxLiftPerPoint).toBe(0.01);
    expect(validateInventorySettings(volumeOn).ok).toBe(true);
    const tooSteep = mergeInventorySettings({
      lift: { ...DEFAULT_INVENTORY_SETTINGS.lift, volumeMaxLiftPerPoint: 0.2 },
    });
    expect(validateInventorySettings(tooSteep).ok).toBe(false);
    const bad = mergeInventorySettings({
      lift: { ...DEFAULT_INVENTORY_SETTINGS.lift, minOwnCorrelation: 2 },
    });
    expect(validateInventorySettings(bad).ok).toBe(false);
  });
});

describe("volume term on levels, damped by its own validity", () => {
  // Talk grows 30% a week (a hashtag catching on); sales follow two weeks later with an elasticity of
  // 0.45, plus ±15% weekly noise: the simulated store's ocean jewellery.
  const weeks = 10;
  const noise = [0.1, -0.12, 0.05, 0.14, -0.08, -0.15, 0.09, 0.02, -0.1, 0.12];
  const talk = Array.from({ length: weeks }, (_, w) => Math.round(20 * 1.3 ** w));
  const share = talk.map(() => 0.76);
  const sales = talk.map((_, w) => 40 * (talk[Math.max(0, w - 2)]! / talk[0]!) ** 0.45 * (1 + noise[w]!));
  // The index (mean polarity) wanders on small samples: ±30 points a week, unrelated to sales.
  const wanderingIndex = talk.map((_, w) => (w % 2 === 0 ? 0.55 : 0.25));

  it("trusts steady growth that sales followed, more clearly than week-over-week changes do", () => {
    const levels = learnVolumeEvidence(share, talk, sales, 3, 4);
    expect(levels.correlation).toBeGreaterThan(0.9);
    expect(trustedLiftEvidence(levels, DEFAULT_INVENTORY_SETTINGS.lift)).toBe(levels);
    // On changes the talk grows by the same amount every week: no variation to learn from.
    const points = positiveVolumePoints(share, talk);
    const changes = learnLiftEvidence(
      Array.from(points, (p) => p / 100),
      sales,
      3,
    );
    expect(levels.correlation).toBeGreaterThan(changes.correlation);
  });

  it("lifts the forecast although the index over-reacts, and a shortfall within sales noise is in sync", () => {
    const lift = sentimentLift(
      {
        weightedIndex: wanderingIndex,
        weeklyDemandUnits: sales,
        kolShare: talk.map(() => 0),
        positiveShare: share,
        volume: talk,
      },
      learnLiftEvidence(wanderingIndex, sales, 3),
      0,
      DEFAULT_INVENTORY_SETTINGS,
      { evidence: learnVolumeEvidence(share, talk, sales, 3, 4), priorLiftPerPoint: 0 },
    );
    expect(lift.volumeLiftPerPoint).toBeGreaterThan(0.002);
    expect(lift.volumeValidity?.status).not.toBe("over_reaction");
    expect(lift.multiplier).toBeGreaterThan(1.1);
  });

  it("never lifts a product in its first weeks of talk, before its own sales could confirm it", () => {
    const lift = sentimentLift(
      {
        weightedIndex: wanderingIndex.slice(0, 4),
        weeklyDemandUnits: sales.slice(0, 4),
        kolShare: [0, 0, 0, 0],
        positiveShare: share.slice(0, 4),
        volume: talk.slice(0, 4),
      },
      learnLiftEvidence(wanderingIndex.slice(0, 4), sales.slice(0, 4), 3),
      0.03,
      DEFAULT_INVENTORY_SETTINGS,
      {
        evidence: learnVolumeEvidence(share.slice(0, 4), talk.slice(0, 4), sales.slice(0, 4), 3, 4),
        priorLiftPerPoint: 0.01,
      },
    );
    expect(lift.multiplier).toBe(1);
  });
});

describe("variantLiftShares", () => {
  const row = (variantId: string, weekStart: string, volume: number) => ({
    productId: "p",
    variantId,
    weekStart,
    weightedIndex: 0.5,
    negativeShare: 0.1,
    positiveShare: 0.8,
    volume,
    volatility: 0,
    kolShare: 0,
  });
  const grid = { firstWeekStartDay: 20454, weeks: 2 }; // 2026-01-05 and 2026-01-12
  const demand = new Map([
    ["coral", [20, 20]],
    ["charcoal", [20, 20]],
  ]);

  it("gives the loved variant more of the lift than its sales share, the ignored one less", () => {
    const byVariant = new Map([
      ["coral", [row("coral", "2026-01-05", 30), row("coral", "2026-01-12", 40)]],
      ["charcoal", [row("charcoal", "2026-01-05", 5), row("charcoal", "2026-01-12", 5)]],
    ]);
    const shares = variantLiftShares(byVariant, demand, grid, 2);
    expect(shares.get("coral")).toBeCloseTo(56 / 64 / 0.5, 6);
    expect(shares.get("charcoal")).toBeCloseTo(8 / 64 / 0.5, 6);
  });

  it("leaves every variant at the product's lift when few mentions name a variant", () => {
    const byVariant = new Map([["coral", [row("coral", "2026-01-12", 10)]]]);
    expect(variantLiftShares(byVariant, demand, grid, 2).size).toBe(0);
  });
});
