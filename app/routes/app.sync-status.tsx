import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/services/admin-context.server";
import { requestFullSync, syncStatusView } from "~/services/sync-status.server";

/**
 * Resource route of the sync status card: GET is the card's data (polled while a sync runs, so the
 * page's own loader, which may query the Admin API, is not re-run every few seconds); POST is
 * "Sync now".
 */
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  return syncStatusView(context.shopId);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const context = await requireAdmin(request);
  const result = await requestFullSync(context.shopId);
  return { result, status: await syncStatusView(context.shopId) };
};
