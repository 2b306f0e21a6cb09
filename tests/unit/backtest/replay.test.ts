import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  committedOverstockUnits,
  noiseVerdict,
  replayPolicy,
  runBacktest,
  sentimentKnownOn,
  seriesSums,
  type ReplayDataset,
  type SeriesTrace,
} from "~/domain/inventory/backtest";
import { dayNumberFromIsoDate } from "~/domain/inventory";
import { FIRST_DAY, syntheticDataset } from "./syntheticStore";

const sum = (values: ArrayLike<number>) => Array.from(values).reduce((s, v) => s + v, 0);

function expectConserved(trace: SeriesTrace): void {
  const days = trace.demandUnits.length;
  // Shelf: what was there + what arrived − what sold = what is left.
  expect(trace.initialStockUnits + sum(trace.receivedUnits) - sum(trace.soldUnits)).toBe(
    trace.closingStockUnits[days - 1],
  );
  // Orders: every ordered unit arrived, was cancelled, or is still on its way.
  expect(sum(trace.orderedUnits)).toBe(
    sum(trace.receivedUnits) + sum(trace.cancelledUnits) + trace.outstandingUnits,
  );
  for (let d = 0; d < days; d++) {
    const sold = trace.soldUnits[d] as number;
    expect(sold).toBeLessThanOrEqual(trace.demandUnits[d] as number);
    expect(sold).toBeLessThanOrEqual(trace.openingStockUnits[d] as number);
    expect(trace.closingStockUnits[d]).toBe((trace.openingStockUnits[d] as number) - sold);
    expect(trace.closingStockUnits[d]).toBeGreaterThanOrEqual(0);
    if (d > 0) {
      expect(trace.openingStockUnits[d]).toBe(
        (trace.closingStockUnits[d - 1] as number) + (trace.receivedUnits[d] as number),
      );
    }
  }
}

describe("replayPolicy", () => {
  it("conserves stock and orders under both policies", () => {
    const dataset = syntheticDataset();
    for (const policy of ["pulse", "blind"] as const) {
      const run = replayPolicy(dataset, policy);
      expect(run.traces).toHaveLength(6);
      for (const trace of run.traces) expectConserved(trace);
      // It actually replenished: a 16-week replay with a 7-day lead time must reorder.
      expect(run.traces.every((t) => sum(t.orderedUnits) > 0)).toBe(true);
    }
  });

  it("conserves stock for any demand pattern (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.double({ min: 0.2, max: 3, noNaN: true }),
        (seed, scale) => {
          const dataset = syntheticDataset({ seed, weeks: 8, demandFactor: (day) => (day > 28 ? scale : 1) });
          for (const trace of replayPolicy(dataset, "pulse").traces) expectConserved(trace);
        },
      ),
      { numRuns: 12 },
    );
  });

  it("orders arrive exactly one lead time after they are placed", () => {
    const dataset = syntheticDataset({ leadTimeDays: 9, sentimentFromWeek: 100 });
    const run = replayPolicy(dataset, "blind", { applyReduce: false });
    for (const trace of run.traces) {
      for (let d = 0; d < run.days; d++) {
        if ((trace.orderedUnits[d] as number) > 0 && d + 9 < run.days) {
          expect(trace.receivedUnits[d + 9]).toBe(trace.orderedUnits[d]);
        }
      }
    }
  });

  it("shows a policy only the sentiment weeks that have ended", () => {
    const { sentiment } = syntheticDataset();
    const monday = dayNumberFromIsoDate("2026-01-26") as number; // week 3 starts
    const known = sentimentKnownOn(sentiment, monday);
    expect(known.length).toBeGreaterThan(0);
    expect(known.every((w) => (dayNumberFromIsoDate(w.weekStart) as number) + 7 <= monday)).toBe(true);
    expect(known.some((w) => w.weekStart === "2026-01-19")).toBe(true);
    expect(known.some((w) => w.weekStart === "2026-01-26")).toBe(false);
  });

  it("does not look ahead: changing demand and sentiment after day K leaves days before K unchanged", () => {
    const K = 8 * 7; // a review day
    const base = syntheticDataset({ weeks: 14 });
    const first = dayNumberFromIsoDate(FIRST_DAY) as number;
    const altered: ReplayDataset = {
      ...base,
      series: base.series.map((s) => ({
        ...s,
        demandUnits: Float64Array.from(s.demandUnits as ArrayLike<number>, (units, day) =>
          day >= K ? units * 3 + 5 : units,
        ),
      })),
      // Sentiment of weeks that end after day K changes completely; earlier weeks stay.
      sentiment: base.sentiment.map((w) =>
        (dayNumberFromIsoDate(w.weekStart) as number) + 7 > first + K
          ? { ...w, weightedIndex: -w.weightedIndex, volume: 400, kolShare: 0.9 }
          : w,
      ),
    };
    for (const policy of ["pulse", "blind"] as const) {
      const a = replayPolicy(base, policy);
      const b = replayPolicy(altered, policy);
      a.traces.forEach((trace, i) => {
        const other = b.traces[i] as SeriesTrace;
        for (const field of [
          "soldUnits",
          "openingStockUnits",
          "closingStockUnits",
          "receivedUnits",
        ] as const) {
          expect(Array.from(other[field].subarray(0, K))).toEqual(Array.from(trace[field].subarray(0, K)));
        }
        // Orders placed on day K itself only read days before K.
        expect(Array.from(other.orderedUnits.subarray(0, K + 1))).toEqual(
          Array.from(trace.orderedUnits.subarray(0, K + 1)),
        );
      });
    }
  });

  it("plans identically with and without sentiment when there is none", () => {
    const dataset = syntheticDataset({ sentimentFromWeek: 1000 });
    const pulse = replayPolicy(dataset, "pulse");
    const blind = replayPolicy(dataset, "blind");
    expect(pulse.traces.map((t) => Array.from(t.orderedUnits))).toEqual(
      blind.traces.map((t) => Array.from(t.orderedUnits)),
    );
  });
});

describe("runBacktest", () => {
  it("judges the noise bound on the worst of the four figures", () => {
    const blind = { stockoutDays: 100, lostUnits: 200, overstockUnits: 50, turns: 10 };
    expect(noiseVerdict({ ...blind, stockoutDays: 104 }, blind).withinBound).toBe(true);
    expect(noiseVerdict({ ...blind, overstockUnits: 53 }, blind).withinBound).toBe(false);
    expect(noiseVerdict({ ...blind, turns: 9.4 }, blind).withinBound).toBe(false);
    // Against a blind figure of 0, a fraction of a unit is not "infinitely worse".
    expect(noiseVerdict({ ...blind, overstockUnits: 0.5 }, { ...blind, overstockUnits: 0 }).withinBound).toBe(
      true,
    );
  });

  it("reports finite figures per group, for the sentiment-led groups and in total", () => {
    const result = runBacktest(syntheticDataset());
    for (const figures of [
      ...result.groups.flatMap((g) => [g.pulse, g.blind]),
      result.total.pulse,
      result.total.blind,
      result.sentimentLed!.pulse,
    ]) {
      for (const value of Object.values(figures)) expect(Number.isFinite(value)).toBe(true);
    }
    expect(result.groups.map((g) => g.name)).toEqual(["led", "noise"]);
  });
});

describe("seriesSums", () => {
  const trace = (opening: number[], demand: number[], sold: number[], closing: number[]): SeriesTrace => ({
    variantId: "v",
    productId: "p",
    locationId: "l",
    demandUnits: Float64Array.from(demand),
    soldUnits: Float64Array.from(sold),
    receivedUnits: new Float64Array(demand.length),
    orderedUnits: new Float64Array(demand.length),
    cancelledUnits: new Float64Array(demand.length),
    openingStockUnits: Float64Array.from(opening),
    closingStockUnits: Float64Array.from(closing),
    outstandingUnits: 0,
    initialStockUnits: opening[0] ?? 0,
  });

  it("counts stock-out days, lost units, week-end overstock and turns", () => {
    // 7 days: sells out on day 2, empty on day 3, then 200 units arrive on day 4 (way above 8 weeks of ~1/day).
    const t = trace(
      [3, 1, 1, 0, 200, 199, 198],
      [1, 1, 2, 1, 1, 1, 1],
      [1, 0 + 1, 1, 0, 1, 1, 1],
      [2, 0, 0, 0, 199, 198, 197],
    );
    t.openingStockUnits[1] = 2; // shelf opened with 2 on day 1
    const sums = seriesSums({ ...t, closingStockUnits: Float64Array.from([2, 1, 0, 0, 199, 198, 197]) });
    expect(sums.stockoutDays).toBe(2); // day 2 turned a customer away, day 3 opened empty
    expect(sums.lostUnits).toBe(2);
    // Week end (day 6): 197 units against 56 × (8 units ÷ 7 days) = 64 units of cover.
    expect(sums.overstockUnits).toBeCloseTo(197 - 56 * (8 / 7), 6);
    expect(sums.soldUnits).toBe(6);
  });
});

describe("committedOverstockUnits", () => {
  it("counts what the shelf of the first measured day causes on its own, and never exceeds the run's overstock", () => {
    const base = syntheticDataset({ weeks: 12 });
    // The first series opens with far more than eight weeks of its demand.
    const dataset: ReplayDataset = {
      ...base,
      series: base.series.map((s, i) => (i === 0 ? { ...s, openingStockUnits: 400 } : s)),
    };
    const run = replayPolicy(dataset, "blind");
    for (const from of [0, 14, 35, 83]) {
      for (const trace of run.traces) {
        const committed = committedOverstockUnits(trace, { measureFromDay: from });
        // Arrivals only add to the shelf, so the committed part is a floor of the measured overstock.
        expect(committed).toBeLessThanOrEqual(
          seriesSums(trace, { measureFromDay: from }).overstockUnits + 1e-9,
        );
        expect(committed).toBeGreaterThanOrEqual(0);
      }
    }
    // 400 units against a few a day: the opening shelf alone is overstock from the first week end.
    const first = run.traces[0] as SeriesTrace;
    expect(committedOverstockUnits(first, { measureFromDay: 0 })).toBeGreaterThan(0);
  });

  it("is the whole overstock when nothing arrives after the first measured day", () => {
    const days = 14;
    const demand = Float64Array.from({ length: days }, () => 1);
    const closing = Float64Array.from({ length: days }, (_, d) => 100 - (d + 1));
    const opening = Float64Array.from({ length: days }, (_, d) => 100 - d);
    const trace: SeriesTrace = {
      variantId: "v",
      productId: "p",
      locationId: "l",
      demandUnits: demand,
      soldUnits: Float64Array.from(demand),
      receivedUnits: new Float64Array(days),
      orderedUnits: new Float64Array(days),
      cancelledUnits: new Float64Array(days),
      openingStockUnits: opening,
      closingStockUnits: closing,
      outstandingUnits: 0,
      initialStockUnits: 100,
    };
    // Week ends on days 6 and 13: 93 and 86 units against 56 units of cover (1 a day).
    expect(committedOverstockUnits(trace)).toBeCloseTo(93 - 56 + (86 - 56), 9);
    expect(committedOverstockUnits(trace)).toBeCloseTo(seriesSums(trace).overstockUnits, 9);
    expect(committedOverstockUnits(trace, { measureFromDay: 7 })).toBeCloseTo(86 - 56, 9);
    expect(committedOverstockUnits(trace, { measureFromDay: days })).toBe(0);
  });
});

describe("the foresight bound", () => {
  it("acts like the blind policy before it knows demand, and knowing a tripling in advance prevents the stock-outs it causes", () => {
    const dataset = syntheticDataset({ weeks: 14, demandFactor: (day) => (day >= 56 ? 3 : 1) });
    const blind = replayPolicy(dataset, "blind");
    const foresight = replayPolicy(dataset, "foresight", { foresightFromDay: 35 });
    foresight.traces.forEach((trace, i) => {
      const other = blind.traces[i] as SeriesTrace;
      // Up to day 35 both policies see the same history and order the same.
      expect(Array.from(trace.orderedUnits.subarray(0, 35))).toEqual(
        Array.from(other.orderedUnits.subarray(0, 35)),
      );
      expectConserved(trace);
    });
    const from = { measureFromDay: 56 };
    const stockouts = (run: typeof blind) =>
      run.traces.reduce((sum, trace) => sum + seriesSums(trace, from).stockoutDays, 0);
    expect(stockouts(blind)).toBeGreaterThan(0);
    expect(stockouts(foresight)).toBeLessThan(stockouts(blind));
  });

  it("is replayed by runBacktest only when asked for", () => {
    const dataset = syntheticDataset({ weeks: 6 });
    expect(runBacktest(dataset).runs.foresight).toBeUndefined();
    expect(runBacktest(dataset, { foresightBound: true }).runs.foresight?.policy).toBe("foresight");
  });
});
