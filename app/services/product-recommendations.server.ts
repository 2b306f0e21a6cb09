import { reasonLine, type Explanation } from "~/domain/inventory";
import {
  findProductByShopifyId,
  findRecommendationStanding,
  listProposedRecommendationsForProduct,
  recordDecisionNote,
} from "~/models/recommendation-review.server";
import { decideRecommendation } from "~/services/recommendation-review.server";
import type {
  ProductRecommendationsJson,
  RecommendationJson,
} from "../../extensions/pulse-product-action/src/view";

/**
 * What the product page's admin action shows and does: the product's waiting recommendations, and a
 * decision on one of them through the same `decideRecommendation` the Recommendations page uses.
 */

/**
 * The wire contract is the extension's own (extensions/pulse-product-action/src/view.ts parses it), so
 * the route and the modal cannot drift; type-only, nothing of the extension is bundled here.
 */
export type ProductRecommendationLine = RecommendationJson;
export type ProductRecommendations = Omit<ProductRecommendationsJson, "mayDecide">;

export type ProductRecommendationsResult =
  { ok: true; value: ProductRecommendations } | { ok: false; error: "product_not_found"; message: string };

/** The proposed recommendations of the shop's product with this Shopify GID. */
export async function pendingRecommendationsForProduct(
  shopId: string,
  productShopifyId: string,
): Promise<ProductRecommendationsResult> {
  const product = await findProductByShopifyId(shopId, productShopifyId);
  if (!product) {
    return {
      ok: false,
      error: "product_not_found",
      message: "Pulse has not synced this product yet. Open Pulse and run a store sync, then try again.",
    };
  }
  const rows = await listProposedRecommendationsForProduct(shopId, product.id);
  return {
    ok: true,
    value: {
      product: { shopifyId: product.shopifyId, title: product.title },
      recommendations: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        cycle: r.cycle,
        tier: r.tier,
        variantTitle: r.variant?.title ?? null,
        locationTitle: r.location?.name ?? null,
        quantityName: r.quantityName,
        currentUnits: r.currentQuantity,
        proposedUnits: r.proposedQuantity,
        deltaUnits:
          r.currentQuantity !== null && r.proposedQuantity !== null
            ? r.proposedQuantity - r.currentQuantity
            : r.deltaUnits,
        reason: reasonLine((r.explanation as unknown as Partial<Explanation> | null)?.formula ?? ""),
      })),
    },
  };
}

export type ExtensionDecisionResult =
  | { ok: true; status: "approved" | "rejected"; message: "approved" | "approvedNoWrite" | "rejected" }
  | { ok: false; error: "not_found"; message: string }
  | {
      ok: false;
      error: "already_decided";
      message: string;
      status: string;
      decidedBy: string | null;
      decidedAt: string | null;
    }
  | { ok: false; error: "not_approvable"; message: string };

/**
 * A decision from the product page. Looks the recommendation up in this shop only (another shop's
 * id is "not found", never "forbidden", so ids do not leak across shops), refuses one already
 * decided with who and when, and otherwise hands over to `decideRecommendation` (approval queues
 * the Shopify write through the outbox exactly as the Recommendations page does).
 */
export async function decideFromProductPage(input: {
  shopId: string;
  recommendationId: string;
  decision: "approve" | "reject";
  actor: string;
  note?: string;
}): Promise<ExtensionDecisionResult> {
  const { shopId, recommendationId, decision, actor } = input;
  const before = await findRecommendationStanding(shopId, recommendationId);
  if (!before) return notFound();
  if (before.status !== "proposed") return alreadyDecided(before);

  const outcome = await decideRecommendation(shopId, recommendationId, decision, actor);
  if (!outcome.ok) {
    // Decided in another tab between the read and the write, or approval's own preconditions failed.
    const after = await findRecommendationStanding(shopId, recommendationId);
    if (!after) return notFound();
    if (after.status !== "proposed") return alreadyDecided(after);
    return { ok: false, error: "not_approvable", message: outcome.message };
  }
  if (input.note) {
    await recordDecisionNote({
      shopId,
      recommendationId,
      actor,
      decision,
      note: input.note,
      source: "product_page",
    });
  }
  return {
    ok: true,
    status: outcome.message === "rejected" ? "rejected" : "approved",
    message: outcome.message,
  };
}

function notFound(): ExtensionDecisionResult {
  return {
    ok: false,
    error: "not_found",
    message:
      "This recommendation does not exist in this store. Reload the product page to see the current ones.",
  };
}

function alreadyDecided(row: { status: string; decidedBy: string | null; decidedAt: Date | null }) {
  const who = row.decidedBy ?? "Pulse";
  const when = row.decidedAt ? ` on ${row.decidedAt.toISOString()}` : "";
  const message =
    row.status === "rejected"
      ? `Already rejected by ${who}${when}. Nothing was changed.`
      : `Already ${row.status} (decided by ${who}${when}). Nothing was changed.`;
  return {
    ok: false as const,
    error: "already_decided" as const,
    message,
    status: row.status,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}
