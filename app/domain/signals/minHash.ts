/**
 * MinHash signatures (Broder 1997) over word 3-shingles: the share of equal signature slots
 * estimates the Jaccard similarity of two texts' shingle sets. Chosen over SimHash because one
 * changed word in a 25-word review moves a 64-bit SimHash ~8 bits, too far for band bucketing,
 * while it keeps the MinHash Jaccard estimate near 0.85.
 */

/** Word n-gram size: 3 keeps word order without letting one typo change every shingle. */
const SHINGLE_WORDS = 3;
/** Signature length = bands × rows per band (see {@link minHashBandKeys}). */
export const MIN_HASH_SLOTS = 20;
export const MIN_HASH_ROWS_PER_BAND = 4;

// Fixed seeds keep signatures stable across runs and processes (results must be reproducible).
const SEEDS = Uint32Array.from([
  0x9e3779b9, 0x7f4a7c15, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f, 0x165667b1, 0xd3a2646c, 0xfd7046c5, 0xb55a4f09,
  0x68e31da4, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19, 0xcbbb9d5d, 0x629a292a,
  0x9159015a, 0x152fecd8,
]);

/** FNV-1a over UTF-16 code units: fast and dependency-free. */
function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: a bijection on 32-bit integers, so mix32(x ^ seed) acts as one random permutation per seed. */
function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Returns the MinHash signature of a token list over its word 3-shingles (a text shorter than three
 * words is one shingle).
 *
 * @example
 * const tokens = ["the", "lenses", "are", "crystal", "clear"];
 * estimatedJaccard(minHashSignature(tokens), minHashSignature(tokens)); // 1
 */
export function minHashSignature(tokens: readonly string[]): Uint32Array {
  const signature = new Uint32Array(MIN_HASH_SLOTS).fill(0xffffffff);
  // Each word is hashed once and a shingle's hash chains its words' hashes (order-sensitive),
  // so no shingle string is ever built: this loop runs for every mention of a scoring batch.
  const wordHashes = tokens.map(fnv1a32);
  const shingleCount = Math.max(1, tokens.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < shingleCount; i++) {
    let shingleHash = 0x2545f491;
    for (let w = i; w < Math.min(tokens.length, i + SHINGLE_WORDS); w++)
      shingleHash = mix32(shingleHash ^ wordHashes[w]!);
    for (let slot = 0; slot < MIN_HASH_SLOTS; slot++) {
      const value = mix32(shingleHash ^ SEEDS[slot]!);
      if (value < signature[slot]!) signature[slot] = value;
    }
  }
  return signature;
}

/**
 * Returns the share of equal slots: an estimate of the Jaccard similarity of the two shingle sets.
 *
 * @example
 * estimatedJaccard(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(1, 2, 9, 9)); // 0.5
 */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  const slots = Math.min(a.length, b.length);
  if (slots === 0) return 0;
  let equal = 0;
  for (let i = 0; i < slots; i++) if (a[i] === b[i]) equal++;
  return equal / slots;
}

/**
 * Returns one numeric bucket key per band of `MIN_HASH_ROWS_PER_BAND` slots (locality-sensitive
 * hashing): texts share a band key with probability 1 − (1 − J⁴)⁵, ≈ 0.97 at Jaccard 0.85 and
 * ≈ 0.01 at 0.2, so comparing only texts that share a bucket finds near-duplicates without comparing
 * all pairs. A rare 32-bit collision only costs one extra comparison.
 *
 * @example
 * minHashBandKeys(new Uint32Array(20)).length; // 5
 */
export function minHashBandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (
    let start = 0, band = 0;
    start + MIN_HASH_ROWS_PER_BAND <= signature.length;
    start += MIN_HASH_ROWS_PER_BAND, band++
  ) {
    let hash = band;
    for (let slot = start; slot < start + MIN_HASH_ROWS_PER_BAND; slot++)
      hash = mix32(hash ^ signature[slot]!) + slot;
    keys.push(band * 0x1_0000_0000 + (hash >>> 0));
  }
  return keys;
}

/**
 * Returns a 53-bit hash of a whole signature, used to group identical signatures (a thousand copies
 * of one bot post) before any comparison.
 *
 * @example
 * minHashFingerprint(Uint32Array.of(1, 2)) === minHashFingerprint(Uint32Array.of(1, 2)); // true
 */
export function minHashFingerprint(signature: Uint32Array): number {
  let high = 0x2545f491;
  let low = 0x9e3779b9;
  for (let slot = 0; slot < signature.length; slot++) {
    high = mix32(high ^ signature[slot]!);
    low = mix32((low + signature[slot]!) >>> 0);
  }
  return (high & 0x1fffff) * 0x1_0000_0000 + low;
}
