import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

/**
 * Recommendations, their outbox rows and the write log. Approval and the outbox row are written in
 * one transaction; the dispatcher moves rows pending → sending (with a batch key, before the call) →
 * sent | returned | failed, so a crash at any point is resumed without losing or repeating a write
 * (docs/decisions/020-write-outbox-and-idempotency.md).
 */

export type OutboxStatus = "pending" | "sending" | "sent" | "returned" | "failed";

export function findRecommendation(shopId: string, id: string) {
  return db().recommendation.findFirst({
    where: { shopId, id },
    include: { variant: true, location: true, outbox: true },
  });
}

export function findLocationById(shopId: string, id: string) {
  return db().location.findFirst({ where: { shopId, id } });
}

/**
 * Moves a recommendation from proposed to approved and queues its write, atomically. Returns false
 * when the recommendation was no longer `proposed` (approved twice, rejected meanwhile): nothing
 * changes then. A recommendation that Shopify returned earlier (stale quantity) gets its outbox row
 * back with the next revision, so the new attempt carries a new idempotency key.
 */
export async function approveWithOutbox(input: {
  shopId: string;
  recommendationId: string;
  actor: string;
  at: Date;
  write: { operation: string; payload: Prisma.InputJsonValue } | null;
}): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const moved = await tx.recommendation.updateMany({
      where: { id: input.recommendationId, shopId: input.shopId, status: "proposed" },
      data: { status: "approved", decidedBy: input.actor, decidedAt: input.at, failureReason: null },
    });
    if (moved.count !== 1) return false;
    if (input.write) {
      const existing = await tx.writeOutbox.findUnique({
        where: { recommendationId: input.recommendationId },
      });
      if (existing) {
        await tx.writeOutbox.update({
          where: { id: existing.id },
          data: {
            operation: input.write.operation,
            payload: input.write.payload,
            status: "pending",
            batchKey: null,
            lastError: null,
            revision: { increment: 1 },
            availableAt: input.at,
            sentAt: null,
          },
        });
      } else {
        await tx.writeOutbox.create({
          data: {
            shopId: input.shopId,
            recommendationId: input.recommendationId,
            operation: input.write.operation,
            payload: input.write.payload,
            availableAt: input.at,
          },
        });
      }
    }
    await tx.auditEvent.create({
      data: {
        shopId: input.shopId,
        actor: input.actor,
        action: "recommendation.approved",
        subjectType: "Recommendation",
        subjectId: input.recommendationId,
        details: { queuedWrite: input.write?.operation ?? null },
      },
    });
    return true;
  });
}

export type OutboxRow = Prisma.WriteOutboxGetPayload<{ include: { recommendation: true } }>;

/** Rows a crashed or failed dispatch left mid-send, with their batch key. */
export function sendingOutboxRows(shopId: string): Promise<OutboxRow[]> {
  return db().writeOutbox.findMany({
    where: { shopId, status: "sending" },
    include: { recommendation: true },
    orderBy: { createdAt: "asc" },
  });
}

export function pendingOutboxRows(shopId: string, now: Date, take: number): Promise<OutboxRow[]> {
  return db().writeOutbox.findMany({
    where: { shopId, status: "pending", availableAt: { lte: now } },
    include: { recommendation: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
  });
}

/** Installed shops with writes waiting (the periodic sweep enqueues a dispatch for each). */
export async function shopsWithQueuedWrites(): Promise<string[]> {
  const rows = await db().writeOutbox.findMany({
    // An uninstalled shop's writes cannot be sent (its token is gone); they wait for a reinstall.
    where: { status: { in: ["pending", "sending"] }, shop: { uninstalledAt: null } },
    select: { shopId: true },
    distinct: ["shopId"],
  });
  return rows.map((r) => r.shopId);
}

/**
 * Puts pending rows into one batch before anything is sent. All-or-nothing: when another dispatcher
 * took one of them first, nothing is claimed (false) and the caller reads again.
 */
export async function claimOutboxBatch(ids: string[], batchKey: string): Promise<boolean> {
  return db()
    .$transaction(async (tx) => {
      const claimed = await tx.writeOutbox.updateMany({
        where: { id: { in: ids }, status: "pending" },
        data: { status: "sending", batchKey, attempts: { increment: 1 } },
      });
      if (claimed.count !== ids.length) throw new BatchRace();
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof BatchRace) return false;
      throw error;
    });
}

class BatchRace extends Error {}

export function noteOutboxError(ids: string[], message: string) {
  return db().writeOutbox.updateMany({ where: { id: { in: ids } }, data: { lastError: message } });
}

/** Rows that shared a refused call but were not at fault go back to pending, to be batched afresh. */
export function requeueOutboxRows(ids: string[], reason: string) {
  return db().writeOutbox.updateMany({
    where: { id: { in: ids }, status: "sending" },
    data: { status: "pending", batchKey: null, lastError: reason },
  });
}

export interface WriteLogEntry {
  shopId: string;
  recommendationId: string | null;
  actor: string;
  operation: string;
  request: Prisma.InputJsonValue;
  response: Prisma.InputJsonValue | null;
  status: string;
  audit: { action: string; subjectType: string; subjectId: string | null; details: Prisma.InputJsonValue };
}

async function logCreates(tx: Prisma.TransactionClient, entries: WriteLogEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.adjustmentLog.createMany({
    data: entries.map((e) => ({
      shopId: e.shopId,
      recommendationId: e.recommendationId,
      actor: e.actor,
      operation: e.operation,
      request: e.request,
      response: e.response ?? undefined,
      status: e.status,
    })),
  });
  await tx.auditEvent.createMany({
    data: entries.map((e) => ({
      shopId: e.shopId,
      actor: e.actor,
      action: e.audit.action,
      subjectType: e.audit.subjectType,
      subjectId: e.audit.subjectId,
      details: e.audit.details,
    })),
  });
}

/** A batch of 250 changes is a few hundred statements: allow more than Prisma's 5 s default. */
const LONG_TRANSACTION = { maxWait: 10_000, timeout: 60_000 };

/** Records writes that touch no recommendation (metafield definitions and values). */
export async function recordWrites(entries: WriteLogEntry[]): Promise<void> {
  await db().$transaction(async (tx) => {
    await logCreates(tx, entries);
  });
}

/**
 * Records a sent batch: rows sent, recommendations applied, the mirror's quantities set to what
 * Shopify reports after the change, and one log + audit entry per recommendation. One transaction.
 */
export async function recordSentBatch(input: {
  outboxIds: string[];
  recommendationIds: string[];
  at: Date;
  levels: {
    shopId: string;
    inventoryItemId: string;
    locationShopifyId: string;
    column: string;
    quantity: number;
  }[];
  log: WriteLogEntry[];
}): Promise<void> {
  // Resolve mirror rows before the transaction, in two queries.
  const shopId = input.levels[0]?.shopId;
  const [variants, locations] = shopId
    ? await Promise.all([
        db().variant.findMany({
          where: { shopId, shopifyInventoryItemId: { in: input.levels.map((l) => l.inventoryItemId) } },
          select: { id: true, shopifyInventoryItemId: true },
        }),
        db().location.findMany({
          where: { shopId, shopifyId: { in: input.levels.map((l) => l.locationShopifyId) } },
          select: { id: true, shopifyId: true },
        }),
      ])
    : [[], []];
  const variantIds = new Map(variants.map((v) => [v.shopifyInventoryItemId, v.id]));
  const locationIds = new Map(locations.map((l) => [l.shopifyId, l.id]));
  await db().$transaction(async (tx) => {
    await tx.writeOutbox.updateMany({
      where: { id: { in: input.outboxIds } },
      data: { status: "sent", sentAt: input.at, lastError: null },
    });
    await tx.recommendation.updateMany({
      where: { id: { in: input.recommendationIds } },
      data: { status: "applied", appliedAt: input.at, failureReason: null },
    });
    for (const level of input.levels) {
      const variantId = variantIds.get(level.inventoryItemId);
      const locationId = locationIds.get(level.locationShopifyId);
      if (!variantId || !locationId) continue;
      await tx.inventoryLevel.updateMany({
        where: { variantId, locationId },
        data: { [level.column]: level.quantity },
      });
    }
    await logCreates(tx, input.log);
  }, LONG_TRANSACTION);
}

/**
 * Shopify refused the change because the quantity moved since it was proposed: the recommendation
 * goes back to the person as proposed, with the quantity as it is now and why. Never re-sent blind.
 */
export async function returnToProposal(input: {
  outboxId: string;
  recommendationId: string;
  currentQuantity: number | null;
  proposedQuantity: number | null;
  reason: string;
  mirror: { variantId: string; locationId: string; column: string; quantity: number } | null;
  log: WriteLogEntry;
}): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.writeOutbox.update({
      where: { id: input.outboxId },
      data: { status: "returned", batchKey: null, lastError: input.reason },
    });
    await tx.recommendation.update({
      where: { id: input.recommendationId },
      data: {
        status: "proposed",
        currentQuantity: input.currentQuantity,
        deltaUnits:
          input.currentQuantity !== null && input.proposedQuantity !== null
            ? input.proposedQuantity - input.currentQuantity
            : null,
        failureReason: input.reason,
        decidedBy: null,
        decidedAt: null,
      },
    });
    if (input.mirror) {
      await tx.inventoryLevel.updateMany({
        where: { variantId: input.mirror.variantId, locationId: input.mirror.locationId },
        data: { [input.mirror.column]: input.mirror.quantity },
      });
    }
    await logCreates(tx, [input.log]);
  });
}

/** A write Shopify refused for a reason a retry cannot fix: the recommendation is marked failed. */
export async function failOutboxRows(
  rows: { outboxId: string; recommendationId: string; reason: string }[],
  log: WriteLogEntry[],
): Promise<void> {
  await db().$transaction(async (tx) => {
    for (const row of rows) {
      await tx.writeOutbox.update({
        where: { id: row.outboxId },
        data: { status: "failed", batchKey: null, lastError: row.reason },
      });
      await tx.recommendation.update({
        where: { id: row.recommendationId },
        data: { status: "failed", failureReason: row.reason },
      });
    }
    await logCreates(tx, log);
  }, LONG_TRANSACTION);
}
