import type { Prisma } from "@prisma/client";
import { approveWithOutbox, findLocationById, findRecommendation } from "~/models/write-outbox.server";

/**
 * Approval: a person (or an autonomy rule the merchant enabled) accepts a proposed recommendation.
 * The status change and the queued Shopify write are one transaction (the outbox pattern), so a
 * crash right after approving neither loses the write nor sends it twice; the dispatcher
 * (inventory-writes.server.ts) sends it.
 */

/** A queued inventoryAdjustQuantities change for one recommendation (Shopify ids, explicit numbers). */
export interface AdjustWrite {
  kind: "adjust";
  inventoryItemId: string;
  locationId: string;
  quantityName: "available" | "incoming" | "safety_stock";
  delta: number;
  /** The quantity the person saw; Shopify refuses the change if it is no longer that. */
  changeFromQuantity: number;
  reason: string;
  /** Where Shopify's inventory history points: gid://pulse/Recommendation/<id>. */
  documentUri: string;
}

/** A queued inventoryTransferCreate (draft) for a location-to-location move. */
export interface TransferWrite {
  kind: "transfer";
  inventoryItemId: string;
  originLocationId: string;
  destinationLocationId: string;
  quantity: number;
  referenceName: string;
}

export type QueuedWrite = AdjustWrite | TransferWrite;

export const ADJUST_OPERATION = "inventoryAdjustQuantities";
export const TRANSFER_OPERATION = "inventoryTransferCreate";

/** Kinds whose approval needs no Shopify write (tasks, supplier orders exported as files). */
const NO_WRITE_KINDS = new Set(["supplier_order", "marketing_task", "product_task", "support_task", "alert"]);

export type ApprovalError =
  | "not_found"
  | "not_proposed"
  | "missing_variant_or_location"
  | "missing_quantities"
  | "no_change"
  | "unsupported_quantity";

export type ApprovalResult =
  | { ok: true; value: { recommendationId: string; queuedWrite: QueuedWrite["kind"] | null } }
  | { ok: false; error: ApprovalError; message: string };

/** The Shopify document URI of a recommendation, shown in the store's inventory history. */
export function recommendationDocumentUri(recommendationId: string): string {
  return `gid://pulse/Recommendation/${recommendationId}`;
}

/**
 * Shopify's adjustment reason for a change: received stock for restocks of `available`, a
 * correction for reductions, `safety_stock` for the safety stock, `other` for incoming supplier units.
 */
export function adjustmentReason(quantityName: string, delta: number): string {
  if (quantityName === "safety_stock") return "safety_stock";
  if (quantityName === "incoming") return "other";
  return delta >= 0 ? "received" : "correction";
}

const fail = (error: ApprovalError, message: string): ApprovalResult => ({ ok: false, error, message });

/**
 * Approves a proposed recommendation and queues its write in the same transaction.
 * Fails (without changing anything) when it is not proposed any more, or lacks what the write needs.
 *
 * @example
 * const result = await approveRecommendation(shopId, recommendationId, "merchant@example.com");
 * if (result.ok) await jobQueue().enqueue(writeOutboxJob, { shopId });
 */
export async function approveRecommendation(
  shopId: string,
  recommendationId: string,
  actor: string,
  options: { now?: () => Date } = {},
): Promise<ApprovalResult> {
  const now = options.now ?? (() => new Date());
  const rec = await findRecommendation(shopId, recommendationId);
  if (!rec) return fail("not_found", "This recommendation does not exist in this shop.");
  if (rec.status !== "proposed") {
    return fail("not_proposed", `This recommendation is ${rec.status}, so it cannot be approved again.`);
  }

  let write: QueuedWrite | null = null;
  if (!NO_WRITE_KINDS.has(rec.kind)) {
    if (!rec.variant || !rec.location) {
      return fail("missing_variant_or_location", "The variant or location of this recommendation is gone.");
    }
    if (rec.kind === "transfer") {
      const origin = rec.fromLocationId ? await findLocationById(shopId, rec.fromLocationId) : null;
      const quantity = rec.deltaUnits ?? 0;
      if (!origin) return fail("missing_variant_or_location", "The transfer has no origin location.");
      if (quantity <= 0) return fail("no_change", "The transfer moves no units.");
      write = {
        kind: "transfer",
        inventoryItemId: rec.variant.shopifyInventoryItemId,
        originLocationId: origin.shopifyId,
        destinationLocationId: rec.location.shopifyId,
        quantity,
        referenceName: `Pulse ${rec.id}`,
      };
    } else {
      const quantityName = rec.kind === "safety_stock" ? "safety_stock" : rec.quantityName;
      if (quantityName !== "available" && quantityName !== "incoming" && quantityName !== "safety_stock") {
        return fail("unsupported_quantity", `Pulse does not write the ${quantityName} quantity.`);
      }
      if (rec.currentQuantity === null || rec.proposedQuantity === null) {
        return fail("missing_quantities", "The recommendation has no current or proposed quantity.");
      }
      const delta = rec.proposedQuantity - rec.currentQuantity;
      if (delta === 0) return fail("no_change", "The proposed quantity equals the current one.");
      write = {
        kind: "adjust",
        inventoryItemId: rec.variant.shopifyInventoryItemId,
        locationId: rec.location.shopifyId,
        quantityName,
        delta,
        changeFromQuantity: rec.currentQuantity,
        reason: adjustmentReason(quantityName, delta),
        documentUri: recommendationDocumentUri(rec.id),
      };
    }
  }

  const approved = await approveWithOutbox({
    shopId,
    recommendationId,
    actor,
    at: now(),
    write: write
      ? {
          operation: write.kind === "adjust" ? ADJUST_OPERATION : TRANSFER_OPERATION,
          payload: write as unknown as Prisma.InputJsonValue,
        }
      : null,
  });
  if (!approved) return fail("not_proposed", "This recommendation was decided meanwhile.");
  return { ok: true, value: { recommendationId, queuedWrite: write?.kind ?? null } };
}
