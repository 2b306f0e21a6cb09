import type { Session } from "@shopify/shopify-api";
import { adminRequest, type AdminGraphqlClient } from "~/integrations/shopify/client.server";
import { SHOP_PROFILE } from "~/integrations/shopify/operations/ShopProfile";
import type { ShopProfileQuery } from "~/types/admin.generated";
import { recordAuditEvent, upsertShop } from "~/models/shops.server";
import { shopifyInstallJob } from "~/jobs/definitions/shopify-sync.server";
import { jobQueue } from "~/jobs/queue.server";

/**
 * After OAuth or token exchange: reads the shop's profile through the Admin API and stores it,
 * so every later computation uses the shop's own timezone and currency.
 */
export async function recordInstall({ session, admin }: { session: Session; admin: AdminGraphqlClient }) {
  const { shop } = await adminRequest<ShopProfileQuery>(admin, SHOP_PROFILE);
  const row = await upsertShop({
    domain: session.shop,
    name: shop.name,
    email: shop.email,
    timezone: shop.ianaTimezone,
    currencyCode: shop.currencyCode,
    scopes: session.scope ?? "",
  });
  await recordAuditEvent({
    shopId: row.id,
    actor: "shopify",
    action: "app.installed",
    subjectType: "Shop",
    subjectId: row.id,
    details: { scopes: session.scope ?? "" },
  });
  // Metafield definitions, then the first full sync (bulk operations), run in the background.
  await jobQueue().enqueue(shopifyInstallJob, { shopId: row.id }, { singletonKey: `install:${row.id}` });
  return row;
}
