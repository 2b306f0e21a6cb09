import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { lexiconVersion } from "~/domain/sentiment";
import { DEFAULT_SCENARIO_TODAY, generateScenario } from "~/demo/scenario";
import { seedDemoStore } from "~/demo/seed.server";
import { scoreMentionBacklog } from "~/services/scoring.server";
import { recomputeWeeklySignals } from "~/services/signals.server";

const now = () => new Date("2026-11-23T12:00:00Z");
const scenario = generateScenario({ today: new Date(DEFAULT_SCENARIO_TODAY), mentionCount: 1500 });
let shopId: string;

beforeEach(async () => {
  const seeded = await seedDemoStore(scenario, { accessToken: "test-token" });
  shopId = seeded.shopId!;
});

describe("scoring the mention backlog", () => {
  it("scores every mention once, re-scores only what an older lexicon scored, and does nothing on a re-run", async () => {
    const first = await scoreMentionBacklog(shopId, { now, batchSize: 400 });
    expect(first.scored).toBe(1500);
    expect(await db().mentionScore.count({ where: { shopId } })).toBe(1500);
    // Languages are detected, not copied from the scenario.
    expect(await db().mention.count({ where: { shopId, language: "zh" } })).toBeGreaterThan(50);
    expect((await scoreMentionBacklog(shopId, { now })).scored).toBe(0);

    await db().mentionScore.updateMany({
      where: { shopId, label: "negative" },
      data: { lexiconVersion: "pulse-0.9.0" },
    });
    const outdated = await db().mentionScore.count({ where: { shopId, lexiconVersion: "pulse-0.9.0" } });
    expect(outdated).toBeGreaterThan(0);
    expect((await scoreMentionBacklog(shopId, { now })).scored).toBe(outdated);
    expect(await db().mentionScore.count({ where: { shopId, lexiconVersion } })).toBe(1500);
  });

  it("resumes after a crash without scoring anything twice", async () => {
    const partial = await scoreMentionBacklog(shopId, { now, batchSize: 250, maxMentions: 500 });
    expect(partial.scored).toBe(500);
    const rest = await scoreMentionBacklog(shopId, { now, batchSize: 250 });
    expect(rest.scored).toBe(1000);
    expect(await db().mentionScore.count({ where: { shopId } })).toBe(1500);
  });
});

describe("weekly signals from scored mentions", () => {
  it("aggregates, splits by platform, flags bots and recomputes incrementally", async () => {
    await scoreMentionBacklog(shopId, { now });
    const run = await recomputeWeeklySignals(shopId, { from: null, now });
    expect(run.rows).toBeGreaterThan(0);
    const rows = await db().signalWeekly.findMany({ where: { shopId }, orderBy: { scopeKey: "asc" } });
    expect(rows.length).toBe(run.rows);
    for (const row of rows) {
      expect(row.positiveShare + row.neutralShare + row.negativeShare).toBeCloseTo(1, 9);
      expect(Math.abs(row.weightedIndex)).toBeLessThanOrEqual(1);
    }
    const productWeeks = new Set(
      rows.filter((r) => r.platform === "all" && r.region === "all").map((r) => r.week),
    );
    expect(productWeeks.size).toBeGreaterThanOrEqual(12);

    // The shelf: loved on Instagram, criticised on Reddit.
    const shelf = await db().product.findFirstOrThrow({ where: { shopId, handle: { contains: "shelf" } } });
    const shares = (platform: string) => {
      const series = rows.filter(
        (r) =>
          r.productId === shelf.id && r.variantId === null && r.platform === platform && r.region === "all",
      );
      const volume = series.reduce((s, r) => s + r.volume, 0);
      return {
        positive: series.reduce((s, r) => s + r.positiveShare * r.volume, 0) / volume,
        negative: series.reduce((s, r) => s + r.negativeShare * r.volume, 0) / volume,
      };
    };
    expect(shares("instagram").positive).toBeGreaterThan(0.6);
    expect(shares("reddit").negative).toBeGreaterThan(shares("instagram").negative + 0.15);

    // Bot-like bursts are down-weighted and shown, never dropped: every scored mention is counted.
    expect(await db().mentionScore.count({ where: { shopId, authenticity: { lt: 0.5 } } })).toBeGreaterThan(
      0,
    );
    const counted = rows
      .filter((r) => r.variantId === null && r.platform === "all" && r.region === "all")
      .reduce((s, r) => s + r.volume, 0);
    expect(counted).toBe(await db().mentionScore.count({ where: { shopId, scored: true } }));

    // Incremental: weeks before `from` keep their rows; later weeks get the same counts as a full run.
    const incremental = await recomputeWeeklySignals(shopId, { from: new Date("2026-11-09T12:00:00Z"), now });
    const after = await db().signalWeekly.findMany({ where: { shopId }, orderBy: { scopeKey: "asc" } });
    expect(after.map((r) => [r.scopeKey, r.volume, r.positiveShare, r.negativeShare])).toEqual(
      rows.map((r) => [r.scopeKey, r.volume, r.positiveShare, r.negativeShare]),
    );
    const earlier = after.filter((r) => r.week < incremental.fromWeek!);
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.every((r) => rows.some((b) => b.id === r.id))).toBe(true);
    expect(
      after.filter((r) => r.week >= incremental.fromWeek!).every((r) => !rows.some((b) => b.id === r.id)),
    ).toBe(true);
  });
});
