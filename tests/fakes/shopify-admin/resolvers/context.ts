import type { GraphQLResolveInfo } from "graphql";
import type { AdminSchema } from "../schema";
import type { FakeAdminStore } from "../store";

/** What every resolver of the fake receives as GraphQL context. */
export interface ResolverContext {
  store: FakeAdminStore;
  adminSchema: AdminSchema;
  /** The version in the request URL, e.g. "2026-10"; rules that start at a version check it. */
  apiVersion: string;
  /** True while a bulk operation's query runs: connections then ignore page sizes. */
  bulk: boolean;
  /** Runs a bulk operation's query against the store (injected to avoid an import cycle). */
  runBulkQuery: (query: string) => { data: unknown; errors: readonly Error[] };
}

/** Coerced field arguments, as graphql-js passes them. */
export type Args = Record<string, unknown>;

export type FieldResolver = (
  source: unknown,
  args: Args,
  ctx: ResolverContext,
  info: GraphQLResolveInfo,
) => unknown;

/** Resolvers by type name, then field name. */
export type ResolverMap = Record<string, Record<string, FieldResolver>>;

/**
 * Declares the resolvers of one type with its source record typed, so each resolver reads
 * fields without casts.
 *
 * @example
 * const product = typeResolvers<ProductRecord>({ totalVariants: (p) => p.variantIds.length });
 */
export function typeResolvers<S>(
  map: Record<string, (source: S, args: Args, ctx: ResolverContext, info: GraphQLResolveInfo) => unknown>,
): Record<string, FieldResolver> {
  return map as Record<string, FieldResolver>;
}

/**
 * Whether `version` (a request's `YYYY-MM` or "unstable") is at or after `since`.
 *
 * @example
 * versionAtLeast("2026-10", "2026-04"); // true
 */
export function versionAtLeast(version: string, since: string): boolean {
  return version === "unstable" || version >= since;
}
