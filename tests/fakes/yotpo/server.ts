import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  answerFault,
  createFaultQueue,
  FakeThrottle,
  listen,
  readBody,
  sendJson,
  type FaultQueue,
  type ReviewAppRequestLog,
} from "../judgeme/http-kit";
import { seedReviewFacts, type ReviewFact } from "../judgeme/review-seed";

export const FAKE_YOTPO_APP_KEY = "pulseDemoYotpoAppKey01";
export const FAKE_YOTPO_API_SECRET = "yotpo-secret-demo-0001";

/** A review in the shape of Yotpo's "Retrieve all reviews" (GET /v1/apps/{app_key}/reviews). */
export interface FakeYotpoReview {
  id: number;
  title: string | null;
  content: string;
  score: number;
  votes_up: number;
  votes_down: number;
  created_at: string;
  updated_at: string;
  sentiment: number | null;
  /** Yotpo's product key: the Shopify product id, or "yotpo_site_reviews". */
  sku: string;
  name: string;
  email: string | null;
  reviewer_type: "verified_buyer" | "anonymous_user" | "verified_reviewer";
  deleted: boolean;
  archived: boolean;
  escalated: boolean;
}

export interface FakeYotpoServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  appKey?: string;
  apiSecret?: string;
  /** The fake's clock: review dates, new reviews and the throttle. Default: the real clock. */
  now?: () => Date;
  /** Initial reviews; default 150 seeded reviews over the 120 days before `now()`. */
  reviews?: FakeYotpoReview[];
  /** Throttle per app key: default 5,000 requests per 60,000 ms (Yotpo's documented limit). */
  rateLimitMaxRequests?: number;
  rateLimitWindowMs?: number;
}

export interface FakeYotpoServer {
  /** e.g. "http://127.0.0.1:53121"; also what to put in a source's config `apiBaseUrl`. */
  url: string;
  apiBaseUrl: string;
  appKey: string;
  requests: ReviewAppRequestLog[];
  /** All stored reviews in id order. */
  reviews(): readonly FakeYotpoReview[];
  /** Adds a review written "now" (or at `created_at`) and returns it. */
  addReview(input?: Partial<Omit<FakeYotpoReview, "id">>): FakeYotpoReview;
  /** Access tokens issued so far (each POST /oauth/token that succeeded). */
  tokensIssued(): number;
  /** Every issued token stops working (as after 14 days); the secret still gets new ones. */
  expireTokens(): void;
  /** The merchant rotated the API secret in Yotpo: tokens and the old secret stop working. */
  revokeSecret(): void;
  /** Sets the secret the token endpoint accepts (after `revokeSecret`). */
  setApiSecret(secret: string): void;
  faults: FaultQueue;
  tooEarlyRequests(): number;
  close(): Promise<void>;
}

/** Turns a neutral review fact into Yotpo's review shape. */
export function yotpoReviewFromFact(fact: ReviewFact, id: number): FakeYotpoReview {
  const created = fact.createdAt.toISOString();
  return {
    id,
    title: fact.title,
    content: fact.body,
    score: fact.rating,
    votes_up: 0,
    votes_down: 0,
    created_at: created,
    updated_at: created,
    sentiment: null,
    sku: fact.product ? String(fact.product.shopifyId) : "yotpo_site_reviews",
    name: fact.reviewerName,
    email: fact.reviewerEmail,
    reviewer_type: fact.verifiedBuyer ? "verified_buyer" : "anonymous_user",
    // Every 31st seeded review was deleted by the merchant (listed, flagged deleted).
    deleted: fact.index % 31 === 13,
    archived: false,
    escalated: false,
  };
}

const unauthorized = { status: { code: 401, message: "Unauthorized", error_type: "Unauthorized" } };

/**
 * Serves a fake Yotpo API on localhost:
 * - `POST /oauth/token` (JSON or form body: client_id, client_secret, grant_type=client_credentials)
 *   → `{ access_token, token_type: "bearer" }`, 401 for a wrong or rotated secret;
 * - `GET /v1/apps/:app_key/reviews?utoken&since_id&since_date&count&page` → `{ reviews }` in id
 *   order, 401 for an unknown or expired token, count capped at 100;
 * - 429 with Retry-After past the throttle, and injected 5xx/429/network faults.
 *
 * @example
 * const fake = await startFakeYotpoServer({ now: clock.now });
 * // config: { apiBaseUrl: fake.apiBaseUrl }, credentials: { appKey: FAKE_YOTPO_APP_KEY, apiSecret: FAKE_YOTPO_API_SECRET }
 */
export async function startFakeYotpoServer(options: FakeYotpoServerOptions = {}): Promise<FakeYotpoServer> {
  const now = options.now ?? (() => new Date());
  const appKey = options.appKey ?? FAKE_YOTPO_APP_KEY;
  let secret: string | null = options.apiSecret ?? FAKE_YOTPO_API_SECRET;
  const tokens = new Set<string>();
  let issued = 0;
  const reviews: FakeYotpoReview[] =
    options.reviews?.map((review) => ({ ...review })) ??
    seedReviewFacts({ now: now(), seed: 11 }).map((fact) =>
      yotpoReviewFromFact(fact, 520_000_000 + fact.index * 3),
    );
  let nextId = Math.max(520_000_000, ...reviews.map((review) => review.id)) + 3;
  const requests: ReviewAppRequestLog[] = [];
  const faults = createFaultQueue();
  const throttle = new FakeThrottle(
    options.rateLimitMaxRequests ?? 5000,
    options.rateLimitWindowMs ?? 60_000,
  );
  const reviewsPath = /^\/v1\/apps\/([^/]+)\/reviews$/;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake-yotpo.local");
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
    const reviewsMatch = reviewsPath.exec(url.pathname);
    const isToken = url.pathname === "/oauth/token";
    if (!isToken && !reviewsMatch) {
      log.status = 404;
      return sendJson(response, 404, { status: { code: 404, message: "Not Found" } });
    }
    if (answerFault(faults, throttle, at.getTime(), request, response, log)) return;
    const retryAfter = throttle.check(at.getTime());
    if (retryAfter !== null) {
      log.status = 429;
      return sendJson(
        response,
        429,
        { status: { code: 429, message: "Too Many Requests" } },
        { "retry-after": String(retryAfter) },
      );
    }

    if (isToken) {
      if (request.method !== "POST") {
        log.status = 405;
        return sendJson(response, 405, { status: { code: 405, message: "Method Not Allowed" } });
      }
      const raw = await readBody(request);
      let fields: Record<string, unknown>;
      try {
        fields = (request.headers["content-type"] ?? "").includes("application/json")
          ? (JSON.parse(raw) as Record<string, unknown>)
          : Object.fromEntries(new URLSearchParams(raw));
      } catch {
        log.status = 400;
        return sendJson(response, 400, { status: { code: 400, message: "Bad Request" } });
      }
      if (fields.grant_type !== "client_credentials") {
        log.status = 400;
        return sendJson(response, 400, { status: { code: 400, message: "unsupported grant_type" } });
      }
      if (fields.client_id !== appKey || secret === null || fields.client_secret !== secret) {
        log.status = 401;
        return sendJson(response, 401, unauthorized);
      }
      const token = randomBytes(20).toString("hex");
      tokens.add(token);
      issued += 1;
      log.status = 200;
      return sendJson(response, 200, { access_token: token, token_type: "bearer" });
    }

    if (reviewsMatch![1] !== appKey || !tokens.has(url.searchParams.get("utoken") ?? "")) {
      log.status = 401;
      return sendJson(response, 401, unauthorized);
    }
    const page = Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1);
    const count = Math.min(
      100,
      Math.max(1, Number.parseInt(url.searchParams.get("count") ?? "10", 10) || 10),
    );
    const sinceId = Number.parseInt(url.searchParams.get("since_id") ?? "", 10);
    const sinceDate = Date.parse(url.searchParams.get("since_date") ?? "");
    const includeDeleted = url.searchParams.get("deleted") === "true";
    const selected = [...reviews]
      .sort((a, b) => a.id - b.id)
      .filter(
        (review) =>
          (!Number.isFinite(sinceId) || review.id > sinceId) &&
          (!Number.isFinite(sinceDate) || Date.parse(review.created_at) >= sinceDate) &&
          (includeDeleted || !review.deleted),
      );
    log.status = 200;
    sendJson(response, 200, { reviews: selected.slice((page - 1) * count, page * count) });
  }

  const server = await listen(handle, options.port ?? 0);
  return {
    url: server.url,
    apiBaseUrl: server.url,
    appKey,
    requests,
    reviews: () => [...reviews].sort((a, b) => a.id - b.id),
    addReview(input = {}) {
      const id = nextId;
      nextId += 3;
      const created = input.created_at ? new Date(input.created_at).toISOString() : now().toISOString();
      const review: FakeYotpoReview = {
        ...yotpoReviewFromFact(
          {
            index: reviews.length,
            createdAt: new Date(created),
            rating: 4,
            title: "Really nice",
            body: "Good value, would recommend.",
            reviewerName: `New Reviewer ${id}`,
            reviewerEmail: `new.reviewer.${id}@example.com`,
            verifiedBuyer: true,
            countryCode: null,
            product: {
              shopifyId: 103,
              handle: "cowrie-shell-anklet",
              title: "Cowrie Shell Anklet",
              sku: "CSA",
            },
          },
          id,
        ),
        deleted: false,
        ...input,
        created_at: created,
        updated_at: created,
        id,
      };
      reviews.push(review);
      return review;
    },
    tokensIssued: () => issued,
    expireTokens() {
      tokens.clear();
    },
    revokeSecret() {
      tokens.clear();
      secret = null;
    },
    setApiSecret(next) {
      secret = next;
    },
    faults,
    tooEarlyRequests: () => throttle.tooEarly,
    close: server.close,
  };
}
