/**
 * Seeded pseudo-random numbers for the scenario generator. Every random choice in the simulated
 * store flows through a `Prng` so that one seed always produces the same store (Math.random is
 * never used). Independent streams are made with `fork(label)`, so adding a mention template does
 * not shift the order history, and vice versa.
 */

export interface Prng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [minInclusive, maxInclusive]. */
  int(minInclusive: number, maxInclusive: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** One element, uniformly. Throws on an empty list (a bug in the caller). */
  pick<T>(items: readonly T[]): T;
  /** One element, with probability proportional to its weight. */
  pickWeighted<T>(items: readonly T[], weightOf: (item: T) => number): T;
  /** A normally distributed float (Box–Muller). */
  normal(mean: number, standardDeviation: number): number;
  /** A Poisson-distributed count with the given mean (never negative). */
  poisson(mean: number): number;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream derived from this stream's seed and a label. */
  fork(label: string): Prng;
}

/**
 * Returns a seeded generator built on mulberry32 (a 32-bit generator with a full 2^32 period,
 * plenty for a store of a few hundred thousand draws, and fast in plain JavaScript).
 * @example
 * const rng = createPrng(42);
 * rng.int(1, 6); // the same die roll for seed 42, every time
 */
export function createPrng(seed: number): Prng {
  const rootSeed = seed >>> 0;
  let state = rootSeed;

  function next(): number {
    // mulberry32, Tommy Ettinger's public-domain generator.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  const prng: Prng = {
    next,
    int(minInclusive, maxInclusive) {
      return minInclusive + Math.floor(next() * (maxInclusive - minInclusive + 1));
    },
    between(min, max) {
      return min + next() * (max - min);
    },
    chance(probability) {
      return next() < probability;
    },
    pick(items) {
      if (items.length === 0) throw new Error("pick() from an empty list");
      return items[Math.floor(next() * items.length)] as (typeof items)[number];
    },
    pickWeighted(items, weightOf) {
      if (items.length === 0) throw new Error("pickWeighted() from an empty list");
      let total = 0;
      for (const item of items) total += Math.max(0, weightOf(item));
      let target = next() * total;
      for (const item of items) {
        target -= Math.max(0, weightOf(item));
        if (target < 0) return item;
      }
      return items[items.length - 1] as (typeof items)[number];
    },
    normal(mean, standardDeviation) {
      const u1 = 1 - next(); // (0, 1]: log(0) would be -Infinity
      const u2 = next();
      return mean + standardDeviation * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    poisson(mean) {
      if (mean <= 0) return 0;
      if (mean > 30) {
        // Normal approximation: Knuth's product method needs ~mean draws and underflows past ~700.
        return Math.max(0, Math.round(prng.normal(mean, Math.sqrt(mean))));
      }
      const limit = Math.exp(-mean);
      let count = 0;
      let product = next();
      while (product > limit) {
        count += 1;
        product *= next();
      }
      return count;
    },
    shuffle(items) {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i -= 1) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    fork(label) {
      return createPrng(hashSeed(rootSeed, label));
    },
  };
  return prng;
}

/**
 * Returns a 32-bit seed mixing a parent seed with a label (FNV-1a over the label, then a murmur3
 * finaliser), so sibling streams are uncorrelated.
 * @example
 * hashSeed(42, "orders") !== hashSeed(42, "mentions"); // true
 */
export function hashSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b) >>> 0;
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35) >>> 0;
  hash ^= hash >>> 16;
  return hash >>> 0;
}
