import { db } from "~/db.server";

export type ReviewStatus = "proposed" | "approved" | "applied" | "rejected" | "failed";

/** Recommendations of a shop in one status, with the names a person needs to judge them. */
export function listRecommendationsForReview(shopId: string, statuses: ReviewStatus[], take = 200) {
  return db().recommendation.findMany({
    where: { shopId, status: { in: statuses } },
    orderBy: [{ cycle: "desc" }, { updatedAt: "desc" }],
    take,
    include: {
      product: { select: { title: true } },
      variant: { select: { title: true } },
      location: { select: { name: true } },
    },
  });
}

export async function countRecommendationsByStatus(shopId: string): Promise<Record<string, number>> {
  const groups = await db().recommendation.groupBy({
    by: ["status"],
    where: { shopId },
    _count: { _all: true },
  });
  return Object.fromEntries(groups.map((g) => [g.status, g._count._all]));
}

/**
 * Rejects a proposed recommendation and records who did it, in one transaction.
 * Returns false when it was not proposed any more (decided in another tab, or re-planned).
 */
export async function rejectRecommendation(
  shopId: string,
  id: string,
  actor: string,
  at: Date,
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const updated = await tx.recommendation.updateMany({
      where: { shopId, id, status: "proposed" },
      data: { status: "rejected", decidedBy: actor, decidedAt: at },
    });
    if (updated.count === 0) return false;
    await tx.auditEvent.create({
      data: {
        shopId,
        actor,
        action: "recommendation.rejected",
        subjectType: "Recommendation",
        subjectId: id,
      },
    });
    return true;
  });
}
