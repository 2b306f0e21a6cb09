import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPrng } from "~/demo/scenario/prng";
import {
  apportion,
  buildStoryPlan,
  fitPlanToTotal,
  splitByShares,
  totalMentions,
} from "~/demo/scenario/story-plan";

describe("story plan arithmetic", () => {
  it("apportions a total exactly, never negative", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 8 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          expect(parts.every((p) => p >= 0)).toBe(true);
        },
      ),
    );
  });

  it("splits by stance shares that add up to the total", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (total, positive) => {
          const split = splitByShares(total, { positive, neutral: 0, negative: (1 - positive) / 2 });
          expect(split.positive + split.neutral + split.negative).toBe(total);
          expect(Math.min(split.positive, split.neutral, split.negative)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it("fits the plan to any mention count exactly", { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9000 }), (mentionCount) => {
        const plan = buildStoryPlan(createPrng(1), mentionCount);
        const fitted = fitPlanToTotal(plan.batches, mentionCount);
        expect(totalMentions(fitted)).toBe(mentionCount);
        expect(fitted.every((batch) => batch.count > 0)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it("plans the product definition's quotas at the default size", () => {
    const plan = buildStoryPlan(createPrng(1), 5000);
    const count = (topic: string, week: number) =>
      plan.batches.filter((b) => b.topic === topic && b.week === week).reduce((sum, b) => sum + b.count, 0);
    expect(count("sunglasses-comfort", 1)).toBeGreaterThanOrEqual(1.35 * count("sunglasses-comfort", 0));
    for (let week = 1; week < 12; week += 1) {
      expect(count("jewelry-hashtag", week)).toBeGreaterThan(1.25 * count("jewelry-hashtag", week - 1));
    }
    expect(plan.noisePositiveShareByWeek).toHaveLength(12);
  });
});
