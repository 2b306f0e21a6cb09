import { db, isUniqueViolation } from "~/db.server";

/**
 * Claims a webhook delivery by its X-Shopify-Webhook-Id before it is handled. Returns false when the
 * id is already claimed, by a delivery that was handled or by one still being handled: Shopify
 * redelivers on timeouts, and a redelivery must be a no-op. The claim is a row with the id as its
 * primary key, so of two concurrent deliveries of the same id exactly one wins.
 *
 * A claim stands for "handled" only once handling succeeded: when it fails the caller must
 * `releaseWebhookDelivery`, so Shopify's retry of the same id is handled instead of skipped.
 *
 * @example
 * if (!(await claimWebhookDelivery({ webhookId, shopDomain, shopId, topic }))) return ok();
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

/**
 * Gives up the claim of a delivery whose handling failed, so Shopify's next attempt with the same
 * webhook id is handled. Deleting a claim that is already gone (shop/redact cascades to it) is a no-op.
 *
 * @example
 * await releaseWebhookDelivery(webhookId); // the retry will now claim it again
 */
export async function releaseWebhookDelivery(webhookId: string): Promise<void> {
  await db().webhookDelivery.deleteMany({ where: { id: webhookId } });
}
