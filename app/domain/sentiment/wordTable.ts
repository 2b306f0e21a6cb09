// Word lookups dominate the English scorer: every token of every mention is looked up at least
// once. A JS `Map` keyed by a freshly sliced token string first makes V8 hash that string in the
// runtime (~70 ns a token here). The tokenizer already visits every character, so it folds each
// lower-case code unit into an FNV-1a hash as it scans; this table takes that hash with the word
// and only compares strings on a hash match.

/** FNV-1a offset basis, as a signed 32-bit integer: the hash of the empty word. */
export const wordHashSeed = 0x811c9dc5 | 0;

/**
 * Folds one lower-case UTF-16 code unit into a running word hash (FNV-1a, 32 bits).
 * @example
 * wordHashStep(wordHashSeed, 0x61) === wordHash("a"); // true
 */
export function wordHashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/**
 * Returns the hash the tokenizer computes for a lower-case word.
 * @example
 * wordHash("good") === wordHash("good"); // true
 */
export function wordHash(word: string): number {
  let hash = wordHashSeed;
  for (let k = 0; k < word.length; k++) hash = wordHashStep(hash, word.charCodeAt(k));
  return hash;
}

/**
 * Open-addressing table from a lower-case word (with its `wordHash`) to a value. Grows to keep
 * the load under one half; `clear` empties it (callers cap caches of unbounded vocabularies).
 * @example
 * const table = new WordTable<number>();
 * table.set("good", wordHash("good"), 3);
 * table.get("good", wordHash("good")); // 3
 */
export class WordTable<V> {
  private words: (string | undefined)[] = [];
  private hashes = new Int32Array(0);
  private values: (V | undefined)[] = [];
  private mask = 0;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.allocate(initialCapacity);
  }

  /** Number of words stored. */
  get size(): number {
    return this.count;
  }

  /** The value stored for a word, or undefined. `hash` must be `wordHash(word)`. */
  get(word: string, hash: number): V | undefined {
    const { words, hashes, mask } = this;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const stored = words[slot];
      if (stored === undefined) return undefined;
      if (hashes[slot] === hash && stored === word) return this.values[slot];
    }
  }

  /** Stores or replaces the value of a word. `hash` must be `wordHash(word)`. */
  set(word: string, hash: number, value: V): void {
    if ((this.count + 1) * 2 > this.words.length) this.grow();
    const { words, hashes, mask } = this;
    let slot = hash & mask;
    for (; words[slot] !== undefined; slot = (slot + 1) & mask) {
      if (hashes[slot] === hash && words[slot] === word) {
        this.values[slot] = value;
        return;
      }
    }
    words[slot] = word;
    hashes[slot] = hash;
    this.values[slot] = value;
    this.count++;
  }

  /** Removes every word, keeping the current capacity. */
  clear(): void {
    this.words.fill(undefined);
    this.values.fill(undefined);
    this.count = 0;
  }

  private allocate(capacity: number): void {
    let size = 16;
    while (size < capacity) size *= 2;
    this.words = new Array<string | undefined>(size).fill(undefined);
    this.hashes = new Int32Array(size);
    this.values = new Array<V | undefined>(size).fill(undefined);
    this.mask = size - 1;
    this.count = 0;
  }

  private grow(): void {
    const { words, hashes, values } = this;
    this.allocate(words.length * 2);
    for (let slot = 0; slot < words.length; slot++) {
      const word = words[slot];
      if (word !== undefined) this.set(word, hashes[slot]!, values[slot] as V);
    }
  }
}
