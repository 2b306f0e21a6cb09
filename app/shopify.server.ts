import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { installAdminFetchRedirect } from "~/demo/admin-fetch.server";
import { recordInstall } from "~/services/shops.server";

/** Admin API version Pulse is written and tested against (the committed schema is this version). */
export const ADMIN_API_VERSION = ApiVersion.October26;

const config = env();

if (config.adminFakeUrl) {
  // Demo and tests only; env() already refuses this variable when NODE_ENV=production.
  installAdminFetchRedirect(config.adminFakeUrl, config.nodeEnv);
}

/** The one place that configures the Shopify app (routes call shopify.authenticate.* first). */
const shopify = shopifyApp({
  apiKey: config.shopifyApiKey,
  apiSecretKey: config.shopifyApiSecret,
  apiVersion: ADMIN_API_VERSION,
  scopes: config.scopes,
  appUrl: config.appUrl,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(db()),
  distribution: AppDistribution.AppStore,
  isEmbeddedApp: true,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await recordInstall({ session, admin });
    },
  },
  ...(config.shopCustomDomain ? { customShopDomains: [config.shopCustomDomain] } : {}),
});

export default shopify;
export const apiVersion = ADMIN_API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export const sessionStorage = shopify.sessionStorage;
