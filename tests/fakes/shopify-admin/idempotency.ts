import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from "graphql";
import { versionAtLeast, type Args, type ResolverContext } from "./resolvers/context";

/** Shopify keeps idempotency keys for a day (its documented retention window for these mutations). */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** The version from which the `@idempotent` key is mandatory on the mutations that say so. */
export const IDEMPOTENCY_REQUIRED_SINCE = "2026-04";

/** JSON with object keys sorted, so equal inputs give equal fingerprints whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The `@idempotent(key:)` directive's key on the field being resolved, or null when absent.
 *
 * @example
 * // mutation { inventoryAdjustQuantities(input: …) @idempotent(key: "k1") { … } }
 * idempotencyKeyOf(info, ctx); // "k1"
 */
export function idempotencyKeyOf(info: GraphQLResolveInfo, ctx: ResolverContext): string | null {
  const directive = ctx.adminSchema.schema.getDirective("idempotent");
  const fieldNode = info.fieldNodes[0];
  if (!directive || !fieldNode) return null;
  const values = getDirectiveValues(directive, fieldNode, info.variableValues);
  return typeof values?.["key"] === "string" ? values["key"] : null;
}

/**
 * Runs a mutation under Shopify's idempotency rules:
 * - from 2026-04 the mutations whose description says so refuse to run without
 *   `@idempotent(key:)` (a top-level error; the schema cannot express "required directive");
 * - a blank key is refused;
 * - the same key with the same arguments replays the first payload without running again;
 * - the same key with different arguments answers `mismatch()` (a user error
 *   IDEMPOTENCY_KEY_PARAMETER_MISMATCH in the mutation's payload shape).
 *
 * @example
 * return withIdempotency(ctx, info, args, () => mismatchPayload, (key) => adjust(ctx, args, key));
 */
export function withIdempotency<P>(
  ctx: ResolverContext,
  info: GraphQLResolveInfo,
  args: Args,
  mismatch: () => P,
  run: (key: string | null) => P,
): P {
  const mutation = info.fieldName;
  const key = idempotencyKeyOf(info, ctx);
  if (key === null) {
    if (
      ctx.adminSchema.idempotencyRequired.has(mutation) &&
      versionAtLeast(ctx.apiVersion, IDEMPOTENCY_REQUIRED_SINCE)
    ) {
      throw new GraphQLError(
        `The ${mutation} mutation requires an idempotency key. Pass one with the @idempotent(key: "…") directive on the mutation field.`,
        { extensions: { code: "BAD_REQUEST" } },
      );
    }
    return run(null);
  }
  if (key.trim() === "") {
    throw new GraphQLError("The idempotency key cannot be an empty string or whitespace only.", {
      extensions: { code: "BAD_REQUEST" },
    });
  }
  const nowMs = ctx.store.now().getTime();
  const fingerprint = canonicalJson(args);
  const seen = ctx.store.idempotency.get(key);
  if (seen && nowMs - seen.createdAtMs < IDEMPOTENCY_RETENTION_MS) {
    if (seen.mutation === mutation && seen.fingerprint === fingerprint) return seen.payload as P;
    return mismatch();
  }
  const payload = run(key);
  ctx.store.idempotency.set(key, { mutation, fingerprint, payload, createdAtMs: nowMs });
  return payload;
}

/** The user error Shopify answers when a key is reused with different arguments. */
export const IDEMPOTENCY_MISMATCH_ERROR = {
  field: null,
  message:
    "The idempotency key was already used with different parameters. Use a new key for a different request.",
  code: "IDEMPOTENCY_KEY_PARAMETER_MISMATCH",
} as const;
