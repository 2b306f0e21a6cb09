import { syncProgressShare, syncRunState, type SyncRunState } from "~/domain/sync/sync-progress";
import { fullSyncJob } from "~/jobs/definitions/shopify-sync.server";
import { jobQueue } from "~/jobs/queue.server";
import { getShop } from "~/models/catalog.server";
import { findJobBySingletonKey } from "~/models/jobs.server";
import {
  lastSucceededSyncRun,
  latestSyncRuns,
  unfinishedSyncRuns,
  type SyncKind,
} from "~/models/store-sync.server";

/**
 * The store sync as the app shows it (issue #6 item 7): per kind (catalogue, orders) the latest run's
 * state and progress, when it last succeeded, its last error, and whether the job runner is about to
 * retry the full sync. Dates are ISO strings so the view crosses the loader boundary unchanged.
 */

export interface SyncRunView {
  kind: SyncKind;
  state: SyncRunState;
  trigger: string | null;
  objectsDone: number;
  objectsTotal: number | null;
  /** Share done in [0, 1]; null while the total is unknown (Shopify is still preparing the data). */
  progress: number | null;
  skippedLines: number;
  startedAt: string | null;
  finishedAt: string | null;
  lastSuccessAt: string | null;
  /** The latest run's error (or warning, for a success that skipped lines), in words. */
  lastError: string | null;
}

export interface SyncJobView {
  status: "queued" | "running";
  attempts: number;
  maxAttempts: number;
  /** Why the previous attempt failed, when the runner is retrying. */
  lastError: string | null;
  runAt: string;
}

export interface SyncStatusView {
  timezone: string;
  catalog: SyncRunView;
  orders: SyncRunView;
  /** A sync is in progress (a run unfinished, or the start job queued or running): poll for updates. */
  active: boolean;
  /** The full-sync job while it is queued or running (retries included). */
  job: SyncJobView | null;
}

/** The singleton key that keeps one full sync of a shop queued or running at a time. */
export const fullSyncJobKey = (shopId: string) => `full-sync:${shopId}`;

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

type SyncRunRow = Awaited<ReturnType<typeof latestSyncRuns>>["catalog"];

function runView(kind: SyncKind, run: SyncRunRow, lastSuccess: SyncRunRow): SyncRunView {
  const state = syncRunState(run);
  const objectsDone = run?.objectsDone ?? 0;
  const objectsTotal = run?.objectsTotal ?? null;
  return {
    kind,
    state,
    trigger: run?.trigger ?? null,
    objectsDone,
    objectsTotal,
    progress: syncProgressShare({ state, objectsDone, objectsTotal }),
    skippedLines: run?.skippedLines ?? 0,
    startedAt: iso(run?.startedAt),
    finishedAt: iso(run?.finishedAt),
    lastSuccessAt: iso(lastSuccess?.finishedAt),
    lastError: run?.lastError ?? null,
  };
}

/** The sync status card's data for a shop. */
export async function syncStatusView(shopId: string): Promise<SyncStatusView> {
  const [shop, latest, catalogSuccess, ordersSuccess, job] = await Promise.all([
    getShop(shopId),
    latestSyncRuns(shopId),
    lastSucceededSyncRun(shopId, "catalog"),
    lastSucceededSyncRun(shopId, "orders"),
    findJobBySingletonKey(fullSyncJobKey(shopId)),
  ]);
  const catalog = runView("catalog", latest.catalog, catalogSuccess);
  const orders = runView("orders", latest.orders, ordersSuccess);
  const jobView: SyncJobView | null =
    job && (job.status === "queued" || job.status === "running")
      ? {
          status: job.status,
          attempts: job.attempts,
          maxAttempts: job.maxAttempts,
          lastError: job.lastError,
          runAt: job.runAt.toISOString(),
        }
      : null;
  const unfinished = (view: SyncRunView) =>
    view.state === "waiting_for_shopify" || view.state === "importing";
  return {
    timezone: shop?.timezone ?? "UTC",
    catalog,
    orders,
    active: unfinished(catalog) || unfinished(orders) || jobView !== null,
    job: jobView,
  };
}

export type RequestSyncResult =
  | { ok: true; status: "enqueued" }
  | { ok: false; status: "already_running" | "already_queued" | "shop_not_found" };

/**
 * "Sync now": enqueues a full sync unless one is already running or queued. The job's singleton key
 * makes a double click (or two tabs) enqueue it once; a sync whose bulk operations are still in
 * Shopify's hands is reported instead of started again.
 */
export async function requestFullSync(shopId: string): Promise<RequestSyncResult> {
  const shop = await getShop(shopId);
  if (!shop || shop.uninstalledAt) return { ok: false, status: "shop_not_found" };
  if ((await unfinishedSyncRuns(shopId)).length > 0) return { ok: false, status: "already_running" };
  const jobId = await jobQueue().enqueue(
    fullSyncJob,
    { shopId, trigger: "manual" as const },
    { singletonKey: fullSyncJobKey(shopId) },
  );
  return jobId ? { ok: true, status: "enqueued" } : { ok: false, status: "already_queued" };
}
