/**
 * Reddit search connector (Data API, application-only OAuth).
 *
 * - Token: `POST {authBaseUrl}/api/v1/access_token` with HTTP Basic `client_id:client_secret` and
 *   `grant_type=client_credentials` (reddit wiki "OAuth2 → Application Only OAuth"); the bearer
 *   token (about an hour, `expires_in` seconds) is cached per app and refreshed once on a 401.
 * - Search: `GET {apiBaseUrl}/search` (or `/r/a+b/search?restrict_sr=1` when subreddits are set)
 *   with `q, sort=new, type=link, limit=100, after, raw_json=1`; a Listing pages by `data.after`
 *   (a fullname such as `t3_abc`). Reddit's search has no comment type, so only posts are read.
 * - Rate limit: 100 requests per minute per OAuth client (averaged over 10 minutes). Requests are
 *   paced with a 60-second sliding window of the configured budget, and the `X-Ratelimit-Remaining`
 *   / `X-Ratelimit-Reset` headers stop calls until the window resets when Reddit says none are left.
 * - Reddit asks for a unique, descriptive User-Agent `<platform>:<app id>:<version> (by /u/<name>)`.
 *
 * Cursor per keyword: the newest `created_utc` seen plus the posts of the last 15 minutes (search
 * indexes late posts a little late, so each run looks back that far and skips what it already sent).
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { requestSourceJson, SourceHttpError } from "./http.server";
import { providerBaseUrl } from "./provider-base-url";
import {
  SourceAuthError,
  SourceQuotaError,
  SourceResponseError,
  type Connector,
  type ConnectorPage,
  type ConnectorRunContext,
  type IncomingMention,
} from "./types";

export const REDDIT_DEFAULT_AUTH_BASE_URL = "https://www.reddit.com";
export const REDDIT_DEFAULT_API_BASE_URL = "https://oauth.reddit.com";
/** Reddit's free Data API allowance per OAuth client. */
export const REDDIT_REQUESTS_PER_MINUTE = 100;
/** How far each incremental run looks back past the newest post it saw (late-indexed posts). */
export const REDDIT_LOOKBACK_SECONDS = 15 * 60;
/** Reddit listings stop after about 1000 items whatever the pagination says. */
const LISTING_ITEM_CAP = 1000;
/** Waiting longer than this inside a run holds a job worker; the run stops and resumes instead. */
const MAX_INLINE_WAIT_MS = 65_000;
const WINDOW_MS = 60_000;
const CONNECTOR_VERSION = "1.0";

const credentialsSchema = z.object({
  clientId: z
    .string()
    .trim()
    .min(1, "Enter the client ID shown under the app name at reddit.com/prefs/apps."),
  clientSecret: z.string().trim().min(1, "Enter the app's secret from reddit.com/prefs/apps."),
});
export type RedditCredentials = z.infer<typeof credentialsSchema>;

/** "r/Foo, bar" or ["Foo", "bar"] → ["Foo", "bar"]. */
const subredditList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[\s,]+/)
          .map((name) => name.trim())
          .filter(Boolean)
      : value,
  z
    .array(
      z
        .string()
        .transform((name) => name.replace(/^\/?r\//i, ""))
        .pipe(
          z
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9_]{1,20}$/, "Subreddit names are 2–21 letters, digits or _."),
        ),
    )
    .max(25, "Search at most 25 subreddits per source."),
);

const configSchema = z
  .object({
    /** Empty: search all of Reddit. */
    subreddits: subredditList.default([]),
    /** The Reddit account that registered the app; goes into the User-Agent Reddit asks for. */
    redditUsername: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{3,20}$/, "Reddit usernames are 3–20 letters, digits, _ or -.")
      .optional(),
    requestsPerMinute: z.coerce
      .number()
      .int()
      .min(1)
      .max(REDDIT_REQUESTS_PER_MINUTE)
      .default(REDDIT_REQUESTS_PER_MINUTE),
    authBaseUrl: providerBaseUrl(["www.reddit.com"]).default(REDDIT_DEFAULT_AUTH_BASE_URL),
    apiBaseUrl: providerBaseUrl(["oauth.reddit.com"]).default(REDDIT_DEFAULT_API_BASE_URL),
  })
  .default({});
export type RedditConfig = z.infer<typeof configSchema>;

const recentPostSchema = z.object({ id: z.string(), createdUtc: z.number() });
const keywordCursorSchema = z.object({
  /** Newest `created_utc` (seconds) of a completed scan; 0 before the first one. */
  newestCreatedUtc: z.number(),
  /** Posts within the lookback window of `newestCreatedUtc`, already sent. */
  recent: z.array(recentPostSchema),
  /** A scan interrupted between pages (crash, quota): resumed from `after`. */
  scan: z
    .object({
      after: z.string(),
      floorUtc: z.number(),
      newestCreatedUtc: z.number(),
      recent: z.array(recentPostSchema),
      items: z.number().int(),
    })
    .nullable(),
});
const cursorSchema = z.object({ keywords: z.record(z.string(), keywordCursorSchema) });
export type RedditCursor = z.infer<typeof cursorSchema>;
type KeywordCursor = z.infer<typeof keywordCursorSchema>;

/** Rate-limit view stored in `Source.quota` (shown on the source's health card). */
export interface RedditQuota {
  remaining: number | null;
  used: number | null;
  resetAt: string | null;
}

// --- documented response shapes -----------------------------------------------------------

/** `POST /api/v1/access_token`: success, or HTTP 200 with `{ error }` for a bad grant. */
const tokenResponseSchema = z.union([
  z.object({
    access_token: z.string().min(1),
    token_type: z.string(),
    expires_in: z.number(),
    scope: z.string().optional(),
  }),
  z.object({ error: z.string() }),
]);

/** A link (`t3`) in a Listing, the fields Pulse reads. */
export const redditLinkSchema = z.object({
  id: z.string(),
  name: z.string(),
  author: z.string(),
  title: z.string(),
  selftext: z.string().default(""),
  created_utc: z.number(),
  permalink: z.string(),
  subreddit: z.string(),
  score: z.number().optional(),
  num_comments: z.number().optional(),
  over_18: z.boolean().optional(),
});
export type RedditLink = z.infer<typeof redditLinkSchema>;

const listingSchema = z.object({
  kind: z.literal("Listing"),
  data: z.object({
    after: z.string().nullable(),
    before: z.string().nullable().optional(),
    dist: z.number().nullable().optional(),
    children: z.array(z.object({ kind: z.string(), data: z.unknown() })),
  }),
});

// --- mapping -------------------------------------------------------------------------------

const REMOVED_BODIES = new Set(["[removed]", "[deleted]"]);

/**
 * A Reddit post as a mention: title and body as text, the fullname as external id.
 * @example redditLinkToMention({ name: "t3_a1", title: "Love it", selftext: "", author: "sam", created_utc: 1764300000, permalink: "/r/x/comments/a1/love_it/", … }).url
 * // "https://www.reddit.com/r/x/comments/a1/love_it/"
 */
export function redditLinkToMention(link: RedditLink): IncomingMention {
  const body = link.selftext.trim();
  const keptBody = REMOVED_BODIES.has(body) ? "" : body;
  return {
    externalId: link.name,
    platform: "reddit",
    authorHandle: link.author,
    authorIsPublic: link.author !== "[deleted]",
    text: keptBody ? `${link.title}\n\n${keptBody}` : link.title,
    title: link.title,
    url: `https://www.reddit.com${link.permalink}`,
    postedAt: new Date(Math.round(link.created_utc * 1000)),
  };
}

// --- tokens and pacing -------------------------------------------------------------------------

/** Access tokens per app (keyed by a hash of base URL and credentials), shared by runs of this process. */
const tokenCache = new Map<string, { token: string; expiresAtMs: number }>();

function tokenCacheKey(config: RedditConfig, credentials: RedditCredentials): string {
  return createHash("sha256")
    .update(`${config.authBaseUrl}\n${credentials.clientId}\n${credentials.clientSecret}`)
    .digest("hex");
}

function userAgent(config: RedditConfig, credentials: RedditCredentials): string {
  const by = config.redditUsername
    ? ` (by /u/${config.redditUsername})`
    : " (Pulse social listening for Shopify)";
  return `web:${credentials.clientId}:${CONNECTOR_VERSION}${by}`;
}

function headerNumber(headers: Headers, name: string): number | null {
  const value = headers.get(name);
  if (value === null || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) ? number : null;
}

/**
 * Keeps requests within the per-minute budget (sliding 60 s window) and within what Reddit's
 * X-Ratelimit headers say is left. Every attempt, retries included, passes through `fetch`.
 */
class RedditPacer {
  private readonly sentAtMs: number[] = [];
  remaining: number | null;
  used: number | null;
  resetAtMs: number | null;
  lastStatus: number | null = null;

  constructor(
    private readonly context: Pick<ConnectorRunContext<unknown, unknown, unknown>, "fetch" | "now" | "sleep">,
    private readonly budgetPerMinute: number,
    stored: unknown,
  ) {
    const quota = z
      .object({
        remaining: z.number().nullable(),
        used: z.number().nullable(),
        resetAt: z.string().nullable(),
      })
      .safeParse(stored);
    this.remaining = quota.success ? quota.data.remaining : null;
    this.used = quota.success ? quota.data.used : null;
    this.resetAtMs = quota.success && quota.data.resetAt ? Date.parse(quota.data.resetAt) : null;
  }

  /** Milliseconds until Reddit's window resets when it says no request is left, else 0. */
  headerWaitMs(): number {
    const now = this.context.now().getTime();
    if (this.remaining === null || this.resetAtMs === null || this.remaining >= 1) return 0;
    return Math.max(0, this.resetAtMs - now);
  }

  /** Throws SourceQuotaError when the wait for Reddit's window is too long to hold a worker. */
  ensureRequestAllowed(): void {
    const wait = this.headerWaitMs();
    if (wait > MAX_INLINE_WAIT_MS) {
      throw new SourceQuotaError(
        `Reddit's rate limit for this app is used up until ${new Date(this.resetAtMs!).toISOString()}; the sync resumes then.`,
        new Date(this.resetAtMs!),
      );
    }
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const headerWait = Math.min(this.headerWaitMs(), MAX_INLINE_WAIT_MS);
    if (headerWait > 0) {
      await this.context.sleep(headerWait);
      this.remaining = null;
    }
    let now = this.context.now().getTime();
    this.dropOutsideWindow(now);
    if (this.sentAtMs.length >= this.budgetPerMinute) {
      await this.context.sleep(this.sentAtMs[0]! + WINDOW_MS - now);
      now = this.context.now().getTime();
      this.dropOutsideWindow(now);
    }
    this.sentAtMs.push(now);
    const response = await this.context.fetch(input, init);
    this.lastStatus = response.status;
    const remaining = headerNumber(response.headers, "x-ratelimit-remaining");
    const reset = headerNumber(response.headers, "x-ratelimit-reset");
    if (remaining !== null) this.remaining = remaining;
    this.used = headerNumber(response.headers, "x-ratelimit-used") ?? this.used;
    if (reset !== null) this.resetAtMs = this.context.now().getTime() + reset * 1000;
    return response;
  };

  private dropOutsideWindow(now: number): void {
    while (this.sentAtMs.length > 0 && this.sentAtMs[0]! <= now - WINDOW_MS) this.sentAtMs.shift();
  }

  quota(): RedditQuota {
    return {
      remaining: this.remaining,
      used: this.used,
      resetAt: this.resetAtMs === null ? null : new Date(this.resetAtMs).toISOString(),
    };
  }
}

type RunContext = Omit<ConnectorRunContext<RedditCredentials, RedditConfig, RedditCursor>, "cursor">;

/** One authenticated session of a run: token, pacing and the two documented calls. */
class RedditSession {
  readonly pacer: RedditPacer;
  private readonly config: RedditConfig;

  constructor(private readonly context: RunContext) {
    this.config = configSchema.parse(context.config ?? {});
    this.pacer = new RedditPacer(context, this.config.requestsPerMinute, context.quota);
  }

  private async accessToken(forceRefresh: boolean): Promise<string> {
    const key = tokenCacheKey(this.config, this.context.credentials);
    const cached = tokenCache.get(key);
    const now = this.context.now().getTime();
    if (!forceRefresh && cached && cached.expiresAtMs - 60_000 > now) return cached.token;
    tokenCache.delete(key);
    this.pacer.ensureRequestAllowed();
    const { clientId, clientSecret } = this.context.credentials;
    const body = await requestSourceJson({
      provider: "Reddit",
      url: `${this.config.authBaseUrl}/api/v1/access_token`,
      init: {
        method: "POST",
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`,
          "content-type": "application/x-www-form-urlencoded",
          "user-agent": userAgent(this.config, this.context.credentials),
        },
        body: "grant_type=client_credentials",
      },
      schema: tokenResponseSchema,
      fetch: this.pacer.fetch,
      sleep: this.context.sleep,
      authErrorMessage:
        "Reddit refused the app's client ID and secret (they are wrong, or the app was deleted). Copy them again from reddit.com/prefs/apps and save the source.",
    });
    if ("error" in body) {
      throw new SourceAuthError(
        `Reddit would not issue an access token (${body.error}). Check that the app at reddit.com/prefs/apps is a "web app" or "script" app and save its client ID and secret again.`,
      );
    }
    tokenCache.set(key, { token: body.access_token, expiresAtMs: now + body.expires_in * 1000 });
    return body.access_token;
  }

  /** One page of `/search` for a keyword, newest first. */
  async search(term: string, after: string | null, limit = 100): Promise<z.infer<typeof listingSchema>> {
    const subreddits = this.config.subreddits;
    const path = subreddits.length > 0 ? `/r/${subreddits.join("+")}/search` : "/search";
    const url = new URL(`${this.config.apiBaseUrl}${path}`);
    // Multi-word terms are searched as a phrase; Reddit's default is all words anywhere.
    url.searchParams.set("q", /\s/.test(term.trim()) ? `"${term.trim()}"` : term.trim());
    url.searchParams.set("sort", "new");
    url.searchParams.set("type", "link");
    url.searchParams.set("limit", String(limit));
    url.searchParams.set("raw_json", "1");
    if (subreddits.length > 0) url.searchParams.set("restrict_sr", "1");
    if (after) url.searchParams.set("after", after);

    for (let attempt = 0; ; attempt += 1) {
      const token = await this.accessToken(attempt > 0);
      this.pacer.ensureRequestAllowed();
      try {
        return await requestSourceJson({
          provider: "Reddit",
          url,
          init: {
            headers: {
              authorization: `bearer ${token}`,
              "user-agent": userAgent(this.config, this.context.credentials),
            },
          },
          schema: listingSchema,
          fetch: this.pacer.fetch,
          sleep: this.context.sleep,
        });
      } catch (error) {
        if (!(error instanceof SourceAuthError)) throw error;
        // An expired or revoked token answers 401: get a new one once before giving up.
        if (this.pacer.lastStatus === 401 && attempt === 0) continue;
        if (this.pacer.lastStatus === 403) {
          throw new SourceAuthError(
            subreddits.length > 0
              ? `Reddit refused access to r/${subreddits.join(", r/")} (a subreddit may be private, quarantined or banned). Remove it from the source's subreddits.`
              : "Reddit refused the search (HTTP 403). Check that the app at reddit.com/prefs/apps is still active.",
          );
        }
        throw new SourceAuthError(
          "Reddit keeps rejecting this app's access tokens (HTTP 401): the app may have been revoked or suspended. Check it at reddit.com/prefs/apps and save new credentials.",
        );
      }
    }
  }
}

function parseCursor(cursor: unknown): RedditCursor {
  const parsed = cursorSchema.safeParse(cursor);
  return parsed.success ? parsed.data : { keywords: {} };
}

function keywordKey(term: string): string {
  return term.trim().toLowerCase();
}

/** Posts within the lookback window of the newest, newest first, capped so the cursor stays small. */
function trimRecent(recent: { id: string; createdUtc: number }[], newestCreatedUtc: number) {
  const byId = new Map(recent.map((post) => [post.id, post]));
  return [...byId.values()]
    .filter((post) => post.createdUtc >= newestCreatedUtc - REDDIT_LOOKBACK_SECONDS)
    .sort((a, b) => b.createdUtc - a.createdUtc)
    .slice(0, 500);
}

async function* pullReddit(
  context: ConnectorRunContext<RedditCredentials, RedditConfig, RedditCursor>,
): AsyncIterable<ConnectorPage<RedditCursor>> {
  const session = new RedditSession(context);
  const cursor = parseCursor(context.cursor);
  const backfillFromUtc = context.backfillFrom.getTime() / 1000;
  const terms = [
    ...new Map(context.keywords.map((k) => [keywordKey(k.term), k.term.trim()])).entries(),
  ].filter(([key]) => key.length > 0);

  for (const [key, term] of terms) {
    const previous: KeywordCursor = cursor.keywords[key] ?? { newestCreatedUtc: 0, recent: [], scan: null };
    const alreadySent = new Set(previous.recent.map((post) => post.id));
    const scan = previous.scan ?? {
      after: "",
      floorUtc:
        previous.newestCreatedUtc > 0
          ? Math.max(previous.newestCreatedUtc - REDDIT_LOOKBACK_SECONDS, backfillFromUtc)
          : backfillFromUtc,
      newestCreatedUtc: previous.newestCreatedUtc,
      recent: previous.recent,
      items: 0,
    };

    for (;;) {
      if (context.signal?.aborted) throw new Error("Reddit sync was cancelled.");
      const listing = await session.search(term, scan.after || null);
      const mentions: IncomingMention[] = [];
      let reachedFloor = false;
      for (const child of listing.data.children) {
        if (child.kind !== "t3") continue;
        const parsed = redditLinkSchema.safeParse(child.data);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          throw new SourceResponseError(
            `Reddit answered in an unexpected shape at data.children.${issue?.path.join(".")}: ${issue?.message}`,
          );
        }
        const link = parsed.data;
        scan.items += 1;
        // sort=new: everything after the first post older than the floor is older still.
        if (link.created_utc < scan.floorUtc) {
          reachedFloor = true;
          break;
        }
        if (alreadySent.has(link.name)) continue;
        alreadySent.add(link.name);
        mentions.push(redditLinkToMention(link));
        scan.newestCreatedUtc = Math.max(scan.newestCreatedUtc, link.created_utc);
        scan.recent.push({ id: link.name, createdUtc: link.created_utc });
      }
      scan.recent = trimRecent(scan.recent, scan.newestCreatedUtc);
      const next = listing.data.after;
      const done =
        reachedFloor || !next || listing.data.children.length === 0 || scan.items >= LISTING_ITEM_CAP;
      cursor.keywords[key] = done
        ? { newestCreatedUtc: scan.newestCreatedUtc, recent: scan.recent, scan: null }
        : { ...previous, scan: { ...scan, after: next } };
      yield {
        mentions,
        cursor: structuredClone(cursor),
        quota: session.pacer.quota() as unknown as Record<string, unknown>,
      };
      if (done) break;
      scan.after = next;
    }
  }
}

/** Reddit search as a listening source. */
export const redditConnector: Connector<RedditCredentials, RedditConfig, RedditCursor> = {
  kind: "reddit",
  label: "Reddit",
  credentialsSchema,
  configSchema: configSchema as unknown as z.ZodType<RedditConfig>,
  async testConnection(context) {
    const session = new RedditSession(context);
    const config = configSchema.parse(context.config ?? {});
    const listing = await session.search(context.keywords[0]?.term ?? "shopify", null, 1).catch((error) => {
      if (error instanceof SourceHttpError && error.status === 404) {
        throw new SourceAuthError(
          `Reddit does not know r/${config.subreddits.join(", r/")}. Check the subreddit names of the source.`,
        );
      }
      throw error;
    });
    const where = config.subreddits.length > 0 ? `r/${config.subreddits.join(", r/")}` : "all of Reddit";
    const left =
      session.pacer.remaining === null
        ? ""
        : ` ${Math.floor(session.pacer.remaining)} requests left in Reddit's current window.`;
    return {
      ok: true,
      detail: `Reddit accepted the app credentials; searching ${where} (${listing.data.children.length > 0 ? "results found" : "no recent results"}).${left}`,
    };
  },
  pull: pullReddit,
};
