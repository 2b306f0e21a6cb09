import { localDay } from "~/domain/calendar/local-day";
import { fetchJsonlLines, type BulkResultOpener } from "~/integrations/shopify/bulk-results.server";
import {
  AdminApiError,
  adminRequest,
  type AdminGraphqlClient,
  type AdminRequestOptions,
} from "~/integrations/shopify/client.server";
import {
  BULK_OPERATION_RUN_QUERY,
  BULK_OPERATION_STATUS,
} from "~/integrations/shopify/operations/BulkOperations";
import { CATALOG_BULK_QUERY } from "~/integrations/shopify/operations/CatalogBulkQuery";
import { LOCATIONS } from "~/integrations/shopify/operations/Locations";
import { ordersBulkQuery } from "~/integrations/shopify/operations/OrdersBulkQuery";
import { getShop } from "~/models/catalog.server";
import {
  claimSyncRunImport,
  createSyncRun,
  findSyncRun,
  findSyncRunByBulkOperation,
  finishSyncRun,
  locationIdsByShopifyId,
  primaryLocation,
  syncLocations,
  unfinishedSyncRuns,
  updateSyncRunProgress,
  type LocationRow,
  type SyncKind,
} from "~/models/store-sync.server";
import type {
  BulkOperationRunQueryMutation,
  BulkOperationStatusQuery,
  LocationsQuery,
} from "~/types/admin.generated";
import { importCatalogJsonl, importOrdersJsonl, type ImportOptions } from "./bulk-sync.server";
import { suggestKeywords } from "./sources.server";

/**
 * The full sync: two bulk operations (catalogue, orders) started together, completed by the
 * `bulk_operations/finish` webhook or, when it does not come, by polling. Each SyncRun row records
 * progress and outcome for the app's sync status.
 */

/** Shopify lets an app without `read_all_orders` read the last 60 days of orders. */
export const ORDER_HISTORY_DAYS_WITHOUT_READ_ALL_ORDERS = 60;

/** An import still "importing" after this long is presumed dead (its process stopped) and may be re-run. */
const IMPORT_STALE_AFTER_MS = 30 * 60_000;

export interface SyncDependencies {
  now?: () => Date;
  /** Opens a bulk result URL as lines (default: HTTP download, streamed). */
  openJsonl?: BulkResultOpener;
  request?: AdminRequestOptions;
  import?: ImportOptions;
}

/** Whether the granted scopes (comma separated, as stored on the shop) include read_all_orders. */
export function grantsAllOrders(scopes: string): boolean {
  return scopes
    .split(",")
    .map((s) => s.trim())
    .includes("read_all_orders");
}

/**
 * The orders window of a full sync: everything with read_all_orders; otherwise the last 60 days,
 * of which the first shop-local day is only partly visible and is therefore not rebuilt (`fromDay`
 * is the first complete day).
 *
 * @example
 * ordersWindow(new Date("2026-11-28T12:00:00Z"), "UTC", false);
 * // { search: "created_at:>='2026-09-29T12:00:00.000Z'", fromDay: "2026-09-30" }
 */
export function ordersWindow(
  now: Date,
  timezone: string,
  allOrders: boolean,
): { search: string; fromDay: string | null } {
  if (allOrders) return { search: "", fromDay: null };
  const start = new Date(now.getTime() - ORDER_HISTORY_DAYS_WITHOUT_READ_ALL_ORDERS * 86_400_000);
  return {
    search: `created_at:>='${start.toISOString()}'`,
    fromDay: localDay(new Date(start.getTime() + 86_400_000), timezone),
  };
}

/** Reads every location (a few pages at most) into the mirror; returns Pulse ids by Shopify id. */
export async function syncShopLocations(
  shopId: string,
  admin: AdminGraphqlClient,
  deps: SyncDependencies = {},
): Promise<Map<string, string>> {
  const rows: LocationRow[] = [];
  let after: string | null = null;
  for (;;) {
    const data: LocationsQuery = await adminRequest<LocationsQuery>(
      admin,
      LOCATIONS,
      { first: 100, after },
      deps.request,
    );
    for (const l of data.locations.nodes) {
      rows.push({
        shopifyId: l.id,
        name: l.name,
        countryCode: l.address.countryCode ?? null,
        provinceCode: l.address.provinceCode ?? null,
        isActive: l.isActive,
      });
    }
    if (!data.locations.pageInfo.hasNextPage) break;
    after = data.locations.pageInfo.endCursor ?? null;
  }
  return syncLocations(shopId, rows);
}

export type StartFullSyncResult =
  | { ok: true; runIds: string[] }
  | { ok: false; error: "shop_not_found" | "already_running" | "bulk_refused"; message: string };

/**
 * Starts a full sync: refreshes locations, then starts the catalogue and orders bulk operations and
 * records a SyncRun for each. Refuses while a previous full sync is unfinished.
 * Throws AdminApiError when Shopify cannot be reached (retryable) or refuses access (terminal).
 */
export async function startFullSync(
  shopId: string,
  admin: AdminGraphqlClient,
  trigger: "install" | "nightly" | "manual",
  deps: SyncDependencies = {},
): Promise<StartFullSyncResult> {
  const now = deps.now ?? (() => new Date());
  const shop = await getShop(shopId);
  if (!shop || shop.uninstalledAt) {
    return { ok: false, error: "shop_not_found", message: "The shop is not installed" };
  }
  const unfinished = await unfinishedSyncRuns(shopId);
  if (unfinished.length > 0) {
    return {
      ok: false,
      error: "already_running",
      message: `A full sync is already running (since ${unfinished[0]!.startedAt.toISOString()})`,
    };
  }
  await syncShopLocations(shopId, admin, deps);

  const window = ordersWindow(now(), shop.timezone, grantsAllOrders(shop.scopes));
  const plans: { kind: SyncKind; query: string; groupObjects: boolean; windowStartDay: string | null }[] = [
    { kind: "catalog", query: CATALOG_BULK_QUERY, groupObjects: false, windowStartDay: null },
    // Grouped, so each order's lines follow it and the importer holds one order at a time.
    {
      kind: "orders",
      query: ordersBulkQuery(window.search),
      groupObjects: true,
      windowStartDay: window.fromDay,
    },
  ];
  const runIds: string[] = [];
  for (const plan of plans) {
    const data = await adminRequest<BulkOperationRunQueryMutation>(
      admin,
      BULK_OPERATION_RUN_QUERY,
      { query: plan.query, groupObjects: plan.groupObjects },
      deps.request,
    );
    const payload = data.bulkOperationRunQuery;
    const operation = payload?.bulkOperation;
    if (!operation) {
      const message = payload?.userErrors.map((e) => e.message).join("; ") || "no bulk operation returned";
      await createSyncRun({
        shopId,
        kind: plan.kind,
        trigger,
        bulkOperationId: null,
        status: "failed",
        lastError: `Shopify refused the bulk query: ${message}`,
        startedAt: now(),
        finishedAt: now(),
      });
      return { ok: false, error: "bulk_refused", message };
    }
    const run = await createSyncRun({
      shopId,
      kind: plan.kind,
      trigger,
      bulkOperationId: operation.id,
      windowStartDay: plan.windowStartDay,
      startedAt: now(),
    });
    runIds.push(run.id);
  }
  return { ok: true, runIds };
}

export type FinishOutcome =
  | { status: "imported"; runId: string; kind: string; objectsDone: number; skippedLines: number }
  | { status: "pending" }
  | { status: "failed"; runId: string; error: string }
  | { status: "already_handled" }
  | { status: "unknown_operation" };

function bulkFailureMessage(errorCode: string | null | undefined, status: string): string {
  if (errorCode === "ACCESS_DENIED") {
    return "Shopify denied access while reading the store (a permission was revoked). Approve the app's permissions again, then sync.";
  }
  if (errorCode === "TIMEOUT") return "Shopify's bulk operation timed out. The next sync will try again.";
  return `Shopify's bulk operation ended ${status.toLowerCase()}${errorCode ? ` (${errorCode})` : ""}.`;
}

/**
 * Finishes the sync run of a bulk operation if the operation is done: reads its status (the webhook
 * does not carry the result URL), claims the import so it happens once, streams the JSONL into the
 * mirror and records the outcome. "pending" when the operation is still running.
 */
export async function finishBulkOperation(
  shopId: string,
  admin: AdminGraphqlClient,
  bulkOperationId: string,
  deps: SyncDependencies = {},
): Promise<FinishOutcome> {
  const now = deps.now ?? (() => new Date());
  const run = await findSyncRunByBulkOperation(shopId, bulkOperationId);
  if (!run) return { status: "unknown_operation" };
  if (run.status === "succeeded" || run.status === "failed") return { status: "already_handled" };

  const data = await adminRequest<BulkOperationStatusQuery>(
    admin,
    BULK_OPERATION_STATUS,
    { id: bulkOperationId },
    deps.request,
  );
  const op = data.node && "status" in data.node ? data.node : null;
  if (!op) {
    const error = "Shopify no longer knows this bulk operation";
    await finishSyncRun(run, { status: "failed", at: now(), lastError: error });
    return { status: "failed", runId: run.id, error };
  }
  if (op.status === "CREATED" || op.status === "RUNNING" || op.status === "CANCELING") {
    return { status: "pending" };
  }
  if (op.status !== "COMPLETED") {
    const error = bulkFailureMessage(op.errorCode, op.status);
    await finishSyncRun(run, { status: "failed", at: now(), lastError: error });
    return { status: "failed", runId: run.id, error };
  }

  const objectsTotal = Number(op.objectCount);
  const claimed = await claimSyncRunImport(
    run.id,
    now(),
    new Date(now().getTime() - IMPORT_STALE_AFTER_MS),
    Number.isFinite(objectsTotal) ? objectsTotal : null,
  );
  if (!claimed) return { status: "already_handled" };

  const shop = await getShop(shopId);
  if (!shop) return { status: "already_handled" };
  const openJsonl = deps.openJsonl ?? ((url: string) => fetchJsonlLines(url));
  // No URL: the query matched nothing (an empty store), which is a valid, empty result.
  const lines: AsyncIterable<string> = op.url ? openJsonl(op.url) : (async function* () {})();
  const importOptions: ImportOptions = {
    ...deps.import,
    now,
    onProgress: async (progress) => {
      await updateSyncRunProgress(run.id, progress);
      await deps.import?.onProgress?.(progress);
    },
  };
  try {
    const locationIds = await locationIdsByShopifyId(shopId);
    const result =
      run.kind === "catalog"
        ? await importCatalogJsonl(shopId, lines, locationIds, importOptions)
        : await importOrdersJsonl(
            shopId,
            lines,
            {
              timezone: shop.timezone,
              fromDay: run.windowStartDay,
              locationIds,
              fallbackLocationShopifyId: (await primaryLocation(shopId))?.shopifyId ?? null,
            },
            importOptions,
          );
    await finishSyncRun(run, {
      status: "succeeded",
      at: now(),
      lastError: result.complete
        ? null
        : `${result.skippedLines} line(s) of Shopify's result could not be read and were skipped; nothing was deleted.`,
      details: JSON.parse(JSON.stringify(result)) as Record<string, never>,
      objectsDone: result.objectsDone,
      skippedLines: result.skippedLines,
    });
    // Listening keywords proposed from the catalogue (idempotent; removed suggestions stay removed).
    if (run.kind === "catalog") {
      await suggestKeywords(shopId).catch((error: unknown) =>
        console.warn(`[listening] keyword suggestions failed for shop ${shopId}: ${String(error)}`),
      );
    }
    return {
      status: "imported",
      runId: run.id,
      kind: run.kind,
      objectsDone: result.objectsDone,
      skippedLines: result.skippedLines,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Retryable failures (download, database) leave the run claimable again after the stale window;
    // record the error now so the app shows it.
    await finishSyncRun(run, { status: "failed", at: now(), lastError: message });
    if (error instanceof AdminApiError) throw error;
    return { status: "failed", runId: run.id, error: message };
  }
}

/** The polling fallback for one run: finishes it when its bulk operation is done. */
export async function pollSyncRun(
  shopId: string,
  admin: AdminGraphqlClient,
  runId: string,
  deps: SyncDependencies = {},
): Promise<FinishOutcome> {
  const run = await findSyncRun(shopId, runId);
  if (!run || !run.bulkOperationId) return { status: "unknown_operation" };
  return finishBulkOperation(shopId, admin, run.bulkOperationId, deps);
}

/**
 * Runs a full sync to the end in this process (start, then poll until both runs are finished).
 * For scripts, the demo and tests; jobs use startFullSync + the webhook / poll job instead.
 */
export async function runFullSync(
  shopId: string,
  admin: AdminGraphqlClient,
  deps: SyncDependencies & { pollIntervalMs?: number; maxPolls?: number } = {},
): Promise<{ started: StartFullSyncResult; outcomes: FinishOutcome[] }> {
  const started = await startFullSync(shopId, admin, "manual", deps);
  if (!started.ok) return { started, outcomes: [] };
  const outcomes: FinishOutcome[] = [];
  for (const runId of started.runIds) {
    for (let poll = 0; ; poll++) {
      const outcome = await pollSyncRun(shopId, admin, runId, deps);
      if (outcome.status !== "pending") {
        outcomes.push(outcome);
        break;
      }
      if (poll >= (deps.maxPolls ?? 600)) throw new Error(`Bulk operation of run ${runId} did not finish`);
      await new Promise((resolve) => setTimeout(resolve, deps.pollIntervalMs ?? 1000));
    }
  }
  return { started, outcomes };
}
