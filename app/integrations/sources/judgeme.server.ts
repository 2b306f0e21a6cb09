/**
 * Judge.me reviews connector: reads a shop's reviews with its private API token
 * (GET https://judge.me/api/v1/reviews?shop_domain=…&api_token=…&page=…&per_page=…, documented at
 * https://judge.me/api/docs) and turns them into IncomingMentions.
 *
 * Ordering and the cursor: the reference documents page/per_page only, with no date filter and no
 * stated order; the list comes newest first (created_at descending), as the dashboard and widgets
 * show it. So a run pages from page 1 and stops at the first page that reaches the previous run's
 * newest review (the watermark) or the backfill start. The watermark only moves when a run ends;
 * while a run is part-way, the cursor also holds the next page to read, so a crash resumes there.
 * Reviews written meanwhile push older ones to later pages, which can only make a resumed run
 * re-read a few reviews (dropped as duplicates by the pipeline), never skip one.
 *
 * Rate limit: Judge.me throttles per shop with HTTP 429 but publishes no figures, and asks
 * integrations to page conservatively; Pulse paces itself at one request per second (100 reviews
 * per request, so 6,000 reviews a minute) and honours Retry-After on a 429.
 */
import { z } from "zod";
import { requestSourceJson } from "./http.server";
import { providerBaseUrl } from "./provider-base-url";
import { carryRequestQuota, pacedFetch, type RequestQuotaState } from "./request-pacing.server";
import {
  SourceResponseError,
  type Connector,
  type ConnectorPage,
  type ConnectorRunContext,
  type IncomingMention,
} from "./types";

export const JUDGEME_API_BASE_URL = "https://judge.me/api/v1";
/** One request per second: Judge.me states no figure, so this stays well clear of its throttle. */
export const JUDGEME_MIN_REQUEST_INTERVAL_MS = 1000;
/** Reviews per page; Judge.me defaults to 10, and 100 keeps a large backfill to few requests. */
export const JUDGEME_PAGE_SIZE = 100;

const myshopifyDomain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, "Enter the shop's .myshopify.com domain.");

export const judgemeCredentialsSchema = z.object({
  apiToken: z
    .string()
    .trim()
    .min(8, "Paste the private API token from Judge.me → Settings → Integrations → View API tokens."),
});
export type JudgemeCredentials = z.infer<typeof judgemeCredentialsSchema>;

export const judgemeConfigSchema = z.object({
  /** The Judge.me shop when it is not this Shopify shop's own domain (e.g. a shop group). */
  shopDomain: myshopifyDomain.optional(),
  /** Tests and the demo point this at the local fake; production accepts only judge.me. */
  apiBaseUrl: providerBaseUrl(["judge.me", "api.judge.me"]).optional(),
});
export type JudgemeConfig = z.infer<typeof judgemeConfigSchema>;

const reviewMarkSchema = z.object({ createdAt: z.string(), id: z.number().int() });
/** A review's position in Judge.me's order: creation time, then id for reviews of the same second. */
export type JudgemeReviewMark = z.infer<typeof reviewMarkSchema>;

export const judgemeCursorSchema = z.object({
  /** Newest review of the last completed run; the next run stops once it reaches it. */
  watermark: reviewMarkSchema.nullable(),
  /** Set while a run is part-way through the pages: where to resume and the newest review seen. */
  pass: z.object({ nextPage: z.number().int().positive(), newest: reviewMarkSchema.nullable() }).nullable(),
});
export type JudgemeCursor = z.infer<typeof judgemeCursorSchema>;

// The documented Review object (judge.me/api/docs, Reviews → index). Fields Pulse does not read are
// kept loose; product ids arrive as numbers although the reference types them as strings.
const externalId = z.union([z.string(), z.number()]).nullish();
export const judgemeReviewSchema = z.object({
  id: z.number().int(),
  title: z.string().nullish(),
  body: z.string().nullish(),
  rating: z.number().int().min(1).max(5),
  product_external_id: externalId,
  product_title: z.string().nullish(),
  product_handle: z.string().nullish(),
  reviewer: z
    .object({
      id: z.number().nullish(),
      external_id: externalId,
      email: z.string().nullish(),
      name: z.string().nullish(),
      phone: z.string().nullish(),
      accepts_marketing: z.boolean().nullish(),
      unsubscribed_at: z.string().nullish(),
      tags: z.unknown().optional(),
      /** Not in the published reference; read only when it is an ISO 3166-1 alpha-2 code. */
      country: z.string().nullish(),
    })
    .nullish(),
  source: z.string().nullish(),
  /** ok (published), spam, or not-yet (awaiting curation). */
  curated: z.string().nullish(),
  published: z.boolean().nullish(),
  hidden: z.boolean().nullish(),
  /** buyer, confirmed-buyer, verified-purchase, semi-verified-purchase, admin, nothing, … */
  verified: z.string().nullish(),
  created_at: z.string().refine((value) => Number.isFinite(Date.parse(value)), "not a date"),
  updated_at: z.string().nullish(),
  ip_address: z.string().nullish(),
  pictures: z.array(z.unknown()).nullish(),
});
export type JudgemeReview = z.infer<typeof judgemeReviewSchema>;

export const judgemeReviewListSchema = z.object({
  current_page: z.coerce.number().int().nullish(),
  per_page: z.coerce.number().int().nullish(),
  reviews: z.array(judgemeReviewSchema),
});

/** Judge.me's verified statuses that mean the reviewer bought (help.judge.me "Verified status of reviews"). */
const VERIFIED_STATUSES = new Set([
  "buyer",
  "confirmed-buyer",
  "verified-purchase",
  "semi-verified-purchase",
  "admin",
]);

/**
 * True when Judge.me's `verified` status counts as a verified buyer.
 * @example isJudgemeVerifiedBuyer("confirmed-buyer") // true
 * @example isJudgemeVerifiedBuyer("nothing") // false
 */
export function isJudgemeVerifiedBuyer(verified: string | null | undefined): boolean {
  return verified !== null && verified !== undefined && VERIFIED_STATUSES.has(verified);
}

/**
 * The mention a Judge.me review becomes: the reviewer's e-mail (lower-cased) as author handle so
 * customers/data_request can find a person's reviews once hashed, else the name; title and body as
 * text; the Shopify product id and handle as product reference.
 * @example
 * judgemeReviewToMention(
 *   { id: 7, title: "Love it", body: "Great fit", rating: 5, product_external_id: 101,
 *     product_handle: "cork-yoga-mat", reviewer: { email: "Ann@Example.com", name: "Ann" },
 *     verified: "buyer", created_at: "2026-11-01T10:00:00+00:00" },
 *   "demo.myshopify.com",
 * ).authorHandle // "ann@example.com"
 */
export function judgemeReviewToMention(review: JudgemeReview, shopDomain: string): IncomingMention {
  const title = review.title?.trim() || null;
  const body = review.body?.trim() ?? "";
  const email = review.reviewer?.email?.trim().toLowerCase() || null;
  const name = review.reviewer?.name?.trim() || null;
  const country = review.reviewer?.country?.trim().toUpperCase() ?? "";
  const handle = review.product_handle?.trim() || null;
  const productId =
    review.product_external_id === null || review.product_external_id === undefined
      ? null
      : String(review.product_external_id).trim() || null;
  const hasProduct = productId !== null || handle !== null;
  return {
    externalId: String(review.id),
    platform: "judgeme",
    authorHandle: email ?? name ?? `judgeme-reviewer-${review.reviewer?.id ?? review.id}`,
    authorIsPublic: false,
    title,
    text: title && body ? `${title}\n\n${body}` : (title ?? body),
    url: handle ? `https://${shopDomain}/products/${encodeURIComponent(handle)}` : null,
    postedAt: new Date(review.created_at),
    countryCode: /^[A-Z]{2}$/.test(country) ? country : null,
    rating: review.rating,
    verifiedBuyer: isJudgemeVerifiedBuyer(review.verified),
    productRef: hasProduct
      ? { shopifyProductId: productId, handle, title: review.product_title?.trim() || null }
      : null,
  };
}

/** The review's place in Judge.me's newest-first order. */
function markOf(review: JudgemeReview): JudgemeReviewMark {
  return { createdAt: new Date(review.created_at).toISOString(), id: review.id };
}

/**
 * True when `a` comes after `b` (created later, or in the same instant with a larger id).
 * @example isAfterMark({ createdAt: "2026-11-02T00:00:00.000Z", id: 1 }, { createdAt: "2026-11-01T00:00:00.000Z", id: 9 }) // true
 */
export function isAfterMark(a: JudgemeReviewMark, b: JudgemeReviewMark | null): boolean {
  if (b === null) return true;
  const difference = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return difference > 0 || (difference === 0 && a.id > b.id);
}

function newerOf(a: JudgemeReviewMark | null, b: JudgemeReviewMark | null): JudgemeReviewMark | null {
  if (a === null) return b;
  if (b === null) return a;
  return isAfterMark(a, b) ? a : b;
}

function parseCursor(cursor: unknown): JudgemeCursor {
  const parsed = judgemeCursorSchema.safeParse(cursor);
  return parsed.success ? parsed.data : { watermark: null, pass: null };
}

type JudgemeContext = Omit<ConnectorRunContext<JudgemeCredentials, JudgemeConfig, JudgemeCursor>, "cursor">;

function authMessage(shop: string): string {
  return `Judge.me rejected the private API token for ${shop}. Create a new token in Judge.me → Settings → Integrations and reconnect.`;
}

function reviewsRequester(context: JudgemeContext, quota: RequestQuotaState) {
  const shop = context.config.shopDomain ?? context.shopDomain;
  const base = context.config.apiBaseUrl ?? JUDGEME_API_BASE_URL;
  const fetchPaced = pacedFetch({
    fetch: context.fetch,
    now: context.now,
    sleep: context.sleep,
    minIntervalMs: JUDGEME_MIN_REQUEST_INTERVAL_MS,
    quota,
  });
  return {
    shop,
    fetchPage(page: number, perPage: number) {
      const url = new URL(`${base}/reviews`);
      url.searchParams.set("shop_domain", shop);
      url.searchParams.set("api_token", context.credentials.apiToken);
      url.searchParams.set("page", String(page));
      url.searchParams.set("per_page", String(perPage));
      return requestSourceJson({
        provider: "Judge.me",
        url,
        init: { headers: { accept: "application/json" } },
        schema: judgemeReviewListSchema,
        fetch: fetchPaced,
        sleep: context.sleep,
        authErrorMessage: authMessage(shop),
      });
    },
  };
}

async function* pullJudgeme(
  context: ConnectorRunContext<JudgemeCredentials, JudgemeConfig, JudgemeCursor>,
): AsyncIterable<ConnectorPage<JudgemeCursor>> {
  const cursor = parseCursor(context.cursor);
  const quota = carryRequestQuota(context.quota, context.now(), JUDGEME_MIN_REQUEST_INTERVAL_MS);
  const requester = reviewsRequester(context, quota);
  const stopLine = cursor.watermark;
  const backfillFromMs = context.backfillFrom.getTime();
  let page = cursor.pass?.nextPage ?? 1;
  let newest = cursor.pass?.newest ?? null;

  for (;;) {
    context.signal?.throwIfAborted();
    const answer = await requester.fetchPage(page, JUDGEME_PAGE_SIZE);
    const reviews = answer.reviews;
    // The stop rule relies on newest-first order; if Judge.me ever changed it, stopping early
    // would silently miss reviews, so refuse loudly instead.
    const outOfOrder = reviews.findIndex(
      (review, i) => i > 0 && isAfterMark(markOf(review), markOf(reviews[i - 1]!)),
    );
    if (outOfOrder > 0) {
      throw new SourceResponseError(
        `Judge.me listed review ${reviews[outOfOrder]!.id} after an older one on page ${page}; Pulse pages newest first and stopped rather than miss reviews.`,
      );
    }
    const fresh = reviews.filter(
      (review) =>
        isAfterMark(markOf(review), stopLine) &&
        Date.parse(review.created_at) >= backfillFromMs &&
        // Spam-curated reviews are never published on the storefront; they are not customer voice.
        review.curated !== "spam",
    );
    for (const review of fresh) newest = newerOf(newest, markOf(review));
    const oldest = reviews.at(-1);
    const reachedKnown =
      oldest === undefined ||
      !isAfterMark(markOf(oldest), stopLine) ||
      Date.parse(oldest.created_at) < backfillFromMs;
    const done = reachedKnown || reviews.length < JUDGEME_PAGE_SIZE;
    yield {
      mentions: fresh.map((review) => judgemeReviewToMention(review, requester.shop)),
      cursor: done
        ? { watermark: newerOf(stopLine, newest), pass: null }
        : { watermark: stopLine, pass: { nextPage: page + 1, newest } },
      quota: { ...quota },
    };
    if (done) return;
    page += 1;
  }
}

export const judgemeConnector: Connector<JudgemeCredentials, JudgemeConfig, JudgemeCursor> = {
  kind: "judgeme",
  label: "Judge.me reviews",
  credentialsSchema: judgemeCredentialsSchema,
  configSchema: judgemeConfigSchema,
  async testConnection(context) {
    const quota = carryRequestQuota(context.quota, context.now(), JUDGEME_MIN_REQUEST_INTERVAL_MS);
    const requester = reviewsRequester(context, quota);
    // One review on page 1 is the cheapest call that proves the token belongs to this shop.
    const answer = await requester.fetchPage(1, 1);
    const latest = answer.reviews[0];
    return {
      ok: true,
      detail: latest
        ? `Connected to Judge.me for ${requester.shop}; newest review ${new Date(latest.created_at).toISOString().slice(0, 10)}.`
        : `Connected to Judge.me for ${requester.shop}; no reviews yet.`,
    };
  },
  pull: pullJudgeme,
};
