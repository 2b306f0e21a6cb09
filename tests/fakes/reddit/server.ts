import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/**
 * A fake of the two Reddit Data API calls the connector makes, in the documented shapes:
 * `POST /api/v1/access_token` (application-only OAuth, HTTP Basic client id/secret) and
 * `GET /search` / `GET /r/{a+b}/search` (a `Listing` of `t3` links, newest first with sort=new,
 * paged by `after`). Every API answer carries `X-Ratelimit-Used/Remaining/Reset` for a window per
 * OAuth client; past the limit it answers 429. Serves both base URLs (auth and oauth) on one port.
 */

/** A post in the fake's store (the `t3` fields Reddit returns that Pulse reads, plus a few more). */
export interface FakeRedditPost {
  id: string;
  author: string;
  title: string;
  selftext: string;
  /** Seconds since the epoch, as Reddit sends it (a float). */
  created_utc: number;
  subreddit: string;
  score?: number;
  num_comments?: number;
}

export interface FakeRedditApp {
  clientId: string;
  clientSecret: string;
}

export interface FakeRedditRequestLog {
  method: string;
  path: string;
  query: Record<string, string>;
  clientId: string | null;
  userAgent: string | null;
  status: number;
  /** Fake clock, ms. */
  atMs: number;
}

export type FakeRedditFault = {
  status: 429 | 500 | 502 | 503;
  path?: "token" | "search";
  retryAfterSeconds?: number;
};

export interface FakeRedditServerOptions {
  port?: number;
  host?: string;
  apps?: FakeRedditApp[];
  posts?: FakeRedditPost[];
  /** Clock in ms (default Date.now); tests share it with the connector's `now`/`sleep`. */
  now?: () => number;
  /** Requests allowed per client per window (Reddit: 100 per minute averaged over 10 minutes = 1000). */
  requestsPerWindow?: number;
  windowSeconds?: number;
  /** Reddit answers at most 100 per page; lower it to make many pages from few posts. */
  maxPageSize?: number;
  /** Seconds an issued token lives (Reddit: 3600 for application-only tokens per its wiki). */
  tokenLifetimeSeconds?: number;
}

export interface FakeRedditServer {
  url: string;
  requests: FakeRedditRequestLog[];
  posts: FakeRedditPost[];
  addPosts(...posts: FakeRedditPost[]): void;
  /** The app's secret stops working and its tokens are rejected (app deleted/revoked). */
  revokeApp(clientId: string): void;
  /** Every issued token is rejected from now on, as when it expired; the app can get a new one. */
  expireTokens(): void;
  enqueueFault(fault: FakeRedditFault): void;
  close(): Promise<void>;
}

export const FAKE_REDDIT_APP: FakeRedditApp = {
  clientId: "fake-reddit-client",
  clientSecret: "fake-reddit-secret",
};

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: unknown,
): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function matches(post: FakeRedditPost, q: string): boolean {
  const needle = q.replace(/^"|"$/g, "").toLowerCase();
  return `${post.title}\n${post.selftext}`.toLowerCase().includes(needle);
}

function toLink(post: FakeRedditPost) {
  const slug = post.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .slice(0, 40);
  return {
    kind: "t3",
    data: {
      id: post.id,
      name: `t3_${post.id}`,
      author: post.author,
      author_fullname: `t2_${post.author.length}${post.id}`,
      title: post.title,
      selftext: post.selftext,
      created_utc: post.created_utc,
      subreddit: post.subreddit,
      subreddit_name_prefixed: `r/${post.subreddit}`,
      permalink: `/r/${post.subreddit}/comments/${post.id}/${slug}/`,
      url: `https://www.reddit.com/r/${post.subreddit}/comments/${post.id}/${slug}/`,
      score: post.score ?? 1,
      num_comments: post.num_comments ?? 0,
      over_18: false,
      is_self: true,
    },
  };
}

/**
 * Starts the fake Reddit on localhost.
 * @example
 * const reddit = await startFakeRedditServer({ posts: seedRedditPosts({ count: 30, term: "aurora lamp", startUtc }) });
 * // connector config: { authBaseUrl: reddit.url, apiBaseUrl: reddit.url }
 * await reddit.close();
 */
export async function startFakeRedditServer(
  options: FakeRedditServerOptions = {},
): Promise<FakeRedditServer> {
  const now = options.now ?? (() => Date.now());
  const apps = new Map(
    (options.apps ?? [FAKE_REDDIT_APP]).map((app) => [app.clientId, { ...app, revoked: false }]),
  );
  const posts = [...(options.posts ?? [])];
  const requestsPerWindow = options.requestsPerWindow ?? 1000;
  const windowMs = (options.windowSeconds ?? 600) * 1000;
  const maxPageSize = Math.min(100, options.maxPageSize ?? 100);
  const tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  const tokens = new Map<string, { clientId: string; expiresAtMs: number }>();
  const usage = new Map<string, { windowStartMs: number; used: number }>();
  const faults: FakeRedditFault[] = [];
  const requests: FakeRedditRequestLog[] = [];
  const sockets = new Set<Socket>();

  function rateHeaders(clientId: string): { headers: Record<string, string>; over: boolean } {
    const at = now();
    // Reddit's windows are fixed 10-minute periods; the header says how long until this one ends.
    const windowStartMs = Math.floor(at / windowMs) * windowMs;
    const state = usage.get(clientId);
    const current = state && state.windowStartMs === windowStartMs ? state : { windowStartMs, used: 0 };
    current.used += 1;
    usage.set(clientId, current);
    const remaining = Math.max(0, requestsPerWindow - current.used);
    return {
      over: current.used > requestsPerWindow,
      headers: {
        "x-ratelimit-used": String(current.used),
        "x-ratelimit-remaining": `${remaining.toFixed(1)}`,
        "x-ratelimit-reset": String(Math.ceil((windowStartMs + windowMs - at) / 1000)),
      },
    };
  }

  function takeFault(kind: "token" | "search"): FakeRedditFault | null {
    const index = faults.findIndex((fault) => !fault.path || fault.path === kind);
    return index === -1 ? null : faults.splice(index, 1)[0]!;
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://fake-reddit.local");
    const log: FakeRedditRequestLog = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      clientId: null,
      userAgent: (request.headers["user-agent"] as string | undefined) ?? null,
      status: 0,
      atMs: now(),
    };
    requests.push(log);
    const answer = (status: number, headers: Record<string, string>, body: unknown) => {
      log.status = status;
      send(response, status, headers, body);
    };

    if (url.pathname === "/api/v1/access_token") {
      if (request.method !== "POST") return answer(405, {}, { message: "Method Not Allowed", error: 405 });
      const body = new URLSearchParams(await readBody(request));
      const fault = takeFault("token");
      if (fault) return answer(fault.status, {}, { message: "Internal Server Error", error: fault.status });
      const basic = /^Basic (.+)$/i.exec(request.headers.authorization ?? "");
      const [clientId, secret] = basic ? Buffer.from(basic[1]!, "base64").toString("utf8").split(":") : [];
      const app = clientId ? apps.get(clientId) : undefined;
      log.clientId = clientId ?? null;
      if (!app || app.revoked || app.clientSecret !== secret) {
        return answer(
          401,
          { "www-authenticate": 'Basic realm="reddit"' },
          { message: "Unauthorized", error: 401 },
        );
      }
      if (body.get("grant_type") !== "client_credentials")
        return answer(200, {}, { error: "unsupported_grant_type" });
      const token = `fake-${randomBytes(12).toString("hex")}`;
      tokens.set(token, { clientId: app.clientId, expiresAtMs: now() + tokenLifetimeSeconds * 1000 });
      return answer(
        200,
        {},
        { access_token: token, token_type: "bearer", expires_in: tokenLifetimeSeconds, scope: "*" },
      );
    }

    const search = /^(?:\/r\/([A-Za-z0-9_+]+))?\/search(?:\.json)?$/.exec(url.pathname);
    if (!search || request.method !== "GET") return answer(404, {}, { message: "Not Found", error: 404 });
    const bearer = /^bearer (.+)$/i.exec(request.headers.authorization ?? "");
    const token = bearer ? tokens.get(bearer[1]!) : undefined;
    const app = token ? apps.get(token.clientId) : undefined;
    if (!token || !app || app.revoked || token.expiresAtMs <= now()) {
      return answer(
        401,
        { "www-authenticate": 'Bearer realm="reddit", error="invalid_token"' },
        { message: "Unauthorized", error: 401 },
      );
    }
    log.clientId = app.clientId;
    const rate = rateHeaders(app.clientId);
    const fault = takeFault("search");
    if (fault) {
      const headers: Record<string, string> =
        fault.retryAfterSeconds !== undefined ? { "retry-after": String(fault.retryAfterSeconds) } : {};
      return answer(
        fault.status,
        { ...rate.headers, ...headers },
        { message: "Server Error", error: fault.status },
      );
    }
    if (rate.over) return answer(429, rate.headers, { message: "Too Many Requests", error: 429 });

    const q = url.searchParams.get("q") ?? "";
    const restrict = search[1] && ["1", "on", "true"].includes(url.searchParams.get("restrict_sr") ?? "");
    const subreddits = restrict ? new Set(search[1]!.toLowerCase().split("+")) : null;
    const sorted = posts
      .filter((post) => matches(post, q) && (!subreddits || subreddits.has(post.subreddit.toLowerCase())))
      .sort((a, b) => b.created_utc - a.created_utc || (a.id < b.id ? 1 : -1));
    const after = url.searchParams.get("after");
    const start = after ? sorted.findIndex((post) => `t3_${post.id}` === after) + 1 : 0;
    const limit = Math.max(1, Math.min(maxPageSize, Number(url.searchParams.get("limit") ?? 25) || 25));
    const page = sorted.slice(start, start + limit);
    const more = start + limit < sorted.length;
    return answer(200, rate.headers, {
      kind: "Listing",
      data: {
        after: more && page.length > 0 ? `t3_${page.at(-1)!.id}` : null,
        dist: page.length,
        modhash: "",
        geo_filter: "",
        children: page.map(toLink),
        before: null,
      },
    });
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) send(response, 500, {}, { message: error.message, error: 500 });
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const address = server.address() as AddressInfo;

  return {
    url: `http://${options.host ?? "127.0.0.1"}:${address.port}`,
    requests,
    posts,
    addPosts: (...added) => posts.push(...added),
    revokeApp(clientId) {
      const app = apps.get(clientId);
      if (app) app.revoked = true;
    },
    expireTokens: () => tokens.clear(),
    enqueueFault: (fault) => faults.push(fault),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * `count` posts mentioning `term`, one every `stepSeconds` going back from `startUtc` (newest first
 * in time order: post 0 is the newest).
 * @example seedRedditPosts({ count: 3, term: "aurora lamp", startUtc: 1_764_300_000 }).map((p) => p.id) // ["s0", "s1", "s2"]
 */
export function seedRedditPosts(options: {
  count: number;
  term: string;
  startUtc: number;
  stepSeconds?: number;
  subreddit?: string;
  idPrefix?: string;
}): FakeRedditPost[] {
  const step = options.stepSeconds ?? 600;
  return Array.from({ length: options.count }, (_, index) => ({
    id: `${options.idPrefix ?? "s"}${index}`,
    author: `redditor_${index % 7}`,
    title: `Thoughts on the ${options.term} #${index}`,
    selftext: index % 3 === 0 ? "" : `I have used the ${options.term} for a while and it is great.`,
    created_utc: options.startUtc - index * step,
    subreddit: options.subreddit ?? "BuyItForLife",
  }));
}
