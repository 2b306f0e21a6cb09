import { REVIEW_TABS, type ReviewTab } from "~/components/review-tabs";
import type { Explanation } from "~/domain/inventory";
import { writeOutboxJob } from "~/jobs/definitions/shopify-sync.server";
import { jobQueue } from "~/jobs/queue.server";
import {
  countRecommendationsByStatus,
  listRecommendationsForReview,
  rejectRecommendation,
} from "~/models/recommendation-review.server";
import { approveRecommendation } from "~/services/approvals.server";

export { REVIEW_TABS, type ReviewTab };

export interface ReviewRow {
  id: string;
  cycle: string;
  kind: string;
  status: string;
  product: string | null;
  variant: string | null;
  location: string | null;
  quantityName: string;
  currentQuantity: number | null;
  proposedQuantity: number | null;
  deltaUnits: number | null;
  tier: string | null;
  rule: string;
  explanation: Explanation;
  decidedBy: string | null;
  failureReason: string | null;
}

/** What the review page shows: one tab of recommendations and the count in each status. */
export async function recommendationsForReview(shopId: string, tab: ReviewTab) {
  const [rows, counts] = await Promise.all([
    listRecommendationsForReview(shopId, [...REVIEW_TABS[tab]]),
    countRecommendationsByStatus(shopId),
  ]);
  return {
    counts,
    rows: rows.map((r): ReviewRow => ({
      id: r.id,
      cycle: r.cycle,
      kind: r.kind,
      status: r.status,
      product: r.product?.title ?? null,
      variant: r.variant?.title ?? null,
      location: r.location?.name ?? null,
      quantityName: r.quantityName,
      currentQuantity: r.currentQuantity,
      proposedQuantity: r.proposedQuantity,
      deltaUnits: r.deltaUnits,
      tier: r.tier,
      rule: r.rule,
      explanation: r.explanation as unknown as Explanation,
      decidedBy: r.decidedBy,
      failureReason: r.failureReason,
    })),
  };
}

export type ReviewDecision =
  { ok: true; message: "approved" | "approvedNoWrite" | "rejected" } | { ok: false; message: string };

/**
 * A person's decision on a recommendation. Approval queues the Shopify write through the outbox
 * (sent once by the write job); rejection only records the decision. Nothing else touches the store.
 */
export async function decideRecommendation(
  shopId: string,
  id: string,
  decision: "approve" | "reject",
  actor: string,
): Promise<ReviewDecision> {
  if (decision === "reject") {
    return (await rejectRecommendation(shopId, id, actor, new Date()))
      ? { ok: true, message: "rejected" }
      : { ok: false, message: "This recommendation was already decided or replaced by a newer plan." };
  }
  const result = await approveRecommendation(shopId, id, actor);
  if (!result.ok) return { ok: false, message: result.message };
  if (result.value.queuedWrite) {
    await enqueueWriteOutbox(shopId);
    return { ok: true, message: "approved" };
  }
  return { ok: true, message: "approvedNoWrite" };
}

/**
 * Queues the shop's write-outbox job, which sends every approved write once. A singleton per shop:
 * approving several recommendations in a row (a person, or an autonomy rule) queues one job.
 *
 * @example
 * const result = await approveRecommendation(shopId, id, "pulse");
 * if (result.ok && result.value.queuedWrite) await enqueueWriteOutbox(shopId);
 */
export async function enqueueWriteOutbox(shopId: string): Promise<void> {
  await jobQueue().enqueue(writeOutboxJob, { shopId }, { singletonKey: `write-outbox:${shopId}` });
}
