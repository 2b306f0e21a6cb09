import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { InProcessJobQueue } from "~/jobs/in-process-queue.server";
import {
  RetryableJobError,
  TerminalJobError,
  retryDelayMs,
  type AnyJobDefinition,
  type JobDefinition,
} from "~/jobs/types";

function queueAt(clock: { now: Date }, definitions: AnyJobDefinition[]) {
  return new InProcessJobQueue({
    definitions,
    now: () => clock.now,
    random: () => 0.5,
    log: () => undefined,
  });
}

describe("in-process job queue", () => {
  it("runs a job once and records it completed", async () => {
    const seen: string[] = [];
    const job: JobDefinition<{ word: string }> = {
      name: "test.echo",
      payload: z.object({ word: z.string() }),
      run: async ({ word }) => void seen.push(word),
    };
    const clock = { now: new Date("2026-11-28T00:00:00Z") };
    const queue = queueAt(clock, [job as AnyJobDefinition]);
    const id = await queue.enqueue(job, { word: "hello" });
    expect(await queue.drain()).toBe(1);
    expect(await queue.drain()).toBe(0);
    expect(seen).toEqual(["hello"]);
    expect((await db().job.findUniqueOrThrow({ where: { id: id! } })).status).toBe("completed");
  });

  it("retries a retryable failure with backoff, then succeeds", async () => {
    let calls = 0;
    const job: JobDefinition<Record<string, never>> = {
      name: "test.flaky",
      payload: z.object({}),
      maxAttempts: 3,
      run: async () => {
        calls += 1;
        if (calls < 3) throw new Error("Shopify answered 502");
      },
    };
    const clock = { now: new Date("2026-11-28T00:00:00Z") };
    const queue = queueAt(clock, [job as AnyJobDefinition]);
    const id = (await queue.enqueue(job, {}))!;

    await queue.drain();
    const afterFirst = await db().job.findUniqueOrThrow({ where: { id } });
    expect(afterFirst).toMatchObject({ status: "queued", attempts: 1, lastError: "Shopify answered 502" });
    expect(afterFirst.runAt.getTime() - clock.now.getTime()).toBe(retryDelayMs(1, () => 0.5));

    expect(await queue.drain()).toBe(0); // not due yet
    clock.now = new Date(afterFirst.runAt.getTime());
    await queue.drain();
    clock.now = new Date((await db().job.findUniqueOrThrow({ where: { id } })).runAt.getTime());
    await queue.drain();
    expect(calls).toBe(3);
    expect((await db().job.findUniqueOrThrow({ where: { id } })).status).toBe("completed");
  });

  it("stops at once on a terminal error and keeps the reason", async () => {
    let calls = 0;
    const job: JobDefinition<Record<string, never>> = {
      name: "test.terminal",
      payload: z.object({}),
      run: async () => {
        calls += 1;
        throw new TerminalJobError("access scope write_inventory was revoked");
      },
    };
    const clock = { now: new Date("2026-11-28T00:00:00Z") };
    const queue = queueAt(clock, [job as AnyJobDefinition]);
    const id = (await queue.enqueue(job, {}))!;
    await queue.drain();
    expect(calls).toBe(1);
    expect(await db().job.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "failed",
      lastError: "access scope write_inventory was revoked",
    });
  });

  it("gives up after maxAttempts and honours retryAfterMs", async () => {
    const job: JobDefinition<Record<string, never>> = {
      name: "test.always-throttled",
      payload: z.object({}),
      maxAttempts: 2,
      run: async () => {
        throw new RetryableJobError("throttled", 7_000);
      },
    };
    const clock = { now: new Date("2026-11-28T00:00:00Z") };
    const queue = queueAt(clock, [job as AnyJobDefinition]);
    const id = (await queue.enqueue(job, {}))!;
    await queue.drain();
    const retried = await db().job.findUniqueOrThrow({ where: { id } });
    expect(retried.runAt.getTime() - clock.now.getTime()).toBe(7_000);
    clock.now = retried.runAt;
    await queue.drain();
    expect((await db().job.findUniqueOrThrow({ where: { id } })).status).toBe("failed");
  });

  it("keeps one live job per singleton key", async () => {
    const job: JobDefinition<Record<string, never>> = {
      name: "test.single",
      payload: z.object({}),
      run: async () => {},
    };
    const queue = queueAt({ now: new Date("2026-11-28T00:00:00Z") }, [job as AnyJobDefinition]);
    expect(await queue.enqueue(job, {}, { singletonKey: "sync:shop-1" })).not.toBeNull();
    expect(await queue.enqueue(job, {}, { singletonKey: "sync:shop-1" })).toBeNull();
    await queue.drain();
    // Released when done: the same work can be queued again.
    expect(await queue.enqueue(job, {}, { singletonKey: "sync:shop-1" })).not.toBeNull();
  });

  it("rejects a payload that does not match the job's schema before storing it", async () => {
    const job: JobDefinition<{ shopId: string }> = {
      name: "test.typed",
      payload: z.object({ shopId: z.string() }),
      run: async () => {},
    };
    const queue = queueAt({ now: new Date("2026-11-28T00:00:00Z") }, [job as AnyJobDefinition]);
    await expect(queue.enqueue(job, { shopId: 42 } as unknown as { shopId: string })).rejects.toThrow(
      /shopId/,
    );
    expect(await db().job.count()).toBe(0);
  });

  it("re-queues a job left running by a crashed process when a worker starts", async () => {
    const job: JobDefinition<Record<string, never>> = {
      name: "test.orphan",
      payload: z.object({}),
      run: async () => {},
    };
    const now = new Date("2026-11-28T01:00:00Z");
    const row = await db().job.create({
      data: {
        name: job.name,
        payload: {},
        status: "running",
        runAt: new Date("2026-11-28T00:00:00Z"),
        lockedAt: new Date("2026-11-28T00:00:00Z"),
        lockedBy: "dead",
        attempts: 1,
      },
    });
    const queue = new InProcessJobQueue({
      definitions: [job as AnyJobDefinition],
      now: () => now,
      pollIntervalMs: 60_000,
      log: () => undefined,
    });
    await queue.start();
    await queue.stop();
    expect((await db().job.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("completed");
  });

  it("purges finished jobs older than 30 days when a worker starts, keeping live and recent ones", async () => {
    const now = new Date("2026-11-28T00:00:00Z");
    const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3_600_000);
    const rows = [
      { name: "old-completed", status: "completed", finishedAt: daysAgo(31) },
      { name: "old-failed", status: "failed", finishedAt: daysAgo(45) },
      { name: "old-cancelled", status: "cancelled", finishedAt: daysAgo(30.5) },
      { name: "recent-completed", status: "completed", finishedAt: daysAgo(29) },
      { name: "recent-failed", status: "failed", finishedAt: daysAgo(1) },
      // Live jobs stay however old they are: a job far in its retries, one due long ago.
      { name: "old-queued", status: "queued", runAt: daysAgo(60), finishedAt: null },
      { name: "old-running", status: "running", lockedAt: now, lockedBy: "alive", finishedAt: null },
    ];
    for (const row of rows) {
      await db().job.create({ data: { payload: {}, createdAt: daysAgo(90), ...row } });
    }
    const queue = new InProcessJobQueue({
      definitions: [],
      now: () => now,
      pollIntervalMs: 60_000,
      log: () => undefined,
    });
    await queue.start();
    await queue.stop();

    const left = await db().job.findMany({ orderBy: { name: "asc" } });
    expect(left.map((job) => job.name)).toEqual([
      "old-queued",
      "old-running",
      "recent-completed",
      "recent-failed",
    ]);
    expect(await queue.purgeFinished()).toBe(0);
  });
});
