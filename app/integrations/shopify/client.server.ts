import {
  GraphqlQueryError,
  HttpInternalError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpRetriableError,
  HttpThrottlingError,
} from "@shopify/shopify-api";

/** What Pulse needs of an Admin client: `admin` from authenticate.admin / unauthenticated.admin. */
export interface AdminGraphqlClient {
  graphql(query: string, options?: { variables?: Record<string, unknown> }): Promise<Response>;
}

export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export interface QueryCost {
  requestedQueryCost: number;
  actualQueryCost: number | null;
  throttleStatus: ThrottleStatus;
}

/**
 * An Admin API failure, classified. `retryable` failures (throttled, 429, 5xx, network) were already
 * retried until the deadline; `terminal` ones (validation, access denied, 4xx) were not retried.
 */
export class AdminApiError extends Error {
  constructor(
    message: string,
    readonly kind: "retryable" | "terminal",
    readonly code: string,
    readonly detail?: unknown,
  ) {
    super(message);
    this.name = "AdminApiError";
  }
}

export interface AdminRequestOptions {
  /** Give up retrying after this long (default 60 s). */
  deadlineMs?: number;
  /** Injected for tests: the clock, sleep and jitter. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  onCost?: (operationName: string, cost: QueryCost) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The operation's name, for logs (`query ProductsWithStock(...)` → ProductsWithStock). */
export function operationName(operation: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(operation)?.[1] ?? "anonymous";
}

/** Jittered exponential backoff: base 500 ms doubling per attempt, capped at 20 s, full jitter. */
export function backoffMs(attempt: number, random: () => number): number {
  const ceiling = Math.min(20_000, 500 * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Time to wait so the leaky bucket holds `needed` points again (Shopify restores restoreRate per second). */
export function waitForBucketMs(status: ThrottleStatus, needed: number): number {
  if (status.currentlyAvailable >= needed) return 0;
  const missing = Math.min(needed, status.maximumAvailable) - status.currentlyAvailable;
  return Math.ceil((missing / Math.max(status.restoreRate, 1)) * 1000);
}

type Classified = {
  kind: "retryable" | "terminal";
  code: string;
  message: string;
  detail?: unknown;
  waitMs?: number;
};

function classify(error: unknown): Classified {
  if (error instanceof GraphqlQueryError) {
    const body = error.body as
      | {
          errors?: { graphQLErrors?: { message: string; extensions?: { code?: string } }[] };
          extensions?: { cost?: QueryCost };
        }
      | undefined;
    const first = body?.errors?.graphQLErrors?.[0];
    const code = first?.extensions?.code ?? "GRAPHQL_ERROR";
    if (code === "THROTTLED") {
      // Shopify answers THROTTLED with HTTP 200; wait for the bucket to refill what we asked for.
      const cost = body?.extensions?.cost;
      const waitMs = cost ? waitForBucketMs(cost.throttleStatus, cost.requestedQueryCost) : undefined;
      return { kind: "retryable", code, message: "Shopify throttled the request", waitMs };
    }
    if (code === "INTERNAL_SERVER_ERROR") return { kind: "retryable", code, message: first?.message ?? code };
    return {
      kind: "terminal",
      code,
      message: first?.message ?? error.message,
      detail: body?.errors?.graphQLErrors,
    };
  }
  if (error instanceof HttpThrottlingError) {
    return {
      kind: "retryable",
      code: "HTTP_429",
      message: error.message,
      waitMs: error.response.retryAfter ? error.response.retryAfter * 1000 : undefined,
    };
  }
  if (
    error instanceof HttpInternalError ||
    error instanceof HttpRetriableError ||
    error instanceof HttpMaxRetriesError
  ) {
    return { kind: "retryable", code: "HTTP_5XX", message: error.message };
  }
  if (error instanceof HttpResponseError) {
    const status = error.response.code;
    return { kind: "terminal", code: `HTTP_${status}`, message: error.message };
  }
  if (
    error instanceof HttpRequestError ||
    (error instanceof Error && /fetch failed|ECONN|ETIMEDOUT|socket/i.test(error.message))
  ) {
    return { kind: "retryable", code: "NETWORK", message: error.message };
  }
  return {
    kind: "terminal",
    code: "UNKNOWN",
    message: error instanceof Error ? error.message : String(error),
  };
}

/**
 * Sends one Admin GraphQL operation and returns its `data`, retrying throttling, 429, 5xx and network
 * failures with jittered exponential backoff until the deadline; anything else fails at once.
 * Logs the query cost of every answer through `onCost`.
 *
 * @example
 * const data = await adminRequest<ProductsWithStockQuery>(admin, PRODUCTS_WITH_STOCK, { first: 50 });
 */
export async function adminRequest<TData>(
  admin: AdminGraphqlClient,
  operation: string,
  variables: Record<string, unknown> = {},
  options: AdminRequestOptions = {},
): Promise<TData> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const deadline = now() + (options.deadlineMs ?? 60_000);
  const name = operationName(operation);
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await admin.graphql(operation, { variables });
      const body = (await response.json()) as { data?: TData; extensions?: { cost?: QueryCost } };
      if (body.extensions?.cost) options.onCost?.(name, body.extensions.cost);
      if (body.data === undefined || body.data === null) {
        throw new AdminApiError(`${name}: the Admin API answered without data`, "terminal", "NO_DATA", body);
      }
      return body.data;
    } catch (error) {
      if (error instanceof AdminApiError) throw error;
      const failure = classify(error);
      const waitMs = Math.max(failure.waitMs ?? 0, backoffMs(attempt, random));
      if (failure.kind === "terminal" || now() + waitMs > deadline) {
        const reason =
          failure.kind === "terminal"
            ? failure.message
            : `${failure.message} (gave up after ${attempt + 1} attempts)`;
        throw new AdminApiError(`${name}: ${reason}`, failure.kind, failure.code, failure.detail);
      }
      await sleep(waitMs);
    }
  }
}
