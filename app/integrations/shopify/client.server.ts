import {
  GraphqlQueryError,
  HttpInternalError,
  HttpMaxRetriesError,
  HttpRequestError,
  HttpResponseError,
  HttpRetriableError,
  HttpThrottlingError,
} from "@shopify/shopify-api";
import { env } from "~/config/env.server";

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
  /** Receives every answer's query cost (default: logged at LOG_LEVEL=debug). */
  onCost?: (operationName: string, cost: QueryCost) => void;
  /**
   * The shop's cost bucket as last seen. Default: one per Admin client object, so every request a job
   * makes through one client shares it.
   */
  bucket?: BucketTracker;
}

/**
 * What Pulse last learnt about a shop's leaky bucket: the throttle status of the latest answer, when it
 * came, and what each operation cost, so the next request can wait for the refill before it would be
 * throttled instead of after.
 */
export interface BucketTracker {
  status: ThrottleStatus | null;
  observedAtMs: number;
  requestedCostByOperation: Map<string, number>;
}

/** A fresh tracker (nothing known yet: the first request goes straight out). */
export function createBucketTracker(): BucketTracker {
  return { status: null, observedAtMs: 0, requestedCostByOperation: new Map() };
}

const trackers = new WeakMap<AdminGraphqlClient, BucketTracker>();

function trackerFor(admin: AdminGraphqlClient, explicit: BucketTracker | undefined): BucketTracker {
  if (explicit) return explicit;
  let tracker = trackers.get(admin);
  if (!tracker) {
    tracker = createBucketTracker();
    trackers.set(admin, tracker);
  }
  return tracker;
}

/**
 * How long to wait before sending an operation expected to cost `expectedCost`, given the bucket as
 * last seen `elapsedMs` ago (it refilled restoreRate points a second since, up to its maximum).
 * 0 when nothing is known or the bucket already holds enough.
 *
 * @example
 * waitBeforeSendingMs({ maximumAvailable: 2000, currentlyAvailable: 20, restoreRate: 100 }, 0, 120); // 1000
 */
export function waitBeforeSendingMs(
  status: ThrottleStatus | null,
  elapsedMs: number,
  expectedCost: number,
): number {
  if (!status || expectedCost <= 0) return 0;
  const refilled = Math.min(
    status.maximumAvailable,
    status.currentlyAvailable + (status.restoreRate * Math.max(0, elapsedMs)) / 1000,
  );
  return waitForBucketMs({ ...status, currentlyAvailable: refilled }, expectedCost);
}

function logCostAtDebug(name: string, cost: QueryCost): void {
  let level = "info";
  try {
    level = env().logLevel;
  } catch {
    // No valid environment (a script or a bench): stay quiet.
  }
  if (level !== "debug") return;
  const { requestedQueryCost, actualQueryCost, throttleStatus: t } = cost;
  console.debug(
    `[shopify] ${name} cost requested=${requestedQueryCost} actual=${actualQueryCost ?? "-"} bucket=${t.currentlyAvailable}/${t.maximumAvailable} (+${t.restoreRate}/s)`,
  );
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

interface GraphqlErrorEntry {
  message: string;
  extensions?: { code?: string };
}

/** Classifies the GraphQL `errors` of an answer (HTTP 200): THROTTLED and internal errors are retryable. */
function classifyGraphqlErrors(errors: GraphqlErrorEntry[], cost: QueryCost | undefined): Classified {
  const first = errors[0];
  const code = first?.extensions?.code ?? "GRAPHQL_ERROR";
  if (code === "THROTTLED") {
    // Shopify answers THROTTLED with HTTP 200; wait for the bucket to refill what we asked for.
    const waitMs = cost ? waitForBucketMs(cost.throttleStatus, cost.requestedQueryCost) : undefined;
    return { kind: "retryable", code, message: "Shopify throttled the request", waitMs };
  }
  if (code === "INTERNAL_SERVER_ERROR") return { kind: "retryable", code, message: first?.message ?? code };
  return { kind: "terminal", code, message: errors.map((e) => e.message).join("; "), detail: errors };
}

/** Classifies a non-2xx HTTP answer: 429 and 5xx are retryable, other 4xx terminal. */
function classifyHttpStatus(status: number, retryAfter: string | null, body: string): Classified {
  if (status === 429) {
    const seconds = Number(retryAfter);
    return {
      kind: "retryable",
      code: "HTTP_429",
      message: "Too many requests",
      waitMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
    };
  }
  if (status >= 500) return { kind: "retryable", code: "HTTP_5XX", message: `HTTP ${status}` };
  return { kind: "terminal", code: `HTTP_${status}`, message: `HTTP ${status}: ${body.slice(0, 300)}` };
}

/** Thrown inside the retry loop with an already classified failure. */
class ClassifiedFailure extends Error {
  constructor(readonly failure: Classified) {
    super(failure.message);
  }
}

function classify(error: unknown): Classified {
  if (error instanceof ClassifiedFailure) return error.failure;
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

/** The query cost a library error carries in its body, if any. */
function costOf(error: unknown): QueryCost | undefined {
  if (error instanceof GraphqlQueryError) {
    return (error.body as { extensions?: { cost?: QueryCost } } | undefined)?.extensions?.cost;
  }
  return undefined;
}

/**
 * Sends one Admin GraphQL operation and returns its `data`.
 * - Before sending, waits for the shop's bucket to hold what this operation cost last time (estimated
 *   from the last answer's `extensions.cost.throttleStatus` and the restore rate), so a busy job slows
 *   down instead of being throttled.
 * - Retries THROTTLED (HTTP 200), 429, 5xx and network failures with jittered exponential backoff until
 *   the deadline; GraphQL validation errors and other 4xx fail at once (AdminApiError, kind "terminal",
 *   message kept). Mutation user errors are data: the caller inspects them.
 * - Reports the query cost of every answer through `onCost` (default: a debug log line).
 * Works with the library's `admin` (which throws on errors) and with a plain fetch-like client (which
 * returns them in the body).
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
  const onCost = options.onCost ?? logCostAtDebug;
  const tracker = trackerFor(admin, options.bucket);
  const deadline = now() + (options.deadlineMs ?? 60_000);
  const name = operationName(operation);
  const observe = (cost: QueryCost | undefined) => {
    if (!cost) return;
    onCost(name, cost);
    tracker.status = cost.throttleStatus;
    tracker.observedAtMs = now();
    tracker.requestedCostByOperation.set(name, cost.requestedQueryCost);
  };
  for (let attempt = 0; ; attempt++) {
    const expected = tracker.requestedCostByOperation.get(name) ?? 0;
    const pause = waitBeforeSendingMs(tracker.status, now() - tracker.observedAtMs, expected);
    if (pause > 0) await sleep(pause);
    try {
      const response = await admin.graphql(operation, { variables });
      if (!response.ok) {
        const text = await response.text().catch(() => "");
        throw new ClassifiedFailure(
          classifyHttpStatus(response.status, response.headers.get("retry-after"), text),
        );
      }
      const body = (await response.json()) as {
        data?: TData | null;
        errors?: GraphqlErrorEntry[] | string;
        extensions?: { cost?: QueryCost };
      };
      observe(body.extensions?.cost);
      if (Array.isArray(body.errors) && body.errors.length > 0) {
        throw new ClassifiedFailure(classifyGraphqlErrors(body.errors, body.extensions?.cost));
      }
      if (body.data === undefined || body.data === null) {
        throw new AdminApiError(`${name}: the Admin API answered without data`, "terminal", "NO_DATA", body);
      }
      return body.data;
    } catch (error) {
      if (error instanceof AdminApiError) throw error;
      if (!(error instanceof ClassifiedFailure)) observe(costOf(error));
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
