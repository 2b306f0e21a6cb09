import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isLeafType,
  isObjectType,
  isInterfaceType,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** Shopify's published base cost of a mutation field. */
const MUTATION_COST = 10;
/** Each connection costs 2 plus its page size times what one node costs. */
const CONNECTION_COST = 2;

type Mode = "requested" | "actual";

interface CostContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  mode: Mode;
}

function fieldDefinition(
  parent: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined;
}

function argumentsOf(
  ctx: CostContext,
  def: GraphQLField<unknown, unknown>,
  node: Parameters<typeof getArgumentValues>[1],
) {
  try {
    return getArgumentValues(def, node, ctx.variables);
  } catch {
    return {};
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
}

/** What one node of a connection costs, summed over `edges { node }` and `nodes`. */
function connectionNodeCost(
  ctx: CostContext,
  connectionType: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  value: Record<string, unknown> | null,
): { perNode: number; actualNodes: number } {
  let perNode = 0;
  let actualNodes = 0;
  const visit = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType,
    current: Record<string, unknown> | null,
  ) => {
    for (const selection of set.selections) {
      if (selection.kind === "InlineFragment") visit(selection.selectionSet, parent, current);
      else if (selection.kind === "FragmentSpread") {
        const fragment = ctx.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, parent, current);
      } else if (selection.selectionSet) {
        const key = selection.alias?.value ?? selection.name.value;
        const def = fieldDefinition(parent, selection.name.value);
        if (!def) continue;
        const type = getNamedType(def.type);
        if (!isCompositeType(type)) continue;
        if (selection.name.value === "edges") {
          const edges = ctx.mode === "actual" ? ((current?.[key] as unknown[] | undefined) ?? []) : [null];
          for (const edgeSelection of selection.selectionSet.selections) {
            if (
              edgeSelection.kind !== "Field" ||
              edgeSelection.name.value !== "node" ||
              !edgeSelection.selectionSet
            )
              continue;
            const nodeType = getNamedType(fieldDefinition(type, "node")?.type);
            if (!nodeType || !isCompositeType(nodeType)) continue;
            const nodeKey = edgeSelection.alias?.value ?? "node";
            for (const edge of edges) {
              perNode +=
                1 +
                selectionCost(ctx, nodeType, edgeSelection.selectionSet, asRecord(asRecord(edge)?.[nodeKey]));
              if (ctx.mode === "actual") actualNodes += 1;
            }
          }
        } else if (selection.name.value === "nodes") {
          const nodes = ctx.mode === "actual" ? ((current?.[key] as unknown[] | undefined) ?? []) : [null];
          for (const node of nodes) {
            perNode += 1 + selectionCost(ctx, type, selection.selectionSet, asRecord(node));
            if (ctx.mode === "actual") actualNodes += 1;
          }
        }
        // pageInfo is free.
      }
    }
  };
  visit(selectionSet, connectionType, value);
  return { perNode, actualNodes };
}

function selectionCost(
  ctx: CostContext,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  value: Record<string, unknown> | null,
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === "InlineFragment") {
      const condition = selection.typeCondition
        ? ctx.schema.getType(selection.typeCondition.name.value)
        : parent;
      if (condition && isCompositeType(condition))
        total += selectionCost(ctx, condition, selection.selectionSet, value);
      continue;
    }
    if (selection.kind === "FragmentSpread") {
      const fragment = ctx.fragments[selection.name.value];
      const condition = fragment ? ctx.schema.getType(fragment.typeCondition.name.value) : undefined;
      if (fragment && condition && isCompositeType(condition)) {
        total += selectionCost(ctx, condition, fragment.selectionSet, value);
      }
      continue;
    }
    if (selection.name.value.startsWith("__")) continue;
    const def = fieldDefinition(parent, selection.name.value);
    if (!def) continue;
    const type = getNamedType(def.type);
    if (isLeafType(type) || !selection.selectionSet || !isCompositeType(type)) continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (ctx.mode === "actual" && (value === null || !(key in value))) continue; // fragment did not apply
    const child = ctx.mode === "actual" ? value?.[key] : undefined;
    if (type.name.endsWith("Connection") && isObjectType(type) && type.getFields()["edges"]) {
      const args = argumentsOf(ctx, def, selection);
      const { perNode, actualNodes } = connectionNodeCost(ctx, type, selection.selectionSet, asRecord(child));
      if (ctx.mode === "requested") {
        const size = Number(args["first"] ?? args["last"] ?? 1);
        total += CONNECTION_COST + size * perNode;
      } else {
        total += CONNECTION_COST + (actualNodes === 0 ? 0 : perNode);
      }
      continue;
    }
    if (ctx.mode === "actual" && Array.isArray(child)) {
      total += 1;
      for (const item of child) total += selectionCost(ctx, type, selection.selectionSet, asRecord(item));
      continue;
    }
    total += 1 + selectionCost(ctx, type, selection.selectionSet, asRecord(child));
  }
  return total;
}

/**
 * Shopify's calculated query cost, simplified: scalars are free, each object costs 1, a
 * connection costs 2 plus (page size × one node's cost, the node itself being an object that
 * costs 1), a mutation field costs 10 plus its
 * payload. "requested" prices the page sizes asked for; "actual" (pass the response data)
 * prices what came back, which is what Shopify finally charges.
 *
 * @example
 * calculateQueryCost({ schema, operation, fragments: {}, variables: {} }); // products(first: 10) { nodes { id } } → 12
 */
export function calculateQueryCost(input: {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  data?: unknown;
}): number {
  const mode: Mode = input.data === undefined ? "requested" : "actual";
  const ctx: CostContext = {
    schema: input.schema,
    fragments: input.fragments,
    variables: input.variables,
    mode,
  };
  const root =
    input.operation.operation === "mutation" ? input.schema.getMutationType() : input.schema.getQueryType();
  if (!root) return 0;
  const data = asRecord(input.data);
  if (input.operation.operation !== "mutation") {
    return Math.max(1, selectionCost(ctx, root, input.operation.selectionSet, data));
  }
  let total = 0;
  for (const selection of input.operation.selectionSet.selections) {
    if (selection.kind !== "Field") continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (mode === "actual" && (data === null || !(key in data))) continue;
    const def = root.getFields()[selection.name.value];
    const type = def ? getNamedType(def.type) : undefined;
    total += MUTATION_COST;
    if (selection.selectionSet && type && isCompositeType(type)) {
      total += selectionCost(ctx, type, selection.selectionSet, asRecord(data?.[key]));
    }
  }
  return total;
}
