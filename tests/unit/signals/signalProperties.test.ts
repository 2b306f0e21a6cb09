import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aggregateWeeklySignals, type ScoredMention } from "~/domain/signals";
import { scoredMention } from "./scoredMentionFactory";

/** Mentions including hostile values a broken upstream could store: NaN, ±Infinity, out-of-range numbers. */
const hostileNumber = fc.oneof(
  fc.double({ min: -1, max: 1, noNaN: true }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -5, 5),
);
const mentionArbitrary: fc.Arbitrary<ScoredMention> = fc
  .record({
    productId: fc.option(fc.constantFrom("p1", "p2"), { nil: null }),
    variantId: fc.option(fc.constantFrom("v1", "v2"), { nil: null }),
    platform: fc.constantFrom("instagram", "reddit", "judgeme", "ALL", "", "tiktok"),
    country: fc.option(fc.constantFrom("US", "de", "CN"), { nil: null }),
    authorHash: fc.constantFrom("a", "b", "c"),
    authorReachFollowers: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), hostileNumber),
    dayOffset: fc.integer({ min: 0, max: 90 }),
    polarity: hostileNumber,
    label: fc.constantFrom("positive", "neutral", "negative", "bogus"),
    authenticity: fc.option(hostileNumber, { nil: undefined }),
    aspectPolarity: hostileNumber,
  })
  .map((r) =>
    scoredMention({
      productId: r.productId,
      variantId: r.variantId,
      platform: r.platform,
      country: r.country,
      authorHash: r.authorHash,
      authorReachFollowers: r.authorReachFollowers,
      postedAt: new Date(Date.UTC(2026, 8, 1) + r.dayOffset * 86_400_000),
      polarity: r.polarity,
      label: r.label as ScoredMention["label"],
      authenticity: r.authenticity,
      aspects: [{ aspect: "comfort", polarity: r.aspectPolarity }],
      featureRequests: [{ clusterKey: "k", normalized: "k" }],
    }),
  );

function everyNumberIn(value: unknown, visit: (n: number, path: string) => void, path = "row"): void {
  if (typeof value === "number") visit(value, path);
  else if (Array.isArray(value)) value.forEach((item, i) => everyNumberIn(item, visit, `${path}[${i}]`));
  else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) everyNumberIn(item, visit, `${path}.${key}`);
  }
}

describe("weekly signal invariants (property)", () => {
  it("shares sum to 1 within 1e-9 whenever a row exists, and every row has volume > 0", () => {
    fc.assert(
      fc.property(fc.array(mentionArbitrary, { maxLength: 60 }), (mentions) => {
        for (const row of aggregateWeeklySignals(mentions)) {
          expect(row.volume).toBeGreaterThan(0);
          expect(Math.abs(row.positiveShare + row.neutralShare + row.negativeShare - 1)).toBeLessThan(1e-9);
          for (const split of [...(row.detail?.platformSplit ?? []), ...(row.detail?.regionSplit ?? [])]) {
            expect(Math.abs(split.positiveShare + split.neutralShare + split.negativeShare - 1)).toBeLessThan(
              1e-9,
            );
          }
        }
      }),
    );
  });

  it("keeps the sentiment index in [−1, 1] and never produces NaN or Infinity anywhere", () => {
    fc.assert(
      fc.property(fc.array(mentionArbitrary, { maxLength: 60 }), (mentions) => {
        for (const row of aggregateWeeklySignals(mentions)) {
          expect(row.sentimentIndex).toBeGreaterThanOrEqual(-1);
          expect(row.sentimentIndex).toBeLessThanOrEqual(1);
          for (const split of row.detail?.platformSplit ?? []) {
            expect(Math.abs(split.sentimentIndex)).toBeLessThanOrEqual(1);
          }
          everyNumberIn(row, (n, path) => {
            if (!Number.isFinite(n)) throw new Error(`${path} is ${n}`);
          });
        }
      }),
    );
  });

  it("counts every mention exactly once in each product's all-platform, all-region rows", () => {
    fc.assert(
      fc.property(fc.array(mentionArbitrary, { maxLength: 60 }), (mentions) => {
        const rolledUp = aggregateWeeklySignals(mentions).filter(
          (row) => row.variantId === null && row.platform === "all" && row.region === "all",
        );
        expect(rolledUp.reduce((sum, row) => sum + row.volume, 0)).toBe(mentions.length);
      }),
    );
  });

  it("is invariant to the order mentions arrive in (up to rounding)", () => {
    fc.assert(
      fc.property(fc.array(mentionArbitrary, { maxLength: 40 }), (mentions) => {
        const forward = aggregateWeeklySignals(mentions);
        const backward = new Map(
          aggregateWeeklySignals([...mentions].reverse()).map((row) => [row.key, row]),
        );
        expect(backward.size).toBe(forward.length);
        for (const row of forward) {
          const other = backward.get(row.key)!;
          expect(other.volume).toBe(row.volume);
          expect(other.negativeShare).toBe(row.negativeShare);
          expect(other.sentimentIndex).toBeCloseTo(row.sentimentIndex, 9);
        }
      }),
    );
  });
});
