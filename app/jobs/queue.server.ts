import { env } from "~/config/env.server";
import { InProcessJobQueue } from "./in-process-queue.server";
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
  globalThis.__pulseJobQueue ??= new InProcessJobQueue({ definitions: jobDefinitions });
  return globalThis.__pulseJobQueue;
}

/** Starts running jobs in this process unless PULSE_JOB_RUNNER=off (web-only processes at scale). */
export async function startJobWorker(): Promise<void> {
  if (env().jobRunner === "off") return;
  await jobQueue().start();
}
