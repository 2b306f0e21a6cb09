import {
  getNamedType,
  isObjectType,
  parse,
  validate,
  type DocumentNode,
  type GraphQLObjectType,
  type SelectionSetNode,
} from "graphql";
import { gid } from "../gid";
import type { BulkOperationRecord } from "../records";
import type { AdminSchema } from "../schema";
import type { ResolverMap } from "./context";

/** Shopify runs at most five bulk query operations at a time per shop (since 2026-01). */
export const MAX_CONCURRENT_BULK_QUERIES = 5;
/** Shopify's bulk query limits: five connections in all, nested at most two levels below the top one. */
const MAX_CONNECTIONS = 5;
const MAX_CONNECTION_DEPTH = 2;

function isConnection(type: unknown): type is GraphQLObjectType {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

/** Counts connections and their deepest nesting (0 = a top-level connection). */
function connectionShape(
  adminSchema: AdminSchema,
  parent: GraphQLObjectType,
  selectionSet: SelectionSetNode,
  depth: number,
): { count: number; maxDepth: number } {
  let count = 0;
  let maxDepth = -1;
  for (const selection of selectionSet.selections) {
    if (selection.kind !== "Field" || !selection.selectionSet) {
      if (selection.kind === "InlineFragment") {
        const inner = connectionShape(adminSchema, parent, selection.selectionSet, depth);
        count += inner.count;
        maxDepth = Math.max(maxDepth, inner.maxDepth);
      }
      continue;
    }
    const def = parent.getFields()[selection.name.value];
    const type = def ? getNamedType(def.type) : undefined;
    if (!type || !isObjectType(type)) continue;
    const nextDepth = isConnection(type) ? depth + 1 : depth;
    if (isConnection(type)) {
      count += 1;
      maxDepth = Math.max(maxDepth, depth);
    }
    const inner = connectionShape(adminSchema, type, selection.selectionSet, nextDepth);
    count += inner.count;
    maxDepth = Math.max(maxDepth, inner.maxDepth);
  }
  return { count, maxDepth };
}

/** Why Shopify would refuse this bulk query, or null when it is acceptable. */
function bulkQueryProblem(adminSchema: AdminSchema, query: string): string | null {
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return `Invalid bulk query: ${(error as Error).message}`;
  }
  const errors = validate(adminSchema.schema, document);
  if (errors.length > 0) return `Invalid bulk query: ${errors.map((e) => e.message).join("; ")}`;
  const operations = document.definitions.filter((d) => d.kind === "OperationDefinition");
  if (
    operations.length !== 1 ||
    operations[0]!.kind !== "OperationDefinition" ||
    operations[0]!.operation !== "query"
  ) {
    return "Invalid bulk query: the document must contain exactly one query operation.";
  }
  const queryType = adminSchema.schema.getQueryType()!;
  const shape = connectionShape(adminSchema, queryType, operations[0]!.selectionSet, 0);
  if (shape.count === 0) return "Bulk queries must contain at least one connection.";
  if (shape.count > MAX_CONNECTIONS)
    return `Bulk queries cannot contain more than ${MAX_CONNECTIONS} connections.`;
  if (shape.maxDepth > MAX_CONNECTION_DEPTH) {
    return `Bulk queries cannot contain connections with a nesting depth greater than ${MAX_CONNECTION_DEPTH}.`;
  }
  return null;
}

/** `bulkOperationRunQuery`: records the query; polling moves it to COMPLETED with a JSONL url. */
export const bulkMutationResolvers: ResolverMap = {
  Mutation: {
    bulkOperationRunQuery: (_s, args, ctx) => {
      const query = args["query"] as string;
      const problem = bulkQueryProblem(ctx.adminSchema, query);
      if (problem) {
        return { bulkOperation: null, userErrors: [{ field: ["query"], message: problem, code: "INVALID" }] };
      }
      const running = [...ctx.store.bulkOperations.values()].filter(
        (op) => op.type === "QUERY" && (op.status === "CREATED" || op.status === "RUNNING"),
      );
      if (running.length >= MAX_CONCURRENT_BULK_QUERIES) {
        return {
          bulkOperation: null,
          userErrors: [
            {
              field: null,
              message: `A maximum of ${MAX_CONCURRENT_BULK_QUERIES} bulk query operations can run at the same time.`,
              code: "LIMIT_REACHED",
            },
          ],
        };
      }
      const op: BulkOperationRecord = {
        __typename: "BulkOperation",
        id: gid("BulkOperation", ctx.store.nextNumericId()),
        type: "QUERY",
        status: "CREATED",
        query,
        groupObjects: Boolean(args["groupObjects"]),
        createdAt: ctx.store.now().toISOString(),
        completedAt: null,
        errorCode: null,
        objectCount: "0",
        rootObjectCount: "0",
        fileSize: null,
        url: null,
        partialDataUrl: null,
        pollCount: 0,
      };
      ctx.store.bulkOperations.set(op.id, op);
      return { bulkOperation: op, userErrors: [] };
    },
  },
};
