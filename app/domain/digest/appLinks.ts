/** How the digest links back into the app. */
export interface AppLinkConfig {
  shopDomain: string;
  /** The app's client id (SHOPIFY_API_KEY): the admin opens the app under it. */
  apiKey: string;
  /** SHOPIFY_APP_URL; used when the app runs outside the admin (demo mode). */
  appUrl: string;
  /** False in demo mode: there is no Shopify admin to open the app in. */
  embedded: boolean;
}

/**
 * Returns the base of links into the app, ending in "/app": the app's page inside the shop's
 * Shopify admin (so the merchant lands signed in, embedded), or the app's own URL outside the admin.
 *
 * @example
 * appBaseUrl({ shopDomain: "acme.myshopify.com", apiKey: "k1", appUrl: "https://pulse.example", embedded: true });
 * // "https://admin.shopify.com/store/acme/apps/k1/app"
 */
export function appBaseUrl(config: AppLinkConfig): string {
  if (!config.embedded) return `${config.appUrl.replace(/\/+$/, "")}/app`;
  const handle = config.shopDomain.replace(/\.myshopify\.com$/i, "");
  return `https://admin.shopify.com/store/${encodeURIComponent(handle)}/apps/${encodeURIComponent(config.apiKey)}/app`;
}
