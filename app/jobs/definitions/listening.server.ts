import { z } from "zod";
import { pollingKinds } from "~/integrations/sources/registry.server";
import { findDueSources } from "~/models/sources.server";
import { purgeExpiredMentions } from "~/services/mention-retention.server";
import { runSourceSync } from "~/services/source-sync.server";
import { jobQueue } from "../queue.server";
import type { JobDefinition } from "../types";

const DAY_MS = 24 * 3_600_000;
/** Sources enqueued per scheduler tick; the rest wait for the next tick five minutes later. */
const SCHEDULE_BATCH = 500;

/** One poll of one source (singletonKey `source:<id>`: never two runs of a source at once). */
export const sourceSyncJob: JobDefinition<{ shopId: string; sourceId: string }> = {
  name: "sources.sync",
  payload: z.object({ shopId: z.string(), sourceId: z.string() }),
  maxAttempts: 5,
  run: async ({ shopId, sourceId }, { now }) => {
    await runSourceSync(shopId, sourceId, { now });
  },
};

/** Every 5 minutes: enqueues a run of each active polling source whose next run is due. */
export const sourcesScheduleJob: JobDefinition<Record<string, never>> = {
  name: "sources.schedule",
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  maxAttempts: 3,
  run: async (_payload, { now }) => {
    const kinds = pollingKinds();
    if (kinds.length === 0) return;
    for (const source of await findDueSources(kinds, now(), SCHEDULE_BATCH)) {
      await jobQueue().enqueue(
        sourceSyncJob,
        { shopId: source.shopId, sourceId: source.id },
        { singletonKey: `source:${source.id}` },
      );
    }
  },
};

/** Daily: deletes each shop's mentions older than its retention (default 365 days). */
export const mentionRetentionPurgeJob: JobDefinition<Record<string, never>> = {
  name: "mentions.retention-purge",
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  maxAttempts: 3,
  run: async (_payload, { now }) => {
    await purgeExpiredMentions(now());
  },
};

export const LISTENING_SCHEDULE_MS = 5 * 60_000;
export const RETENTION_PURGE_MS = DAY_MS;
