import type { Prisma } from "@prisma/client";
import { db, isUniqueViolation } from "~/db.server";

/**
 * Inserts a queued job. Returns null when a live job holds the same singleton key.
 * `shopId` is the shop the job works for (null for system jobs): uninstall and shop/redact find a
 * shop's jobs by it, so the queue derives it from the payload on enqueue (shopIdOfPayload).
 *
 * @example
 * await insertJob({ name: "shopify.full-sync", payload: { shopId, trigger: "manual" }, shopId, runAt: new Date(), maxAttempts: 6 });
 */
export async function insertJob(job: {
  name: string;
  payload: Prisma.InputJsonValue;
  shopId: string | null;
  runAt: Date;
  maxAttempts: number;
  singletonKey?: string;
}): Promise<string | null> {
  try {
    const row = await db().job.create({ data: job });
    return row.id;
  } catch (error) {
    if (job.singletonKey && isUniqueViolation(error)) return null;
    throw error;
  }
}

/**
 * Claims the next due job for this worker. The conditional update makes the claim atomic:
 * two workers racing for one row cannot both move it from queued to running.
 */
export async function claimNextJob(workerId: string, now: Date, names: string[]) {
  const candidates = await db().job.findMany({
    where: { status: "queued", runAt: { lte: now }, name: { in: names } },
    orderBy: { runAt: "asc" },
    take: 5,
  });
  for (const candidate of candidates) {
    const claimed = await db().job.updateMany({
      where: { id: candidate.id, status: "queued" },
      data: { status: "running", lockedAt: now, lockedBy: workerId, attempts: { increment: 1 } },
    });
    if (claimed.count === 1) return { ...candidate, attempts: candidate.attempts + 1 };
  }
  return null;
}

export function completeJob(id: string, at: Date) {
  // The singleton key is released so the same work can be enqueued again later.
  return db().job.update({
    where: { id },
    data: { status: "completed", finishedAt: at, lockedAt: null, lockedBy: null, singletonKey: null },
  });
}

export function retryJob(id: string, runAt: Date, error: string) {
  return db().job.update({
    where: { id },
    data: { status: "queued", runAt, lastError: error, lockedAt: null, lockedBy: null },
  });
}

export function failJob(id: string, at: Date, error: string) {
  return db().job.update({
    where: { id },
    data: {
      status: "failed",
      finishedAt: at,
      lastError: error,
      lockedAt: null,
      lockedBy: null,
      singletonKey: null,
    },
  });
}

/** Returns jobs whose worker died mid-run (lock older than staleBefore) to the queue. */
export async function requeueStaleJobs(staleBefore: Date): Promise<number> {
  const result = await db().job.updateMany({
    where: { status: "running", lockedAt: { lt: staleBefore } },
    data: { status: "queued", lockedAt: null, lockedBy: null },
  });
  return result.count;
}

/**
 * Stops a job without running it (its shop was uninstalled). "cancelled" is terminal like "failed",
 * and the singleton key is released so the same work can be enqueued after a reinstall.
 */
export function cancelJob(id: string, at: Date, reason: string) {
  return db().job.update({
    where: { id },
    data: {
      status: "cancelled",
      finishedAt: at,
      lastError: reason,
      lockedAt: null,
      lockedBy: null,
      singletonKey: null,
    },
  });
}

/**
 * The shop id a job's payload names, if it names one (shop jobs carry `shopId`; fan-outs do not).
 * The one place a job's shop is derived: the queue stores the result in Job.shopId on enqueue.
 *
 * @example
 * shopIdOfPayload({ shopId: "shop_1", runId: "r" }); // "shop_1"
 * shopIdOfPayload({}); // null
 */
export function shopIdOfPayload(payload: unknown): string | null {
  if (payload === null || typeof payload !== "object" || Array.isArray(payload)) return null;
  const shopId = (payload as { shopId?: unknown }).shopId;
  return typeof shopId === "string" && shopId !== "" ? shopId : null;
}

/**
 * Whether the shop is marked uninstalled (app/uninstalled until a reinstall clears it). A shop Pulse
 * has no row for is not "uninstalled": its jobs run and fail on their own terms.
 */
export async function isShopUninstalled(shopId: string): Promise<boolean> {
  const shop = await db().shop.findUnique({ where: { id: shopId }, select: { uninstalledAt: true } });
  return shop?.uninstalledAt != null;
}

/**
 * Cancels every queued job of a shop (app/uninstalled) in one update on Job.shopId. Only queued rows
 * change, so a job a worker claimed meanwhile is left to the runner's own uninstalled check. Returns
 * how many were cancelled.
 *
 * @example
 * const cancelled = await cancelQueuedJobsOfShop(shop.id, new Date(), "Cancelled: the app was uninstalled");
 */
export async function cancelQueuedJobsOfShop(shopId: string, at: Date, reason: string): Promise<number> {
  const result = await db().job.updateMany({
    where: { shopId, status: "queued" },
    data: { status: "cancelled", finishedAt: at, lastError: reason, singletonKey: null },
  });
  return result.count;
}

/** Statuses a job never leaves: their rows are kept only for diagnosis, then purged. */
export const FINISHED_JOB_STATUSES = ["completed", "failed", "cancelled"] as const;

/**
 * Deletes finished jobs (completed, failed, cancelled) that finished before `finishedBefore`; queued
 * and running jobs are never touched. Payloads hold webhook bodies (order payloads name customers),
 * so they are not kept longer than diagnosis needs. Returns how many rows were deleted.
 *
 * @example
 * await purgeFinishedJobs(new Date(Date.now() - 30 * 24 * 3_600_000)); // keeps the last 30 days
 */
export async function purgeFinishedJobs(finishedBefore: Date): Promise<number> {
  const result = await db().job.deleteMany({
    where: { status: { in: [...FINISHED_JOB_STATUSES] }, finishedAt: { lt: finishedBefore } },
  });
  return result.count;
}

export function findJob(id: string) {
  return db().job.findUnique({ where: { id } });
}

/** The queued or running job holding a singleton key, if any (finished jobs release their key). */
export function findJobBySingletonKey(singletonKey: string) {
  return db().job.findUnique({ where: { singletonKey } });
}
