// shopify-app-remix installs its fetch adapter when imported; the redirect must be set after that,
// or the adapter would overwrite it. Import it first.
import "@shopify/shopify-app-remix/server";
import { installAdminFetchRedirect as installForEnvironment } from "~/demo/admin-fetch.server";

/**
 * The app's Admin fetch redirect (app/demo/admin-fetch.server.ts) for tests: routes the library's
 * Admin API calls to the fake at `fakeUrl`; refuses when NODE_ENV is production.
 * @example
 * const restore = installAdminFetchRedirect(server.url);
 */
export function installAdminFetchRedirect(fakeUrl: string): () => void {
  return installForEnvironment(fakeUrl, process.env.NODE_ENV ?? "test");
}
