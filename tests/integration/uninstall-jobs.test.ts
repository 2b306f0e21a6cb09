import type { Session } from "@shopify/shopify-api";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { nightlyReconcileJob, writeOutboxJob } from "~/jobs/definitions/shopify-sync.server";
import { planningWeeklyJob } from "~/jobs/definitions/planning-cycle.server";
import { InProcessJobQueue } from "~/jobs/in-process-queue.server";
import type { AnyJobDefinition, JobDefinition } from "~/jobs/types";
import { insertJob } from "~/models/jobs.server";
import { action as uninstalledAction } from "~/routes/webhooks.app.uninstalled";
import { recordInstall } from "~/services/shops.server";
import { createTestSession, createTestShop } from "./../factories/shop";
import { webhookRequest } from "./../factories/webhook";

const NOW = new Date("2026-11-28T00:00:00Z");

/** A shop job standing in for one that calls the Admin API: records every shop it ran for. */
function adminCallingJob(calls: string[]): JobDefinition<{ shopId: string }> {
  return {
    name: "test.admin-call",
    payload: z.object({ shopId: z.string() }),
    run: async ({ shopId }) => void calls.push(shopId),
  };
}

function testQueue(definitions: AnyJobDefinition[]) {
  const queue = new InProcessJobQueue({
    definitions,
    now: () => NOW,
    random: () => 0.5,
    log: () => undefined,
  });
  // Fan-outs and recordInstall enqueue through the process-wide queue.
  globalThis.__pulseJobQueue = queue;
  return queue;
}

afterEach(() => {
  globalThis.__pulseJobQueue = undefined;
});

async function uninstall(domain: string): Promise<number> {
  const request = webhookRequest({
    path: "/webhooks/app/uninstalled",
    topic: "app/uninstalled",
    shop: domain,
    payload: { domain },
  });
  const response = await uninstalledAction({ request, params: {}, context: {} });
  return response.status;
}

// By the Job.shopId column the queue sets on enqueue (so these tests also check it is set).
const jobsOf = (shopId: string) =>
  db().job.findMany({ where: { shopId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("app/uninstalled stops the shop's jobs", () => {
  it("cancels the shop's queued jobs, runs none of them, and leaves another shop's jobs alone", async () => {
    const calls: string[] = [];
    const job = adminCallingJob(calls);
    const queue = testQueue([job as AnyJobDefinition]);
    const gone = await createTestShop();
    const kept = await createTestShop();
    await createTestSession(gone.domain);
    await createTestSession(kept.domain);
    await queue.enqueue(job, { shopId: gone.id });
    await queue.enqueue(job, { shopId: gone.id }, { singletonKey: `work:${gone.id}` });
    await queue.enqueue(job, { shopId: kept.id });
    await queue.enqueue(job, { shopId: kept.id }, { singletonKey: `work:${kept.id}` });
    const systemJobId = await queue.enqueue(planningWeeklyJob, {});

    expect(await uninstall(gone.domain)).toBe(200);

    expect(await db().session.count({ where: { shop: gone.domain } })).toBe(0);
    const cancelled = await jobsOf(gone.id);
    expect(cancelled.map((j) => j.status)).toEqual(["cancelled", "cancelled"]);
    expect(cancelled.every((j) => j.singletonKey === null && j.lastError?.includes("uninstalled"))).toBe(
      true,
    );
    const keptJobs = await jobsOf(kept.id);
    expect(keptJobs.map((j) => j.status)).toEqual(["queued", "queued"]);
    expect(keptJobs.map((j) => j.singletonKey)).toContain(`work:${kept.id}`);
    const systemJob = await db().job.findUniqueOrThrow({ where: { id: systemJobId! } });
    expect(systemJob).toMatchObject({ shopId: null, status: "queued" });

    expect(await queue.drain()).toBe(2);
    expect(calls).toEqual([kept.id, kept.id]);
    expect((await jobsOf(kept.id)).map((j) => j.status)).toEqual(["completed", "completed"]);
  });

  it("the runner cancels, without running, a job of an uninstalled shop that reached the queue anyway", async () => {
    const calls: string[] = [];
    const job = adminCallingJob(calls);
    const queue = testQueue([job as AnyJobDefinition]);
    const shop = await createTestShop();
    await uninstall(shop.domain);
    // Written straight to the table, as a process that enqueued just before the uninstall would.
    const id = await insertJob({
      name: job.name,
      payload: { shopId: shop.id },
      shopId: shop.id,
      runAt: NOW,
      maxAttempts: 5,
    });

    expect(await queue.drain()).toBe(1);
    expect(calls).toEqual([]);
    expect(await db().job.findUniqueOrThrow({ where: { id: id! } })).toMatchObject({
      status: "cancelled",
      attempts: 1,
    });
  });

  it("schedulers and enqueues skip the uninstalled shop; a reinstall resumes it", async () => {
    const calls: string[] = [];
    const job = adminCallingJob(calls);
    const queue = testQueue([job as AnyJobDefinition]);
    const gone = await createTestShop();
    const kept = await createTestShop();
    await uninstall(gone.domain);
    const context = { jobId: "scheduler", attempt: 1, now: () => NOW };

    await nightlyReconcileJob.run({}, context);
    await planningWeeklyJob.run({}, context);
    // What the write-outbox sweep does for each shop with queued writes.
    expect(await queue.enqueue(writeOutboxJob, { shopId: gone.id })).toBeNull();
    expect(await queue.enqueue(job, { shopId: gone.id })).toBeNull();

    expect(await jobsOf(gone.id)).toEqual([]);
    expect((await jobsOf(kept.id)).map((j) => j.name).sort()).toEqual([
      "planning.cycle",
      "shopify.full-sync",
    ]);

    // Reinstall: OAuth's afterAuth records the install, which clears the uninstall mark.
    const admin = {
      graphql: async () =>
        Response.json({
          data: {
            shop: { name: "Back again", email: null, ianaTimezone: "UTC", currencyCode: "USD" },
          },
        }),
    };
    const session = { shop: gone.domain, scope: "read_products,write_inventory" } as Session;
    await recordInstall({ session, admin });

    expect((await db().shop.findUniqueOrThrow({ where: { id: gone.id } })).uninstalledAt).toBeNull();
    expect((await jobsOf(gone.id)).map((j) => [j.name, j.status])).toEqual([["shopify.install", "queued"]]);
    expect(await queue.enqueue(job, { shopId: gone.id })).not.toBeNull();
    await nightlyReconcileJob.run({}, context);
    expect((await jobsOf(gone.id)).map((j) => j.name)).toContain("shopify.full-sync");
    await queue.drain();
    expect(calls).toEqual([gone.id]);
  });
});
