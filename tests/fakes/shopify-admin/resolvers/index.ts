import { bulkMutationResolvers } from "./bulk-mutations";
import type { ResolverMap } from "./context";
import { inventoryMutationResolvers } from "./inventory-mutations";
import { metafieldMutationResolvers } from "./metafield-mutations";
import { objectResolvers } from "./objects";
import { queryRootResolvers } from "./query-root";
import { transferMutationResolvers } from "./transfer-mutations";

function mergeResolverMaps(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [typeName, fields] of Object.entries(map))
      merged[typeName] = { ...merged[typeName], ...fields };
  }
  return merged;
}

/**
 * Every resolver of the fake, by type then field. Fields without one read the record's
 * property of the same name; a field neither covers is reported as not implemented.
 *
 * @example
 * adminResolvers.QueryRoot?.shop; // (source, args, ctx) => ctx.store.shop
 */
export const adminResolvers: ResolverMap = mergeResolverMaps(
  objectResolvers,
  queryRootResolvers,
  inventoryMutationResolvers,
  metafieldMutationResolvers,
  transferMutationResolvers,
  bulkMutationResolvers,
);
