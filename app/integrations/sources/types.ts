/**
 * The contract between listening connectors, file import, the signed ingest webhook and the
 * ingestion pipeline (app/services/mention-ingest.server.ts). A connector only fetches and
 * validates a provider's documented shape and turns it into `IncomingMention`s; privacy (author
 * hashing, PII stripping), matching to products, dedupe and storage are the pipeline's job.
 */
import type { z } from "zod";

/** Every kind of source a shop can connect; stored in `Source.kind`. */
export const SOURCE_KINDS = [
  "judgeme",
  "yotpo",
  "reddit",
  "youtube",
  "file_import",
  "ingest_webhook",
  "demo",
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** `Source.status` values. */
export type SourceStatus = "active" | "paused" | "needs_attention";

/** A mention as a source delivers it, before privacy rules and matching are applied. */
export interface IncomingMention {
  /** Stable id at the provider (review id, post id, comment id, or a hash for files without one). */
  externalId: string;
  /** Platform the text was published on: "judgeme", "yotpo", "reddit", "youtube", "tiktok", … */
  platform: string;
  /** Raw author handle; the pipeline stores only a salted hash (plus the handle for public influencers). */
  authorHandle: string;
  authorFollowers?: number | null;
  authorAccountAgeDays?: number | null;
  /** True when the provider marks the account public (channels, subreddits posters); reviews are not. */
  authorIsPublic?: boolean;
  text: string;
  title?: string | null;
  url?: string | null;
  postedAt: Date;
  /** ISO 3166-1 alpha-2, upper case. */
  countryCode?: string | null;
  /** BCP 47 primary tag when the provider states it ("en", "zh"); detection fills it otherwise. */
  language?: string | null;
  /** 1..5 for reviews. */
  rating?: number | null;
  verifiedBuyer?: boolean | null;
  /** What the provider says the mention is about; the pipeline resolves it to Pulse's product/variant. */
  productRef?: {
    shopifyProductId?: string | null;
    handle?: string | null;
    sku?: string | null;
    title?: string | null;
  } | null;
}

/** What `ingestMentions` reports back. */
export interface IngestResult {
  received: number;
  inserted: number;
  /** Same (shop, source, externalId) already stored: skipped. */
  duplicates: number;
  /** Stored, but linked to an earlier near-identical text from another source/author (not double-counted). */
  linkedNearDuplicates: number;
  /** Rejected by validation (empty text, future date beyond tolerance, …) with the reason. */
  rejected: { externalId: string; reason: string }[];
}

/** Thrown when credentials are expired, revoked or wrong: the source goes to "needs_attention". */
export class SourceAuthError extends Error {
  readonly name = "SourceAuthError";
}

/** Thrown when a provider quota would be exceeded: stop now, resume when `resumeAt` passes. */
export class SourceQuotaError extends Error {
  readonly name = "SourceQuotaError";
  constructor(
    message: string,
    readonly resumeAt: Date,
  ) {
    super(message);
  }
}

/** Thrown for a provider answer that does not match its documented shape (kept, with the zod path). */
export class SourceResponseError extends Error {
  readonly name = "SourceResponseError";
}

/** What a connector is given for one run. */
export interface ConnectorRunContext<Credentials, Config, Cursor> {
  credentials: Credentials;
  config: Config;
  /** null on the first run (backfill from `backfillFrom`). */
  cursor: Cursor | null;
  backfillFrom: Date;
  /** Active keyword terms of the shop (search connectors query these). */
  keywords: { term: string; kind: "product" | "competitor" | "industry" }[];
  /** Shop domain (Judge.me needs it). */
  shopDomain: string;
  /** Quota state persisted on the source (`Source.quota`), updated by the connector. */
  quota: Record<string, unknown> | null;
  fetch: typeof fetch;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  signal?: AbortSignal;
}

/**
 * One page of results. The runner ingests `mentions`, then persists `cursor` and `quota` in the
 * same step, so a crash resumes from the last stored page: no gap, and replays are dropped by the
 * (shop, source, externalId) unique key.
 */
export interface ConnectorPage<Cursor> {
  mentions: IncomingMention[];
  cursor: Cursor;
  quota?: Record<string, unknown> | null;
}

export interface Connector<Credentials = unknown, Config = unknown, Cursor = unknown> {
  kind: SourceKind;
  /** Shown in the UI. */
  label: string;
  credentialsSchema: z.ZodType<Credentials>;
  configSchema: z.ZodType<Config>;
  /** Cheapest authenticated call; throws SourceAuthError with a merchant-readable message. */
  testConnection(context: Omit<ConnectorRunContext<Credentials, Config, Cursor>, "cursor">): Promise<{
    ok: true;
    detail: string;
  }>;
  /** Pages from the cursor on, oldest-unseen first where the provider allows. */
  pull(context: ConnectorRunContext<Credentials, Config, Cursor>): AsyncIterable<ConnectorPage<Cursor>>;
}

/*
 * The pipeline every source feeds (implemented in app/services/mention-ingest.server.ts):
 *
 *   ingestMentions(shopId, sourceId, mentions: IncomingMention[], options?: { now?: Date }): Promise<IngestResult>
 *
 * strips emails/phone numbers and HTML from text, hashes author handles with the shop's salt (keeps a
 * display handle only for public accounts above the reach threshold), matches products/variants and
 * keywords, skips (shop, source, externalId) already stored, links near-duplicate text, stores in
 * bulk, and enqueues scoring. Connectors never write mentions themselves.
 */
