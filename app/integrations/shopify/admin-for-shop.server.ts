import type { AdminGraphqlClient } from "./client.server";

type AdminFactory = (shopDomain: string) => Promise<AdminGraphqlClient>;

let override: AdminFactory | null = null;

/**
 * The Admin client of a shop for background work (jobs, webhooks handled later): the shop's offline
 * session through `unauthenticated.admin`. Loaded lazily so modules that only define jobs do not pull
 * in the Shopify app configuration.
 */
export async function adminForShop(shopDomain: string): Promise<AdminGraphqlClient> {
  if (override) return override(shopDomain);
  const { unauthenticated } = await import("~/shopify.server");
  const { admin } = await unauthenticated.admin(shopDomain);
  return admin;
}

/** Tests and the demo point background work at another client (null restores the default). */
export function setAdminClientFactory(factory: AdminFactory | null): void {
  override = factory;
}
