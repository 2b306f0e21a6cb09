import { env } from "~/config/env.server";
import { findShopByDomain, upsertShop } from "~/models/shops.server";
import { authenticate, unauthenticated } from "~/shopify.server";
import type { AdminGraphqlClient } from "~/integrations/shopify/client.server";

export interface AdminContext {
  admin: AdminGraphqlClient;
  shopDomain: string;
  shopId: string;
  timezone: string;
  currencyCode: string;
  locale: string;
  /** Who acts, for the audit trail: the staff member's email when known, else the shop. */
  actor: string;
  embedded: boolean;
  demo: boolean;
}

/**
 * Authenticates an admin request and returns what a loader or action needs.
 * Inside Shopify: `authenticate.admin` (session token). In demo mode (`npm run demo`, never in
 * production): the seeded offline session of the demo shop, obtained the way
 * `unauthenticated.admin(shop)` does, so demo pages run the same Admin client code path.
 */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  const config = env();
  if (config.demo) {
    const { admin, session } = await unauthenticated.admin(config.demoShop);
    const shop = (await findShopByDomain(session.shop)) ?? (await upsertShop({ domain: session.shop }));
    return {
      admin,
      shopDomain: session.shop,
      shopId: shop.id,
      timezone: shop.timezone,
      currencyCode: shop.currencyCode,
      locale: shop.locale,
      actor: "demo-merchant@pulse.local",
      embedded: false,
      demo: true,
    };
  }
  const { admin, session } = await authenticate.admin(request);
  const shop = (await findShopByDomain(session.shop)) ?? (await upsertShop({ domain: session.shop }));
  const user = session.onlineAccessInfo?.associated_user;
  return {
    admin,
    shopDomain: session.shop,
    shopId: shop.id,
    timezone: shop.timezone,
    currencyCode: shop.currencyCode,
    locale: user?.locale ?? shop.locale,
    actor: user?.email ?? session.shop,
    embedded: true,
    demo: false,
  };
}
