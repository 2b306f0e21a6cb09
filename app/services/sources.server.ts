import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { isUniqueViolation } from "~/db.server";
import { listeningSettingsOf } from "~/domain/listening/listeningSettings";
import { suggestedKeywords } from "~/domain/listening/suggestedKeywords";
import { connectorFor, PUSH_SOURCE_KINDS } from "~/integrations/sources/registry.server";
import { decryptCredentials, encryptCredentials } from "~/integrations/sources/secrets.server";
import {
  SOURCE_KINDS,
  SourceAuthError,
  type SourceKind,
  type SourceStatus,
} from "~/integrations/sources/types";
import { sourceSyncJob } from "~/jobs/definitions/listening.server";
import { jobQueue } from "~/jobs/queue.server";
import { getShop } from "~/models/catalog.server";
import {
  countKeywordRows,
  countMentionsByKeyword,
  deleteKeywordRow,
  dismissSuggestion,
  existingKeywordTerms,
  findKeyword,
  insertKeyword,
  insertKeywords,
  listKeywordRowPage,
  listKeywordRows,
  loadCatalogueForSuggestions,
  productBelongsToShop,
  stringArray,
  updateKeywordRow,
} from "~/models/keywords.server";
import {
  countMentionsBySource,
  deleteSourceRow,
  findSourceForRun,
  findSourceRow,
  insertSource,
  listSourceRows,
  updateSourceRow,
  type SourceRow,
} from "~/models/sources.server";
import { activeKeywordTerms, connectorContext } from "./source-sync.server";

export interface SourceCounts {
  fetched?: number;
  inserted?: number;
  duplicates?: number;
  linked?: number;
  rejected?: number;
}

/** What the app shows of a source: never its credentials. */
export interface SourceView {
  id: string;
  kind: SourceKind;
  name: string;
  status: SourceStatus;
  statusReason: string | null;
  config: unknown;
  hasCredentials: boolean;
  pollEveryMinutes: number;
  backfillDays: number;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  lastError: string | null;
  lastCounts: SourceCounts | null;
  quota: unknown;
  mentionCount: number;
  /** For ingest_webhook: where deliveries are POSTed. */
  ingestUrl: string | null;
}

export type SourceResult =
  { ok: true; source: SourceView; ingestSecret?: string } | { ok: false; errors: Record<string, string> };

export interface CreateSourceInput {
  kind: SourceKind;
  name: string;
  credentials?: Record<string, string>;
  config?: unknown;
  backfillDays?: number;
  pollEveryMinutes?: number;
}

export interface UpdateSourceInput {
  name?: string;
  credentials?: Record<string, string>;
  config?: unknown;
  pollEveryMinutes?: number;
  backfillDays?: number;
}

const newId = () => `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;
const MIN_POLL_MINUTES = 5;
const MAX_POLL_MINUTES = 7 * 24 * 60;
const MAX_BACKFILL_DAYS = 3_650;

function isStatus(value: string): value is SourceStatus {
  return value === "active" || value === "paused" || value === "needs_attention";
}

function toView(row: SourceRow, mentionCount: number): SourceView {
  const counts = row.lastCounts;
  return {
    id: row.id,
    kind: row.kind as SourceKind,
    name: row.name,
    status: isStatus(row.status) ? row.status : "needs_attention",
    statusReason: row.statusReason,
    config: row.config,
    hasCredentials: row.hasCredentials,
    pollEveryMinutes: row.pollEveryMinutes,
    backfillDays: row.backfillDays,
    nextRunAt: row.nextRunAt,
    lastRunAt: row.lastRunAt,
    lastSuccessAt: row.lastSuccessAt,
    lastError: row.lastError,
    lastCounts:
      counts && typeof counts === "object" && !Array.isArray(counts) ? (counts as SourceCounts) : null,
    quota: row.quota,
    mentionCount,
    ingestUrl: row.kind === "ingest_webhook" ? `/api/ingest/${row.id}` : null,
  };
}

async function viewOf(shopId: string, sourceId: string): Promise<SourceView | null> {
  const row = await findSourceRow(shopId, sourceId);
  if (!row) return null;
  const counts = await countMentionsBySource(shopId);
  return toView(row, counts.get(row.id) ?? 0);
}

/** A shop's sources with their health and mention counts. */
export async function listSources(shopId: string): Promise<SourceView[]> {
  const [rows, counts] = await Promise.all([listSourceRows(shopId), countMentionsBySource(shopId)]);
  return rows.map((row) => toView(row, counts.get(row.id) ?? 0));
}

/** Field errors of a zod failure, keyed by the field's name. */
function fieldErrors(error: z.ZodError, fallbackField: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? fallbackField);
    errors[field] ??= issue.message;
  }
  return errors;
}

function validateSchedule(
  input: { name?: string; backfillDays?: number; pollEveryMinutes?: number },
  errors: Record<string, string>,
): void {
  if (input.name !== undefined && (input.name.trim().length === 0 || input.name.trim().length > 100))
    errors.name = "Give the source a name of 1 to 100 characters.";
  if (
    input.backfillDays !== undefined &&
    (!Number.isInteger(input.backfillDays) ||
      input.backfillDays < 0 ||
      input.backfillDays > MAX_BACKFILL_DAYS)
  )
    errors.backfillDays = `Backfill must be a whole number of days from 0 to ${MAX_BACKFILL_DAYS}.`;
  if (
    input.pollEveryMinutes !== undefined &&
    (!Number.isInteger(input.pollEveryMinutes) ||
      input.pollEveryMinutes < MIN_POLL_MINUTES ||
      input.pollEveryMinutes > MAX_POLL_MINUTES)
  )
    errors.pollEveryMinutes = `Poll every ${MIN_POLL_MINUTES} minutes to 7 days (${MAX_POLL_MINUTES} minutes).`;
}

/** A new per-source secret for the signed ingest webhook (256 bits). */
function newIngestSecret(): string {
  return randomBytes(32).toString("base64url");
}

async function enqueueSync(shopId: string, sourceId: string, runAt?: Date): Promise<boolean> {
  const id = await jobQueue().enqueue(
    sourceSyncJob,
    { shopId, sourceId },
    { singletonKey: `source:${sourceId}`, ...(runAt ? { runAt } : {}) },
  );
  return id !== null;
}

/**
 * Connects a source: validates the fields with the connector's schemas, encrypts the credentials,
 * and for polling sources enqueues the first run, which backfills `backfillDays` (cursor null).
 * An ingest webhook gets a generated secret, returned once.
 */
export async function createSource(
  shopId: string,
  input: CreateSourceInput,
  options: { now?: Date } = {},
): Promise<SourceResult> {
  const now = options.now ?? new Date();
  const errors: Record<string, string> = {};
  if (!SOURCE_KINDS.includes(input.kind) || input.kind === "demo")
    return { ok: false, errors: { kind: `Unknown source type ${String(input.kind)}.` } };
  validateSchedule(input, errors);
  const connector = connectorFor(input.kind);
  const pushed = PUSH_SOURCE_KINDS.includes(input.kind);
  if (!connector && !pushed)
    return {
      ok: false,
      errors: { kind: `The ${input.kind} connector is not available in this version of Pulse.` },
    };

  let credentials: Record<string, unknown> | null = null;
  let config: unknown = input.config ?? null;
  let ingestSecret: string | undefined;
  if (connector) {
    const parsedCredentials = connector.credentialsSchema.safeParse(input.credentials ?? {});
    if (!parsedCredentials.success)
      Object.assign(errors, fieldErrors(parsedCredentials.error, "credentials"));
    else credentials = parsedCredentials.data as Record<string, unknown>;
    const parsedConfig = connector.configSchema.safeParse(input.config ?? {});
    if (!parsedConfig.success) Object.assign(errors, fieldErrors(parsedConfig.error, "config"));
    else config = parsedConfig.data;
  } else if (input.kind === "ingest_webhook") {
    ingestSecret = newIngestSecret();
    credentials = { ingestSecret };
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const id = newId();
  await insertSource({
    id,
    shopId,
    kind: input.kind,
    name: input.name.trim(),
    status: "active",
    credentialsEncrypted: credentials ? encryptCredentials(id, credentials) : null,
    config: config === null || config === undefined ? undefined : (config as Prisma.InputJsonValue),
    backfillDays: input.backfillDays ?? 90,
    pollEveryMinutes: input.pollEveryMinutes ?? 60,
    nextRunAt: connector ? now : null,
  });
  // Backfill on connect: the first run starts from no cursor, `backfillDays` before now.
  if (connector) await enqueueSync(shopId, id, now);
  const source = (await viewOf(shopId, id))!;
  return ingestSecret ? { ok: true, source, ingestSecret } : { ok: true, source };
}

/**
 * Changes a source. Credentials are replaced only when given; saving new credentials on a source
 * that needs attention makes it active again and schedules a run.
 */
export async function updateSource(
  shopId: string,
  sourceId: string,
  input: UpdateSourceInput,
  options: { now?: Date } = {},
): Promise<SourceResult> {
  const now = options.now ?? new Date();
  const current = await findSourceRow(shopId, sourceId);
  if (!current) return { ok: false, errors: { source: "This source no longer exists." } };
  const errors: Record<string, string> = {};
  validateSchedule(input, errors);
  const connector = connectorFor(current.kind);
  const data: Prisma.SourceUncheckedUpdateManyInput = {};
  if (input.name !== undefined) data.name = input.name.trim();
  if (input.backfillDays !== undefined) data.backfillDays = input.backfillDays;
  if (input.pollEveryMinutes !== undefined) data.pollEveryMinutes = input.pollEveryMinutes;
  let newCredentials = false;
  if (input.credentials !== undefined) {
    if (!connector) {
      errors.credentials =
        current.kind === "ingest_webhook"
          ? "An ingest webhook's secret is changed with “rotate secret”, not saved."
          : "This source has no credentials.";
    } else {
      const parsed = connector.credentialsSchema.safeParse(input.credentials);
      if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error, "credentials"));
      else {
        data.credentialsEncrypted = encryptCredentials(sourceId, parsed.data as Record<string, unknown>);
        newCredentials = true;
      }
    }
  }
  if (input.config !== undefined) {
    if (connector) {
      const parsed = connector.configSchema.safeParse(input.config);
      if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error, "config"));
      else data.config = parsed.data as Prisma.InputJsonValue;
    } else {
      data.config = (input.config ?? undefined) as Prisma.InputJsonValue | undefined;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const reactivate = newCredentials && current.status === "needs_attention";
  if (reactivate) {
    data.status = "active";
    data.statusReason = null;
    data.nextRunAt = now;
  }
  await updateSourceRow(shopId, sourceId, data);
  if (reactivate) await enqueueSync(shopId, sourceId, now);
  return { ok: true, source: (await viewOf(shopId, sourceId))! };
}

/** Stops polling a source; its mentions stay. */
export async function pauseSource(shopId: string, sourceId: string): Promise<{ ok: boolean }> {
  return { ok: await updateSourceRow(shopId, sourceId, { status: "paused" }) };
}

/** Polls a paused (or needs-attention) source again, starting with a run now. */
export async function resumeSource(
  shopId: string,
  sourceId: string,
  options: { now?: Date } = {},
): Promise<{ ok: boolean }> {
  const now = options.now ?? new Date();
  const row = await findSourceRow(shopId, sourceId);
  if (!row) return { ok: false };
  const polled = connectorFor(row.kind) !== null;
  await updateSourceRow(shopId, sourceId, {
    status: "active",
    statusReason: null,
    nextRunAt: polled ? now : null,
  });
  if (polled) await enqueueSync(shopId, sourceId, now);
  return { ok: true };
}

/** Deletes a source with its mentions, imports and ingest receipts. */
export async function deleteSource(shopId: string, sourceId: string): Promise<{ ok: boolean }> {
  return { ok: await deleteSourceRow(shopId, sourceId) };
}

/** "Sync now": one run of an active polling source (at most one queued or running per source). */
export async function requestSourceSync(shopId: string, sourceId: string): Promise<{ enqueued: boolean }> {
  const row = await findSourceRow(shopId, sourceId);
  if (!row || row.status === "paused" || !connectorFor(row.kind)) return { enqueued: false };
  return { enqueued: await enqueueSync(shopId, sourceId) };
}

/** Calls the provider's cheapest authenticated endpoint with the stored credentials. */
export async function testSourceConnection(
  shopId: string,
  sourceId: string,
  options: { fetch?: typeof fetch; now?: () => Date; sleep?: (ms: number) => Promise<void> } = {},
): Promise<{ ok: true; detail: string } | { ok: false; message: string }> {
  const source = await findSourceForRun(shopId, sourceId);
  if (!source) return { ok: false, message: "This source no longer exists." };
  if (source.kind === "ingest_webhook")
    return { ok: true, detail: `Signed deliveries are accepted at /api/ingest/${source.id}.` };
  const connector = connectorFor(source.kind);
  if (!connector)
    return { ok: true, detail: "Files are imported on upload; there is no connection to test." };
  try {
    const context = await connectorContext(source, connector, {
      fetch: options.fetch ?? fetch,
      now: options.now ?? (() => new Date()),
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      keywords: await activeKeywordTerms(shopId),
    });
    return await connector.testConnection(context);
  } catch (error) {
    if (error instanceof SourceAuthError) return { ok: false, message: error.message };
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** Replaces an ingest webhook's secret; the new one is returned once and the old one stops working. */
export async function rotateIngestSecret(shopId: string, sourceId: string): Promise<string> {
  const row = await findSourceRow(shopId, sourceId);
  if (!row || row.kind !== "ingest_webhook")
    throw new Error(
      `Source ${sourceId} is not an ingest webhook of this shop; only those have a secret to rotate.`,
    );
  const secret = newIngestSecret();
  await updateSourceRow(shopId, sourceId, {
    credentialsEncrypted: encryptCredentials(sourceId, { ingestSecret: secret }),
  });
  return secret;
}

/** The secret an ingest webhook's deliveries are signed with (for the ingest route); null when absent. */
export async function ingestSecretOf(shopId: string, sourceId: string): Promise<string | null> {
  const source = await findSourceForRun(shopId, sourceId);
  if (!source || source.kind !== "ingest_webhook" || !source.credentialsEncrypted) return null;
  const secret = decryptCredentials(source.id, source.credentialsEncrypted).ingestSecret;
  return typeof secret === "string" ? secret : null;
}

// ---- keywords ----

export type KeywordKindName = "product" | "competitor" | "industry";

export interface KeywordView {
  id: string;
  term: string;
  kind: KeywordKindName;
  productId: string | null;
  productTitle: string | null;
  variantId: string | null;
  language: string;
  exclusions: string[];
  active: boolean;
  suggested: boolean;
  matchedMentions: number;
}

export interface SaveKeywordInput {
  id?: string;
  term: string;
  kind: KeywordKindName;
  productId?: string | null;
  variantId?: string | null;
  language?: string;
  exclusions?: string[];
  active?: boolean;
}

type KeywordRow = Awaited<ReturnType<typeof listKeywordRows>>[number];

function keywordView(row: KeywordRow, matchedMentions: number): KeywordView {
  return {
    id: row.id,
    term: row.term,
    kind: (["product", "competitor", "industry"].includes(row.kind)
      ? row.kind
      : "industry") as KeywordKindName,
    productId: row.productId,
    productTitle: row.product?.title ?? null,
    variantId: row.variantId,
    language: row.language,
    exclusions: stringArray(row.exclusions),
    active: row.active,
    suggested: row.suggested,
    matchedMentions,
  };
}

/** A shop's keywords with how many stored mentions matched each. */
export async function listKeywords(shopId: string): Promise<KeywordView[]> {
  const [rows, counts] = await Promise.all([listKeywordRows(shopId), countMentionsByKeyword(shopId)]);
  return rows.map((row) => keywordView(row, counts.get(row.id) ?? 0));
}

/** Keywords shown on one page of the Keywords list. */
export const KEYWORD_PAGE_SIZE = 50;

export type KeywordStatusFilter = "all" | "active" | "suggested";

/** What the merchant narrowed the Keywords list to, and which page of it they are on (1-based). */
export interface KeywordListQuery {
  search?: string;
  kind?: KeywordKindName;
  status?: KeywordStatusFilter;
  page?: number;
}

export interface KeywordPage {
  keywords: KeywordView[];
  /** Keywords matching the filters, on every page. */
  total: number;
  /** The page shown: the one asked for, or the last one when fewer pages remain (after a delete). */
  page: number;
  pageCount: number;
  pageSize: number;
}

/**
 * One page (KEYWORD_PAGE_SIZE rows) of a shop's keywords matching the query, with how many stored
 * mentions matched each. The rows are counted first, then only the page is read; a page past the
 * end falls back to the last page, so deleting the last row of a page still shows keywords.
 *
 * @example
 * await listKeywordPage(shopId, { search: "tide", kind: "product", status: "suggested", page: 2 });
 * // { keywords: [...up to 50], total: 73, page: 2, pageCount: 2, pageSize: 50 }
 */
export async function listKeywordPage(shopId: string, query: KeywordListQuery = {}): Promise<KeywordPage> {
  const filter = { termContains: query.search, kind: query.kind, status: query.status ?? "all" };
  const total = await countKeywordRows(shopId, filter);
  const pageCount = Math.max(1, Math.ceil(total / KEYWORD_PAGE_SIZE));
  const asked = Number.isInteger(query.page) && query.page! > 0 ? query.page! : 1;
  const page = Math.min(asked, pageCount);
  if (total === 0) return { keywords: [], total, page, pageCount, pageSize: KEYWORD_PAGE_SIZE };
  const [rows, counts] = await Promise.all([
    listKeywordRowPage(shopId, filter, { skip: (page - 1) * KEYWORD_PAGE_SIZE, take: KEYWORD_PAGE_SIZE }),
    countMentionsByKeyword(shopId),
  ]);
  return {
    keywords: rows.map((row) => keywordView(row, counts.get(row.id) ?? 0)),
    total,
    page,
    pageCount,
    pageSize: KEYWORD_PAGE_SIZE,
  };
}

/**
 * Turns listening for one keyword on or off, leaving everything else about it as it is.
 *
 * @example
 * await setKeywordActive(shopId, keywordId, false); // { ok: true }, or { ok: false } when it is gone
 */
export async function setKeywordActive(
  shopId: string,
  keywordId: string,
  active: boolean,
): Promise<{ ok: boolean }> {
  return { ok: (await updateKeywordRow(shopId, keywordId, { active })) !== null };
}

const KEYWORD_KINDS: readonly KeywordKindName[] = ["product", "competitor", "industry"];

/**
 * Creates or changes a keyword. A product or variant link must point into the shop; competitor and
 * industry keywords carry no link; a term that already exists (any case) is an error on `term`.
 * Matching uses the new keyword from the next ingest on; stored mentions are not re-matched.
 */
export async function saveKeyword(
  shopId: string,
  input: SaveKeywordInput,
): Promise<{ ok: true; keyword: KeywordView } | { ok: false; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const term = (input.term ?? "").replace(/\s+/g, " ").trim();
  if (term.length === 0 || term.length > 100) errors.term = "Enter a term or hashtag of 1 to 100 characters.";
  if (!KEYWORD_KINDS.includes(input.kind)) errors.kind = "Choose product, competitor or industry.";
  const language = (input.language ?? "en").trim();
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/.test(language))
    errors.language = "Use a language code such as en, zh or zh-Hans.";
  const exclusions = (input.exclusions ?? []).map((e) => e.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (exclusions.length > 50 || exclusions.some((e) => e.length > 100))
    errors.exclusions = "Use at most 50 exclusions of up to 100 characters each.";

  let productId: string | null = null;
  let variantId: string | null = null;
  if (input.kind === "product" && (input.productId || input.variantId)) {
    productId = input.productId ?? null;
    variantId = input.variantId ?? null;
    if (!productId) errors.productId = "Choose the product the variant belongs to.";
    else {
      const owned = await productBelongsToShop(shopId, productId, variantId);
      if (!owned.product) errors.productId = "This product is not in the store any more; choose another.";
      else if (!owned.variant) errors.variantId = "This variant does not belong to the chosen product.";
    }
  }
  if (!errors.term) {
    const taken = await existingKeywordTerms(shopId);
    const own = input.id ? await findKeyword(shopId, input.id) : null;
    if (input.id && !own) return { ok: false, errors: { id: "This keyword no longer exists." } };
    if (taken.has(term.toLowerCase()) && own?.term.toLowerCase() !== term.toLowerCase())
      errors.term = `“${term}” is already a keyword.`;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const data = {
    term,
    kind: input.kind,
    productId,
    variantId,
    language,
    exclusions,
    active: input.active ?? true,
  };
  try {
    const row = input.id
      ? await updateKeywordRow(shopId, input.id, data)
      : await insertKeyword({ shopId, ...data });
    if (!row) return { ok: false, errors: { id: "This keyword no longer exists." } };
    return { ok: true, keyword: keywordView(row, 0) };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, errors: { term: `“${term}” is already a keyword.` } };
    throw error;
  }
}

/** Deletes a keyword; a deleted suggestion is remembered so it is never suggested again. */
export async function deleteKeyword(shopId: string, keywordId: string): Promise<{ ok: boolean }> {
  const keyword = await findKeyword(shopId, keywordId);
  if (!keyword) return { ok: false };
  if (keyword.suggested) await dismissSuggestion(shopId, keyword.term);
  return { ok: await deleteKeywordRow(shopId, keywordId) };
}

/**
 * Proposes keywords from the catalogue (titles, handles, SKUs, option values), marked `suggested`.
 * Idempotent: existing terms and suggestions the merchant deleted are skipped.
 */
export async function suggestKeywords(shopId: string): Promise<{ created: number }> {
  const shop = await getShop(shopId);
  if (!shop) return { created: 0 };
  const [catalogue, existing] = await Promise.all([
    loadCatalogueForSuggestions(shopId),
    existingKeywordTerms(shopId),
  ]);
  const skip = new Set([...existing, ...listeningSettingsOf(shop.settings).dismissedSuggestions]);
  const suggestions = suggestedKeywords(
    catalogue.map((p) => ({
      id: p.id,
      title: p.title,
      handle: p.handle,
      variants: p.variants.map((v) => ({
        id: v.id,
        sku: v.sku,
        optionValues: Array.isArray(v.selectedOptions)
          ? v.selectedOptions.flatMap((o) =>
              o && typeof o === "object" && !Array.isArray(o) && typeof o.value === "string" ? [o.value] : [],
            )
          : [],
      })),
    })),
    skip,
  );
  try {
    const created = await insertKeywords(suggestions.map((s) => ({ shopId, ...s, suggested: true })));
    return { created };
  } catch (error) {
    // A keyword saved by the merchant at the same moment: the next catalogue sync suggests the rest.
    if (isUniqueViolation(error)) return { created: 0 };
    throw error;
  }
}
