import {
  getArgumentValues,
  GraphQLError,
  type GraphQLObjectType,
  type OperationDefinitionNode,
} from "graphql";

/** Shopify refuses any input list longer than 250 entries before running the operation. */
export const MAX_INPUT_ARRAY_SIZE = 250;

function findLongList(value: unknown, path: string[]): { path: string[]; size: number } | null {
  if (Array.isArray(value)) {
    if (value.length > MAX_INPUT_ARRAY_SIZE) return { path, size: value.length };
    for (const item of value) {
      const found = findLongList(item, path);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      const found = findLongList(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The error Shopify answers when a root field's argument holds a list of more than 250
 * entries (e.g. 251 `changes` in `inventoryAdjustQuantities`), or null when every list fits.
 * The whole request is refused: nothing runs.
 *
 * @example
 * oversizedInputError(mutationType, operation, variables)?.extensions.code; // "MAX_INPUT_SIZE_EXCEEDED"
 */
export function oversizedInputError(
  root: GraphQLObjectType,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | null {
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== "Field") continue;
    const def = root.getFields()[selection.name.value];
    if (!def) continue;
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(def, selection, variables);
    } catch {
      continue; // execution reports argument errors itself
    }
    const found = findLongList(args, [selection.alias?.value ?? selection.name.value]);
    if (found) {
      return new GraphQLError(
        `The input array size of ${found.size} is greater than the maximum allowed of ${MAX_INPUT_ARRAY_SIZE}.`,
        { nodes: [selection], path: found.path, extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" } },
      );
    }
  }
  return null;
}
