/**
 * Connects the demo shop's listening sources to the local provider fakes the demo launcher starts
 * (scripts/lib/listening-fakes.ts): on the first start it creates them the way a merchant would,
 * through createSource (so credentials are encrypted the normal way and the backfill is queued);
 * on every later start it points them at the fakes' new addresses, saves the fakes' credentials
 * again and asks for a sync, because the database outlives the fakes.
 */
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { decryptCredentials, SecretDecryptionError } from "~/integrations/sources/secrets.server";
import type { SourceKind } from "~/integrations/sources/types";
import { sourceSyncJob } from "~/jobs/definitions/listening.server";
import { jobQueue } from "~/jobs/queue.server";
import { findSourceForRun, listSourceRows, updateSourceRow } from "~/models/sources.server";
import {
  createSource,
  listSources,
  suggestKeywords,
  updateSource,
  type SourceView,
} from "~/services/sources.server";

type PolledDemoKind = "judgeme" | "yotpo" | "reddit" | "youtube";

/** Where each fake listens and the credentials it accepts. */
export type DemoListeningConnection = Record<
  PolledDemoKind,
  { config: Record<string, unknown>; credentials: Record<string, string> }
>;

export interface DemoListeningSetup {
  /** Names of the sources created on this start (first start only). */
  created: string[];
  /** Names of existing demo sources pointed at this start's fakes. */
  reconnected: string[];
  /** The ingest webhook's endpoint and secret, when it was created on this start (shown once). */
  ingestWebhook: { url: string; secret: string } | null;
  syncsRequested: number;
  keywordsSuggested: number;
}

const POLLED_KINDS: readonly PolledDemoKind[] = ["judgeme", "yotpo", "reddit", "youtube"];
const LISTENING_KINDS: readonly SourceKind[] = [...POLLED_KINDS, "ingest_webhook"];

const SOURCE_NAMES: Record<PolledDemoKind, string> = {
  judgeme: "Judge.me product reviews",
  yotpo: "Yotpo product reviews",
  reddit: "Reddit posts",
  youtube: "YouTube videos and comments",
};
const WEBHOOK_NAME = "Instagram and TikTok (via webhook)";
/** The fakes always have something new within minutes: poll more often than the default hour. */
const DEMO_POLL_MINUTES = 15;
/** The credential that names the account at the provider (token, app key, client id, API key). */
const ACCOUNT_CREDENTIAL: Record<PolledDemoKind, string> = {
  judgeme: "apiToken",
  yotpo: "appKey",
  reddit: "clientId",
  youtube: "apiKey",
};

function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  try {
    const host = new URL(value).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
}

/**
 * A source of the demo's fakes: its base URL points at this machine, or its stored credentials are
 * the fake's (a merchant who edited the source may have dropped the base URL).
 */
async function isDemoSource(
  shopId: string,
  source: SourceView,
  kind: PolledDemoKind,
  connection: DemoListeningConnection,
): Promise<boolean> {
  const config = (source.config ?? {}) as Record<string, unknown>;
  if (isLoopbackUrl(config.apiBaseUrl) || isLoopbackUrl(config.authBaseUrl)) return true;
  const stored = await findSourceForRun(shopId, source.id);
  if (!stored?.credentialsEncrypted) return false;
  try {
    const credentials = decryptCredentials(source.id, stored.credentialsEncrypted);
    const name = ACCOUNT_CREDENTIAL[kind];
    return credentials[name] === connection[kind].credentials[name];
  } catch (error) {
    // Encrypted with a key this process does not have: not something the demo created.
    if (error instanceof SecretDecryptionError) return false;
    throw error;
  }
}

function errorsText(errors: Record<string, string>): string {
  return Object.entries(errors)
    .map(([field, message]) => `${field}: ${message}`)
    .join("; ");
}

/**
 * Makes the demo shop listen through the fakes: renames legacy "simulated" sources to the "demo"
 * kind, suggests keywords from the catalogue (Reddit and YouTube search them), creates the four
 * polled sources and an ingest webhook when the shop has none of those kinds yet, and otherwise
 * reconnects the demo's own sources to `connection` and requests a sync of each active one.
 * Refuses to run with NODE_ENV=production.
 */
export async function connectDemoListening(
  shopId: string,
  connection: DemoListeningConnection,
  options: {
    now?: Date;
    backfillDays?: number;
    /**
     * When the first sync of each source may run (default now). The launcher leaves the job worker
     * a moment at boot for the store's own first sync before the listening backfills queue up.
     */
    firstSyncAt?: Date;
  } = {},
): Promise<DemoListeningSetup> {
  if (env().nodeEnv === "production")
    throw new Error("Refusing to connect the demo's fake listening sources with NODE_ENV=production");
  const now = options.now ?? new Date();
  const firstSyncAt = options.firstSyncAt ?? now;
  const setup: DemoListeningSetup = {
    created: [],
    reconnected: [],
    ingestWebhook: null,
    syncsRequested: 0,
    keywordsSuggested: 0,
  };

  // Demo databases seeded before the "demo" source kind existed called their sources "simulated".
  for (const row of await listSourceRows(shopId)) {
    if (row.kind === "simulated") await updateSourceRow(shopId, row.id, { kind: "demo" });
  }
  setup.keywordsSuggested = (await suggestKeywords(shopId)).created;

  const sources = await listSources(shopId);
  if (!sources.some((source) => LISTENING_KINDS.includes(source.kind))) {
    for (const kind of POLLED_KINDS) {
      const result = await createSource(
        shopId,
        {
          kind,
          name: SOURCE_NAMES[kind],
          credentials: connection[kind].credentials,
          config: connection[kind].config,
          pollEveryMinutes: DEMO_POLL_MINUTES,
          backfillDays: options.backfillDays ?? 90,
        },
        // createSource queues the backfill run at `now`.
        { now: firstSyncAt },
      );
      if (!result.ok)
        throw new Error(`Could not create the demo's ${kind} source: ${errorsText(result.errors)}`);
      setup.created.push(result.source.name);
      setup.syncsRequested++;
    }
    const webhook = await createSource(shopId, { kind: "ingest_webhook", name: WEBHOOK_NAME }, { now });
    if (!webhook.ok)
      throw new Error(`Could not create the demo's ingest webhook: ${errorsText(webhook.errors)}`);
    setup.created.push(webhook.source.name);
    setup.ingestWebhook = { url: webhook.source.ingestUrl ?? "", secret: webhook.ingestSecret ?? "" };
    return setup;
  }

  for (const source of sources) {
    const kind = source.kind as PolledDemoKind;
    if (!POLLED_KINDS.includes(kind) || !(await isDemoSource(shopId, source, kind, connection))) continue;
    const current = (source.config ?? {}) as Record<string, unknown>;
    const result = await updateSource(
      shopId,
      source.id,
      {
        config: { ...current, ...connection[kind].config },
        credentials: connection[kind].credentials,
      },
      { now },
    );
    if (!result.ok)
      throw new Error(`Could not reconnect the demo source “${source.name}”: ${errorsText(result.errors)}`);
    setup.reconnected.push(source.name);
    if (source.status === "paused") continue;
    // As "Sync now" does (one queued or running sync per source), at the chosen time.
    const queued = await jobQueue().enqueue(
      sourceSyncJob,
      { shopId, sourceId: source.id },
      { singletonKey: `source:${source.id}`, runAt: firstSyncAt },
    );
    if (queued !== null) setup.syncsRequested++;
  }
  return setup;
}

/**
 * When the newest mention the shop's Judge.me, Yotpo, Reddit and YouTube sources stored was
 * posted (null before the first sync): a restarted demo's fakes date new items after it.
 */
export async function newestPolledMentionAt(shopId: string): Promise<Date | null> {
  const newest = await db().mention.aggregate({
    where: { shopId, source: { kind: { in: [...POLLED_KINDS] } } },
    _max: { postedAt: true },
  });
  return newest._max.postedAt ?? null;
}
