import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";
import { connectorFor } from "~/integrations/sources/registry.server";
import { decryptCredentials, SecretDecryptionError } from "~/integrations/sources/secrets.server";
import {
  SourceAuthError,
  SourceQuotaError,
  type Connector,
  type ConnectorRunContext,
} from "~/integrations/sources/types";
import { RetryableJobError } from "~/jobs/types";
import { findSourceForRun, updateSourceRow } from "~/models/sources.server";
import { ingestMentions } from "./mention-ingest.server";

const DAY_MS = 24 * 3_600_000;

export interface SourceSyncOptions {
  connector?: Connector;
  fetch?: typeof fetch;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

export interface SourceSyncCounts {
  fetched: number;
  inserted: number;
  duplicates: number;
  linked: number;
  rejected: number;
}

export type SourceSyncOutcome =
  | { status: "missing" }
  | { status: "skipped"; reason: "paused" | "needs_attention" | "no_connector" }
  | { status: "succeeded"; counts: SourceSyncCounts; pages: number }
  | { status: "needs_attention"; message: string; counts: SourceSyncCounts }
  | { status: "quota"; resumeAt: Date; counts: SourceSyncCounts };

/** Terms of a shop's active keywords (search connectors query these). */
export async function activeKeywordTerms(
  shopId: string,
): Promise<ConnectorRunContext<unknown, unknown, unknown>["keywords"]> {
  const rows = await db().keyword.findMany({
    where: { shopId, active: true },
    orderBy: { term: "asc" },
    select: { term: true, kind: true },
  });
  return rows.map((r) => ({
    term: r.term,
    kind: r.kind === "competitor" || r.kind === "industry" ? r.kind : "product",
  }));
}

type RunnableSource = NonNullable<Awaited<ReturnType<typeof findSourceForRun>>>;

/** Credentials and settings stored on a source that no longer fit the connector: the merchant must act. */
class SourceSetupError extends Error {
  readonly name = "SourceSetupError";
}

/**
 * Builds a connector's run context from a stored source: decrypts and validates the credentials,
 * validates the config, and sets the backfill start (now − backfillDays) for a run without cursor.
 */
export async function connectorContext(
  source: RunnableSource,
  connector: Connector,
  io: {
    fetch: typeof fetch;
    now: () => Date;
    sleep: (ms: number) => Promise<void>;
    keywords: ConnectorRunContext<unknown, unknown, unknown>["keywords"];
    signal?: AbortSignal;
  },
): Promise<ConnectorRunContext<unknown, unknown, unknown>> {
  const rawCredentials = source.credentialsEncrypted
    ? decryptCredentials(source.id, source.credentialsEncrypted)
    : {};
  const credentials = connector.credentialsSchema.safeParse(rawCredentials);
  if (!credentials.success)
    throw new SourceSetupError(
      `The saved ${connector.label} credentials are incomplete (${credentials.error.issues[0]?.path.join(".") || "credentials"}); enter them again.`,
    );
  const config = connector.configSchema.safeParse(source.config ?? {});
  if (!config.success)
    throw new SourceSetupError(
      `The ${connector.label} settings are not valid any more (${config.error.issues[0]?.path.join(".") || "settings"}: ${config.error.issues[0]?.message}); edit the source.`,
    );
  const quota =
    source.quota && typeof source.quota === "object" && !Array.isArray(source.quota) ? source.quota : null;
  return {
    credentials: credentials.data,
    config: config.data,
    cursor: source.cursor ?? null,
    backfillFrom: new Date(io.now().getTime() - source.backfillDays * DAY_MS),
    keywords: io.keywords,
    shopDomain: source.shop.domain,
    quota: quota as Record<string, unknown> | null,
    fetch: io.fetch,
    now: io.now,
    sleep: io.sleep,
    ...(io.signal ? { signal: io.signal } : {}),
  };
}

const json = (value: unknown) =>
  value === null || value === undefined
    ? undefined
    : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);

/**
 * Runs one poll of a source: pages from the stored cursor on, each page ingested and then its
 * cursor, quota and running counts stored, so a crash resumes after the last stored page (a
 * replayed page is dropped by the unique key). Paused and needs-attention sources are skipped.
 * Expired or revoked credentials mark the source "needs attention" with the provider's message (no
 * retry); a quota stop schedules the next run when the quota resets; anything else is recorded and
 * rethrown as retryable.
 */
export async function runSourceSync(
  shopId: string,
  sourceId: string,
  options: SourceSyncOptions = {},
): Promise<SourceSyncOutcome> {
  const now = options.now ?? (() => new Date());
  const source = await findSourceForRun(shopId, sourceId);
  if (!source) return { status: "missing" };
  if (source.status === "paused") return { status: "skipped", reason: "paused" };
  if (source.status === "needs_attention") return { status: "skipped", reason: "needs_attention" };
  const connector = options.connector ?? connectorFor(source.kind);
  if (!connector) return { status: "skipped", reason: "no_connector" };

  const startedAt = now();
  const counts: SourceSyncCounts = { fetched: 0, inserted: 0, duplicates: 0, linked: 0, rejected: 0 };
  const nextPoll = () => new Date(now().getTime() + source.pollEveryMinutes * 60_000);
  await updateSourceRow(shopId, sourceId, { lastRunAt: startedAt });

  const needsAttention = async (message: string): Promise<SourceSyncOutcome> => {
    await updateSourceRow(shopId, sourceId, {
      status: "needs_attention",
      statusReason: message,
      lastError: message,
      lastCounts: counts as unknown as Prisma.InputJsonValue,
      nextRunAt: null,
    });
    return { status: "needs_attention", message, counts };
  };

  let pages = 0;
  try {
    const context = await connectorContext(source, connector, {
      fetch: options.fetch ?? fetch,
      now,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      keywords: await activeKeywordTerms(shopId),
      signal: options.signal,
    });
    for await (const page of connector.pull(context)) {
      const result = await ingestMentions(shopId, sourceId, page.mentions, { now: now() });
      counts.fetched += result.received;
      counts.inserted += result.inserted;
      counts.duplicates += result.duplicates;
      counts.linked += result.linkedNearDuplicates;
      counts.rejected += result.rejected.length;
      pages++;
      if (page.quota !== undefined) context.quota = page.quota;
      await updateSourceRow(shopId, sourceId, {
        cursor: json(page.cursor) ?? (null as unknown as Prisma.InputJsonValue),
        quota: json(context.quota),
        lastCounts: counts as unknown as Prisma.InputJsonValue,
      });
    }
  } catch (error) {
    if (
      error instanceof SourceAuthError ||
      error instanceof SourceSetupError ||
      error instanceof SecretDecryptionError
    )
      return needsAttention(error.message);
    if (error instanceof SourceQuotaError) {
      await updateSourceRow(shopId, sourceId, {
        lastError: error.message,
        lastCounts: counts as unknown as Prisma.InputJsonValue,
        nextRunAt: error.resumeAt,
      });
      return { status: "quota", resumeAt: error.resumeAt, counts };
    }
    const message = error instanceof Error ? error.message : String(error);
    // The job retries with backoff; the schedule's next poll stays one interval away meanwhile.
    await updateSourceRow(shopId, sourceId, {
      lastError: message,
      lastCounts: counts as unknown as Prisma.InputJsonValue,
      nextRunAt: nextPoll(),
    });
    throw new RetryableJobError(`Source ${source.name} (${source.kind}) failed: ${message}`);
  }

  await updateSourceRow(shopId, sourceId, {
    lastSuccessAt: now(),
    lastError: null,
    lastCounts: counts as unknown as Prisma.InputJsonValue,
    nextRunAt: nextPoll(),
  });
  return { status: "succeeded", counts, pages };
}
