import { describe, expect, it, vi } from "vitest";
import { generateScenario } from "~/demo/scenario/generate";
import { TODAY } from "./scenario-fixture";

describe("generateScenario determinism", () => {
  // Generous timeout: two full stores are built while other test files run in parallel.
  it("returns deep-equal stores for the same seed", { timeout: 30_000 }, () => {
    const first = generateScenario({ seed: 42, today: TODAY });
    const second = generateScenario({ seed: 42, today: TODAY });
    // The scenario is plain JSON data, so equal serialisations mean deep-equal values;
    // toStrictEqual over ~50k objects takes seconds, this takes milliseconds.
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(second.mentions[100]).toStrictEqual(first.mentions[100]);
  });

  it("returns a different store for a different seed", { timeout: 30_000 }, () => {
    const first = generateScenario({ seed: 1, today: TODAY, mentionCount: 800 });
    const second = generateScenario({ seed: 2, today: TODAY, mentionCount: 800 });
    expect(second.orders.length).not.toBe(first.orders.length);
    expect(second.mentions.map((m) => m.text)).not.toEqual(first.mentions.map((m) => m.text));
    // The catalogue and locations are the store's fixed shape, the same for every seed.
    expect(second.products).toStrictEqual(first.products);
  });

  it("never reads the clock or Math.random", { timeout: 30_000 }, () => {
    const random = vi.spyOn(Math, "random");
    const now = vi.spyOn(Date, "now");
    generateScenario({ seed: 9, today: TODAY, mentionCount: 500 });
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
  });

  it("dates the history from the given today", { timeout: 30_000 }, () => {
    const scenario = generateScenario({
      seed: 3,
      today: new Date("2027-03-01T00:00:00Z"),
      mentionCount: 300,
    });
    expect(scenario.historyStart).toBe("2026-08-31");
    expect(scenario.historyEnd).toBe("2027-03-01");
    expect(scenario.dailyDemand[0]?.date).toBe("2026-08-31");
    expect(scenario.dailyDemand.at(-1)?.date).toBe("2027-02-28");
  });

  it("honours the requested mention count exactly", { timeout: 30_000 }, () => {
    expect(generateScenario({ seed: 5, today: TODAY, mentionCount: 1234 }).mentions).toHaveLength(1234);
    expect(generateScenario({ seed: 5, today: TODAY, mentionCount: 0 }).mentions).toHaveLength(0);
  });
});
