import type { z } from "zod";

/**
 * A failure that retrying cannot fix (bad input, permission gone, shop uninstalled): the job stops,
 * the error is recorded, and the merchant is told where relevant.
 */
export class TerminalJobError extends Error {
  readonly retryable = false;
  constructor(message: string) {
    super(message);
    this.name = "TerminalJobError";
  }
}

/** A failure that may pass later (throttled, 5xx, network): retried with backoff up to maxAttempts. */
export class RetryableJobError extends Error {
  readonly retryable = true;
  constructor(
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "RetryableJobError";
  }
}

export interface JobContext {
  jobId: string;
  attempt: number; // 1-based
  now: () => Date;
}

export interface JobDefinition<TPayload = unknown> {
  name: string;
  payload: z.ZodType<TPayload>;
  maxAttempts?: number;
  run: (payload: TPayload, context: JobContext) => Promise<void>;
}

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one queued-or-running job per key: a second enqueue with the same key is dropped. */
  singletonKey?: string;
  maxAttempts?: number;
}

/** The queue every caller uses; the in-process runner (SQLite) and pg-boss (PostgreSQL) implement it. */
export interface JobQueue {
  enqueue<T>(definition: JobDefinition<T>, payload: T, options?: EnqueueOptions): Promise<string | null>;
  /** Enqueues the job every `everyMs`, once per period across all processes. */
  schedule<T>(definition: JobDefinition<T>, everyMs: number, payload: T): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Delay before retry n (1-based): 2 s doubling, capped at 15 min, with ±25% jitter. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(15 * 60_000, 2_000 * 2 ** (attempt - 1));
  return Math.round(base * (0.75 + random() * 0.5));
}

/** Whether an error should be retried: unknown errors are treated as retryable (could be transient). */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof TerminalJobError);
}

/** A definition of any payload type, for registries and runners that hold many kinds of job. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the payload type varies per definition
export type AnyJobDefinition = JobDefinition<any>;
