import { estimatedJaccard, minHashBandKeys, minHashFingerprint, minHashSignature } from "./minHash";
import { textTokens } from "./textTokens";

/** What near-duplicate detection needs from a mention. */
export interface DuplicateCandidate {
  id: string;
  shopId: string;
  authorHash: string;
  text: string;
}

/** Settings for {@link findNearDuplicates}. */
export interface NearDuplicateSettings {
  /** Texts with fewer words are skipped: "love it!" from many customers is normal, not a bot farm. */
  minWords: number;
  /** Estimated Jaccard similarity of word 3-shingles at or above which two texts are the same text. */
  minJaccard: number;
  /** Caps comparisons inside one band bucket so adversarial input stays ~linear. */
  maxComparisonsPerBucket: number;
}

export const DEFAULT_NEAR_DUPLICATE_SETTINGS: NearDuplicateSettings = {
  minWords: 6,
  minJaccard: 0.6,
  maxComparisonsPerBucket: 64,
};

/** Mentions with one identical signature: compared once, as one text. */
interface SignatureGroup {
  signature: Uint32Array;
  mentionIds: string[];
  authors: Set<string>;
}

/**
 * Returns, per mention id, how many *other* authors in the same shop posted the same or nearly the
 * same text (MinHash over word 3-shingles, bucketed by LSH bands: ~linear, not O(n²)).
 * Mentions with no such duplicate are absent from the map.
 *
 * @example
 * const post = (id: string, author: string) => ({ id, shopId: "s", authorHash: author,
 *   text: "Best sunglasses ever, get yours at https://spam.example.com/deal now" });
 * findNearDuplicates([post("1", "a"), post("2", "b"), post("3", "b")]).get("1"); // 1
 */
export function findNearDuplicates(
  mentions: Iterable<DuplicateCandidate>,
  settings: NearDuplicateSettings = DEFAULT_NEAR_DUPLICATE_SETTINGS,
): Map<string, number> {
  // Duplicates only count within a shop: each shop's mentions are grouped separately.
  const groupsByShop = new Map<string, { groups: SignatureGroup[]; byFingerprint: Map<number, number> }>();
  for (const mention of mentions) {
    const tokens = textTokens(mention.text);
    if (tokens.length < settings.minWords) continue;
    let shop = groupsByShop.get(mention.shopId);
    if (!shop) {
      shop = { groups: [], byFingerprint: new Map() };
      groupsByShop.set(mention.shopId, shop);
    }
    const signature = minHashSignature(tokens);
    const fingerprint = minHashFingerprint(signature);
    let index = shop.byFingerprint.get(fingerprint);
    if (index === undefined) {
      index = shop.groups.length;
      shop.groups.push({ signature, mentionIds: [], authors: new Set() });
      shop.byFingerprint.set(fingerprint, index);
    }
    const group = shop.groups[index]!;
    group.mentionIds.push(mention.id);
    group.authors.add(mention.authorHash);
  }

  const otherAuthorsById = new Map<string, number>();
  for (const { groups } of groupsByShop.values()) {
    const clusterOf = clusterSimilarGroups(groups, settings);
    const clusterAuthors = new Map<number, Set<string>>();
    groups.forEach((group, index) => {
      const root = clusterOf(index);
      const authors = clusterAuthors.get(root);
      if (!authors) clusterAuthors.set(root, new Set(group.authors));
      else for (const author of group.authors) authors.add(author);
    });
    groups.forEach((group, index) => {
      const otherAuthors = clusterAuthors.get(clusterOf(index))!.size - 1;
      if (otherAuthors > 0) for (const id of group.mentionIds) otherAuthorsById.set(id, otherAuthors);
    });
  }
  return otherAuthorsById;
}

/** Unions groups whose signatures share an LSH band and are similar enough; returns the cluster of a group. */
function clusterSimilarGroups(
  groups: readonly SignatureGroup[],
  settings: NearDuplicateSettings,
): (index: number) => number {
  const parent = Int32Array.from(groups, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const buckets = new Map<number, number[]>();
  groups.forEach((group, index) => {
    for (const band of minHashBandKeys(group.signature)) {
      const bucket = buckets.get(band);
      if (bucket) bucket.push(index);
      else buckets.set(band, [index]);
    }
  });
  for (const bucket of buckets.values()) {
    for (let i = 1; i < bucket.length; i++) {
      for (let j = Math.max(0, i - settings.maxComparisonsPerBucket); j < i; j++) {
        const a = bucket[i]!;
        const b = bucket[j]!;
        if (find(a) === find(b)) continue;
        if (estimatedJaccard(groups[a]!.signature, groups[b]!.signature) >= settings.minJaccard)
          parent[find(a)] = find(b);
      }
    }
  }
  return find;
}
