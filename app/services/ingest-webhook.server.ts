/**
 * The signed ingest webhook (`POST /api/ingest/:sourceId`) for Zapier, Make or any listening tool:
 * checks run cheapest first and every refusal stores nothing. Format: docs/decisions/044.
 */
import { z } from "zod";
import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signatureDigest,
  verifyIngestSignature,
} from "~/integrations/sources/ingest-signature";
import type { IncomingMention, IngestResult } from "~/integrations/sources/types";
import {
  claimIngestReceipt,
  findIngestSource,
  hasIngestReceipt,
  releaseIngestReceipt,
} from "~/models/ingest-receipts.server";
import { ingestMentions } from "~/services/mention-ingest.server";
import { ingestSecretOf } from "~/services/sources.server";

/** Largest accepted body; checked while reading, before any parsing. */
export const MAX_INGEST_BODY_BYTES = 5 * 1024 * 1024;
/** A delivery older than this is refused (a replay, or a queue that held it too long). */
export const MAX_TIMESTAMP_AGE_SECONDS = 5 * 60;
/** Clock skew tolerated for timestamps ahead of ours; anything later is "in the future". */
export const MAX_TIMESTAMP_SKEW_SECONDS = 30;
export const MAX_MENTIONS_PER_DELIVERY = 1000;

const optionalText = (max: number) => z.string().max(max).nullish();

export const ingestMentionSchema = z.object({
  id: z.string().min(1).max(255),
  platform: z.string().min(1).max(40),
  author: z.string().max(255),
  text: z.string().min(1).max(20_000),
  postedAt: z.string().datetime({
    offset: true,
    message: "must be an ISO 8601 date-time with a zone, e.g. 2026-11-03T14:05:00Z",
  }),
  url: z.string().url().max(2048).nullish(),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, "must be a two-letter ISO 3166-1 country code")
    .nullish(),
  language: optionalText(35),
  reach: z.number().int().min(0).max(2_000_000_000).nullish(),
  rating: z.number().min(1).max(5).nullish(),
  title: optionalText(500),
  product: z
    .object({
      id: optionalText(100),
      handle: optionalText(255),
      sku: optionalText(255),
      title: optionalText(255),
    })
    .nullish(),
});

export const ingestBodySchema = z.object({
  mentions: z.array(ingestMentionSchema).min(1).max(MAX_MENTIONS_PER_DELIVERY),
});

export type IngestResponse =
  | { status: 202; body: IngestResult & { ok: true } }
  | {
      status: 400 | 401 | 404 | 409 | 413 | 422;
      body: { ok: false; error: string; message: string; path?: string };
    };

function refuse(
  status: 400 | 401 | 404 | 409 | 413 | 422,
  error: string,
  message: string,
  path?: string,
): IngestResponse {
  return { status, body: { ok: false, error, message, ...(path !== undefined ? { path } : {}) } };
}

/** Reads the body, giving up as soon as it passes `limit` bytes; null when it does. */
async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array | null> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, length);
}

function toIncoming(mention: z.infer<typeof ingestMentionSchema>): IncomingMention {
  const product = mention.product;
  return {
    externalId: mention.id,
    platform: mention.platform.toLowerCase(),
    authorHandle: mention.author,
    authorFollowers: mention.reach ?? null,
    text: mention.text,
    title: mention.title ?? null,
    url: mention.url ?? null,
    postedAt: new Date(mention.postedAt),
    countryCode: mention.country ? mention.country.toUpperCase() : null,
    language: mention.language ?? null,
    rating: mention.rating ?? null,
    productRef: product
      ? {
          shopifyProductId: product.id ?? null,
          handle: product.handle ?? null,
          sku: product.sku ?? null,
          title: product.title ?? null,
        }
      : null,
  };
}

/**
 * Handles one delivery: source known and active (404/409), body within 5 MB (413), signature
 * (401), timestamp within 5 minutes and not in the future (401), not seen before (409), JSON (400),
 * schema (422 with the path), then ingest and remember the signature (202 with the counts).
 */
export async function receiveIngestDelivery(
  request: Request,
  sourceId: string,
  options: { now?: Date } = {},
): Promise<IngestResponse> {
  const now = options.now ?? new Date();
  const source = await findIngestSource(sourceId);
  if (!source || source.kind !== "ingest_webhook")
    return refuse(
      404,
      "unknown_source",
      "No ingest webhook has this address. Copy the URL again from Pulse's sources page.",
    );
  if (source.status === "paused")
    return refuse(
      409,
      "source_paused",
      "This ingest webhook is paused in Pulse. Resume it on the sources page, then send again.",
    );

  const body = await readBodyWithin(request, MAX_INGEST_BODY_BYTES);
  if (!body)
    return refuse(
      413,
      "body_too_large",
      `The body is larger than 5 MB. Send at most ${MAX_MENTIONS_PER_DELIVERY} mentions per request, in several requests if needed.`,
    );

  const timestamp = request.headers.get(TIMESTAMP_HEADER)?.trim() ?? "";
  const signature = request.headers.get(SIGNATURE_HEADER)?.trim() ?? "";
  if (!timestamp || !signature)
    return refuse(
      401,
      "missing_signature",
      `Send the ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} headers (see the ingest webhook guide).`,
    );
  const secret = await ingestSecretOf(source.shopId, source.id);
  if (!secret)
    return refuse(
      409,
      "no_secret",
      "This ingest webhook has no secret yet. Create a new secret in Pulse and sign with it.",
    );
  if (!/^\d{1,12}$/.test(timestamp) || !verifyIngestSignature(secret, timestamp, body, signature))
    return refuse(
      401,
      "bad_signature",
      'The signature does not match. Sign "<timestamp>.<raw body>" with HMAC-SHA256 and this source\'s secret.',
    );

  const ageSeconds = Math.floor(now.getTime() / 1000) - Number(timestamp);
  if (ageSeconds > MAX_TIMESTAMP_AGE_SECONDS || ageSeconds < -MAX_TIMESTAMP_SKEW_SECONDS)
    return refuse(
      401,
      "stale_timestamp",
      "Replayed or stale timestamp: X-Pulse-Timestamp must be the current time in Unix seconds (within 5 minutes). Sign each request when sending it.",
    );

  const digest = signatureDigest(signature);
  if (await hasIngestReceipt(source.id, digest))
    return refuse(
      409,
      "already_received",
      "This exact signed request was already received; it is not stored twice.",
    );

  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body).toString("utf8"));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(400, "bad_json", `The body is not valid JSON (${detail}).`);
  }
  const parsed = ingestBodySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const path = issue.path.join(".");
    return refuse(422, "invalid_body", `${path || "body"}: ${issue.message}`, path);
  }

  const receiptId = await claimIngestReceipt({
    shopId: source.shopId,
    sourceId: source.id,
    digest,
    receivedAt: now,
    mentions: parsed.data.mentions.length,
  });
  if (!receiptId)
    return refuse(
      409,
      "already_received",
      "This exact signed request was already received; it is not stored twice.",
    );
  try {
    const result = await ingestMentions(source.shopId, source.id, parsed.data.mentions.map(toIncoming), {
      now,
    });
    return { status: 202, body: { ok: true, ...result } };
  } catch (error) {
    await releaseIngestReceipt(receiptId);
    throw error;
  }
}
