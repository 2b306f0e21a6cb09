import type { Prisma } from "@prisma/client";
import { db, isUniqueViolation } from "~/db.server";

/** Inserts a queued job. Returns null when a live job holds the same singleton key. */
export async function insertJob(job: {
  name: string;
  payload: Prisma.InputJsonValue;
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

export function findJob(id: string) {
  return db().job.findUnique({ where: { id } });
}

/** The queued or running job holding a singleton key, if any (finished jobs release their key). */
export function findJobBySingletonKey(singletonKey: string) {
  return db().job.findUnique({ where: { singletonKey } });
}
