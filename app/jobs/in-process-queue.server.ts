import { randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import {
  cancelJob,
  claimNextJob,
  completeJob,
  failJob,
  insertJob,
  isShopUninstalled,
  purgeFinishedJobs,
  requeueStaleJobs,
  retryJob,
  shopIdOfPayload,
} from "~/models/jobs.server";
import {
  isRetryable,
  retryDelayMs,
  RetryableJobError,
  type AnyJobDefinition,
  type EnqueueOptions,
  type JobDefinition,
  type JobQueue,
} from "./types";

const DAY_MS = 24 * 3_600_000;
/** How long finished jobs are kept for diagnosis; their payloads can hold webhook bodies with customer data. */
const FINISHED_RETENTION_MS = 30 * DAY_MS;
const PURGE_EVERY_MS = DAY_MS;

export interface InProcessQueueOptions {
  definitions: AnyJobDefinition[];
  pollIntervalMs?: number;
  /** A running job whose lock is older than this is presumed orphaned by a crash and re-queued. */
  staleAfterMs?: number;
  /** Finished jobs (completed, failed, cancelled) are deleted this long after they finished. */
  finishedRetentionMs?: number;
  now?: () => Date;
  random?: () => number;
  log?: (message: string) => void;
}

/**
 * The default job runner: jobs are rows in the Job table (so they survive a restart) and are run by
 * a poller inside the web process. One job at a time per process keeps SQLite writes serial.
 * Jobs of an uninstalled shop (Job.shopId, taken from the payload's `shopId` on enqueue;
 * Shop.uninstalledAt set) are neither enqueued nor run, so no scheduler or retry calls the Admin API
 * with a revoked token; a reinstall clears the mark. Finished jobs are purged after 30 days.
 */
export class InProcessJobQueue implements JobQueue {
  private readonly workerId = `worker-${randomUUID()}`;
  private readonly definitions = new Map<string, JobDefinition<unknown>>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private running = false;
  private idle: Promise<void> = Promise.resolve();
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly log: (message: string) => void;

  constructor(private readonly options: InProcessQueueOptions) {
    for (const definition of options.definitions) this.definitions.set(definition.name, definition);
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.log = options.log ?? ((message) => console.info(`[jobs] ${message}`));
  }

  /** Returns the job id, or null when it was not queued (singleton key taken, shop uninstalled). */
  async enqueue<T>(
    definition: JobDefinition<T>,
    payload: T,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const parsed = definition.payload.parse(payload);
    const shopId = shopIdOfPayload(parsed);
    if (shopId && (await isShopUninstalled(shopId))) {
      this.log(`${definition.name} not queued: shop ${shopId} is uninstalled`);
      return null;
    }
    return insertJob({
      name: definition.name,
      payload: parsed as Prisma.InputJsonValue,
      shopId,
      runAt: options.runAt ?? this.now(),
      maxAttempts: options.maxAttempts ?? definition.maxAttempts ?? 5,
      singletonKey: options.singletonKey,
    });
  }

  schedule<T>(definition: JobDefinition<T>, everyMs: number, payload: T): void {
    const tick = () => {
      // The period number in the key makes every process enqueue the same row: only one wins.
      const period = Math.floor(this.now().getTime() / everyMs);
      void this.enqueue(definition, payload, { singletonKey: `${definition.name}:${period}` }).catch(
        (error: unknown) => this.log(`could not schedule ${definition.name}: ${String(error)}`),
      );
    };
    tick();
    this.timers.add(setInterval(tick, everyMs));
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const staleAfterMs = this.options.staleAfterMs ?? 15 * 60_000;
    const requeued = await requeueStaleJobs(new Date(this.now().getTime() - staleAfterMs));
    if (requeued > 0) this.log(`re-queued ${requeued} job(s) left running by a stopped process`);
    // Housekeeping: at start, then daily. Every runner process does it; the delete is idempotent.
    await this.purgeFinished();
    this.timers.add(
      setInterval(() => {
        void this.purgeFinished().catch((error: unknown) =>
          this.log(`purging finished jobs failed: ${String(error)}`),
        );
      }, PURGE_EVERY_MS),
    );
    const poll = () => {
      if (!this.running) return;
      this.idle = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.log(`poll failed: ${String(error)}`))
        .finally(() => {
          if (this.running) this.timers.add(setTimeout(poll, this.options.pollIntervalMs ?? 1_000));
        });
    };
    poll();
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.idle;
  }

  /** Deletes jobs that finished more than finishedRetentionMs (default 30 days) ago; returns the count. */
  async purgeFinished(): Promise<number> {
    const retentionMs = this.options.finishedRetentionMs ?? FINISHED_RETENTION_MS;
    const purged = await purgeFinishedJobs(new Date(this.now().getTime() - retentionMs));
    if (purged > 0) this.log(`purged ${purged} finished job(s) older than ${retentionMs / DAY_MS} days`);
    return purged;
  }

  /** Runs due jobs until none is left. Exposed for tests and scripts that need the queue empty. */
  async drain(): Promise<number> {
    let ran = 0;
    for (;;) {
      const job = await claimNextJob(this.workerId, this.now(), [...this.definitions.keys()]);
      if (!job) return ran;
      ran++;
      await this.runOne(job);
    }
  }

  private async runOne(job: {
    id: string;
    name: string;
    shopId: string | null;
    payload: unknown;
    attempts: number;
    maxAttempts: number;
  }) {
    const definition = this.definitions.get(job.name);
    if (!definition) {
      await failJob(job.id, this.now(), `No job definition named ${job.name}`);
      return;
    }
    const payload = definition.payload.safeParse(job.payload);
    if (!payload.success) {
      await failJob(job.id, this.now(), `Invalid payload: ${payload.error.message}`);
      return;
    }
    // Queued before the uninstall (or claimed while it was being processed): stop, do not call Shopify.
    const shopId = job.shopId;
    if (shopId && (await isShopUninstalled(shopId))) {
      await cancelJob(job.id, this.now(), `Shop ${shopId} is uninstalled; the job was cancelled, not run`);
      this.log(`${job.name} cancelled: shop ${shopId} is uninstalled`);
      return;
    }
    try {
      await definition.run(payload.data, { jobId: job.id, attempt: job.attempts, now: this.now });
      await completeJob(job.id, this.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isRetryable(error) && job.attempts < job.maxAttempts) {
        const delay =
          error instanceof RetryableJobError && error.retryAfterMs !== undefined
            ? error.retryAfterMs
            : retryDelayMs(job.attempts, this.random);
        await retryJob(job.id, new Date(this.now().getTime() + delay), message);
        this.log(`${job.name} attempt ${job.attempts} failed, retrying in ${delay} ms: ${message}`);
      } else {
        await failJob(job.id, this.now(), message);
        this.log(`${job.name} failed for good after ${job.attempts} attempt(s): ${message}`);
      }
    }
  }
}
