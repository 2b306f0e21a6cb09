import { listeningSettingsOf } from "~/domain/listening/listeningSettings";
import { isoWeek } from "~/domain/signals";
import { deleteMentionsPostedBefore, listInstalledShopSettings } from "~/models/mention-ingest.server";
import { deleteWeeklySignalsBefore } from "~/models/signals.server";

const DAY_MS = 24 * 3_600_000;

/**
 * Deletes, per installed shop, mentions posted before now − retentionDays, and the weekly signal rows
 * of the weeks that ended before that cutoff (in the shop's time zone); returns the mention count per shop.
 *
 * Those weeks are dropped, not recomputed: every mention in them is gone, so a recompute could only
 * produce nothing (or rewrite history as if nobody had posted), and their rows' details name
 * influencers by author hash and quote unmet needs in a customer's words, which must not outlive the
 * mentions they came from. The week the cutoff falls in keeps its row until the cutoff passes it.
 *
 * @example
 * const deleted = await purgeExpiredMentions(new Date());
 * // Map { "<shopId>" => 12 }: 12 mentions of that shop were older than its retention
 */
export async function purgeExpiredMentions(now: Date): Promise<Map<string, number>> {
  const deleted = new Map<string, number>();
  for (const shop of await listInstalledShopSettings()) {
    const { retentionDays } = listeningSettingsOf(shop.settings);
    const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
    deleted.set(shop.id, await deleteMentionsPostedBefore(shop.id, cutoff));
    await deleteWeeklySignalsBefore(shop.id, isoWeek(cutoff, shop.timezone));
  }
  return deleted;
}
