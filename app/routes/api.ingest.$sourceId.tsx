import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveIngestDelivery } from "~/services/ingest-webhook.server";

/**
 * Signed ingest webhook: `POST /api/ingest/:sourceId` with a JSON body of up to 1,000 mentions,
 * signed with the source's secret (docs/decisions/044-file-import-and-ingest-webhook.md).
 * Answers 202 with the counts, or a 4xx with `{ ok: false, error, message }` and nothing stored.
 */
export const action = async ({ request, params }: ActionFunctionArgs) => {
  if (request.method !== "POST")
    return Response.json(
      { ok: false, error: "method_not_allowed", message: "Send mentions with POST." },
      { status: 405, headers: { Allow: "POST" } },
    );
  const { status, body } = await receiveIngestDelivery(request, params.sourceId ?? "");
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
};
