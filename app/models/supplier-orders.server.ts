import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

export interface SupplierOrderDraftWrite {
  cycle: string;
  supplier: string;
  lines: Prisma.InputJsonValue;
  baseUnits: number;
  flexUnits: number;
}

/**
 * Writes one draft per (cycle, supplier): a draft still in status "draft" takes the new lines, one
 * already sent or cancelled is left as it is.
 */
export async function upsertSupplierOrderDrafts(
  shopId: string,
  drafts: readonly SupplierOrderDraftWrite[],
): Promise<{ created: number; updated: number; keptSent: number }> {
  const counts = { created: 0, updated: 0, keptSent: 0 };
  for (const draft of drafts) {
    const where = { shopId_cycle_supplier: { shopId, cycle: draft.cycle, supplier: draft.supplier } };
    const existing = await db().supplierOrderDraft.findUnique({ where, select: { status: true } });
    if (!existing) {
      await db().supplierOrderDraft.upsert({ where, create: { shopId, ...draft }, update: {} });
      counts.created++;
    } else if (existing.status === "draft") {
      await db().supplierOrderDraft.update({
        where,
        data: { lines: draft.lines, baseUnits: draft.baseUnits, flexUnits: draft.flexUnits },
      });
      counts.updated++;
    } else {
      counts.keptSent++;
    }
  }
  return counts;
}

export function listSupplierOrderDrafts(shopId: string, options: { cycle?: string } = {}) {
  return db().supplierOrderDraft.findMany({
    where: { shopId, ...(options.cycle ? { cycle: options.cycle } : {}) },
    orderBy: [{ cycle: "desc" }, { supplier: "asc" }],
  });
}

export function findSupplierOrderDraft(shopId: string, draftId: string) {
  return db().supplierOrderDraft.findFirst({ where: { id: draftId, shopId } });
}
