/** What a store sync run is doing, in the words the sync status card uses. */
export type SyncRunState =
  "never" | "waiting_for_shopify" | "importing" | "succeeded" | "succeeded_with_warnings" | "failed";

/**
 * The state of a sync run as the merchant sees it. A bulk operation is "running" while Shopify prepares
 * the result file (Pulse cannot count anything yet), "importing" while Pulse reads it; a success that
 * skipped unreadable lines keeps its message and is shown as a success with warnings.
 * @example syncRunState({ status: "succeeded", lastError: null }) // "succeeded"
 */
export function syncRunState(run: { status: string; lastError: string | null } | null): SyncRunState {
  if (!run) return "never";
  switch (run.status) {
    case "running":
      return "waiting_for_shopify";
    case "importing":
      return "importing";
    case "succeeded":
      return run.lastError ? "succeeded_with_warnings" : "succeeded";
    default:
      return "failed";
  }
}

/**
 * The share of a run done, in [0, 1], or null when it cannot be known (Shopify has not said how many
 * objects there are yet). A finished success is complete whatever the counters say; a total of zero
 * (an empty store) is complete as soon as the import starts.
 * @example syncProgressShare({ state: "importing", objectsDone: 250, objectsTotal: 1000 }) // 0.25
 */
export function syncProgressShare(run: {
  state: SyncRunState;
  objectsDone: number;
  objectsTotal: number | null;
}): number | null {
  if (run.state === "succeeded" || run.state === "succeeded_with_warnings") return 1;
  if (run.state === "never" || run.state === "waiting_for_shopify") return null;
  if (run.objectsTotal === null) return null;
  if (run.objectsTotal <= 0) return 1;
  return Math.min(1, Math.max(0, run.objectsDone / run.objectsTotal));
}
