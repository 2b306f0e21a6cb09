import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, type GraphQLSchema, type IntrospectionQuery } from "graphql";

/** The Admin API version the committed schema describes (Pulse targets `ApiVersion.October26`). */
export const ADMIN_SCHEMA_VERSION = "2026-10";

/** The committed introspection result the app's type generation also derives from. */
export const ADMIN_SCHEMA_FILE = new URL(
  "../../../app/integrations/shopify/schema/admin-2026-10.introspection.json.gz",
  import.meta.url,
);

/** The loaded schema plus what the fake derives from its prose once, at load. */
export interface AdminSchema {
  schema: GraphQLSchema;
  /**
   * Mutations whose description says the `@idempotent` key is required from 2026-04.
   * Read from the schema rather than hard-coded so a newer schema brings its own list.
   */
  idempotencyRequired: ReadonlySet<string>;
  /** How long gunzip + JSON.parse + buildClientSchema took, in milliseconds. */
  buildMs: number;
}

// Kept on globalThis so a re-evaluated module (Vite's SSR reloads in the demo) reuses the
// schema instead of spending another half second building it.
const CACHE_KEY = Symbol.for("pulse.fakeShopifyAdmin.schema");
const cache = globalThis as unknown as Record<symbol, AdminSchema | undefined>;

/**
 * Loads the committed Admin 2026-10 schema, building it once per process (0.4–0.6 s on an idle
 * machine, up to 2 s under load: 11 MB of introspection JSON), and returns the same instance afterwards.
 *
 * @example
 * const { schema } = loadAdminSchema();
 * schema.getMutationType()?.name; // "Mutation"
 */
export function loadAdminSchema(): AdminSchema {
  const cached = cache[CACHE_KEY];
  if (cached) return cached;
  const started = performance.now();
  const json = JSON.parse(gunzipSync(readFileSync(ADMIN_SCHEMA_FILE)).toString("utf8")) as {
    data: IntrospectionQuery;
  };
  const schema = buildClientSchema(json.data, { assumeValid: true });
  const idempotencyRequired = new Set<string>();
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    // The prose reads "As of version `2026-04`, the idempotency key is required" (with or
    // without the word "version" and the backticks).
    if (/2026-04`?, the idempotency key is required/.test(field.description ?? "")) {
      idempotencyRequired.add(field.name);
    }
  }
  const loaded: AdminSchema = { schema, idempotencyRequired, buildMs: performance.now() - started };
  cache[CACHE_KEY] = loaded;
  return loaded;
}
