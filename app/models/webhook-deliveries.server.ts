import { db, isUniqueViolation } from "~/db.server";

/**
 * Records a webhook delivery by its X-Shopify-Webhook-Id. Returns false when it was seen before:
 * Shopify redelivers on timeouts, and a redelivery must be a no-op.
 */
export async function claimWebhookDelivery(delivery: {
  webhookId: string;
  shopDomain: string;
  shopId: string | null;
  topic: string;
}): Promise<boolean> {
  try {
    await db().webhookDelivery.create({
      data: {
        id: delivery.webhookId,
        shopDomain: delivery.shopDomain,
        shopId: delivery.shopId,
        topic: delivery.topic,
      },
    });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
