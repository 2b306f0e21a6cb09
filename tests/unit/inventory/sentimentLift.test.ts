import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessValidity,
  DEFAULT_INVENTORY_SETTINGS,
  learnLiftEvidence,
  mergeInventorySettings,
  sentimentLift,
  shopLiftPrior,
  VALIDITY_INDEX_CAP_PERCENT,
} from "~/domain/inventory";

const settings = DEFAULT_INVENTORY_SETTINGS;

/** Weekly index and demand where demand follows the index `lag` weeks later, `slope` per point. */
function ledSeries(lag: number, slope: number, weeks = 26, override: Record<number, number> = {}) {
  const index = Array.from(
    { length: weeks },
    (_, w) => override[w] ?? 0.2 + (Math.floor(w / 4) % 2 === 1 ? 0.2 : 0),
  );
  const demand = index.map(
    (_, w) => 100 * (1 + slope * ((index[Math.max(0, w - lag)] as number) - 0.2) * 100),
  );
  return { index, demand };
}

describe("assessValidity", () => {
  it("reads the product definition's three bands", () => {
    expect(assessValidity(30, 20, settings)).toMatchObject({
      status: "over_reaction",
      validityIndexPercent: 150,
    });
    expect(assessValidity(20, 20, settings)).toMatchObject({ status: "in_sync", validityIndexPercent: 100 });
    expect(assessValidity(12, 20, settings)).toMatchObject({
      status: "lagging_or_distorted",
      validityIndexPercent: 60,
    });
  });

  it("treats sentiment moving without sales as over-reaction, capped (never Infinity)", () => {
    expect(assessValidity(40, 0, settings)).toMatchObject({
      status: "over_reaction",
      validityIndexPercent: VALIDITY_INDEX_CAP_PERCENT,
    });
  });

  it("has no opinion when sentiment did not move", () => {
    expect(assessValidity(2, 30, settings)).toMatchObject({
      status: "no_signal",
      validityIndexPercent: null,
    });
  });

  it("uses the configured thresholds", () => {
    const strict = mergeInventorySettings({
      validity: { overReactionAbovePercent: 105, inSyncFromPercent: 95 },
    });
    expect(assessValidity(22, 20, strict).status).toBe("over_reaction");
  });

  it("property: always finite and within the cap", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: false }), fc.double({ noNaN: false }), (s, q) => {
        const v = assessValidity(s, q, settings);
        if (v.validityIndexPercent !== null) {
          expect(Number.isFinite(v.validityIndexPercent)).toBe(true);
          expect(Math.abs(v.validityIndexPercent)).toBeLessThanOrEqual(VALIDITY_INDEX_CAP_PERCENT);
        }
      }),
    );
  });
});

describe("learnLiftEvidence", () => {
  it("finds the lag at which sales follow sentiment", () => {
    for (const lag of [1, 2, 3]) {
      const { index, demand } = ledSeries(lag, 0.01);
      const evidence = learnLiftEvidence(index, demand, 3);
      expect(evidence.lagWeeks).toBe(lag);
      expect(evidence.correlation).toBeGreaterThan(0.9);
    }
  });
});

describe("sentimentLift", () => {
  const kol = new Array(26).fill(0);

  it("learns the slope from rich history and raises the multiplier on a fresh rise", () => {
    // Weeks 20–24 calm, then a rise in the last week that sales have not had time to follow.
    const { index, demand } = ledSeries(2, 0.01, 26, {
      20: 0.2,
      21: 0.2,
      22: 0.2,
      23: 0.2,
      24: 0.2,
      25: 0.4,
    });
    const lift = sentimentLift(
      { weightedIndex: index, weeklyDemandUnits: demand, kolShare: kol },
      learnLiftEvidence(index, demand, 3),
      0,
      settings,
    );
    expect(lift.ownLiftPerPoint).toBeGreaterThan(0.005);
    expect(lift.confidence).toBeGreaterThan(0.5);
    expect(lift.multiplier).toBeGreaterThan(1.1);
  });

  it("shrinks toward the shop prior when the product's sentiment barely moved", () => {
    const flat = new Array(26).fill(0.3);
    const demand = new Array(26).fill(100);
    const evidence = learnLiftEvidence(flat, demand, 3);
    const lift = sentimentLift(
      { weightedIndex: flat, weeklyDemandUnits: demand, kolShare: kol },
      evidence,
      0.008,
      settings,
    );
    expect(lift.liftPerPoint).toBeCloseTo(0.008, 9);
    expect(lift.confidence).toBe(0);
  });

  it("pools a shop prior and falls back to the configured value without evidence", () => {
    expect(shopLiftPrior([], settings.lift)).toBe(settings.lift.fallbackLiftPerPoint);
    const { index, demand } = ledSeries(1, 0.01);
    expect(shopLiftPrior([learnLiftEvidence(index, demand, 3)], settings.lift)).toBeGreaterThan(0.005);
  });

  it("damps strongly and warns when sentiment over-reacted (spike with no sales)", () => {
    const index = new Array(26).fill(0.1);
    index[23] = 0.5;
    index[24] = 0.5;
    index[25] = 0.5;
    const demand = new Array(26).fill(100);
    const evidence = {
      lagWeeks: 1,
      sumCrossProducts: 0,
      sumSquaredSentimentChanges: 0,
      pairs: 0,
      correlation: 0,
    };
    const lift = sentimentLift(
      { weightedIndex: index, weeklyDemandUnits: demand, kolShare: kol },
      evidence,
      0.01,
      settings,
    );
    expect(lift.validity.status).toBe("over_reaction");
    expect(lift.dampingFactor).toBeCloseTo(settings.lift.overReactionDamping, 9);
    expect(lift.warnings.join(" ")).toMatch(/over-reacted/);
  });

  it("ignores an influencer-driven rise until sales confirm it", () => {
    const index = [...new Array(25).fill(0.1), 0.5];
    const kolShare = [...new Array(25).fill(0), 0.9];
    const demand = new Array(26).fill(100);
    const evidence = {
      lagWeeks: 1,
      sumCrossProducts: 0,
      sumSquaredSentimentChanges: 0,
      pairs: 0,
      correlation: 0,
    };
    const lift = sentimentLift(
      { weightedIndex: index, weeklyDemandUnits: demand, kolShare },
      evidence,
      0.02,
      settings,
    );
    expect(lift.influencerDriven).toBe(true);
    expect(lift.multiplier).toBe(1);
  });

  it("property: the multiplier stays within its caps and is finite for any series", () => {
    const series = fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 0, maxLength: 30 });
    fc.assert(
      fc.property(
        series,
        fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 30, maxLength: 30 }),
        fc.double({ min: 0, max: 0.03, noNaN: true }),
        (index, demand, prior) => {
          const evidence = learnLiftEvidence(index, demand, 3);
          const lift = sentimentLift(
            { weightedIndex: index, weeklyDemandUnits: demand, kolShare: new Array(30).fill(0) },
            evidence,
            prior,
            settings,
          );
          expect(lift.multiplier).toBeGreaterThanOrEqual(settings.lift.minMultiplier);
          expect(lift.multiplier).toBeLessThanOrEqual(settings.lift.maxMultiplier);
          for (const x of [lift.liftPerPoint, lift.confidence, lift.pendingChangePoints, lift.dampingFactor])
            expect(Number.isFinite(x)).toBe(true);
        },
      ),
    );
  });
});

describe("assessValidity with opposite signs", () => {
  it("reads a big sentiment move against a small opposite sales move as over-reaction, a big one as distorted", () => {
    expect(assessValidity(40, -3, settings).status).toBe("over_reaction");
    expect(assessValidity(10, -20, settings).status).toBe("lagging_or_distorted");
  });
});
