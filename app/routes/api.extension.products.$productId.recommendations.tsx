import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireExtensionAdmin } from "~/services/admin-context.server";
import { pendingRecommendationsForProduct } from "~/services/product-recommendations.server";

/**
 * `GET /api/extension/products/:productId/recommendations` for the product page's admin action
 * (extensions/pulse-product-action): the product's recommendations waiting for a decision.
 * `:productId` is the product's Shopify GID (URL-encoded) or its numeric id.
 */

/** A Shopify product id, as a GID or the bare number, normalised to the GID Pulse stores. */
const productIdSchema = z
  .string()
  .trim()
  .regex(
    /^(gid:\/\/shopify\/Product\/)?\d{1,20}$/,
    "Expected a product id such as gid://shopify/Product/123.",
  )
  .transform((id) => (id.startsWith("gid://") ? id : `gid://shopify/Product/${id}`));

const noStore = { "Cache-Control": "no-store" };

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const context = await requireExtensionAdmin(request);
  const productId = productIdSchema.safeParse(params.productId ?? "");
  if (!productId.success) {
    return context.cors(
      Response.json(
        {
          error: { code: "invalid_product_id", message: productId.error.issues[0]?.message ?? "Invalid id." },
        },
        { status: 400, headers: noStore },
      ),
    );
  }
  const result = await pendingRecommendationsForProduct(context.shopId, productId.data);
  if (!result.ok) {
    return context.cors(
      Response.json(
        { error: { code: result.error, message: result.message } },
        { status: 404, headers: noStore },
      ),
    );
  }
  return context.cors(Response.json({ ...result.value, mayDecide: context.mayDecide }, { headers: noStore }));
};

/** Only the CORS preflight (answered inside `requireExtensionAdmin`) reaches this route with another method. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const context = await requireExtensionAdmin(request);
  return context.cors(
    Response.json(
      { error: { code: "method_not_allowed", message: "Read recommendations with GET." } },
      { status: 405, headers: { Allow: "GET, OPTIONS" } },
    ),
  );
};
