import { env } from "~/config/env.server";
import { DIGEST_SCHEDULE_MS, digestScheduleJob } from "./definitions/digest.server";
import { InProcessJobQueue } from "./in-process-queue.server";
import { planningWeeklyJob } from "./definitions/planning-cycle.server";
import {
  LISTENING_SCHEDULE_MS,
  mentionRetentionPurgeJob,
  RETENTION_PURGE_MS,
  sourcesScheduleJob,
} from "./definitions/listening.server";
import { scheduleShopifyJobs } from "./definitions/shopify-sync.server";
import { jobDefinitions } from "./registry.server";
import type { JobQueue } from "./types";

declare global {
  var __pulseJobQueue: JobQueue | undefined;
}

/**
 * The process-wide job queue. SQLite (default): the in-process runner over the Job table.
 * Enqueueing always works; whether this process also runs jobs is decided by startJobWorker().
 */
export function jobQueue(): JobQueue {
  globalThis.__pulseJobQueue ??= new InProcessJobQueue({ definitions: jobDefinitions() });
  return globalThis.__pulseJobQueue;
}

const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * Starts running jobs in this process unless PULSE_JOB_RUNNER=off (web-only processes at scale),
 * and the recurring schedules (one enqueue per period across all processes).
 */
export async function startJobWorker(): Promise<void> {
  if (env().jobRunner === "off") return;
  const queue = jobQueue();
  await queue.start();
  queue.schedule(planningWeeklyJob, WEEK_MS, {});
  scheduleShopifyJobs(queue);
  queue.schedule(sourcesScheduleJob, LISTENING_SCHEDULE_MS, {});
  queue.schedule(mentionRetentionPurgeJob, RETENTION_PURGE_MS, {});
  queue.schedule(digestScheduleJob, DIGEST_SCHEDULE_MS, {});
}
