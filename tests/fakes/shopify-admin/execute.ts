import { randomUUID } from "node:crypto";
import {
  execute,
  executeSync,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLTypeResolver,
} from "graphql";
import { finishBulkOperations } from "./bulk-lifecycle";
import type { ThrottleStatus } from "./cost-bucket";
import { oversizedInputError } from "./input-limits";
import { calculateQueryCost } from "./query-cost";
import type { ResolverContext } from "./resolvers/context";
import { adminResolvers } from "./resolvers/index";
import { ADMIN_SCHEMA_VERSION, loadAdminSchema } from "./schema";
import type { FakeAdminStore } from "./store";
import {
  toShopifyParseError,
  toShopifyValidationErrors,
  type ShopifyGraphQLError,
} from "./validation-errors";

/** A GraphQL request as clients POST it. */
export interface AdminOperationRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** Who is asking, and against which version (from the URL and the `X-Shopify-Access-Token` header). */
export interface AdminOperationAuth {
  apiVersion: string;
  accessToken: string | null | undefined;
}

/** Shopify's `extensions.cost`. `actualQueryCost` is null when the query did not run. */
export interface QueryCostExtension {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

export interface AdminResponseBody {
  data?: unknown;
  /** GraphQL errors; a string or object for HTTP-level errors (401, 404, 5xx), as Shopify sends. */
  errors?: ShopifyGraphQLError[] | string | Record<string, string>;
  extensions?: { cost: QueryCostExtension };
}

/** What the fake answers: an HTTP status and JSON body, or a transport fault to simulate. */
export interface AdminOperationResult {
  status: number;
  headers: Record<string, string>;
  body: AdminResponseBody | null;
  /** Set when an injected fault means "never answer" or "drop the connection"; status is 0. */
  transportFault?: "timeout" | "network";
}

/** Shopify refuses a single query whose requested cost exceeds 1000 points. */
export const SINGLE_QUERY_MAX_COST = 1000;

const fieldResolver: GraphQLFieldResolver<unknown, ResolverContext> = (source, args, ctx, info) => {
  const resolver = adminResolvers[info.parentType.name]?.[info.fieldName];
  if (resolver) return resolver(source, args, ctx, info);
  if (source !== null && typeof source === "object" && info.fieldName in source) {
    return (source as Record<string, unknown>)[info.fieldName];
  }
  // Loud on purpose: a field the app starts using must be added here, not silently null.
  throw new GraphQLError(`The fake Admin API does not implement ${info.parentType.name}.${info.fieldName}.`, {
    extensions: { code: "FAKE_NOT_IMPLEMENTED" },
  });
};

const typeResolver: GraphQLTypeResolver<unknown, ResolverContext> = (value) =>
  value !== null && typeof value === "object"
    ? ((value as { __typename?: string }).__typename ?? undefined)
    : undefined;

function contextFor(store: FakeAdminStore, apiVersion: string, bulk: boolean): ResolverContext {
  const adminSchema = loadAdminSchema();
  return {
    store,
    adminSchema,
    apiVersion,
    bulk,
    runBulkQuery: (query) => runBulkQuery(store, query, apiVersion),
  };
}

/**
 * Runs a bulk operation's query over the whole store (connections unpaged), synchronously.
 *
 * @example
 * runBulkQuery(store, "{ products { edges { node { id } } } }", "2026-10").data;
 */
export function runBulkQuery(
  store: FakeAdminStore,
  query: string,
  apiVersion: string = ADMIN_SCHEMA_VERSION,
): { data: unknown; errors: readonly Error[] } {
  const { schema } = loadAdminSchema();
  const result = executeSync({
    schema,
    document: parse(query),
    contextValue: contextFor(store, apiVersion, true),
    fieldResolver,
    typeResolver,
  });
  return { data: result.data ?? null, errors: result.errors ?? [] };
}

/**
 * Completes every pending bulk operation now (skipping the poll-driven CREATED → RUNNING →
 * COMPLETED steps), e.g. before the demo reads results.
 *
 * @example
 * completeBulkOperations(store);
 */
export function completeBulkOperations(store: FakeAdminStore): void {
  finishBulkOperations(store, loadAdminSchema(), (query) => runBulkQuery(store, query));
}

function json(status: number, body: AdminResponseBody, apiVersion: string): AdminOperationResult {
  return {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "x-shopify-api-version": apiVersion === ADMIN_SCHEMA_VERSION ? apiVersion : ADMIN_SCHEMA_VERSION,
      "x-request-id": randomUUID(),
    },
    body,
  };
}

function errorJson(error: GraphQLError): ShopifyGraphQLError {
  const formatted = error.toJSON();
  // A resolver that threw something other than a GraphQLError is a bug in the fake or a
  // state Shopify would answer with an internal error.
  const internal = error.originalError !== undefined && !(error.originalError instanceof GraphQLError);
  const extensions = internal ? { code: "INTERNAL_SERVER_ERROR" } : formatted.extensions;
  return {
    message: formatted.message,
    ...(formatted.locations ? { locations: [...formatted.locations] } : {}),
    ...(formatted.path ? { path: [...formatted.path] } : {}),
    ...(extensions && Object.keys(extensions).length > 0 ? { extensions: { ...extensions } } : {}),
  };
}

/**
 * Answers one Admin GraphQL request the way Shopify does: 401 without a valid token; HTTP 200
 * with graphql-ruby-shaped errors for documents that do not parse or validate against the real
 * 2026-10 schema; `MAX_INPUT_SIZE_EXCEEDED` / `MAX_COST_EXCEEDED` / `THROTTLED` refusals;
 * otherwise the executed result. Every GraphQL answer carries `extensions.cost`.
 * Injected faults (`store.faults`) take precedence.
 *
 * @example
 * const { status, body } = await executeAdminOperation(store, { query: "{ shop { name } }" },
 *   { apiVersion: "2026-10", accessToken: FAKE_ADMIN_ACCESS_TOKEN });
 * // status 200, body.data.shop.name
 */
export async function executeAdminOperation(
  store: FakeAdminStore,
  request: AdminOperationRequest,
  auth: AdminOperationAuth,
): Promise<AdminOperationResult> {
  const apiVersion = auth.apiVersion;
  const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
  const fault = store.faults.take(operationName);
  if (fault?.kind === "timeout" || fault?.kind === "network") {
    return { status: 0, headers: {}, body: null, transportFault: fault.kind };
  }
  if (fault?.kind === "http500") return json(500, { errors: "Internal Server Error" }, apiVersion);
  if (fault?.kind === "http502") return json(502, { errors: "Bad Gateway" }, apiVersion);

  if (!/^(\d{4}-\d{2}|unstable)$/.test(apiVersion)) return json(404, { errors: "Not Found" }, apiVersion);
  if (!auth.accessToken || !store.accessTokens.has(auth.accessToken)) {
    return json(
      401,
      { errors: "[API] Invalid API key or access token (unrecognized login or wrong password)" },
      apiVersion,
    );
  }
  if (typeof request.query !== "string" || request.query.trim() === "") {
    return json(400, { errors: { query: "Required parameter missing or invalid" } }, apiVersion);
  }

  const { schema } = loadAdminSchema();
  const unexecuted = (errors: ShopifyGraphQLError[], requestedQueryCost = 0): AdminOperationResult =>
    json(
      200,
      {
        errors,
        extensions: {
          cost: { requestedQueryCost, actualQueryCost: null, throttleStatus: store.bucket.status() },
        },
      },
      apiVersion,
    );

  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    return unexecuted([toShopifyParseError(error as GraphQLError)]);
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return unexecuted(toShopifyValidationErrors(document, validationErrors));

  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return unexecuted([
      { message: operationName ? `No operation named "${operationName}"` : "An operation name is required" },
    ]);
  }
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (operation.operation === "subscription" || !root) {
    return unexecuted([{ message: "Subscriptions are not supported over HTTP." }]);
  }

  const rawVariables =
    request.variables !== null && typeof request.variables === "object"
      ? (request.variables as Record<string, unknown>)
      : {};
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables);
  if (coerced.errors) {
    return unexecuted(
      coerced.errors.map((error) => {
        const name = /\$(\w+)/.exec(error.message)?.[1] ?? "";
        const definition = operation.variableDefinitions?.find((d) => d.variable.name.value === name);
        const type = definition
          ? document.loc?.source.body.slice(definition.type.loc?.start, definition.type.loc?.end)
          : "";
        return {
          message: `Variable $${name} of type ${type} was provided invalid value`,
          ...(error.locations
            ? { locations: error.locations.map((l) => ({ line: l.line, column: l.column })) }
            : {}),
          extensions: {
            code: "INVALID_VARIABLE",
            value: rawVariables[name] ?? null,
            problems: [{ path: [], explanation: error.message }],
          },
        };
      }),
    );
  }
  const variables = coerced.coerced;

  const oversized = oversizedInputError(root, operation, variables);
  if (oversized) return unexecuted([errorJson(oversized)]);

  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === "FragmentDefinition") fragments[definition.name.value] = definition;
  }
  const requestedQueryCost = calculateQueryCost({ schema, operation, fragments, variables });
  if (requestedQueryCost > SINGLE_QUERY_MAX_COST) {
    return unexecuted(
      [
        {
          message:
            `Query cost is ${requestedQueryCost}, which exceeds the single query max cost limit (${SINGLE_QUERY_MAX_COST}).\n\n` +
            "See https://shopify.dev/concepts/about-apis/rate-limits for more information on how the\n" +
            "cost of a query is calculated.\n\n" +
            "To query larger amounts of data with fewer limits, bulk operations should be used instead.\n" +
            "See https://shopify.dev/tutorials/perform-bulk-operations-with-admin-api for usage details.\n",
          extensions: { code: "MAX_COST_EXCEEDED", cost: requestedQueryCost, maxCost: SINGLE_QUERY_MAX_COST },
        },
      ],
      requestedQueryCost,
    );
  }
  // Shopify answers a throttled request with HTTP 200 and a THROTTLED error, not 429.
  if (fault?.kind === "throttled" || !store.bucket.tryTake(requestedQueryCost)) {
    return unexecuted(
      [
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
      requestedQueryCost,
    );
  }

  const result: ExecutionResult = await execute({
    schema,
    document,
    operationName,
    variableValues: rawVariables,
    contextValue: contextFor(store, apiVersion, false),
    fieldResolver,
    typeResolver,
  });
  const actualQueryCost = Math.min(
    requestedQueryCost,
    calculateQueryCost({ schema, operation, fragments, variables, data: result.data ?? {} }),
  );
  store.bucket.refund(requestedQueryCost - actualQueryCost);
  return json(
    200,
    {
      ...(result.errors ? { errors: result.errors.map(errorJson) } : {}),
      data: result.data ?? null,
      extensions: { cost: { requestedQueryCost, actualQueryCost, throttleStatus: store.bucket.status() } },
    },
    apiVersion,
  );
}
