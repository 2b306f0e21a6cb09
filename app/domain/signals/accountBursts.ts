/** What burst detection needs from a mention. */
export interface BurstCandidate {
  id: string;
  shopId: string;
  productId?: string | null;
  authorAccountAgeDays?: number | null;
  postedAt: Date;
}

/** Settings for {@link findNewAccountBursts}. */
export interface AccountBurstSettings {
  /** Accounts younger than this many days count as new (unknown age never counts). */
  newAccountMaxAgeDays: number;
  /** Length of the sliding window. */
  windowHours: number;
  /** A window holding at least this many new-account mentions of one product is a burst. */
  minMentions: number;
}

export const DEFAULT_ACCOUNT_BURST_SETTINGS: AccountBurstSettings = {
  newAccountMaxAgeDays: 30,
  windowHours: 24,
  minMentions: 5,
};

/**
 * Returns, per mention id, the size of the largest burst it belongs to: many mentions of one product
 * within `windowHours` from accounts younger than `newAccountMaxAgeDays` (a typical paid-review or
 * bot campaign). Overlapping windows count as one burst. Mentions outside any burst are absent.
 * O(n log n): one sort and a two-pointer sweep.
 *
 * @example
 * const at = (id: string, hour: number) => ({ id, shopId: "s", productId: "p", authorAccountAgeDays: 2,
 *   postedAt: new Date(Date.UTC(2026, 10, 16, hour)) });
 * findNewAccountBursts([0, 1, 2, 3, 4].map((h) => at(`m${h}`, h))).get("m0"); // 5
 */
export function findNewAccountBursts(
  mentions: Iterable<BurstCandidate>,
  settings: AccountBurstSettings = DEFAULT_ACCOUNT_BURST_SETTINGS,
): Map<string, number> {
  const byProduct = new Map<string, { id: string; postedAtMs: number }[]>();
  for (const mention of mentions) {
    const age = mention.authorAccountAgeDays;
    if (age === null || age === undefined || !(age < settings.newAccountMaxAgeDays)) continue;
    const postedAtMs = mention.postedAt.getTime();
    if (!Number.isFinite(postedAtMs)) continue;
    const key = `${mention.shopId}\u0000${mention.productId ?? ""}`;
    const list = byProduct.get(key);
    if (list) list.push({ id: mention.id, postedAtMs });
    else byProduct.set(key, [{ id: mention.id, postedAtMs }]);
  }

  const windowMs = settings.windowHours * 3_600_000;
  const burstSizeById = new Map<string, number>();
  for (const list of byProduct.values()) {
    if (list.length < settings.minMentions) continue;
    list.sort((a, b) => a.postedAtMs - b.postedAtMs);
    // Overlapping burst windows form one episode; each member reports the episode's largest window.
    // Both window ends only move forward, so the sweep is linear even for a 10,000-post campaign.
    let left = 0;
    let episodeStart = -1;
    let episodeEnd = -1;
    let episodeMaxSize = 0;
    const closeEpisode = () => {
      for (let i = episodeStart; i <= episodeEnd; i++) burstSizeById.set(list[i]!.id, episodeMaxSize);
    };
    for (let right = 0; right < list.length; right++) {
      while (list[right]!.postedAtMs - list[left]!.postedAtMs > windowMs) left++;
      const windowSize = right - left + 1;
      if (windowSize < settings.minMentions) continue;
      if (episodeStart >= 0 && left > episodeEnd) {
        closeEpisode();
        episodeStart = -1;
      }
      if (episodeStart < 0) {
        episodeStart = left;
        episodeMaxSize = 0;
      }
      episodeEnd = right;
      episodeMaxSize = Math.max(episodeMaxSize, windowSize);
    }
    if (episodeStart >= 0) closeEpisode();
  }
  return burstSizeById;
}
