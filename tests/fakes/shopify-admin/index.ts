/**
 * The fake Shopify Admin GraphQL API shared by tests and the demo: a stateful store seeded from
 * a scenario, an executor that answers like Admin API 2026-10 (schema validation, cost and
 * throttling, prose rules), an HTTP server and the library fetch redirect (in ./redirect, kept
 * separate because it imports the Shopify app package).
 */
export {
  createFakeAdminStore,
  FAKE_ADMIN_ACCESS_TOKEN,
  FAKE_APP_ID,
  QUANTITY_NAMES,
  type FakeAdminSeed,
  type FakeAdminStore,
  type FakeAdminStoreOptions,
} from "./store";
export {
  executeAdminOperation,
  completeBulkOperations,
  runBulkQuery,
  SINGLE_QUERY_MAX_COST,
  type AdminOperationRequest,
  type AdminOperationAuth,
  type AdminOperationResult,
  type AdminResponseBody,
  type QueryCostExtension,
} from "./execute";
export {
  startFakeAdminServer,
  type FakeAdminServer,
  type FakeAdminServerOptions,
  type FakeAdminRequestLog,
} from "./server";
export { loadAdminSchema, ADMIN_SCHEMA_VERSION } from "./schema";
export type { AdminFault, AdminFaultKind } from "./faults";
export type { RecordedAdjustment } from "./records";
export { fakeAdminClient, storeJsonlOpener, bulkResultKey, type FakeBackedAdminClient } from "./admin-client";
export { pendingBulkFinishWebhooks, signedWebhookRequest, type FakeWebhook } from "./webhooks";
