import { GraphQLError } from "graphql";

/** The pagination arguments every Admin connection field takes. */
export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
  reverse?: boolean | null;
}

/** A connection's shape as the schema names it, so default resolvers read it directly. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  nodes: T[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** Shopify caps a page at 250 nodes. */
export const MAX_PAGE_SIZE = 250;

/**
 * Shopify's cursors are opaque base64 JSON naming the last id seen; the fake mints the same
 * kind so a client cannot lean on a format Shopify does not promise.
 *
 * @example
 * encodeCursor("gid://shopify/Product/7"); // "eyJsYXN0X2lkIjo3…"
 */
export function encodeCursor(id: string): string {
  const tail = /\/(\d+)(?:\?.*)?$/.exec(id)?.[1];
  return Buffer.from(JSON.stringify({ last_id: tail ? Number(tail) : id, last_value: id })).toString(
    "base64",
  );
}

function decodeCursor(cursor: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64").toString("utf8")) as { last_value?: unknown };
    if (typeof parsed.last_value === "string") return parsed.last_value;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError("Invalid cursor for current pagination sort.", {
    extensions: { code: "BAD_REQUEST" },
  });
}

/**
 * Slices an already filtered and sorted list the way Shopify pages: `first`/`after` forward,
 * `last`/`before` backward, `reverse` flips the order, and `pageInfo` reports pages on both
 * sides. Outside bulk operations one of `first` or `last` is required and at most 250.
 * Bulk operations ignore page sizes (Shopify streams every node).
 *
 * @example
 * paginate(products, { first: 2 }, { bulk: false }).pageInfo.hasNextPage; // true when > 2
 */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  args: ConnectionArgs,
  options: { bulk: boolean },
): Connection<T> {
  const ordered = args.reverse ? [...items].reverse() : items;
  if (!options.bulk) {
    if (args.first == null && args.last == null) {
      throw new GraphQLError("you must provide one of first or last", {
        extensions: { code: "BAD_REQUEST" },
      });
    }
    for (const name of ["first", "last"] as const) {
      const size = args[name];
      if (size != null && (size < 0 || size > MAX_PAGE_SIZE)) {
        throw new GraphQLError(`The ${name} argument must be between 0 and ${MAX_PAGE_SIZE}.`, {
          extensions: { code: "BAD_REQUEST" },
        });
      }
    }
  }
  let start = 0;
  let end = ordered.length;
  if (args.after) {
    const afterId = decodeCursor(args.after);
    const index = ordered.findIndex((item) => item.id === afterId);
    start = index >= 0 ? index + 1 : start;
  }
  if (args.before) {
    const beforeId = decodeCursor(args.before);
    const index = ordered.findIndex((item) => item.id === beforeId);
    end = index >= 0 ? index : end;
  }
  if (!options.bulk) {
    if (args.first != null) end = Math.min(end, start + args.first);
    if (args.last != null) start = Math.max(start, end - args.last);
  }
  const page = ordered.slice(start, Math.max(start, end));
  const edges = page.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: end < ordered.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
