/**
 * The backtest on the simulated store (default seed), with sentiment from our scorer and signal
 * engine: the product definition's bounds that must hold whatever the tuning.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_TODAY, generateScenario, type Scenario } from "~/demo/scenario";
import { PRODUCT_SPECS } from "~/demo/scenario/catalog";
import {
  compareRuns,
  noiseVerdict,
  replayDatasetFromHistory,
  replayHistoryFromScenario,
  runBacktest,
  sentimentWeeksFromMentions,
  type BacktestResult,
} from "~/domain/inventory/backtest";
import { analyze } from "~/domain/sentiment";
import type { ScoredMention } from "~/domain/signals";

let scenario: Scenario;
let scored: ScoredMention[];
let result: BacktestResult;
let dataset: ReturnType<typeof replayDatasetFromHistory>;

beforeAll(() => {
  scenario = generateScenario({ today: new Date(DEFAULT_SCENARIO_TODAY) });
  scored = scenario.mentions.map((m) => {
    const analysis = analyze(m.text);
    return {
      id: `${m.platform}:${m.externalId}`,
      shopId: scenario.shop.domain,
      productId: m.productId,
      variantId: m.variantId,
      platform: m.platform,
      country: m.countryCode,
      authorHash: m.authorHandle,
      authorReachFollowers: m.authorReachFollowers,
      authorAccountAgeDays: m.authorAccountAgeDays,
      postedAt: new Date(m.postedAt),
      text: m.text,
      polarity: analysis.polarity,
      label: analysis.label,
      aspects: analysis.aspects.map((a) => ({ aspect: a.aspect, polarity: a.polarity })),
      featureRequests: [],
    };
  });
  const specByHandle = new Map(PRODUCT_SPECS.map((s) => [s.handle, s]));
  const productTerms = new Map(
    scenario.products.map((p) => {
      const spec = specByHandle.get(p.handle);
      return [
        p.id,
        { leadTimeDays: spec?.leadTimeDays ?? 14, casePackUnits: spec?.casePackUnits ?? 1 },
      ] as const;
    }),
  );
  dataset = replayDatasetFromHistory(replayHistoryFromScenario(scenario, scored, { productTerms }));
  result = runBacktest(dataset, { noiseGroups: ["noise"] });
}, 120_000);

describe("backtest of the simulated store", () => {
  it("reports every story group and the replayed 26 weeks", () => {
    expect(result.runs.pulse.days).toBe(182);
    expect(result.groups.map((g) => g.name).sort()).toEqual(
      [
        "eco-sunglasses",
        "fitness-tracker",
        "kol-spike-electronics",
        "modular-shelf",
        "noise",
        "ocean-jewelry",
        "ordinary",
      ].sort(),
    );
  });

  it("keeps Pulse within 5% of the blind policy where sentiment is pure noise", () => {
    expect(result.noise.get("noise")?.worstDeterioration).toBeLessThanOrEqual(0.05);
  });

  it("does not over-stock on the influencer spike that never moved sales", () => {
    const kol = result.groups.find((g) => g.name === "kol-spike-electronics");
    expect(kol).toBeDefined();
    expect(kol!.pulse.overstockUnits).toBeLessThanOrEqual(kol!.blind.overstockUnits * 1.05 + 1);
  });

  it("restocks the jewellery earlier than sales alone once its growing praise has led its sales", () => {
    // Day 105: the first day a sentiment week is known (mentions cover the last 12 of the 26 weeks).
    const window = compareRuns(dataset, result.runs.pulse, result.runs.blind, { measureFromDay: 105 });
    const jewelry = window.find((g) => g.name === "ocean-jewelry")!;
    expect(jewelry.pulse.stockoutDays).toBeLessThan(jewelry.blind.stockoutDays * 0.8);
    expect(jewelry.pulse.lostUnits).toBeLessThan(jewelry.blind.lostUnits * 0.8);
    // The same weeks on the noise product and the influencer spike: no worse than sales alone.
    const noise = window.find((g) => g.name === "noise")!;
    expect(noiseVerdict(noise.pulse, noise.blind).withinBound).toBe(true);
    const kol = window.find((g) => g.name === "kol-spike-electronics")!;
    expect(kol.pulse.overstockUnits).toBeLessThanOrEqual(kol.blind.overstockUnits * 1.05 + 1);
  });

  it("builds each sentiment week only from mentions posted before the week ended", () => {
    const options = { signalSettings: { timeZone: scenario.shop.timezone } };
    const all = sentimentWeeksFromMentions(scored, options);
    const weeks = [...new Set(all.map((w) => w.weekStart))].sort();
    const cut = weeks[5] as string; // weeks up to and including this one must not change
    const cutEnd = new Date(`${cut}T00:00:00Z`).getTime() + 8 * 86_400_000; // a day of slack for the timezone
    const earlier = scored.filter((m) => m.postedAt.getTime() < cutEnd - 86_400_000 * 2);
    // Later data: a bot burst copying an early mention's text (would change authenticity if it leaked back).
    const template = earlier.find((m) => m.productId) as ScoredMention;
    const burst = Array.from({ length: 40 }, (_, i) => ({
      ...template,
      id: `burst-${i}`,
      authorHash: `bot-${i}`,
      authorAccountAgeDays: 2,
      postedAt: new Date(cutEnd + 3 * 86_400_000 + i * 60_000),
    }));
    const truncated = sentimentWeeksFromMentions([...earlier, ...burst], options);
    const upTo = (rows: typeof all) => rows.filter((w) => w.weekStart < cut);
    expect(upTo(truncated)).toEqual(upTo(all));
    expect(upTo(all).length).toBeGreaterThan(10);
  });

  it("gives each week its own volatility and influencer share (the day cells are found)", () => {
    const rows = sentimentWeeksFromMentions(scored, { signalSettings: { timeZone: scenario.shop.timezone } });
    const productWeeks = rows.filter((w) => w.variantId === null);
    // Creators post about the sunglasses and the gadget: some weeks carry an influencer share.
    expect(productWeeks.some((w) => (w.kolShare ?? 0) > 0)).toBe(true);
    // Opinion swings within some weeks beyond what the number of mentions explains, not in all.
    expect(productWeeks.some((w) => w.volatility > 0)).toBe(true);
    expect(productWeeks.some((w) => w.volatility === 0)).toBe(true);
    for (const w of productWeeks) expect(w.volatility).toBeLessThanOrEqual(1);
  });
});
