import { advanceBulkOperation } from "../bulk-lifecycle";
import { paginate, type ConnectionArgs } from "../connection";
import {
  listInventoryItems,
  listLocations,
  listOrders,
  listProducts,
  listVariants,
  type ListArgs,
} from "../listings";
import type { BulkOperationRecord } from "../records";
import type { Args, ResolverContext, ResolverMap } from "./context";

type PageArgs = ConnectionArgs & ListArgs;

function ofType<T>(ctx: ResolverContext, id: string, typename: string): T | null {
  const found = ctx.store.findNode(id);
  return found && found.__typename === typename ? (found as T) : null;
}

/** Looks a node up; polling a bulk operation by id moves it along its lifecycle. */
function nodeById(ctx: ResolverContext, id: string): unknown {
  const found = ctx.store.findNode(id);
  if (found?.__typename === "BulkOperation" && !ctx.bulk) {
    advanceBulkOperation(ctx.store, ctx.adminSchema, found as BulkOperationRecord, ctx.runBulkQuery);
  }
  return found ?? null;
}

const listRoots = {
  products: (_s: unknown, args: Args, ctx: ResolverContext) =>
    paginate(listProducts(ctx.store, args as PageArgs), args as PageArgs, ctx),
  productVariants: (_s: unknown, args: Args, ctx: ResolverContext) =>
    paginate(listVariants(ctx.store, args as PageArgs), args as PageArgs, ctx),
  locations: (_s: unknown, args: Args, ctx: ResolverContext) =>
    paginate(listLocations(ctx.store, args as PageArgs), args as PageArgs, ctx),
  orders: (_s: unknown, args: Args, ctx: ResolverContext) =>
    paginate(listOrders(ctx.store, args as PageArgs), args as PageArgs, ctx),
  inventoryItems: (_s: unknown, args: Args, ctx: ResolverContext) =>
    paginate(listInventoryItems(ctx.store, args as PageArgs), args as PageArgs, ctx),
};

/** The query root fields Pulse uses (and `Shop`'s list fields, which answer the same). */
export const queryRootResolvers: ResolverMap = {
  QueryRoot: {
    shop: (_s, _args, ctx) => ctx.store.shop,
    ...listRoots,
    product: (_s, args, ctx) => ofType(ctx, args["id"] as string, "Product"),
    productVariant: (_s, args, ctx) => ofType(ctx, args["id"] as string, "ProductVariant"),
    inventoryItem: (_s, args, ctx) => ofType(ctx, args["id"] as string, "InventoryItem"),
    inventoryLevel: (_s, args, ctx) => ofType(ctx, args["id"] as string, "InventoryLevel"),
    location: (_s, args, ctx) => {
      // Without an id Shopify answers the shop's primary location.
      if (args["id"] == null) return [...ctx.store.locations.values()].find((l) => l.isPrimary) ?? null;
      return ofType(ctx, args["id"] as string, "Location");
    },
    order: (_s, args, ctx) => ofType(ctx, args["id"] as string, "Order"),
    inventoryTransfer: (_s, args, ctx) => ofType(ctx, args["id"] as string, "InventoryTransfer"),
    metafieldDefinition: (_s, args, ctx) =>
      args["id"] ? ofType(ctx, args["id"] as string, "MetafieldDefinition") : null,
    node: (_s, args, ctx) => nodeById(ctx, args["id"] as string),
    nodes: (_s, args, ctx) => (args["ids"] as string[]).map((id) => nodeById(ctx, id)),
    bulkOperation: (_s, args, ctx) => {
      const found = nodeById(ctx, args["id"] as string) as { __typename?: string } | null;
      return found?.__typename === "BulkOperation" ? found : null;
    },
    currentBulkOperation: (_s, args, ctx) => {
      const type = (args["type"] as string | undefined) ?? "QUERY";
      const latest = [...ctx.store.bulkOperations.values()].filter((op) => op.type === type).at(-1);
      if (!latest) return null;
      return nodeById(ctx, latest.id);
    },
  },
  Shop: { ...listRoots },
};
