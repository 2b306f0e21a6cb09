import { visit, type ASTNode, type DocumentNode, type GraphQLError } from "graphql";

/** One entry of a Shopify error response's `errors` array. */
export interface ShopifyGraphQLError {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
}

/**
 * Shopify runs graphql-ruby, whose static validation answers differ from graphql-js's in
 * wording and carry a `code` plus details in `extensions`, and a `path` made of the operation
 * ("query Name") and field names. Clients branch on `extensions.code`, so the fake translates
 * the common cases; anything else keeps graphql-js's message with code
 * `GRAPHQL_VALIDATION_FAILED`.
 */
const TRANSLATIONS: {
  pattern: RegExp;
  build: (m: RegExpExecArray) => { message: string; extensions: Record<string, unknown> };
}[] = [
  {
    pattern: /^Cannot query field "(\w+)" on type "(\w+)"\./,
    build: (m) => ({
      message: `Field '${m[1]}' doesn't exist on type '${m[2]}'`,
      extensions: { code: "undefinedField", typeName: m[2], fieldName: m[1] },
    }),
  },
  {
    pattern: /^Unknown argument "(\w+)" on field "\w+\.(\w+)"\./,
    build: (m) => ({
      message: `Field '${m[2]}' doesn't accept argument '${m[1]}'`,
      extensions: { code: "argumentNotAccepted", name: m[2], typeName: "Field", argumentName: m[1] },
    }),
  },
  {
    pattern: /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./,
    build: (m) => ({
      message: `Field '${m[1]}' is missing required arguments: ${m[2]}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: m[1], arguments: m[2] },
    }),
  },
  {
    pattern: /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields/,
    build: (m) => ({
      message: `Field must have selections (field '${m[1]}' returns ${m[2]!.replace(/[[\]!]/g, "")} but has no selections. Did you mean '${m[1]} { ... }'?)`,
      extensions: {
        code: "selectionMismatch",
        nodeName: `field '${m[1]}'`,
        typeName: m[2]!.replace(/[[\]!]/g, ""),
      },
    }),
  },
  {
    pattern: /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./,
    build: (m) => ({
      message: `Selections can't be made on scalars (field '${m[1]}' returns ${m[2]!.replace(/[[\]!]/g, "")} but has selections [...])`,
      extensions: {
        code: "selectionMismatch",
        nodeName: `field '${m[1]}'`,
        typeName: m[2]!.replace(/[[\]!]/g, ""),
      },
    }),
  },
  {
    pattern: /^Variable "\$(\w+)" is never used(?: in operation "(\w+)")?\./,
    build: (m) => ({
      message: `Variable $${m[1]} is declared by ${m[2] ?? "anonymous query"} but not used`,
      extensions: { code: "variableNotUsed", variableName: m[1] },
    }),
  },
  {
    pattern: /^Variable "\$(\w+)" is not defined(?: by operation "(\w+)")?\./,
    build: (m) => ({
      message: `Variable $${m[1]} is used by ${m[2] ?? "anonymous query"} but not declared`,
      extensions: { code: "variableNotDefined", variableName: m[1] },
    }),
  },
  {
    pattern: /^Unknown directive "@(\w+)"\./,
    build: (m) => ({
      message: `Directive @${m[1]} is not defined`,
      extensions: { code: "undefinedDirective", directiveName: m[1] },
    }),
  },
  {
    pattern: /^Unknown type "(\w+)"\./,
    build: (m) => ({
      message: `No such type ${m[1]}, so it can't be a fragment condition`,
      extensions: { code: "undefinedType", typeName: m[1] },
    }),
  },
];

/** graphql-ruby's path for each field, argument and directive node of a document. */
function pathsByNode(document: DocumentNode): Map<ASTNode, string[]> {
  const paths = new Map<ASTNode, string[]>();
  const stack: string[] = [];
  visit(document, {
    OperationDefinition: {
      enter(node) {
        stack.push(node.name ? `${node.operation} ${node.name.value}` : node.operation);
      },
      leave() {
        stack.pop();
      },
    },
    FragmentDefinition: {
      enter(node) {
        stack.push(`fragment ${node.name.value}`);
      },
      leave() {
        stack.pop();
      },
    },
    InlineFragment: {
      enter(node) {
        stack.push(node.typeCondition ? `... on ${node.typeCondition.name.value}` : "...");
      },
      leave() {
        stack.pop();
      },
    },
    Field: {
      enter(node) {
        stack.push(node.alias?.value ?? node.name.value);
        paths.set(node, [...stack]);
      },
      leave() {
        stack.pop();
      },
    },
    Argument(node) {
      paths.set(node, [...stack, node.name.value]);
    },
    Directive(node) {
      paths.set(node, [...stack, `@${node.name.value}`]);
    },
  });
  return paths;
}

/**
 * Turns graphql-js validation errors into the errors Shopify answers with (HTTP 200).
 *
 * @example
 * toShopifyValidationErrors(document, validate(schema, document))[0];
 * // { message: "Field 'nope' doesn't exist on type 'Shop'", locations: [...],
 * //   path: ["query", "shop", "nope"], extensions: { code: "undefinedField", typeName: "Shop", fieldName: "nope" } }
 */
export function toShopifyValidationErrors(
  document: DocumentNode,
  errors: readonly GraphQLError[],
): ShopifyGraphQLError[] {
  const paths = pathsByNode(document);
  return errors.map((error) => {
    const node = error.nodes?.[0];
    const path = node ? paths.get(node) : undefined;
    let message = error.message;
    let extensions: Record<string, unknown> = { code: "GRAPHQL_VALIDATION_FAILED" };
    for (const translation of TRANSLATIONS) {
      const match = translation.pattern.exec(error.message);
      if (match) {
        ({ message, extensions } = translation.build(match));
        break;
      }
    }
    return {
      message,
      ...(error.locations
        ? { locations: error.locations.map((l) => ({ line: l.line, column: l.column })) }
        : {}),
      ...(path ? { path } : {}),
      extensions,
    };
  });
}

/**
 * The answer to a document that does not parse. graphql-ruby reports it as
 * `Parse error on "<token>" (<KIND>) at [line, column]` with no code.
 *
 * @example
 * toShopifyParseError(syntaxError); // { message: 'Parse error on "}" … at [1, 9]', locations: [{ line: 1, column: 9 }] }
 */
export function toShopifyParseError(error: GraphQLError): ShopifyGraphQLError {
  const location = error.locations?.[0];
  const detail = error.message.replace(/^Syntax Error:\s*/, "");
  return {
    message: location
      ? `Parse error: ${detail} at [${location.line}, ${location.column}]`
      : `Parse error: ${detail}`,
    ...(location ? { locations: [{ line: location.line, column: location.column }] } : {}),
  };
}
