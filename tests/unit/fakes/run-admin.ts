import {
  executeAdminOperation,
  FAKE_ADMIN_ACCESS_TOKEN,
  type AdminOperationResult,
  type FakeAdminStore,
} from "../../fakes/shopify-admin/index";

/**
 * Sends one operation to the fake the way the app's client would (version 2026-10, valid token).
 *
 * @example
 * const { body } = await runAdmin(store, "{ shop { name } }");
 */
export function runAdmin(
  store: FakeAdminStore,
  query: string,
  variables?: Record<string, unknown>,
  options: { apiVersion?: string; accessToken?: string | null; operationName?: string } = {},
): Promise<AdminOperationResult> {
  return executeAdminOperation(
    store,
    { query, variables, operationName: options.operationName },
    {
      apiVersion: options.apiVersion ?? "2026-10",
      accessToken: options.accessToken === undefined ? FAKE_ADMIN_ACCESS_TOKEN : options.accessToken,
    },
  );
}

/** The response's `data` as a loosely typed tree, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Tree = any;

/**
 * A mutable clock for the store and cost bucket.
 *
 * @example
 * const clock = testClock("2026-07-01T00:00:00Z"); clock.advance(1000);
 */
export function testClock(startIso: string): { now: () => Date; advance: (ms: number) => void } {
  let ms = Date.parse(startIso);
  return { now: () => new Date(ms), advance: (delta) => void (ms += delta) };
}
