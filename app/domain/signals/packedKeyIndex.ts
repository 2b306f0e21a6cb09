/**
 * An open-addressing hash index from non-negative integer keys (< 2^53) to cell numbers.
 *
 * Why not a Map<number, number>: V8 hashes keys above 2^31 as heap numbers, and the packed cell
 * keys (multiples of large powers of two plus small offsets) collided so badly that one lookup
 * took microseconds; this table mixes both 32-bit halves itself and stores keys in a typed array
 * (12 bytes a slot, no per-entry objects).
 */
export class PackedKeyIndex {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.keys = new Float64Array(capacity).fill(-1);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /**
   * Returns the value stored for `key`, or -1 when absent.
   *
   * @example
   * const index = new PackedKeyIndex();
   * index.set(2 ** 40 + 7, 3);
   * index.get(2 ** 40 + 7); // 3
   * index.get(2 ** 40 + 8); // -1
   */
  get(key: number): number {
    let slot = slotHash(key) & this.mask;
    for (;;) {
      const stored = this.keys[slot]!;
      if (stored === key) return this.values[slot]!;
      if (stored === -1) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Stores `value` (≥ 0) for `key` (a non-negative integer below 2^53), replacing any earlier value. */
  set(key: number, value: number): void {
    // Grow at 50% load: linear probing stays short and a miss costs one or two probes.
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    let slot = slotHash(key) & this.mask;
    for (;;) {
      const stored = this.keys[slot]!;
      if (stored === key) {
        this.values[slot] = value;
        return;
      }
      if (stored === -1) {
        this.keys[slot] = key;
        this.values[slot] = value;
        this.size++;
        return;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    this.keys = new Float64Array(oldKeys.length * 2).fill(-1);
    this.values = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    this.size = 0;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i] !== -1) this.set(oldKeys[i]!, oldValues[i]!);
  }
}

/** murmur3's finaliser over both 32-bit halves of the key. */
function slotHash(key: number): number {
  const low = key >>> 0;
  const high = (key / 4_294_967_296) >>> 0;
  let h = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
