import {
  getNamedType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

/** A bulk result: the JSONL text plus the counts `BulkOperation` reports. */
export interface BulkJsonl {
  jsonl: string;
  objectCount: number;
  rootObjectCount: number;
}

interface Collected {
  node: FieldNode;
  parent: GraphQLCompositeType;
}

function collectFields(
  schema: GraphQLSchema,
  fragments: Record<string, FragmentDefinitionNode>,
  parent: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  out: Collected[] = [],
): Collected[] {
  for (const selection of selectionSet.selections) {
    if (selection.kind === "Field") out.push({ node: selection, parent });
    else {
      const fragment = selection.kind === "FragmentSpread" ? fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const conditionName = fragment.typeCondition?.name.value;
      const condition = conditionName ? schema.getType(conditionName) : parent;
      if (condition && isCompositeType(condition))
        collectFields(schema, fragments, condition, fragment.selectionSet, out);
    }
  }
  return out;
}

function isConnectionType(type: unknown): boolean {
  return isObjectType(type) && type.name.endsWith("Connection") && "edges" in type.getFields();
}

function connectionNodeType(connection: unknown): GraphQLCompositeType | undefined {
  if (!isObjectType(connection)) return undefined;
  const nodeType = getNamedType(connection.getFields()["nodes"]?.type);
  return nodeType && isCompositeType(nodeType) ? nodeType : undefined;
}

function connectionNodes(value: unknown, selectionSet: SelectionSetNode): unknown[] {
  if (value === null || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  for (const selection of selectionSet.selections) {
    if (selection.kind !== "Field") continue;
    const key = selection.alias?.value ?? selection.name.value;
    if (selection.name.value === "nodes" && Array.isArray(record[key])) return record[key] as unknown[];
    if (selection.name.value === "edges" && Array.isArray(record[key])) {
      const nodeField = selection.selectionSet?.selections.find(
        (s): s is FieldNode => s.kind === "Field" && s.name.value === "node",
      );
      const nodeKey = nodeField?.alias?.value ?? "node";
      return (record[key] as Record<string, unknown>[]).map((edge) => edge[nodeKey]);
    }
  }
  return [];
}

function connectionNodeSelection(selectionSet: SelectionSetNode): SelectionSetNode | undefined {
  for (const selection of selectionSet.selections) {
    if (selection.kind !== "Field") continue;
    if (selection.name.value === "nodes") return selection.selectionSet;
    if (selection.name.value === "edges") {
      const node = selection.selectionSet?.selections.find(
        (s): s is FieldNode => s.kind === "Field" && s.name.value === "node",
      );
      return node?.selectionSet;
    }
  }
  return undefined;
}

/**
 * Flattens a bulk query's result the way Shopify writes bulk JSONL: every node of every
 * connection becomes its own line; nested connections are cut out of their parent line and
 * their nodes follow as lines carrying `__parentId` (the id of the enclosing line's object);
 * plain nested objects stay inline. Parents come before their children.
 *
 * @example
 * // products { edges { node { id variants { edges { node { id } } } } } }
 * // {"id":"gid://shopify/Product/1"}
 * // {"id":"gid://shopify/ProductVariant/11","__parentId":"gid://shopify/Product/1"}
 */
export function bulkResultToJsonl(schema: GraphQLSchema, document: DocumentNode, data: unknown): BulkJsonl {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  let operation: OperationDefinitionNode | undefined;
  for (const definition of document.definitions) {
    if (definition.kind === "FragmentDefinition") fragments[definition.name.value] = definition;
    if (definition.kind === "OperationDefinition") operation ??= definition;
  }
  const lines: string[] = [];
  let rootObjectCount = 0;
  const queryType = schema.getQueryType();
  if (!operation || !queryType || data === null || typeof data !== "object") {
    return { jsonl: "", objectCount: 0, rootObjectCount: 0 };
  }

  /** Copies an object's selected fields; connections are queued as child lines instead. */
  function project(
    value: Record<string, unknown>,
    type: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    children: { nodes: unknown[]; type: GraphQLCompositeType; selectionSet: SelectionSetNode }[],
  ): Record<string, unknown> {
    const line: Record<string, unknown> = {};
    for (const { node, parent } of collectFields(schema, fragments, type, selectionSet)) {
      const key = node.alias?.value ?? node.name.value;
      if (!(key in value)) continue;
      const fieldValue = value[key];
      const def =
        isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[node.name.value] : undefined;
      const fieldType = def ? getNamedType(def.type) : undefined;
      if (fieldType && isConnectionType(fieldType) && node.selectionSet) {
        const nodeSelection = connectionNodeSelection(node.selectionSet);
        const nodeType = connectionNodeType(fieldType);
        if (nodeSelection && nodeType) {
          children.push({
            nodes: connectionNodes(fieldValue, node.selectionSet),
            type: nodeType,
            selectionSet: nodeSelection,
          });
        }
        continue;
      }
      if (
        fieldType &&
        isCompositeType(fieldType) &&
        node.selectionSet &&
        fieldValue !== null &&
        typeof fieldValue === "object"
      ) {
        line[key] = Array.isArray(fieldValue)
          ? fieldValue.map((item) =>
              item !== null && typeof item === "object"
                ? project(item as Record<string, unknown>, fieldType, node.selectionSet!, children)
                : item,
            )
          : project(fieldValue as Record<string, unknown>, fieldType, node.selectionSet, children);
        continue;
      }
      line[key] = fieldValue;
    }
    return line;
  }

  function emit(
    node: unknown,
    type: GraphQLCompositeType,
    selectionSet: SelectionSetNode,
    parentId: string | null,
  ): void {
    if (node === null || typeof node !== "object") return;
    const children: { nodes: unknown[]; type: GraphQLCompositeType; selectionSet: SelectionSetNode }[] = [];
    const line = project(node as Record<string, unknown>, type, selectionSet, children);
    if (parentId !== null) line["__parentId"] = parentId;
    else rootObjectCount += 1;
    lines.push(JSON.stringify(line));
    const id = (node as Record<string, unknown>)["id"];
    for (const child of children) {
      for (const childNode of child.nodes) {
        emit(childNode, child.type, child.selectionSet, typeof id === "string" ? id : parentId);
      }
    }
  }

  const root = data as Record<string, unknown>;
  for (const { node, parent } of collectFields(schema, fragments, queryType, operation.selectionSet)) {
    const def = isObjectType(parent) ? parent.getFields()[node.name.value] : undefined;
    const fieldType = def ? getNamedType(def.type) : undefined;
    if (!fieldType || !isConnectionType(fieldType) || !node.selectionSet) continue;
    const nodeSelection = connectionNodeSelection(node.selectionSet);
    const nodeType = connectionNodeType(fieldType);
    if (!nodeSelection || !nodeType) continue;
    for (const item of connectionNodes(root[node.alias?.value ?? node.name.value], node.selectionSet)) {
      emit(item, nodeType, nodeSelection, null);
    }
  }
  return { jsonl: lines.length ? `${lines.join("\n")}\n` : "", objectCount: lines.length, rootObjectCount };
}
