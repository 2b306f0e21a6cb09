import { parse } from "graphql";
import { bulkResultToJsonl } from "./bulk-jsonl";
import { numericIdOf } from "./gid";
import type { BulkOperationRecord } from "./records";
import type { AdminSchema } from "./schema";
import type { FakeAdminStore } from "./store";

/** Runs a bulk operation's query against the store (full connections, no page limits). */
export type BulkQueryRunner = (query: string) => { data: unknown; errors: readonly Error[] };

/**
 * The URL a completed bulk operation's JSONL is served at by the fake HTTP server.
 *
 * @example
 * bulkResultUrl(store, "gid://shopify/BulkOperation/900001"); // "http://127.0.0.1:PORT/bulk/900001.jsonl"
 */
export function bulkResultUrl(store: FakeAdminStore, bulkOperationId: string): string {
  return `${store.publicBaseUrl}/bulk/${numericIdOf(bulkOperationId)}.jsonl`;
}

/** Runs the query now, writes the JSONL into the store and marks the operation COMPLETED (or FAILED). */
function complete(
  store: FakeAdminStore,
  adminSchema: AdminSchema,
  op: BulkOperationRecord,
  run: BulkQueryRunner,
): void {
  const result = run(op.query);
  op.completedAt = store.now().toISOString();
  if (result.errors.length > 0) {
    op.status = "FAILED";
    op.errorCode = "INTERNAL_SERVER_ERROR";
    return;
  }
  const { jsonl, objectCount, rootObjectCount } = bulkResultToJsonl(
    adminSchema.schema,
    parse(op.query),
    result.data,
  );
  op.status = "COMPLETED";
  op.objectCount = String(objectCount);
  op.rootObjectCount = String(rootObjectCount);
  // Shopify returns a null url when the query matched nothing.
  if (objectCount === 0) return;
  store.bulkResults.set(String(numericIdOf(op.id)), jsonl);
  op.fileSize = String(Buffer.byteLength(jsonl));
  op.url = bulkResultUrl(store, op.id);
}

/**
 * Moves a bulk operation one step each time a client polls it (CREATED → RUNNING →
 * COMPLETED), so pollers see the same states they see on Shopify. The JSONL is produced at
 * completion from the store as it is then.
 *
 * @example
 * advanceBulkOperation(store, adminSchema, op, run); // op.status: "CREATED" → "RUNNING"
 */
export function advanceBulkOperation(
  store: FakeAdminStore,
  adminSchema: AdminSchema,
  op: BulkOperationRecord,
  run: BulkQueryRunner,
): void {
  op.pollCount += 1;
  if (op.status === "CREATED") op.status = "RUNNING";
  else if (op.status === "RUNNING") complete(store, adminSchema, op, run);
}

/**
 * Finishes every CREATED or RUNNING bulk operation at once (for the demo, or a test that
 * does not care about the intermediate states).
 *
 * @example
 * finishBulkOperations(store, adminSchema, run);
 */
export function finishBulkOperations(
  store: FakeAdminStore,
  adminSchema: AdminSchema,
  run: BulkQueryRunner,
): void {
  for (const op of store.bulkOperations.values()) {
    if (op.status === "CREATED" || op.status === "RUNNING") complete(store, adminSchema, op, run);
  }
}
