/**
 * Yotpo reviews connector (UGC/Core API v1, apidocs.yotpo.com):
 * 1. POST https://api.yotpo.com/oauth/token with the store ID (app key) as client_id, the API
 *    secret as client_secret and grant_type=client_credentials → an access token ("utoken"), valid
 *    14 days. Pulse asks for one per run and keeps it in memory only: it is a secret, and
 *    `Source.quota` (the only state a connector may persist besides the cursor) reaches the browser.
 * 2. GET https://api.yotpo.com/v1/apps/{app_key}/reviews?utoken=…&since_id=…&since_date=…&count=100&page=N
 *    ("Retrieve all reviews"), page by page until a page is short.
 *
 * Cursor: new reviews get larger ids, and the endpoint filters by `since_id`, so the cursor is the
 * largest review id of the last completed run. Within a run the filter stays fixed and the page
 * number advances; the cursor records the next page, so a crash resumes there. The reference does
 * not state the order inside the filtered set; either way, reviews written meanwhile can only push
 * others to later pages (re-read, then dropped as duplicates), never skip one.
 *
 * Rate limit: Yotpo documents 5,000 requests per minute per app key for this endpoint and at most
 * 100 reviews per request. Pulse paces itself at one request per 15 ms (at most 4,000 a minute) and
 * honours Retry-After on a 429.
 */
import { z } from "zod";
import { requestSourceJson, SourceHttpError } from "./http.server";
import { providerBaseUrl } from "./provider-base-url";
import { carryRequestQuota, pacedFetch, type RequestQuotaState } from "./request-pacing.server";
import {
  SourceAuthError,
  type Connector,
  type ConnectorPage,
  type ConnectorRunContext,
  type IncomingMention,
} from "./types";

export const YOTPO_API_BASE_URL = "https://api.yotpo.com";
/** 5,000 requests/minute documented per app key; 15 ms spacing keeps Pulse at 4,000 at most. */
export const YOTPO_MIN_REQUEST_INTERVAL_MS = 15;
/** The documented maximum page size of "Retrieve all reviews". */
export const YOTPO_PAGE_SIZE = 100;

export const yotpoCredentialsSchema = z.object({
  appKey: z
    .string()
    .trim()
    .regex(
      /^[A-Za-z0-9_-]{8,}$/,
      "Paste the store ID (app key) from Yotpo → Settings → Store → API credentials.",
    ),
  apiSecret: z
    .string()
    .trim()
    .min(
      8,
      "Paste the API secret from Yotpo → Settings → Store → API credentials (Yotpo e-mails a code to reveal it).",
    ),
});
export type YotpoCredentials = z.infer<typeof yotpoCredentialsSchema>;

export const yotpoConfigSchema = z.object({
  /** Tests and the demo point this at the local fake; production accepts only api.yotpo.com. */
  apiBaseUrl: providerBaseUrl(["api.yotpo.com"]).optional(),
});
export type YotpoConfig = z.infer<typeof yotpoConfigSchema>;

export const yotpoCursorSchema = z.object({
  /** Largest review id of the last completed run; the next run asks for reviews after it. */
  sinceId: z.number().int().nullable(),
  /** Set while a run is part-way through the pages: where to resume and the largest id seen. */
  pass: z.object({ nextPage: z.number().int().positive(), maxId: z.number().int().nullable() }).nullable(),
});
export type YotpoCursor = z.infer<typeof yotpoCursorSchema>;

export const yotpoTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
});

// The "Retrieve all reviews" review object (apidocs.yotpo.com/reference/retrieve-all-reviews).
export const yotpoReviewSchema = z.object({
  id: z.number().int(),
  title: z.string().nullish(),
  content: z.string().nullish(),
  score: z.number().int().min(1).max(5),
  votes_up: z.number().nullish(),
  votes_down: z.number().nullish(),
  created_at: z.string().refine((value) => Number.isFinite(Date.parse(value)), "not a date"),
  updated_at: z.string().nullish(),
  sentiment: z.number().nullish(),
  /** The product id the store sent Yotpo (Shopify's product id), or "yotpo_site_reviews" for store reviews. */
  sku: z.union([z.string(), z.number()]).nullish(),
  name: z.string().nullish(),
  email: z.string().nullish(),
  /** "verified_buyer", "verified_reviewer", "anonymous_user", … */
  reviewer_type: z.string().nullish(),
  deleted: z.boolean().nullish(),
  archived: z.boolean().nullish(),
  escalated: z.boolean().nullish(),
  user_reference: z.string().nullish(),
});
export type YotpoReview = z.infer<typeof yotpoReviewSchema>;

export const yotpoReviewListSchema = z.object({ reviews: z.array(yotpoReviewSchema) });

/** Yotpo's product key for reviews about the store rather than a product. */
const SITE_REVIEWS_KEY = "yotpo_site_reviews";

/**
 * The mention a Yotpo review becomes: e-mail (lower-cased) or name as author handle, title and
 * content as text, the Shopify product id from `sku` (Yotpo's product key) as product reference.
 * @example
 * yotpoReviewToMention({ id: 9, title: "Nice", content: "Fits well", score: 4, sku: "101",
 *   email: "Bo@Example.com", name: "Bo", reviewer_type: "verified_buyer",
 *   created_at: "2026-11-01T10:00:00.000Z" }).productRef // { shopifyProductId: "101", sku: null, handle: null }
 */
export function yotpoReviewToMention(review: YotpoReview): IncomingMention {
  const title = review.title?.trim() || null;
  const content = review.content?.trim() ?? "";
  const email = review.email?.trim().toLowerCase() || null;
  const name = review.name?.trim() || null;
  const productKey = review.sku === null || review.sku === undefined ? "" : String(review.sku).trim();
  const isProduct = productKey !== "" && productKey !== SITE_REVIEWS_KEY;
  const numeric = /^\d+$/.test(productKey);
  return {
    externalId: String(review.id),
    platform: "yotpo",
    authorHandle: email ?? name ?? `yotpo-reviewer-${review.id}`,
    authorIsPublic: false,
    title,
    text: title && content ? `${title}\n\n${content}` : (title ?? content),
    url: null,
    postedAt: new Date(review.created_at),
    countryCode: null,
    rating: review.score,
    verifiedBuyer: review.reviewer_type === "verified_buyer",
    productRef: isProduct
      ? { shopifyProductId: numeric ? productKey : null, sku: numeric ? null : productKey, handle: null }
      : null,
  };
}

function parseCursor(cursor: unknown): YotpoCursor {
  const parsed = yotpoCursorSchema.safeParse(cursor);
  return parsed.success ? parsed.data : { sinceId: null, pass: null };
}

type YotpoContext = Omit<ConnectorRunContext<YotpoCredentials, YotpoConfig, YotpoCursor>, "cursor">;

function authMessage(appKey: string): string {
  return `Yotpo rejected the store ID (app key) and API secret for store ${appKey}. Copy both again from Yotpo → Settings → Store → API credentials and reconnect.`;
}

/** A Yotpo session for one run: token on first use, refreshed once if it expires mid-run. */
function yotpoSession(context: YotpoContext, quota: RequestQuotaState) {
  const base = context.config.apiBaseUrl ?? YOTPO_API_BASE_URL;
  const { appKey, apiSecret } = context.credentials;
  const fetchPaced = pacedFetch({
    fetch: context.fetch,
    now: context.now,
    sleep: context.sleep,
    minIntervalMs: YOTPO_MIN_REQUEST_INTERVAL_MS,
    quota,
  });
  let token: string | null = null;

  async function issueToken(): Promise<string> {
    try {
      const answer = await requestSourceJson({
        provider: "Yotpo",
        url: `${base}/oauth/token`,
        init: {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          body: JSON.stringify({
            client_id: appKey,
            client_secret: apiSecret,
            grant_type: "client_credentials",
          }),
        },
        schema: yotpoTokenSchema,
        fetch: fetchPaced,
        sleep: context.sleep,
        authErrorMessage: authMessage(appKey),
      });
      return answer.access_token;
    } catch (error) {
      // Yotpo answers 400 rather than 401 for an unknown client id; both mean the keys are wrong.
      if (
        error instanceof SourceHttpError &&
        error.status !== null &&
        error.status >= 400 &&
        error.status < 500
      ) {
        throw new SourceAuthError(authMessage(appKey));
      }
      throw error;
    }
  }

  function fetchPage(
    utoken: string,
    query: { page: number; count: number; sinceId: number | null; sinceDate: Date | null },
  ) {
    const url = new URL(`${base}/v1/apps/${encodeURIComponent(appKey)}/reviews`);
    url.searchParams.set("utoken", utoken);
    url.searchParams.set("count", String(query.count));
    url.searchParams.set("page", String(query.page));
    if (query.sinceId !== null) url.searchParams.set("since_id", String(query.sinceId));
    if (query.sinceDate !== null) url.searchParams.set("since_date", query.sinceDate.toISOString());
    return requestSourceJson({
      provider: "Yotpo",
      url,
      init: { headers: { accept: "application/json" } },
      schema: yotpoReviewListSchema,
      fetch: fetchPaced,
      sleep: context.sleep,
      authErrorMessage: authMessage(appKey),
    });
  }

  return {
    appKey,
    async reviews(query: Parameters<typeof fetchPage>[1]) {
      if (token === null) token = await issueToken();
      try {
        return await fetchPage(token, query);
      } catch (error) {
        if (!(error instanceof SourceAuthError)) throw error;
        // Tokens expire after 14 days (or when the secret is rotated): ask once for a new one.
        token = await issueToken();
        return await fetchPage(token, query);
      }
    },
  };
}

async function* pullYotpo(
  context: ConnectorRunContext<YotpoCredentials, YotpoConfig, YotpoCursor>,
): AsyncIterable<ConnectorPage<YotpoCursor>> {
  const cursor = parseCursor(context.cursor);
  const quota = carryRequestQuota(context.quota, context.now(), YOTPO_MIN_REQUEST_INTERVAL_MS);
  const session = yotpoSession(context, quota);
  const sinceId = cursor.sinceId;
  const backfillFromMs = context.backfillFrom.getTime();
  let page = cursor.pass?.nextPage ?? 1;
  let maxId = cursor.pass?.maxId ?? null;

  for (;;) {
    context.signal?.throwIfAborted();
    const answer = await session.reviews({
      page,
      count: YOTPO_PAGE_SIZE,
      sinceId,
      // The date filter only matters for the backfill; afterwards since_id bounds the set.
      sinceDate: sinceId === null ? context.backfillFrom : null,
    });
    const fresh = answer.reviews.filter(
      (review) =>
        (sinceId === null || review.id > sinceId) &&
        Date.parse(review.created_at) >= backfillFromMs &&
        review.deleted !== true,
    );
    for (const review of answer.reviews) {
      if (sinceId === null || review.id > sinceId)
        maxId = maxId === null ? review.id : Math.max(maxId, review.id);
    }
    const done = answer.reviews.length < YOTPO_PAGE_SIZE;
    const completedSinceId = maxId === null ? sinceId : Math.max(maxId, sinceId ?? maxId);
    yield {
      mentions: fresh.map(yotpoReviewToMention),
      cursor: done
        ? { sinceId: completedSinceId, pass: null }
        : { sinceId, pass: { nextPage: page + 1, maxId } },
      quota: { ...quota },
    };
    if (done) return;
    page += 1;
  }
}

export const yotpoConnector: Connector<YotpoCredentials, YotpoConfig, YotpoCursor> = {
  kind: "yotpo",
  label: "Yotpo reviews",
  credentialsSchema: yotpoCredentialsSchema,
  configSchema: yotpoConfigSchema,
  async testConnection(context) {
    const quota = carryRequestQuota(context.quota, context.now(), YOTPO_MIN_REQUEST_INTERVAL_MS);
    const session = yotpoSession(context, quota);
    // A token plus one review: the cheapest pair of calls that proves both keys and read access.
    const answer = await session.reviews({ page: 1, count: 1, sinceId: null, sinceDate: null });
    return {
      ok: true,
      detail:
        answer.reviews.length > 0
          ? `Connected to Yotpo store ${session.appKey}; reviews are readable.`
          : `Connected to Yotpo store ${session.appKey}; no reviews yet.`,
    };
  },
  pull: pullYotpo,
};
