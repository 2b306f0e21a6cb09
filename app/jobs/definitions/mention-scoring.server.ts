import { z } from "zod";
import { scoreMentionBacklog } from "~/services/scoring.server";
import { recomputeWeeklySignals } from "~/services/signals.server";
import type { JobDefinition } from "../types";

const payload = z.object({ shopId: z.string() });

/**
 * Scores a shop's new (or outdated-lexicon) mentions, then recomputes the weekly signals of the
 * weeks they fall in. Enqueue it with singletonKey `score:<shopId>` after every ingest.
 */
export const scoreMentionsJob: JobDefinition<z.infer<typeof payload>> = {
  name: "mentions.score",
  payload,
  maxAttempts: 5,
  run: async ({ shopId }, { now }) => {
    const run = await scoreMentionBacklog(shopId, { now });
    if (!run.earliestPostedAt) return;
    await recomputeWeeklySignals(shopId, { from: run.earliestPostedAt, now });
  },
};
