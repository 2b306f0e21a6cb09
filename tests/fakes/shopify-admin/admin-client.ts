import { executeAdminOperation } from "./execute";
import { numericIdOf } from "./gid";
import { FAKE_ADMIN_ACCESS_TOKEN, type FakeAdminStore } from "./store";

/** The app's Admin client interface (app/integrations/shopify/client.server.ts), restated to stay import-free. */
export interface FakeBackedAdminClient {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
  /** Every operation name sent, in order. */
  readonly sent: string[];
}

/**
 * An Admin client answered in-process by the fake (no HTTP): the shape of `admin` from
 * authenticate.admin, but returning errors in the body as a plain fetch client would. Injected
 * transport faults throw like fetch does ("fetch failed").
 *
 * @example
 * const admin = fakeAdminClient(store);
 * await adminRequest(admin, SHOP_PROFILE);
 */
export function fakeAdminClient(
  store: FakeAdminStore,
  options: { apiVersion?: string; accessToken?: string } = {},
): FakeBackedAdminClient {
  const sent: string[] = [];
  return {
    sent,
    async graphql(query, request) {
      const operationName = /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
      sent.push(operationName ?? "anonymous");
      const result = await executeAdminOperation(
        store,
        { query, variables: request?.variables ?? {}, operationName },
        {
          apiVersion: options.apiVersion ?? "2026-10",
          accessToken: options.accessToken ?? FAKE_ADMIN_ACCESS_TOKEN,
        },
      );
      if (result.transportFault === "network") throw new TypeError("fetch failed");
      if (result.transportFault === "timeout") throw new Error("ETIMEDOUT: the Admin API did not answer");
      return new Response(JSON.stringify(result.body), { status: result.status, headers: result.headers });
    },
  };
}

/**
 * Reads a completed bulk operation's JSONL straight from the store by its result URL (no HTTP).
 *
 * @example
 * await finishBulkOperation(shopId, admin, id, { openJsonl: storeJsonlOpener(store) });
 */
export function storeJsonlOpener(store: FakeAdminStore): (url: string) => AsyncIterable<string> {
  return async function* (url: string) {
    const id = /\/bulk\/(\d+)\.jsonl$/.exec(url)?.[1];
    const jsonl = id === undefined ? undefined : store.bulkResults.get(id);
    if (jsonl === undefined) throw new Error(`No bulk result at ${url}`);
    for (const line of jsonl.split("\n")) if (line !== "") yield line;
  };
}

/** The numeric id of a bulk operation's result file, as `store.bulkResults` keys it. */
export function bulkResultKey(bulkOperationId: string): string {
  return String(numericIdOf(bulkOperationId));
}
