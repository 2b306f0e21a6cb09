import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { DEFAULT_SCENARIO_TODAY, generateScenario } from "~/demo/scenario";
import { seedDemoStore } from "~/demo/seed.server";
import {
  runPlanningCycle,
  sentimentWeeksFromSignalRows,
  volatilityMissingAssumption,
} from "~/services/planning.server";
import { scoreMentionBacklog } from "~/services/scoring.server";
import { recomputeWeeklySignals } from "~/services/signals.server";

// Monday 2026-11-23, 09:00 in New York: the planning cycle is the shop's ISO week 2026-W48.
const NOW = new Date("2026-11-23T14:00:00Z");
const now = () => NOW;
const scenario = generateScenario({ today: new Date(DEFAULT_SCENARIO_TODAY), mentionCount: 600 });
let shopId: string;

beforeEach(async () => {
  const seeded = await seedDemoStore(scenario, { accessToken: "test-token" });
  shopId = seeded.shopId!;
  await scoreMentionBacklog(shopId, { now });
});

type Details = { volatility?: number; kolShare?: number };

const byValue = (a: number, b: number) => a - b;
const isVolatilityNote = (text: string) => text.includes("no daily volatility yet");

describe("weekly signal rows store volatility and kolShare", () => {
  it("writes both into details on recompute, planning reads them, and only older rows get the fallback note", async () => {
    await recomputeWeeklySignals(shopId, { from: null, now });
    const stored = await db().signalWeekly.findMany({ where: { shopId } });
    const allPlatform = stored.filter((r) => r.platform === "all");
    expect(allPlatform.length).toBeGreaterThan(0);
    // Product, variant and region scopes on platform "all" all carry both figures.
    expect(allPlatform.some((r) => r.variantId !== null)).toBe(true);
    expect(allPlatform.some((r) => r.region !== "all")).toBe(true);
    for (const row of allPlatform) {
      const details = row.details as Details;
      expect(typeof details.volatility, row.scopeKey).toBe("number");
      expect(details.volatility).toBeGreaterThanOrEqual(0);
      expect(details.volatility).toBeLessThanOrEqual(1);
      expect(details.kolShare).toBeGreaterThanOrEqual(0);
      expect(details.kolShare).toBeLessThanOrEqual(1);
    }
    // The simulated store has days of real swings and creator posts: neither figure is always 0.
    // Brand-level rows (no product) are stored too; planning reads product rows only.
    const productRows = allPlatform.filter((r) => r.productId && r.variantId === null && r.region === "all");
    expect(productRows.some((r) => ((r.details as Details).volatility ?? 0) > 0)).toBe(true);
    expect(productRows.some((r) => ((r.details as Details).kolShare ?? 0) > 0)).toBe(true);
    // Platform slices: volatility is not computed there (planning does not read them).
    for (const row of stored.filter((r) => r.platform !== "all"))
      expect((row.details as Details).volatility).toBeUndefined();

    const locationRegions = new Set(
      (await db().location.findMany({ where: { shopId } })).map((l) => l.region),
    );
    const read = sentimentWeeksFromSignalRows(allPlatform, locationRegions);
    expect(read.volatilityMissing).toBe(false);
    expect(read.volatilityMissingWeeks).toBe(0);
    const productWeeks = read.weeks.filter((w) => w.regionCode === null && w.variantId === null);
    expect(productWeeks.map((w) => w.volatility).sort(byValue)).toEqual(
      productRows.map((r) => (r.details as Details).volatility as number).sort(byValue),
    );
    expect(productWeeks.map((w) => w.kolShare as number).sort(byValue)).toEqual(
      productRows.map((r) => (r.details as Details).kolShare as number).sort(byValue),
    );

    // A planning run on fresh rows states no volatility assumption.
    const first = await runPlanningCycle(shopId, NOW);
    expect(first.ok).toBe(true);
    const recommendations = () => db().recommendation.findMany({ where: { shopId } });
    const assumptionsOf = (r: { explanation: unknown }) =>
      (r.explanation as { assumptions: string[] }).assumptions;
    const before = await recommendations();
    expect(before.length).toBeGreaterThan(0);
    expect(before.flatMap(assumptionsOf).some(isVolatilityNote)).toBe(false);

    // A row stored before this change (no volatility, no kolShare) falls back, and only its product's
    // recommendations name it in the note.
    const productId = before.find((r) => r.productId && productRows.some((p) => p.productId === r.productId))
      ?.productId as string;
    const old = productRows.find((r) => r.productId === productId)!;
    const {
      volatility: _v,
      kolShare: _k,
      ...olderDetails
    } = old.details as Details & Record<string, unknown>;
    await db().signalWeekly.update({ where: { id: old.id }, data: { details: olderDetails as object } });
    const reread = sentimentWeeksFromSignalRows(
      await db().signalWeekly.findMany({ where: { shopId, platform: "all" } }),
      locationRegions,
    );
    expect(reread.volatilityMissingWeeks).toBe(1);
    const oldWeek = reread.weeks.find(
      (w) => w.productId === productId && w.variantId === null && w.regionCode === null && w.volatility === 0,
    );
    expect(oldWeek).toBeDefined();
    await runPlanningCycle(shopId, NOW);
    const note = volatilityMissingAssumption(1, reread.weeks.filter((w) => w.productId === productId).length);
    const after = await recommendations();
    for (const r of after) {
      if (r.productId === productId) expect(assumptionsOf(r)).toContain(note);
      else expect(assumptionsOf(r).some(isVolatilityNote)).toBe(false);
    }
  }, 180_000);
});
