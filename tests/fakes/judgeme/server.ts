import type { IncomingMessage, ServerResponse } from "node:http";
import {
  answerFault,
  createFaultQueue,
  FakeThrottle,
  listen,
  sendJson,
  type FaultQueue,
  type ReviewAppRequestLog,
} from "./http-kit";
import { seedReviewFacts, type ReviewFact } from "./review-seed";

export const FAKE_JUDGEME_SHOP_DOMAIN = "pulse-demo.myshopify.com";
export const FAKE_JUDGEME_API_TOKEN = "jm-private-token-demo-0001";

/** A review in the shape of Judge.me's GET /api/v1/reviews (judge.me/api/docs, Reviews → index). */
export interface FakeJudgemeReview {
  id: number;
  title: string | null;
  body: string;
  rating: number;
  product_external_id: number | null;
  product_title: string | null;
  product_handle: string | null;
  reviewer: {
    id: number;
    external_id: number | null;
    email: string | null;
    name: string;
    phone: string | null;
    accepts_marketing: boolean;
    unsubscribed_at: string | null;
    tags: string | null;
    country: string | null;
  };
  source: string;
  curated: "ok" | "spam" | "not-yet";
  published: boolean;
  hidden: boolean;
  verified: string;
  featured: boolean;
  created_at: string;
  updated_at: string;
  ip_address: string | null;
  has_published_pictures: boolean;
  has_published_videos: boolean;
  pictures: unknown[];
}

export interface FakeJudgemeServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  shopDomain?: string;
  apiToken?: string;
  /** The fake's clock: review dates, new reviews and the throttle. Default: the real clock. */
  now?: () => Date;
  /** Initial reviews; default 150 seeded reviews over the 120 days before `now()`. */
  reviews?: FakeJudgemeReview[];
  /** Throttle: at most this many requests per `rateLimitWindowMs` (default 1 per 1,000 ms; 0 = off). */
  rateLimitMaxRequests?: number;
  rateLimitWindowMs?: number;
}

export interface FakeJudgemeServer {
  /** e.g. "http://127.0.0.1:53121" */
  url: string;
  /** What to put in a source's config `apiBaseUrl`: `${url}/api/v1`. */
  apiBaseUrl: string;
  shopDomain: string;
  /** The token the fake currently accepts. */
  apiToken(): string;
  /** Every request, in order, with the fake's clock time. */
  requests: ReviewAppRequestLog[];
  /** All stored reviews, newest first (the order the API answers in). */
  reviews(): readonly FakeJudgemeReview[];
  /** Adds a review written "now" (or at `createdAt`) and returns it as the API will show it. */
  addReview(input?: Partial<Omit<FakeJudgemeReview, "id">>): FakeJudgemeReview;
  /** The merchant revoked the token in Judge.me: every request answers 401 until `setApiToken`. */
  revokeToken(): void;
  setApiToken(token: string): void;
  faults: FaultQueue;
  /** Requests that arrived while the fake was throttling (a well-paced client keeps this at 0). */
  tooEarlyRequests(): number;
  close(): Promise<void>;
}

/** Turns a neutral review fact into Judge.me's review shape. */
export function judgemeReviewFromFact(fact: ReviewFact, id: number): FakeJudgemeReview {
  const created = fact.createdAt.toISOString().replace(/\.\d{3}Z$/, "+00:00");
  return {
    id,
    title: fact.title,
    body: fact.body,
    rating: fact.rating,
    product_external_id: fact.product?.shopifyId ?? null,
    product_title: fact.product?.title ?? null,
    product_handle: fact.product?.handle ?? null,
    reviewer: {
      id: 90_000 + id,
      external_id: null,
      email: fact.reviewerEmail,
      name: fact.reviewerName,
      phone: null,
      accepts_marketing: false,
      unsubscribed_at: null,
      tags: null,
      country: fact.countryCode,
    },
    source: fact.verifiedBuyer ? "email" : "web",
    // Every 29th seeded review was curated as spam (the API still lists it).
    curated: fact.index % 29 === 11 ? "spam" : "ok",
    published: true,
    hidden: false,
    verified: fact.verifiedBuyer ? "buyer" : "nothing",
    featured: false,
    created_at: created,
    updated_at: created,
    ip_address: null,
    has_published_pictures: false,
    has_published_videos: false,
    pictures: [],
  };
}

function newestFirst(a: FakeJudgemeReview, b: FakeJudgemeReview): number {
  return Date.parse(b.created_at) - Date.parse(a.created_at) || b.id - a.id;
}

/**
 * Serves a fake Judge.me API on localhost: `GET /api/v1/reviews?shop_domain&api_token&page&per_page`
 * answering `{ current_page, per_page, reviews }` newest first, 401 for a wrong or revoked token or
 * another shop, 429 with Retry-After when requests come faster than the throttle allows, and
 * injected 5xx/429/network faults.
 *
 * @example
 * const fake = await startFakeJudgemeServer({ now: clock.now });
 * // source config: { apiBaseUrl: fake.apiBaseUrl }, credentials: { apiToken: FAKE_JUDGEME_API_TOKEN }
 * await fake.close();
 */
export async function startFakeJudgemeServer(
  options: FakeJudgemeServerOptions = {},
): Promise<FakeJudgemeServer> {
  const now = options.now ?? (() => new Date());
  const shopDomain = options.shopDomain ?? FAKE_JUDGEME_SHOP_DOMAIN;
  let token = options.apiToken ?? FAKE_JUDGEME_API_TOKEN;
  let revoked = false;
  const reviews: FakeJudgemeReview[] =
    options.reviews?.map((review) => ({ ...review })) ??
    seedReviewFacts({ now: now() }).map((fact) => judgemeReviewFromFact(fact, 310_000_000 + fact.index * 7));
  let nextId = Math.max(310_000_000, ...reviews.map((review) => review.id)) + 7;
  const requests: ReviewAppRequestLog[] = [];
  const faults = createFaultQueue();
  const throttle = new FakeThrottle(options.rateLimitMaxRequests ?? 1, options.rateLimitWindowMs ?? 1000);

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake-judgeme.local");
    const at = now();
    const log: ReviewAppRequestLog = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: null,
      at,
      fault: null,
    };
    requests.push(log);
    if (url.pathname !== "/api/v1/reviews") {
      log.status = 404;
      return sendJson(response, 404, { error: "Not found" });
    }
    if (request.method !== "GET") {
      log.status = 405;
      return sendJson(response, 405, { error: "Method not allowed" });
    }
    if (answerFault(faults, throttle, at.getTime(), request, response, log)) return;
    const retryAfter = throttle.check(at.getTime());
    if (retryAfter !== null) {
      log.status = 429;
      return sendJson(response, 429, { error: "Too many requests" }, { "retry-after": String(retryAfter) });
    }
    if (
      revoked ||
      url.searchParams.get("api_token") !== token ||
      url.searchParams.get("shop_domain") !== shopDomain
    ) {
      log.status = 401;
      return sendJson(response, 401, { error: "Unauthorized: invalid api_token or shop_domain" });
    }
    const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
    const perPage = Math.min(
      100,
      Math.max(1, Number.parseInt(url.searchParams.get("per_page") ?? "10", 10) || 10),
    );
    const sorted = [...reviews].sort(newestFirst);
    log.status = 200;
    sendJson(response, 200, {
      current_page: page,
      per_page: perPage,
      reviews: sorted.slice((page - 1) * perPage, page * perPage),
    });
  }

  const server = await listen(handle, options.port ?? 0);
  return {
    url: server.url,
    apiBaseUrl: `${server.url}/api/v1`,
    shopDomain,
    apiToken: () => token,
    requests,
    reviews: () => [...reviews].sort(newestFirst),
    addReview(input = {}) {
      const id = nextId;
      nextId += 7;
      const created = (input.created_at ? new Date(input.created_at) : now())
        .toISOString()
        .replace(/\.\d{3}Z$/, "+00:00");
      const review: FakeJudgemeReview = {
        ...judgemeReviewFromFact(
          {
            index: reviews.length,
            createdAt: new Date(created),
            rating: 5,
            title: "New favourite",
            body: "Just arrived and it is lovely.",
            reviewerName: `New Reviewer ${id}`,
            reviewerEmail: `new.reviewer.${id}@example.com`,
            verifiedBuyer: true,
            countryCode: "US",
            product: {
              shopifyId: 101,
              handle: "tidewater-eco-sunglasses",
              title: "Tidewater Eco Sunglasses",
              sku: "TWS",
            },
          },
          id,
        ),
        curated: "ok",
        ...input,
        created_at: created,
        updated_at: created,
        id,
      };
      reviews.push(review);
      return review;
    },
    revokeToken() {
      revoked = true;
    },
    setApiToken(next) {
      token = next;
      revoked = false;
    },
    faults,
    tooEarlyRequests: () => throttle.tooEarly,
    close: server.close,
  };
}
