import { z } from "zod";
import { cancelQueuedJobsOfShop } from "~/models/jobs.server";
import { claimWebhookDelivery, releaseWebhookDelivery } from "~/models/webhook-deliveries.server";
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
 * that do not belong to this endpoint and payloads that can never be handled (400), ignores
 * redeliveries by webhook id, then acts.
 * App lifecycle and compliance topics are handled at once (Shopify expects them acknowledged quickly
 * and they are small); store data topics are queued so a slow sync never times out a delivery.
 *
 * A delivery counts as received only once it was handled (or queued): the webhook id is claimed
 * first, so a concurrent duplicate answers 200 without acting, and the claim is released when
 * handling throws, answering 500, so Shopify's retry of the same id (up to 8 over 4 hours) is
 * handled instead of skipped as a duplicate.
 *
 * @example
 * export const action = ({ request }: ActionFunctionArgs) => receiveWebhook(request, "/webhooks/orders");
 */
export async function receiveWebhook(request: Request, route: WebhookRoute): Promise<Response> {
  const { topic, shop, payload, webhookId } = await authenticate.webhook(request);
  if (!(WEBHOOK_ROUTES[route] as readonly string[]).includes(topic)) {
    return new Response(`Topic ${topic} is not handled at ${route}`, { status: 400 });
  }
  // Checked before the claim: the same body fails every retry, so it is refused each time, not
  // remembered as received.
  const scopes = topic === "APP_SCOPES_UPDATE" ? scopesUpdatePayload.safeParse(payload) : null;
  if (scopes && !scopes.success) {
    return new Response("app/scopes_update payload has no current scopes", { status: 400 });
  }
  const shopRow = await findShopByDomain(shop);
  const first = await claimWebhookDelivery({
    webhookId,
    shopDomain: shop,
    shopId: shopRow?.id ?? null,
    topic,
  });
  if (!first) return new Response(null, { status: 200 });

  try {
    await handleWebhook({
      topic,
      shop,
      shopId: shopRow?.id ?? null,
      payload,
      webhookId,
      scopes: scopes?.data,
    });
  } catch (error) {
    return failedDelivery({ topic, shop, webhookId }, error);
  }
  return new Response(null, { status: 200 });
}

/** Acts on a claimed delivery; throws when it could not, so the caller releases the claim. */
async function handleWebhook(delivery: {
  topic: string;
  shop: string;
  shopId: string | null;
  payload: unknown;
  webhookId: string;
  scopes: z.infer<typeof scopesUpdatePayload> | undefined;
}): Promise<void> {
  const { topic, shop, shopId, payload, webhookId } = delivery;
  switch (topic) {
    case "APP_UNINSTALLED": {
      // Sessions must go: a reinstall starts a fresh OAuth, and a stale token must not linger.
      // Marked first, so the runner refuses whatever is enqueued or claimed while the queue is swept.
      const at = new Date();
      await markUninstalled(shop, at);
      if (shopId) await cancelQueuedJobsOfShop(shopId, at, "Cancelled: the app was uninstalled");
      break;
    }
    case "APP_SCOPES_UPDATE":
      if (delivery.scopes) await updateGrantedScopes(shop, delivery.scopes.current.join(","));
      break;
    case "CUSTOMERS_DATA_REQUEST":
    case "CUSTOMERS_REDACT":
      // Orders are reduced to daily units per variant and location; the only customer data Pulse can
      // hold is reviews they wrote, stored under a salted hash of their e-mail (customer-privacy.server).
      if (shopId) {
        if (topic === "CUSTOMERS_REDACT") await redactCustomer(shopId, payload, webhookId);
        else await answerCustomerDataRequest(shopId, payload, webhookId);
      }
      break;
    case "SHOP_REDACT":
      await deleteShopData(shop);
      break;
    default:
      if (shopId) {
        await jobQueue().enqueue(storeWebhookJob, { shopId, topic, webhookId, payload });
      }
  }
}

/**
 * Answers a delivery whose handling threw: releases its claim so Shopify's retry is handled, and
 * answers 500 so Shopify retries. If even the release fails (the database is down), the retry will
 * be skipped as a duplicate; the log says so, since that delivery's work is then lost.
 */
async function failedDelivery(
  delivery: { topic: string; shop: string; webhookId: string },
  error: unknown,
): Promise<Response> {
  const what = `${delivery.topic} webhook ${delivery.webhookId} for ${delivery.shop}`;
  try {
    await releaseWebhookDelivery(delivery.webhookId);
  } catch (releaseError) {
    console.error(
      `[webhooks] ${what} failed and its claim could not be released, so Shopify's retry will be skipped:`,
      error,
      releaseError,
    );
    return new Response("Webhook handling failed", { status: 500 });
  }
  console.error(`[webhooks] ${what} failed; answered 500 so Shopify retries it:`, error);
  return new Response("Webhook handling failed; Shopify will retry it", { status: 500 });
}
