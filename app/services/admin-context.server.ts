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

export interface ExtensionAdminContext {
  shopDomain: string;
  shopId: string;
  /** Who acts, for the audit trail: the staff member the session token names. */
  actor: string;
  /** Only a request naming a staff member may decide: every decision records who made it. */
  mayDecide: boolean;
  /** Adds the CORS headers admin extensions need (they call from Shopify's extension origin). */
  cors: (response: Response) => Response;
}

/**
 * Authenticates a request from an admin UI extension: its session token arrives as a Bearer header
 * (admin extensions add it to `fetch` calls to the app's URL). `authenticate.admin` answers OPTIONS
 * preflights itself (204 with CORS headers, thrown) and refuses a bad token with 401. A request
 * without any token would be treated as a document load and redirected to the login page, which an
 * extension cannot follow, so it gets a plain 401 here. Never uses the demo shortcut: extensions
 * only run inside Shopify.
 */
export async function requireExtensionAdmin(request: Request): Promise<ExtensionAdminContext> {
  if (request.method !== "OPTIONS" && !/^Bearer \S+/i.test(request.headers.get("Authorization") ?? "")) {
    throw extensionUnauthorized(request);
  }
  const { session, sessionToken, cors } = await authenticate.admin(request);
  const shop = (await findShopByDomain(session.shop)) ?? (await upsertShop({ domain: session.shop }));
  const staffId = sessionToken?.sub;
  return {
    shopDomain: session.shop,
    shopId: shop.id,
    actor: staffId ? `staff member ${staffId} (product page)` : session.shop,
    mayDecide: Boolean(staffId),
    cors,
  };
}

/**
 * 401 for a request without a session token, with the CORS headers `authenticate.admin`'s `cors`
 * would add (it is only available after authenticating), so the extension can read the answer.
 */
function extensionUnauthorized(request: Request): Response {
  const headers = new Headers({ "Content-Type": "application/json" });
  const origin = request.headers.get("Origin");
  if (origin && origin !== env().appUrl) {
    headers.set("Access-Control-Allow-Origin", "*");
    headers.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
  }
  return new Response(
    JSON.stringify({
      error: { code: "unauthorized", message: "Missing session token. Open this from the Shopify admin." },
    }),
    { status: 401, headers },
  );
}
