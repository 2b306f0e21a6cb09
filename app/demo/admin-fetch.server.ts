import { abstractFetch, setAbstractFetchFunc } from "@shopify/shopify-api/runtime";

const ADMIN_API_PATH = /^\/admin\/api\//;

/**
 * Routes every Admin API call of @shopify/shopify-api to a local fake (the demo and tests only).
 *
 * The library builds `https://<shop>/admin/api/<version>/graphql.json` and forces https on the shop
 * domain, so a custom shop domain cannot point at localhost; rewriting the origin in the runtime's
 * fetch hook does (../shared/SHOPIFY-OFFLINE.md, Q4). Other URLs pass through. Refuses production:
 * a redirected client would write to a fake store while the merchant thinks it wrote to Shopify.
 * Call it after @shopify/shopify-app-remix/server is imported (that import installs the fetch adapter
 * this replaces) and before creating a client (each client captures the fetch function).
 * Returns a function that restores the previous fetch.
 *
 * @example
 * const restore = installAdminFetchRedirect("http://127.0.0.1:4000", "test");
 */
export function installAdminFetchRedirect(fakeAdminUrl: string, nodeEnv: string): () => void {
  if (nodeEnv === "production") {
    throw new Error(
      "Refusing to route Admin API calls to a fake with NODE_ENV=production (unset SHOPIFY_ADMIN_FAKE_URL).",
    );
  }
  const target = new URL(fakeAdminUrl);
  const previous = abstractFetch;
  const realFetch = globalThis.fetch;
  setAbstractFetchFunc(async (input, init) => {
    const original = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url);
    if (!ADMIN_API_PATH.test(original.pathname)) return realFetch(input, init);
    const redirected = new URL(original.pathname + original.search, target);
    if (input instanceof Request) return realFetch(new Request(redirected, input), init);
    return realFetch(redirected, init);
  });
  return () => setAbstractFetchFunc(previous);
}
