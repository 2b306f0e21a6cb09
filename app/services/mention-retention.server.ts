import { listeningSettingsOf } from "~/domain/listening/listeningSettings";
import { deleteMentionsPostedBefore, listInstalledShopSettings } from "~/models/mention-ingest.server";

const DAY_MS = 24 * 3_600_000;

/** Deletes, per installed shop, mentions posted before now − retentionDays; returns the count per shop. */
export async function purgeExpiredMentions(now: Date): Promise<Map<string, number>> {
  const deleted = new Map<string, number>();
  for (const shop of await listInstalledShopSettings()) {
    const { retentionDays } = listeningSettingsOf(shop.settings);
    deleted.set(
      shop.id,
      await deleteMentionsPostedBefore(shop.id, new Date(now.getTime() - retentionDays * DAY_MS)),
    );
  }
  return deleted;
}
