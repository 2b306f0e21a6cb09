import { createHash } from "node:crypto";
import type { Prisma } from "@prisma/client";
import {
  AdminApiError,
  adminRequest,
  type AdminGraphqlClient,
  type AdminRequestOptions,
} from "~/integrations/shopify/client.server";
import { INVENTORY_ADJUST_QUANTITIES } from "~/integrations/shopify/operations/InventoryAdjustQuantities";
import { INVENTORY_LEVEL_QUANTITIES } from "~/integrations/shopify/operations/InventoryLevelQuantities";
import { INVENTORY_TRANSFER_CREATE } from "~/integrations/shopify/operations/InventoryTransferCreate";
import {
  claimOutboxBatch,
  failOutboxRows,
  noteOutboxError,
  pendingOutboxRows,
  recordSentBatch,
  requeueOutboxRows,
  returnToProposal,
  sendingOutboxRows,
  type OutboxRow,
  type WriteLogEntry,
} from "~/models/write-outbox.server";
import type {
  InventoryAdjustQuantitiesMutation,
  InventoryLevelQuantitiesQuery,
  InventoryTransferCreateMutation,
} from "~/types/admin.generated";
import {
  ADJUST_OPERATION,
  TRANSFER_OPERATION,
  recommendationDocumentUri,
  type AdjustWrite,
  type TransferWrite,
} from "./approvals.server";

/**
 * The outbox dispatcher: sends approved writes to Shopify exactly once.
 *
 * 1. Rows left `sending` (a crash or a retryable failure after they were claimed) are re-sent first,
 *    in the same batch and under the same idempotency key, so Shopify replays its first answer
 *    instead of applying the change again.
 * 2. Pending rows are grouped (same quantity name and reason, ≤ 250 changes, one change per item and
 *    location) and claimed as a batch before the call.
 * 3. The answer is recorded in one transaction: applied, returned to the person (stale quantity), or
 *    failed. Every call is logged (AdjustmentLog + AuditEvent: who, what, request, response).
 */

/** Shopify accepts at most 250 changes in one inventoryAdjustQuantities call. */
export const MAX_CHANGES_PER_CALL = 250;

/** Mirror column of each quantity name Shopify reports after a change. */
const MIRROR_COLUMNS: Record<string, string> = {
  available: "available",
  on_hand: "onHand",
  incoming: "incoming",
  committed: "committed",
  reserved: "reserved",
  safety_stock: "safetyStock",
};

export interface DispatchDependencies {
  now?: () => Date;
  request?: AdminRequestOptions;
  /** Test hook: runs after Shopify answered a batch and before Pulse records it (simulate a crash). */
  afterSend?: (batchKey: string) => void | Promise<void>;
}

export interface DispatchSummary {
  calls: number;
  applied: number;
  returned: number;
  failed: number;
  requeued: number;
}

/**
 * The idempotency key of a batch: derived only from its recommendations' idempotency keys and the
 * approval revision, so the same batch always gets the same key (and a re-approved one a new key).
 *
 * @example
 * batchIdempotencyKey("adjust", [{ key: "2026-W47:v1:l1:restock", revision: 0 }]); // "pulse-adjust-3f2a…"
 */
export function batchIdempotencyKey(kind: string, members: { key: string; revision: number }[]): string {
  const material = members
    .map((m) => `${m.key}#${m.revision}`)
    .sort()
    .join("\n");
  return `pulse-${kind}-${createHash("sha256").update(material).digest("hex").slice(0, 40)}`;
}

/**
 * Splits pending rows into batches: adjustments grouped by quantity name and reason, ≤ 250 changes,
 * at most one change per item × location (a second one waits for the next batch, so each
 * `changeFromQuantity` is checked against the quantity the person saw); transfers one per call.
 */
export function planBatches(rows: OutboxRow[]): OutboxRow[][] {
  const batches: OutboxRow[][] = [];
  const open = new Map<string, { rows: OutboxRow[]; levels: Set<string> }>();
  for (const row of rows) {
    if (row.operation !== ADJUST_OPERATION) {
      batches.push([row]);
      continue;
    }
    const write = row.payload as unknown as AdjustWrite;
    const group = `${write.quantityName}|${write.reason}`;
    const level = `${write.inventoryItemId}|${write.locationId}`;
    let batch = open.get(group);
    if (batch?.levels.has(level)) continue; // next dispatch round
    if (!batch || batch.rows.length >= MAX_CHANGES_PER_CALL) {
      batch = { rows: [], levels: new Set() };
      open.set(group, batch);
      batches.push(batch.rows);
    }
    batch.rows.push(row);
    batch.levels.add(level);
  }
  return batches;
}

const keyOf = (batch: OutboxRow[]) =>
  batchIdempotencyKey(
    batch[0]!.operation === ADJUST_OPERATION ? "adjust" : "transfer",
    batch.map((r) => ({ key: r.recommendation.idempotencyKey, revision: r.revision })),
  );

function changeIndex(field: string[] | null | undefined): number | null {
  if (!field || field[0] !== "input" || field[1] !== "changes") return null;
  const index = Number(field[2]);
  return Number.isInteger(index) ? index : null;
}

/** The adjust call's input for a batch (deterministic for a given batch: same rows, same input). */
export function adjustInput(batch: OutboxRow[]) {
  const writes = batch.map((r) => r.payload as unknown as AdjustWrite);
  const first = writes[0]!;
  return {
    name: first.quantityName,
    reason: first.reason,
    // One recommendation: Shopify's history links straight to it. Several: to the batch, whose
    // recommendations Pulse's log lists (and each non-available change names its own in the ledger).
    referenceDocumentUri: batch.length === 1 ? first.documentUri : `gid://pulse/WriteBatch/${keyOf(batch)}`,
    changes: writes.map((w) => ({
      inventoryItemId: w.inventoryItemId,
      locationId: w.locationId,
      delta: w.delta,
      changeFromQuantity: w.changeFromQuantity,
      ledgerDocumentUri: w.quantityName === "available" ? null : w.documentUri,
    })),
  };
}

async function readQuantity(
  admin: AdminGraphqlClient,
  write: AdjustWrite,
  deps: DispatchDependencies,
): Promise<number | null> {
  const data = await adminRequest<InventoryLevelQuantitiesQuery>(
    admin,
    INVENTORY_LEVEL_QUANTITIES,
    { inventoryItemId: write.inventoryItemId, locationId: write.locationId, names: [write.quantityName] },
    deps.request,
  );
  return (
    data.inventoryItem?.inventoryLevel?.quantities.find((q) => q.name === write.quantityName)?.quantity ??
    null
  );
}

function auditFor(row: OutboxRow, action: string, details: Prisma.InputJsonValue) {
  return { action, subjectType: "Recommendation", subjectId: row.recommendationId, details };
}

async function sendAdjustBatch(
  shopId: string,
  admin: AdminGraphqlClient,
  actor: string,
  batch: OutboxRow[],
  batchKey: string,
  deps: DispatchDependencies,
  summary: DispatchSummary,
): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const input = adjustInput(batch);
  const request = { idempotencyKey: batchKey, input } as unknown as Prisma.InputJsonValue;
  summary.calls++;
  let data: InventoryAdjustQuantitiesMutation;
  try {
    data = await adminRequest<InventoryAdjustQuantitiesMutation>(
      admin,
      INVENTORY_ADJUST_QUANTITIES,
      { input, idempotencyKey: batchKey },
      deps.request,
    );
  } catch (error) {
    if (error instanceof AdminApiError && error.kind === "terminal") {
      await failBatch(shopId, actor, batch, request, error.message, summary);
      return;
    }
    // Retryable: the rows stay "sending" under this key; the next dispatch re-sends them as they are.
    await noteOutboxError(
      batch.map((r) => r.id),
      error instanceof Error ? error.message : String(error),
    );
    throw error;
  }
  await deps.afterSend?.(batchKey);
  const payload = data.inventoryAdjustQuantities;
  const response = JSON.parse(JSON.stringify(payload ?? null)) as Prisma.InputJsonValue;
  const group = payload?.inventoryAdjustmentGroup;
  if (group) {
    const writes = batch.map((r) => r.payload as unknown as AdjustWrite);
    await recordSentBatch({
      outboxIds: batch.map((r) => r.id),
      recommendationIds: batch.map((r) => r.recommendationId),
      at: now(),
      levels: group.changes.flatMap((c) => {
        const column = MIRROR_COLUMNS[c.name];
        return column && c.item && c.location
          ? [
              {
                shopId,
                inventoryItemId: c.item.id,
                locationShopifyId: c.location.id,
                column,
                quantity: c.quantityAfterChange ?? 0,
              },
            ]
          : [];
      }),
      log: batch.map((row, i) => ({
        shopId,
        recommendationId: row.recommendationId,
        actor,
        operation: ADJUST_OPERATION,
        request: {
          idempotencyKey: batchKey,
          name: input.name,
          reason: input.reason,
          referenceDocumentUri: input.referenceDocumentUri,
          change: input.changes[i],
        } as unknown as Prisma.InputJsonValue,
        response: {
          inventoryAdjustmentGroupId: group.id,
          changes: group.changes.filter(
            (c) => c.item?.id === writes[i]!.inventoryItemId && c.location?.id === writes[i]!.locationId,
          ),
        } as unknown as Prisma.InputJsonValue,
        status: "applied",
        audit: auditFor(row, "inventory.adjusted", {
          quantityName: input.name,
          delta: writes[i]!.delta,
          batchKey,
          batchSize: batch.length,
        }),
      })),
    });
    summary.applied += batch.length;
    return;
  }

  // Refused: all or nothing, so nothing was applied. Sort out who is at fault.
  const errors = payload?.userErrors ?? [];
  const stale = new Map<number, string>();
  const broken = new Map<number, string>();
  let batchWide: string | null = null;
  for (const e of errors) {
    const index = changeIndex(e.field);
    if (index === null || index >= batch.length)
      batchWide = [batchWide, e.message].filter(Boolean).join("; ");
    else if (e.code === "CHANGE_FROM_QUANTITY_STALE") stale.set(index, e.message);
    else broken.set(index, [broken.get(index), e.message].filter(Boolean).join("; "));
  }
  if (batchWide !== null || errors.length === 0) {
    await failBatch(
      shopId,
      actor,
      batch,
      request,
      batchWide ?? "Shopify answered without a result",
      summary,
      response,
    );
    return;
  }
  for (const [index, message] of stale) {
    if (broken.has(index)) continue;
    const row = batch[index]!;
    const write = row.payload as unknown as AdjustWrite;
    const fresh = await readQuantity(admin, write, deps);
    const reason =
      `Shopify's ${write.quantityName} quantity is now ${fresh ?? "unknown"}, not ${write.changeFromQuantity} as when this was proposed. ` +
      "Nothing was changed; review the numbers and approve again.";
    await returnToProposal({
      outboxId: row.id,
      recommendationId: row.recommendationId,
      currentQuantity: fresh,
      proposedQuantity: row.recommendation.proposedQuantity,
      reason,
      mirror:
        fresh !== null && row.recommendation.variantId && row.recommendation.locationId
          ? {
              variantId: row.recommendation.variantId,
              locationId: row.recommendation.locationId,
              column: MIRROR_COLUMNS[write.quantityName]!,
              quantity: fresh,
            }
          : null,
      log: {
        shopId,
        recommendationId: row.recommendationId,
        actor,
        operation: ADJUST_OPERATION,
        request: {
          idempotencyKey: batchKey,
          change: input.changes[index],
        } as unknown as Prisma.InputJsonValue,
        response: { userErrors: [{ code: "CHANGE_FROM_QUANTITY_STALE", message }], freshQuantity: fresh },
        status: "stale",
        audit: auditFor(row, "inventory.adjust_returned", { reason, freshQuantity: fresh }),
      },
    });
    summary.returned++;
  }
  const failedRows = [...broken].map(([index, reason]) => ({ row: batch[index]!, reason }));
  if (failedRows.length > 0) {
    await failOutboxRows(
      failedRows.map(({ row, reason }) => ({
        outboxId: row.id,
        recommendationId: row.recommendationId,
        reason,
      })),
      failedRows.map(({ row, reason }) => ({
        shopId,
        recommendationId: row.recommendationId,
        actor,
        operation: ADJUST_OPERATION,
        request,
        response,
        status: "failed",
        audit: auditFor(row, "inventory.adjust_failed", { reason }),
      })),
    );
    summary.failed += failedRows.length;
  }
  const innocent = batch.filter((_, i) => !stale.has(i) && !broken.has(i)).map((r) => r.id);
  if (innocent.length > 0) {
    await requeueOutboxRows(innocent, "Sent again without the changes Shopify refused");
    summary.requeued += innocent.length;
  }
}

async function failBatch(
  shopId: string,
  actor: string,
  batch: OutboxRow[],
  request: Prisma.InputJsonValue,
  reason: string,
  summary: DispatchSummary,
  response: Prisma.InputJsonValue | null = null,
): Promise<void> {
  await failOutboxRows(
    batch.map((row) => ({ outboxId: row.id, recommendationId: row.recommendationId, reason })),
    batch.map((row): WriteLogEntry => ({
      shopId,
      recommendationId: row.recommendationId,
      actor,
      operation: row.operation,
      request,
      response: response ?? { error: reason },
      status: "failed",
      audit: auditFor(row, "shopify.write_failed", { reason, operation: row.operation }),
    })),
  );
  summary.failed += batch.length;
}

async function sendTransfer(
  shopId: string,
  admin: AdminGraphqlClient,
  actor: string,
  row: OutboxRow,
  batchKey: string,
  deps: DispatchDependencies,
  summary: DispatchSummary,
): Promise<void> {
  const now = deps.now ?? (() => new Date());
  const write = row.payload as unknown as TransferWrite;
  const input = {
    originLocationId: write.originLocationId,
    destinationLocationId: write.destinationLocationId,
    lineItems: [{ inventoryItemId: write.inventoryItemId, quantity: write.quantity }],
    referenceName: write.referenceName,
    note: `Proposed by Pulse: ${recommendationDocumentUri(row.recommendationId)}`,
    tags: ["pulse"],
  };
  const request = { idempotencyKey: batchKey, input } as unknown as Prisma.InputJsonValue;
  summary.calls++;
  let data: InventoryTransferCreateMutation;
  try {
    data = await adminRequest<InventoryTransferCreateMutation>(
      admin,
      INVENTORY_TRANSFER_CREATE,
      { input, idempotencyKey: batchKey },
      deps.request,
    );
  } catch (error) {
    if (error instanceof AdminApiError && error.kind === "terminal") {
      await failBatch(shopId, actor, [row], request, error.message, summary);
      return;
    }
    await noteOutboxError([row.id], error instanceof Error ? error.message : String(error));
    throw error;
  }
  await deps.afterSend?.(batchKey);
  const payload = data.inventoryTransferCreate;
  const response = JSON.parse(JSON.stringify(payload ?? null)) as Prisma.InputJsonValue;
  if (!payload?.inventoryTransfer) {
    const reason = payload?.userErrors.map((e) => e.message).join("; ") || "Shopify created no transfer";
    await failBatch(shopId, actor, [row], request, reason, summary, response);
    return;
  }
  await recordSentBatch({
    outboxIds: [row.id],
    recommendationIds: [row.recommendationId],
    at: now(),
    levels: [],
    log: [
      {
        shopId,
        recommendationId: row.recommendationId,
        actor,
        operation: TRANSFER_OPERATION,
        request,
        response,
        status: "applied",
        audit: auditFor(row, "inventory.transfer_drafted", {
          transferId: payload.inventoryTransfer.id,
          quantity: write.quantity,
        }),
      },
    ],
  });
  summary.applied++;
}

/**
 * Sends every queued write of a shop. Throws the AdminApiError of a retryable failure after
 * recording it (the job retries; the rows keep their batch and key).
 *
 * @example
 * await dispatchWriteOutbox(shopId, admin, "pulse");
 */
export async function dispatchWriteOutbox(
  shopId: string,
  admin: AdminGraphqlClient,
  actor: string,
  deps: DispatchDependencies = {},
): Promise<DispatchSummary> {
  const now = deps.now ?? (() => new Date());
  const summary: DispatchSummary = { calls: 0, applied: 0, returned: 0, failed: 0, requeued: 0 };
  const send = (batch: OutboxRow[], batchKey: string) =>
    batch[0]!.operation === ADJUST_OPERATION
      ? sendAdjustBatch(shopId, admin, actor, batch, batchKey, deps, summary)
      : sendTransfer(shopId, admin, actor, batch[0]!, batchKey, deps, summary);

  // 1. Resume batches a previous dispatch claimed but did not record.
  const unfinished = new Map<string, OutboxRow[]>();
  for (const row of await sendingOutboxRows(shopId)) {
    const key = row.batchKey ?? "";
    unfinished.set(key, [...(unfinished.get(key) ?? []), row]);
  }
  for (const [batchKey, batch] of unfinished) {
    if (batchKey === "") continue;
    await send(batch, batchKey);
  }

  // 2. New batches, until nothing is pending (rows requeued after a refusal go in the next round).
  for (let round = 0; round < 1000; round++) {
    const pending = await pendingOutboxRows(shopId, now(), MAX_CHANGES_PER_CALL * 8);
    if (pending.length === 0) break;
    let progressed = false;
    for (const batch of planBatches(pending)) {
      const batchKey = keyOf(batch);
      if (
        !(await claimOutboxBatch(
          batch.map((r) => r.id),
          batchKey,
        ))
      )
        continue;
      progressed = true;
      await send(batch, batchKey);
    }
    if (!progressed) break;
  }
  return summary;
}
