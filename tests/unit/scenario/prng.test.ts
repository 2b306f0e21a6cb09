import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPrng, hashSeed } from "~/demo/scenario/prng";

const seed = fc.integer({ min: 0, max: 2 ** 32 - 1 });

describe("createPrng", () => {
  it("repeats the same sequence for the same seed", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = createPrng(s);
        const b = createPrng(s);
        for (let i = 0; i < 20; i += 1) expect(a.next()).toBe(b.next());
      }),
    );
  });

  it("returns floats in [0, 1) and integers within the bounds", () => {
    fc.assert(
      fc.property(
        seed,
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: 0, max: 100 }),
        (s, min, width) => {
          const rng = createPrng(s);
          for (let i = 0; i < 50; i += 1) {
            const x = rng.next();
            expect(x >= 0 && x < 1).toBe(true);
            const n = rng.int(min, min + width);
            expect(Number.isInteger(n) && n >= min && n <= min + width).toBe(true);
          }
        },
      ),
    );
  });

  it("never draws a negative Poisson count, and averages to the mean", () => {
    fc.assert(
      fc.property(seed, fc.double({ min: 0, max: 80, noNaN: true }), (s, mean) => {
        const rng = createPrng(s);
        const draws = Array.from({ length: 400 }, () => rng.poisson(mean));
        expect(draws.every((d) => Number.isInteger(d) && d >= 0)).toBe(true);
        const average = draws.reduce((a, b) => a + b, 0) / draws.length;
        expect(Math.abs(average - mean)).toBeLessThan(1 + 0.25 * Math.sqrt(mean) + 0.05 * mean);
      }),
      { numRuns: 50 },
    );
  });

  it("never picks a zero-weight item and shuffles into a permutation", () => {
    fc.assert(
      fc.property(seed, fc.array(fc.integer(), { minLength: 1, maxLength: 30 }), (s, items) => {
        const rng = createPrng(s);
        const weighted = [...items.map((value) => ({ value, weight: 0 })), { value: "only", weight: 1 }];
        expect(rng.pickWeighted(weighted, (w) => w.weight).value).toBe("only");
        expect([...rng.shuffle(items)].sort()).toEqual([...items].sort());
      }),
    );
  });

  it("forks independent, reproducible streams", () => {
    const root = createPrng(7);
    const orders = root.fork("orders");
    const mentions = root.fork("mentions");
    expect(orders.next()).not.toBe(mentions.next());
    expect(createPrng(7).fork("orders").next()).toBe(createPrng(7).fork("orders").next());
    // Forking does not consume the parent's stream.
    expect(createPrng(7).next()).toBe(createPrng(7).next());
    expect(hashSeed(7, "a")).not.toBe(hashSeed(7, "b"));
  });

  it("throws on picking from an empty list (a caller bug)", () => {
    expect(() => createPrng(1).pick([])).toThrow(/empty/);
  });
});
