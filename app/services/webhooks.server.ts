import { z } from "zod";
import { cancelQueuedJobsOfShop } from "~/models/jobs.server";
import { claimWebhookDelivery } from "~/models/webhook-deliveries.server";
import {
  deleteShopData,
  findShopByDomain,
  markUninstalled,
  updateGrantedScopes,
} from "~/models/shops.server";
import { authenticate } from "~/shopify.server";
import { jobQueue } from "~/jobs/queue.server";
import { storeWebhookJob } from "~/jobs/definitions/store-webhook.server";
import { answerCustomerDataRequest, redactCustomer } from "./customer-privacy.server";

/** Topics as authenticate.webhook reports them (APP_UNINSTALLED …), grouped by the route that receives them. */
export const WEBHOOK_ROUTES = {
  "/webhooks/app/uninstalled": ["APP_UNINSTALLED"],
  "/webhooks/app/scopes_update": ["APP_SCOPES_UPDATE"],
  "/webhooks/products": ["PRODUCTS_CREATE", "PRODUCTS_UPDATE", "PRODUCTS_DELETE"],
  "/webhooks/inventory": ["INVENTORY_LEVELS_UPDATE", "INVENTORY_ITEMS_UPDATE"],
  "/webhooks/orders": ["ORDERS_CREATE", "ORDERS_UPDATED"],
  "/webhooks/locations": ["LOCATIONS_CREATE", "LOCATIONS_UPDATE", "LOCATIONS_DELETE"],
  "/webhooks/bulk_operations/finish": ["BULK_OPERATIONS_FINISH"],
  "/webhooks/compliance": ["CUSTOMERS_DATA_REQUEST", "CUSTOMERS_REDACT", "SHOP_REDACT"],
} as const satisfies Record<string, readonly string[]>;

export type WebhookRoute = keyof typeof WEBHOOK_ROUTES;

const scopesUpdatePayload = z.object({ current: z.array(z.string()) });

/**
 * Receives one webhook: verifies its HMAC (the library answers 401 when it is wrong), refuses topics
 * that do not belong to this endpoint, ignores redeliveries by webhook id, then acts.
 * App lifecycle and compliance topics are handled at once (Shopify expects them acknowledged quickly
 * and they are small); store data topics are queued so a slow sync never times out a delivery.
 */
export async function receiveWebhook(request: Request, route: WebhookRoute): Promise<Response> {
  const { topic, shop, payload, webhookId } = await authenticate.webhook(request);
  if (!(WEBHOOK_ROUTES[route] as readonly string[]).includes(topic)) {
    return new Response(`Topic ${topic} is not handled at ${route}`, { status: 400 });
  }
  const shopRow = await findShopByDomain(shop);
  const first = await claimWebhookDelivery({
    webhookId,
    shopDomain: shop,
    shopId: shopRow?.id ?? null,
    topic,
  });
  if (!first) return new Response(null, { status: 200 });

  switch (topic) {
    case "APP_UNINSTALLED": {
      // Sessions must go: a reinstall starts a fresh OAuth, and a stale token must not linger.
      // Marked first, so the runner refuses whatever is enqueued or claimed while the queue is swept.
      const at = new Date();
      await markUninstalled(shop, at);
      if (shopRow) await cancelQueuedJobsOfShop(shopRow.id, at, "Cancelled: the app was uninstalled");
      break;
    }
    case "APP_SCOPES_UPDATE": {
      const parsed = scopesUpdatePayload.safeParse(payload);
      if (!parsed.success)
        return new Response("app/scopes_update payload has no current scopes", { status: 400 });
      await updateGrantedScopes(shop, parsed.data.current.join(","));
      break;
    }
    case "CUSTOMERS_DATA_REQUEST":
    case "CUSTOMERS_REDACT":
      // Orders are reduced to daily units per variant and location; the only customer data Pulse can
      // hold is reviews they wrote, stored under a salted hash of their e-mail (customer-privacy.server).
      if (shopRow) {
        if (topic === "CUSTOMERS_REDACT") await redactCustomer(shopRow.id, payload, webhookId);
        else await answerCustomerDataRequest(shopRow.id, payload, webhookId);
      }
      break;
    case "SHOP_REDACT":
      await deleteShopData(shop);
      break;
    default:
      if (shopRow) {
        await jobQueue().enqueue(storeWebhookJob, { shopId: shopRow.id, topic, webhookId, payload });
      }
  }
  return new Response(null, { status: 200 });
}
