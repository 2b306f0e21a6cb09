import { describe, expect, it } from "vitest";
import { parseCliArguments } from "~/demo/scenario/cli-arguments";
import { formatScenarioSummary, summarizeScenario } from "~/demo/scenario/summary";
import { defaultScenario } from "./scenario-fixture";

describe("summarizeScenario", () => {
  const scenario = defaultScenario();
  const summary = summarizeScenario(scenario);

  it("counts what the scenario holds", () => {
    expect(summary.mentions.total).toBe(5000);
    expect(Object.values(summary.mentions.byPlatform).reduce((a, b) => a + b, 0)).toBe(5000);
    expect(summary.mentions.byLanguage.en + summary.mentions.byLanguage.zh).toBe(5000);
    expect(summary.orders.total).toBe(scenario.orders.length);
    expect(summary.orders.unitsSold).toBe(summary.dailyDemand.soldUnits);
    expect(summary.products).toBe(scenario.products.length);
    expect(Object.keys(summary.stories)).toHaveLength(7);
    const storyMentions = Object.values(summary.stories).reduce((sum, s) => sum + s.mentions, 0);
    expect(storyMentions + summary.mentions.industry).toBe(5000);
    expect(summary.mentions.featureRequests["polarized lenses"]).toBeGreaterThan(0);
    expect(summary.inventory.lowStock).toBeGreaterThan(0);
    expect(summary.inventory.overstocked).toBeGreaterThan(0);
  });

  it("formats one line per story for the CLI", () => {
    const text = formatScenarioSummary(summary);
    expect(text).toContain("pulse-demo.myshopify.com");
    for (const story of Object.keys(summary.stories)) expect(text).toContain(story);
  });
});

describe("parseCliArguments", () => {
  it("reads seed, today, mention count and --json", () => {
    const parsed = parseCliArguments(["--seed", "7", "--today", "2027-01-04", "--mentions", "900", "--json"]);
    expect(parsed).toEqual({
      ok: true,
      value: { seed: 7, today: new Date("2027-01-04T00:00:00Z"), mentionCount: 900, json: true },
    });
  });

  it("names the bad option", () => {
    expect(parseCliArguments(["--seed", "x"])).toMatchObject({
      ok: false,
      error: expect.stringContaining("--seed"),
    });
    expect(parseCliArguments(["--today", "23/11/2026"])).toMatchObject({
      ok: false,
      error: expect.stringContaining("--today"),
    });
    expect(parseCliArguments(["--verbose"])).toMatchObject({
      ok: false,
      error: expect.stringContaining("--verbose"),
    });
  });
});
