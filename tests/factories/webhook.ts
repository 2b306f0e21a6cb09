import { randomUUID } from "node:crypto";
import { API_SECRET_KEY, getHmac } from "@shopify/shopify-api/test-helpers";

/**
 * A webhook request as Shopify sends it: JSON body, HMAC-SHA256 of the raw body with the app secret
 * (base64) and the required X-Shopify-* headers. `hmac: "invalid"` signs with the wrong secret.
 */
export function webhookRequest(options: {
  path: string;
  topic: string; // "app/uninstalled"
  shop: string;
  payload: unknown;
  webhookId?: string;
  hmac?: "valid" | "invalid" | "missing";
}): Request {
  const body = JSON.stringify(options.payload);
  const headers = new Headers({
    "Content-Type": "application/json",
    "X-Shopify-Topic": options.topic,
    "X-Shopify-Shop-Domain": options.shop,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": options.webhookId ?? randomUUID(),
    "X-Shopify-Triggered-At": new Date("2026-11-28T00:00:00Z").toISOString(),
    "X-Shopify-Event-Id": randomUUID(),
  });
  if (options.hmac !== "missing") {
    headers.set(
      "X-Shopify-Hmac-Sha256",
      getHmac(body, options.hmac === "invalid" ? "not-the-app-secret" : API_SECRET_KEY),
    );
  }
  return new Request(`https://my-test-app.myshopify.io${options.path}`, { method: "POST", headers, body });
}
