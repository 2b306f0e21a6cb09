/**
 * Client-side pacing and request accounting for review-app connectors (Judge.me, Yotpo). Every HTTP
 * attempt, retries included, goes through `pacedFetch`, so a connector never sends two requests
 * closer together than the provider allows, whatever path (page, retry after Retry-After, token
 * refresh) issued them. Time comes from the run context, so tests drive it with a virtual clock.
 */
import { z } from "zod";

/** What review connectors keep in `Source.quota`: requests per UTC day and how many were throttled. */
export const requestQuotaStateSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  requests: z.number().int().nonnegative(),
  throttled: z.number().int().nonnegative(),
  lastRequestAt: z.string().nullable(),
  /** The pacing the connector used, for the health panel ("1 request/s"). */
  minIntervalMs: z.number().int().nonnegative(),
});
export type RequestQuotaState = z.infer<typeof requestQuotaStateSchema>;

/**
 * Starts the day's accounting from a stored state, or afresh when the day changed or nothing valid
 * was stored.
 * @example
 * carryRequestQuota(null, new Date("2026-11-28T10:00:00Z"), 1000).requests // 0
 */
export function carryRequestQuota(stored: unknown, now: Date, minIntervalMs: number): RequestQuotaState {
  const day = now.toISOString().slice(0, 10);
  const parsed = requestQuotaStateSchema.safeParse(stored);
  if (parsed.success && parsed.data.day === day) return { ...parsed.data, minIntervalMs };
  return { day, requests: 0, throttled: 0, lastRequestAt: null, minIntervalMs };
}

export interface PacedFetchOptions {
  fetch: typeof fetch;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  /** Smallest gap between the starts of two requests. */
  minIntervalMs: number;
  /** Updated in place after every answer (or network failure). */
  quota: RequestQuotaState;
}

/**
 * Wraps `fetch` so requests are spaced at least `minIntervalMs` apart on the run's clock and counted
 * in `quota`. A 429 also counts as throttled; its Retry-After is honoured by `requestSourceJson`,
 * which sleeps before calling this again.
 */
export function pacedFetch(options: PacedFetchOptions): typeof fetch {
  let lastStartMs: number | null = null;
  const paced = async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
    if (lastStartMs !== null) {
      const waitMs = lastStartMs + options.minIntervalMs - options.now().getTime();
      if (waitMs > 0) await options.sleep(waitMs);
    }
    const startedAt = options.now();
    lastStartMs = startedAt.getTime();
    const day = startedAt.toISOString().slice(0, 10);
    if (options.quota.day !== day) {
      options.quota.day = day;
      options.quota.requests = 0;
      options.quota.throttled = 0;
    }
    options.quota.requests += 1;
    options.quota.lastRequestAt = startedAt.toISOString();
    const response = await options.fetch(input, init);
    if (response.status === 429) options.quota.throttled += 1;
    return response;
  };
  return paced as typeof fetch;
}
