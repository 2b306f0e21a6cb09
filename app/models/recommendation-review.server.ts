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

/** A shop's product by its Shopify GID (`gid://shopify/Product/123`), or null; deleted products too. */
export function findProductByShopifyId(shopId: string, shopifyId: string) {
  return db().product.findFirst({
    where: { shopId, shopifyId },
    select: { id: true, shopifyId: true, title: true, deletedAt: true },
  });
}

/** The proposed recommendations of one product, with its variant and location names, newest plan first. */
export function listProposedRecommendationsForProduct(shopId: string, productId: string, take = 50) {
  return db().recommendation.findMany({
    where: { shopId, productId, status: "proposed" },
    orderBy: [{ cycle: "desc" }, { updatedAt: "desc" }, { id: "asc" }],
    take,
    include: {
      variant: { select: { title: true } },
      location: { select: { name: true } },
    },
  });
}

/** Where a recommendation of a shop stands (status and who decided when), or null if the shop has no such row. */
export function findRecommendationStanding(shopId: string, id: string) {
  return db().recommendation.findFirst({
    where: { shopId, id },
    select: { id: true, status: true, decidedBy: true, decidedAt: true, productId: true },
  });
}

/** Records the note a person left with a decision, beside the decision's own audit event. */
export function recordDecisionNote(input: {
  shopId: string;
  recommendationId: string;
  actor: string;
  decision: "approve" | "reject";
  note: string;
  source: string;
}) {
  return db().auditEvent.create({
    data: {
      shopId: input.shopId,
      actor: input.actor,
      action: "recommendation.decision_note",
      subjectType: "Recommendation",
      subjectId: input.recommendationId,
      details: { decision: input.decision, note: input.note, source: input.source },
    },
  });
}
