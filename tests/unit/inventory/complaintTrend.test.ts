import { describe, expect, it } from "vitest";
import {
  complaintTrendMultiplier,
  DEFAULT_INVENTORY_SETTINGS,
  mergeInventorySettings,
  productLiftHistory,
  productSentimentProfile,
  weeklySentimentSeries,
  type SentimentWeek,
} from "~/domain/inventory";
import { dayNumberFromIsoDate } from "~/domain/inventory";

const lift = DEFAULT_INVENTORY_SETTINGS.lift;
const FIRST_WEEK = "2026-06-01"; // a Monday

/** Product rows, one complete week each, with the given negative shares (percent). */
function rowsOf(negativePercent: number[]): SentimentWeek[] {
  const first = dayNumberFromIsoDate(FIRST_WEEK) as number;
  return negativePercent.map((negative, w) => ({
    productId: "p",
    weekStart: new Date((first + 7 * w) * 86_400_000).toISOString().slice(0, 10),
    weightedIndex: 0.5 - negative / 100,
    negativeShare: negative / 100,
    positiveShare: 0.6,
    volume: 60,
    volatility: 0.2,
  }));
}

function series(negativePercent: number[]) {
  const first = dayNumberFromIsoDate(FIRST_WEEK) as number;
  const result = weeklySentimentSeries(rowsOf(negativePercent), first + 7 * negativePercent.length);
  if (!result) throw new Error("no series");
  return result;
}

describe("complaintTrendMultiplier", () => {
  const rising = series([8, 9, 12, 16, 21, 27]); // ≈ +6 points a week over the last four weeks
  const flat = series([12, 11, 12, 13, 12, 12]);

  it("holds a lifted product at 1 when complaints rise week after week and sales have started to fall", () => {
    expect(complaintTrendMultiplier(rising, [60, 60, 58, 57, 50, 46], 1.15, lift)).toBe(1);
  });

  it("leaves the multiplier alone when complaints do not trend up, when sales still grow, or when it is already ≤ 1", () => {
    expect(complaintTrendMultiplier(flat, [60, 60, 58, 57, 50, 46], 1.15, lift)).toBeNull();
    expect(complaintTrendMultiplier(rising, [40, 42, 45, 47, 50, 55], 1.15, lift)).toBeNull();
    expect(complaintTrendMultiplier(rising, [60, 60, 58, 57, 50, 46], 0.9, lift)).toBeNull();
  });

  it("can follow the sales fall, never below the minimum multiplier", () => {
    const follow = { ...lift, complaintTrendSalesExponent: 1 };
    // Last two weeks 96 against 107 before: (97 / 108)^1 ≈ 0.90.
    expect(complaintTrendMultiplier(rising, [60, 60, 58, 49, 50, 46], 1, follow)).toBeCloseTo(97 / 108, 9);
    expect(complaintTrendMultiplier(rising, [60, 60, 100, 100, 1, 1], 1, follow)).toBe(lift.minMultiplier);
  });

  it("is off with a threshold of 0 and needs enough weeks", () => {
    expect(
      complaintTrendMultiplier(rising, [60, 60, 58, 57, 50, 46], 1.15, {
        ...lift,
        complaintTrendPointsPerWeek: 0,
      }),
    ).toBeNull();
    expect(complaintTrendMultiplier(series([8, 20, 30]), [60, 50, 40], 1.15, lift)).toBeNull();
  });
});

describe("a product whose complaints grow while its sales fall", () => {
  it("plans at the sales fall with no risk padding, and says why", () => {
    const negative = [8, 9, 12, 16, 21, 27];
    const first = dayNumberFromIsoDate(FIRST_WEEK) as number;
    const today = first + 7 * negative.length;
    const weekly = [60, 60, 58, 57, 50, 46];
    const sales = {
      variantId: "v",
      locationId: "l",
      firstDay: FIRST_WEEK,
      unitsSold: weekly.flatMap((units) => Array.from({ length: 7 }, () => units / 7)),
      inStock: Array.from({ length: 7 * weekly.length }, () => true),
    };
    const settings = mergeInventorySettings({ lift: { complaintTrendSalesExponent: 1 } });
    const rows = { product: rowsOf(negative), byVariant: new Map(), byRegion: new Map() };
    const history = productLiftHistory(rows.product, [sales], today, settings);
    if (!history) throw new Error("no history");
    const profile = productSentimentProfile(
      "p",
      rows,
      history,
      0,
      today,
      settings,
      new Date(today * 86_400_000),
    );
    expect(profile.lift.multiplier).toBeCloseTo((50 + 46 + 1) / (58 + 57 + 1), 6);
    expect(profile.riskFactor).toBe(1);
    expect(profile.lift.warnings.some((w) => w.startsWith("Complaints are rising week after week"))).toBe(
      true,
    );
  });
});
