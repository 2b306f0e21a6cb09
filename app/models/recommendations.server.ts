import type { Prisma } from "@prisma/client";
import { db, isUniqueViolation } from "~/db.server";

/** One proposal as stored: every number already a finite integer, the explanation plain JSON. */
export interface RecommendationWrite {
  cycle: string;
  idempotencyKey: string;
  kind: string;
  productId: string | null;
  variantId: string | null;
  locationId: string | null;
  fromLocationId: string | null;
  quantityName: string;
  currentQuantity: number | null;
  proposedQuantity: number | null;
  deltaUnits: number | null;
  tier: string | null;
  rule: string;
  explanation: Prisma.InputJsonValue;
}

export interface RecommendationUpsertCounts {
  created: number;
  updated: number;
  /** Rows a person already decided on (approved, applied, rejected, failed): left exactly as they are. */
  keptDecided: number;
  /** Proposed rows of the cycle the new run no longer proposes: removed, nobody acted on them. */
  removedStale: number;
}

/**
 * Writes a cycle's proposals idempotently: a row is keyed by (shop, idempotency key); a row still
 * "proposed" is updated, a decided row is never touched, a missing row is created. Proposed rows of
 * the same cycle that the run no longer produces are deleted.
 */
export async function upsertProposedRecommendations(
  shopId: string,
  cycle: string,
  rows: readonly RecommendationWrite[],
): Promise<RecommendationUpsertCounts> {
  const counts: RecommendationUpsertCounts = { created: 0, updated: 0, keptDecided: 0, removedStale: 0 };
  for (const row of rows) {
    const { idempotencyKey, ...data } = row;
    const where = { shopId, idempotencyKey, status: "proposed" };
    const updated = await db().recommendation.updateMany({ where, data });
    if (updated.count > 0) {
      counts.updated++;
      continue;
    }
    const existing = await db().recommendation.findUnique({
      where: { shopId_idempotencyKey: { shopId, idempotencyKey } },
      select: { status: true },
    });
    if (existing) {
      counts.keptDecided++;
      continue;
    }
    try {
      await db().recommendation.create({ data: { shopId, idempotencyKey, ...data, status: "proposed" } });
      counts.created++;
    } catch (error) {
      // Another run of the same cycle created it in between: that run's row stands.
      if (!isUniqueViolation(error)) throw error;
      counts.keptDecided++;
    }
  }
  const keys = rows.map((r) => r.idempotencyKey);
  const removed = await db().recommendation.deleteMany({
    where: { shopId, cycle, status: "proposed", idempotencyKey: { notIn: keys } },
  });
  counts.removedStale = removed.count;
  return counts;
}

/** Recommendations of a shop, newest cycle first; optionally one cycle. */
export function listRecommendations(shopId: string, options: { cycle?: string } = {}) {
  return db().recommendation.findMany({
    where: { shopId, ...(options.cycle ? { cycle: options.cycle } : {}) },
    orderBy: [{ cycle: "desc" }, { kind: "asc" }, { idempotencyKey: "asc" }],
  });
}

export function countRecommendations(shopId: string, cycle?: string) {
  return db().recommendation.count({ where: { shopId, ...(cycle ? { cycle } : {}) } });
}
