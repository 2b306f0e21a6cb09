import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireExtensionAdmin } from "~/services/admin-context.server";
import { decideFromProductPage } from "~/services/product-recommendations.server";

/**
 * `POST /api/extension/recommendations/decision` with JSON `{ recommendationId, decision, note? }`
 * from the product page's admin action. Answers 200 `{ ok, status, message }`, or `{ error }` with
 * 400 (bad input), 403 (no staff member in the token), 404 (no such recommendation in this shop),
 * 409 (already decided, with who and when) or 422 (approval's preconditions failed).
 */

const decisionSchema = z.object({
  recommendationId: z.string().trim().min(1).max(64),
  decision: z.enum(["approve", "reject"]),
  note: z
    .string()
    .trim()
    .max(500, "Keep the note under 500 characters.")
    .optional()
    .transform((note) => (note ? note : undefined)),
});

const noStore = { "Cache-Control": "no-store" };

const STATUS_BY_ERROR = { not_found: 404, already_decided: 409, not_approvable: 422 } as const;

export const action = async ({ request }: ActionFunctionArgs) => {
  const context = await requireExtensionAdmin(request);
  const fail = (status: number, code: string, message: string, extra: object = {}) =>
    context.cors(Response.json({ error: { code, message, ...extra } }, { status, headers: noStore }));

  if (request.method !== "POST") return fail(405, "method_not_allowed", "Send a decision with POST.");
  const body: unknown = await request.json().catch(() => undefined);
  const parsed = decisionSchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return fail(
      400,
      "invalid_request",
      `The decision was not understood (${issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "invalid JSON"}). Reload and try again.`,
    );
  }
  if (!context.mayDecide) {
    return fail(403, "forbidden", "Only a signed-in staff member can approve or reject recommendations.");
  }

  const result = await decideFromProductPage({
    shopId: context.shopId,
    recommendationId: parsed.data.recommendationId,
    decision: parsed.data.decision,
    actor: context.actor,
    note: parsed.data.note,
  });
  if (result.ok) return context.cors(Response.json(result, { headers: noStore }));
  if (result.error === "already_decided") {
    const { status, decidedBy, decidedAt } = result;
    return fail(409, result.error, result.message, { status, decidedBy, decidedAt });
  }
  return fail(STATUS_BY_ERROR[result.error], result.error, result.message);
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireExtensionAdmin(request);
  return context.cors(
    Response.json(
      { error: { code: "method_not_allowed", message: "Send a decision with POST." } },
      { status: 405, headers: { Allow: "POST, OPTIONS" } },
    ),
  );
};
