import { createHmac, randomUUID } from "node:crypto";
import type { FakeAdminStore } from "./store";

/** Topics whose deliveries the fake can sign, with the REST-style payloads Shopify sends. */
export interface FakeWebhook {
  topic: string; // "bulk_operations/finish"
  payload: unknown;
}

const announced = new WeakMap<FakeAdminStore, Set<string>>();

/**
 * The `bulk_operations/finish` webhooks Shopify would send now: one per bulk operation that has
 * reached a final state and was not announced before (each is announced once).
 *
 * @example
 * completeBulkOperations(store);
 * for (const hook of pendingBulkFinishWebhooks(store)) await deliver(hook);
 */
export function pendingBulkFinishWebhooks(store: FakeAdminStore): FakeWebhook[] {
  const seen = announced.get(store) ?? new Set<string>();
  announced.set(store, seen);
  const hooks: FakeWebhook[] = [];
  for (const op of store.bulkOperations.values()) {
    if (!["COMPLETED", "FAILED", "CANCELED"].includes(op.status) || seen.has(op.id)) continue;
    seen.add(op.id);
    hooks.push({
      topic: "bulk_operations/finish",
      payload: {
        admin_graphql_api_id: op.id,
        completed_at: op.completedAt,
        created_at: op.createdAt,
        error_code: op.errorCode ? op.errorCode.toLowerCase() : null,
        status: op.status.toLowerCase(),
        type: "query",
      },
    });
  }
  return hooks;
}

/**
 * A webhook request as Shopify delivers it: JSON body signed with the app secret (HMAC-SHA256,
 * base64) and the X-Shopify-* headers `authenticate.webhook` checks.
 *
 * @example
 * const request = signedWebhookRequest({ url: "https://app.example/webhooks/bulk_operations/finish",
 *   shop: "pulse-demo.myshopify.com", secret: "testApiSecretKey", ...hook });
 */
export function signedWebhookRequest(options: {
  url: string;
  shop: string;
  secret: string;
  topic: string;
  payload: unknown;
  webhookId?: string;
  apiVersion?: string;
}): Request {
  const body = JSON.stringify(options.payload);
  const hmac = createHmac("sha256", options.secret).update(body, "utf8").digest("base64");
  return new Request(options.url, {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-API-Version": options.apiVersion ?? "2026-10",
      "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
      "X-Shopify-Triggered-At": new Date().toISOString(),
      "X-Shopify-Event-Id": randomUUID(),
      "X-Shopify-Hmac-Sha256": hmac,
    },
  });
}
