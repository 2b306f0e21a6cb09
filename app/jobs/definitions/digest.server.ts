import { z } from "zod";
import { parseIsoWeek, type IsoWeek } from "~/domain/signals";
import { digestSendKey, dueDigests, sendWeeklyDigest } from "~/services/digest.server";
import { RetryableJobError, type JobDefinition } from "../types";

const sendPayload = z.object({
  shopId: z.string().min(1),
  week: z
    .string()
    .refine((w) => parseIsoWeek(w) !== undefined, { message: "must be an ISO week like 2026-W47" })
    .transform((w) => w as IsoWeek),
});

/**
 * Sends one shop's digest of one week. Idempotent through DigestRun: a rerun after success does
 * nothing. A delivery failure (SMTP down, refused) is retryable: the runner tries again with its
 * backoff; a shop uninstalled meanwhile gets nothing.
 */
export const digestSendJob: JobDefinition<z.infer<typeof sendPayload>> = {
  name: "digest.send",
  payload: sendPayload as unknown as z.ZodType<z.infer<typeof sendPayload>>,
  maxAttempts: 5,
  run: async ({ shopId, week }, { now }) => {
    try {
      await sendWeeklyDigest(shopId, week, now());
    } catch (error) {
      // The run is already marked failed with the reason; the next attempt claims it again.
      throw new RetryableJobError(error instanceof Error ? error.message : String(error));
    }
  },
};

/** How often the scheduler looks for due digests: hourly, so every time zone's Monday 08:00 is met. */
export const DIGEST_SCHEDULE_MS = 3_600_000;

/**
 * Hourly: enqueues `digest.send` for every installed shop whose local time is past Monday 08:00
 * and whose digest of the week that just ended is not sent yet, one job per shop and week.
 * Schedule it with `jobQueue().schedule(digestScheduleJob, DIGEST_SCHEDULE_MS, {})`.
 */
export const digestScheduleJob: JobDefinition<Record<string, never>> = {
  name: "digest.schedule",
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  maxAttempts: 3,
  run: async (_payload, { now }) => {
    // Imported lazily: the queue module imports the registry, which imports this file.
    const { jobQueue } = await import("../queue.server");
    for (const due of await dueDigests(now())) {
      await jobQueue().enqueue(digestSendJob, due, { singletonKey: digestSendKey(due.shopId, due.week) });
    }
  },
};
