import type { z } from "zod";
import { backoffMs } from "~/integrations/shopify/client.server";
import { SourceAuthError, SourceResponseError } from "./types";

/**
 * A provider HTTP failure that survived the retries (5xx, 429, network), or a 4xx that is not about
 * credentials. Auth failures (401/403) throw SourceAuthError instead so the source is marked
 * "needs attention" rather than retried.
 */
export class SourceHttpError extends Error {
  readonly name = "SourceHttpError";
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface SourceRequest<T> {
  /** Provider name for messages ("Judge.me", "Reddit"). */
  provider: string;
  url: string | URL;
  init?: RequestInit;
  schema: z.ZodType<T>;
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Attempts in total for retryable failures (default 5). */
  maxAttempts?: number;
  random?: () => number;
  /** Per-attempt timeout (default 30 s). */
  timeoutMs?: number;
  /** Message for 401/403, in words a merchant can act on. */
  authErrorMessage?: string;
}

/** Reads Retry-After (seconds or HTTP date) in milliseconds, capped at 5 minutes. */
function retryAfterMs(response: Response): number | null {
  const header = response.headers.get("retry-after");
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.min(300_000, Math.max(0, seconds * 1000));
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.min(300_000, Math.max(0, date - Date.now())) : null;
}

/**
 * GETs/POSTs a provider endpoint and validates the JSON answer against the provider's documented
 * shape. 429/5xx/timeouts/network errors are retried with jittered exponential backoff (honouring
 * Retry-After); 401/403 throw SourceAuthError; other 4xx throw SourceHttpError at once; a body that
 * does not match the schema throws SourceResponseError naming the first wrong field.
 */
export async function requestSourceJson<T>(request: SourceRequest<T>): Promise<T> {
  const maxAttempts = request.maxAttempts ?? 5;
  const random = request.random ?? Math.random;
  let lastError: SourceHttpError | null = null;
  let retryDelayMs: number | null = null;
  for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
    if (attempt > 0) await request.sleep(retryDelayMs ?? backoffMs(attempt - 1, random));
    retryDelayMs = null;
    let response: Response;
    try {
      response = await request.fetch(request.url, {
        ...request.init,
        signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
      });
    } catch (error) {
      lastError = new SourceHttpError(
        `${request.provider} could not be reached: ${(error as Error).message}`,
        null,
        true,
      );
      continue;
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new SourceAuthError(
        request.authErrorMessage ??
          `${request.provider} refused the credentials (HTTP ${response.status}). Reconnect the source with a valid token.`,
      );
    }
    if (response.status === 429 || response.status >= 500) {
      retryDelayMs = retryAfterMs(response);
      await response.body?.cancel();
      lastError = new SourceHttpError(
        `${request.provider} answered HTTP ${response.status} ${attempt + 1} time(s); will retry later.`,
        response.status,
        true,
      );
      continue;
    }
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 300);
      throw new SourceHttpError(
        `${request.provider} answered HTTP ${response.status}: ${detail}`,
        response.status,
        false,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new SourceResponseError(`${request.provider} sent a body that is not JSON.`);
    }
    const parsed = request.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SourceResponseError(
        `${request.provider} answered in an unexpected shape at ${issue?.path.join(".") || "(root)"}: ${issue?.message}`,
      );
    }
    return parsed.data;
  }
  throw lastError ?? new SourceHttpError(`${request.provider} request failed.`, null, true);
}
