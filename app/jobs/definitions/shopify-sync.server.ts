import { z } from "zod";
import { adminForShop } from "~/integrations/shopify/admin-for-shop.server";
import { AdminApiError } from "~/integrations/shopify/client.server";
import { getShop } from "~/models/catalog.server";
import { listInstalledShops } from "~/models/store-sync.server";
import { shopsWithQueuedWrites } from "~/models/write-outbox.server";
import { dispatchWriteOutbox } from "~/services/inventory-writes.server";
import { ensureMetafieldDefinitions } from "~/services/metafields.server";
import { pollSyncRun, startFullSync } from "~/services/store-sync.server";
import { jobQueue } from "../queue.server";
import { RetryableJobError, TerminalJobError, type JobDefinition } from "../types";

/** How long after starting a bulk operation the polling fallback first looks (the webhook usually wins). */
export const FIRST_POLL_DELAY_MS = 60_000;
const POLL_INTERVAL_MS = 30_000;

/** Maps Admin API failures onto the job runner's two kinds. */
async function asJobErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AdminApiError) {
      if (error.kind === "retryable") throw new RetryableJobError(error.message);
      throw new TerminalJobError(error.message);
    }
    throw error;
  }
}

async function installedShop(shopId: string) {
  const shop = await getShop(shopId);
  if (!shop || shop.uninstalledAt) throw new TerminalJobError(`Shop ${shopId} is not installed`);
  return shop;
}

const shopPayload = z.object({ shopId: z.string() });

/** Polls one sync run's bulk operation until it is done, then imports it (the webhook's fallback). */
export const bulkSyncPollJob: JobDefinition<{ shopId: string; runId: string }> = {
  name: "shopify.bulk-sync-poll",
  payload: z.object({ shopId: z.string(), runId: z.string() }),
  // ~1 hour of polling at 30 s.
  maxAttempts: 120,
  run: async ({ shopId, runId }) => {
    const shop = await installedShop(shopId);
    const admin = await adminForShop(shop.domain);
    const outcome = await asJobErrors(() => pollSyncRun(shopId, admin, runId));
    if (outcome.status === "pending") {
      throw new RetryableJobError("The bulk operation is still running", POLL_INTERVAL_MS);
    }
  },
};

/** Starts a full sync (locations, then catalogue and orders bulk operations) and schedules polling. */
export const fullSyncJob: JobDefinition<{ shopId: string; trigger: "install" | "nightly" | "manual" }> = {
  name: "shopify.full-sync",
  payload: z.object({ shopId: z.string(), trigger: z.enum(["install", "nightly", "manual"]) }),
  maxAttempts: 6,
  run: async ({ shopId, trigger }, context) => {
    const shop = await installedShop(shopId);
    const admin = await adminForShop(shop.domain);
    const started = await asJobErrors(() => startFullSync(shopId, admin, trigger));
    if (!started.ok) {
      if (started.error === "already_running") return;
      throw new TerminalJobError(started.message);
    }
    const runAt = new Date(context.now().getTime() + FIRST_POLL_DELAY_MS);
    for (const runId of started.runIds) {
      await jobQueue().enqueue(
        bulkSyncPollJob,
        { shopId, runId },
        { runAt, singletonKey: `bulk-poll:${runId}` },
      );
    }
  },
};

/** After install: metafield definitions, then the first full sync. */
export const shopifyInstallJob: JobDefinition<{ shopId: string }> = {
  name: "shopify.install",
  payload: shopPayload,
  maxAttempts: 8,
  run: async ({ shopId }) => {
    const shop = await installedShop(shopId);
    const admin = await adminForShop(shop.domain);
    await asJobErrors(() => ensureMetafieldDefinitions(shopId, admin, "pulse"));
    await jobQueue().enqueue(
      fullSyncJob,
      { shopId, trigger: "install" as const },
      { singletonKey: `full-sync:${shopId}` },
    );
  },
};

/** Nightly: a full sync of every installed shop, catching whatever webhooks were missed. */
export const nightlyReconcileJob: JobDefinition<Record<string, never>> = {
  name: "shopify.nightly-reconcile",
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  maxAttempts: 3,
  run: async () => {
    for (const shop of await listInstalledShops()) {
      await jobQueue().enqueue(
        fullSyncJob,
        { shopId: shop.id, trigger: "nightly" as const },
        { singletonKey: `full-sync:${shop.id}` },
      );
    }
  },
};

/** Sends a shop's approved writes (enqueue after approving; the sweep below catches the rest). */
export const writeOutboxJob: JobDefinition<{ shopId: string }> = {
  name: "shopify.write-outbox",
  payload: shopPayload,
  maxAttempts: 10,
  run: async ({ shopId }) => {
    const shop = await installedShop(shopId);
    const admin = await adminForShop(shop.domain);
    await asJobErrors(() => dispatchWriteOutbox(shopId, admin, "pulse"));
  },
};

/**
 * Every few minutes: a dispatch for each shop with queued writes, so a write approved just before a
 * crash (outbox row committed, dispatch job never enqueued) still goes out.
 */
export const writeOutboxSweepJob: JobDefinition<Record<string, never>> = {
  name: "shopify.write-outbox-sweep",
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  maxAttempts: 3,
  run: async () => {
    for (const shopId of await shopsWithQueuedWrites()) {
      await jobQueue().enqueue(writeOutboxJob, { shopId }, { singletonKey: `write-outbox:${shopId}` });
    }
  },
};

/** The periodic Shopify jobs; call once where the worker starts. */
export function scheduleShopifyJobs(queue: {
  schedule<T>(definition: JobDefinition<T>, everyMs: number, payload: T): void;
}): void {
  queue.schedule(nightlyReconcileJob, 24 * 60 * 60_000, {});
  queue.schedule(writeOutboxSweepJob, 5 * 60_000, {});
}
