import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { pacificQuotaDay } from "~/integrations/sources/youtube-quota";

/**
 * A fake of the two YouTube Data API v3 calls the connector makes, in the documented shapes:
 * `GET /youtube/v3/search` (youtube#searchListResponse, 100 units) and
 * `GET /youtube/v3/commentThreads` (youtube#commentThreadListResponse, 1 unit). Keys are checked
 * like Google does (400 "API key not valid" with reason API_KEY_INVALID), units are counted per key
 * per Pacific day — failed calls too — and past the limit every call answers 403 `quotaExceeded`.
 */

export interface FakeYoutubeVideo {
  videoId: string;
  channelId: string;
  channelTitle: string;
  title: string;
  description: string;
  publishedAt: string;
  commentsDisabled?: boolean;
}

export interface FakeYoutubeComment {
  id: string;
  videoId: string;
  authorDisplayName: string;
  authorChannelId: string;
  textOriginal: string;
  publishedAt: string;
  likeCount?: number;
}

export interface FakeYoutubeRequestLog {
  path: string;
  query: Record<string, string>;
  status: number;
  reason: string | null;
  units: number;
  atMs: number;
}

export type FakeYoutubeFault = { status: 500 | 503; path?: "search" | "commentThreads" };

export interface FakeYoutubeServerOptions {
  port?: number;
  host?: string;
  apiKeys?: string[];
  videos?: FakeYoutubeVideo[];
  comments?: FakeYoutubeComment[];
  now?: () => number;
  /** Units per key per Pacific day (Google's default 10,000). */
  dailyUnits?: number;
}

export interface FakeYoutubeServer {
  /** Base URL of the API, e.g. "http://127.0.0.1:4321/youtube/v3" (the connector's `apiBaseUrl`). */
  apiBaseUrl: string;
  url: string;
  requests: FakeYoutubeRequestLog[];
  videos: FakeYoutubeVideo[];
  comments: FakeYoutubeComment[];
  addVideos(...videos: FakeYoutubeVideo[]): void;
  addComments(...comments: FakeYoutubeComment[]): void;
  /** The key stops working (deleted in Google Cloud console). */
  revokeKey(key: string): void;
  /** Units this key spent on the Pacific day of `atMs` (default now). */
  unitsUsed(key: string, atMs?: number): number;
  /** Spend units as another app sharing the project would. */
  spendUnits(key: string, units: number): void;
  enqueueFault(fault: FakeYoutubeFault): void;
  close(): Promise<void>;
}

export const FAKE_YOUTUBE_API_KEY = "AIzaFakeYoutubeKeyForPulseTests0123456";

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    "content-type": "application/json; charset=UTF-8",
    "content-length": String(Buffer.byteLength(text)),
  });
  response.end(text);
}

function googleError(
  code: number,
  message: string,
  reason: string,
  domain: string,
  extra: Record<string, unknown> = {},
) {
  return { error: { code, message, errors: [{ message, domain, reason }], ...extra } };
}

const escapeHtml = (text: string) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

const pageToken = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");
function readPageToken(token: string | null): number | null {
  if (!token) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match ? Number(match[1]) : null;
}

/**
 * Starts the fake YouTube Data API on localhost.
 * @example
 * const youtube = await startFakeYoutubeServer({ videos, comments });
 * // connector config: { apiBaseUrl: youtube.apiBaseUrl }, credentials: { apiKey: FAKE_YOUTUBE_API_KEY }
 */
export async function startFakeYoutubeServer(
  options: FakeYoutubeServerOptions = {},
): Promise<FakeYoutubeServer> {
  const now = options.now ?? (() => Date.now());
  const keys = new Set(options.apiKeys ?? [FAKE_YOUTUBE_API_KEY]);
  const videos = [...(options.videos ?? [])];
  const comments = [...(options.comments ?? [])];
  const dailyUnits = options.dailyUnits ?? 10_000;
  const usage = new Map<string, number>();
  const faults: FakeYoutubeFault[] = [];
  const requests: FakeYoutubeRequestLog[] = [];
  const sockets = new Set<Socket>();
  const usageKey = (key: string, atMs: number) => `${key}|${pacificQuotaDay(new Date(atMs))}`;

  function handle(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? "/", "http://fake-youtube.local");
    const query = Object.fromEntries(url.searchParams);
    const kind =
      url.pathname === "/youtube/v3/search"
        ? "search"
        : url.pathname === "/youtube/v3/commentThreads"
          ? "commentThreads"
          : null;
    const log: FakeYoutubeRequestLog = {
      path: url.pathname,
      query,
      status: 0,
      reason: null,
      units: 0,
      atMs: now(),
    };
    requests.push(log);
    const answer = (status: number, body: unknown) => {
      log.status = status;
      const reason = (body as { error?: { errors?: { reason?: string }[] } }).error?.errors?.[0]?.reason;
      log.reason = reason ?? null;
      send(response, status, body);
    };
    if (!kind || request.method !== "GET") {
      return answer(404, googleError(404, "Not Found", "notFound", "global"));
    }
    const key = url.searchParams.get("key") ?? "";
    if (!keys.has(key)) {
      const message = "API key not valid. Please pass a valid API key.";
      return answer(
        400,
        googleError(400, message, "badRequest", "global", {
          status: "INVALID_ARGUMENT",
          details: [
            {
              "@type": "type.googleapis.com/google.rpc.ErrorInfo",
              reason: "API_KEY_INVALID",
              domain: "googleapis.com",
              metadata: { service: "youtube.googleapis.com" },
            },
          ],
        }),
      );
    }
    const units = kind === "search" ? 100 : 1;
    const day = usageKey(key, now());
    const used = usage.get(day) ?? 0;
    if (used + units > dailyUnits) {
      const message =
        'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';
      return answer(403, googleError(403, message, "quotaExceeded", "youtube.quota"));
    }
    usage.set(day, used + units);
    log.units = units;
    const faultIndex = faults.findIndex((fault) => !fault.path || fault.path === kind);
    if (faultIndex !== -1) {
      const fault = faults.splice(faultIndex, 1)[0]!;
      return answer(fault.status, googleError(fault.status, "Backend Error", "backendError", "global"));
    }
    const offset = readPageToken(url.searchParams.get("pageToken"));
    if (offset === null) {
      return answer(
        400,
        googleError(
          400,
          "The request specifies an invalid page token.",
          "invalidPageToken",
          "youtube.parameter",
        ),
      );
    }

    if (kind === "search") {
      const q = (url.searchParams.get("q") ?? "").toLowerCase();
      const after = url.searchParams.get("publishedAfter");
      const max = Math.min(50, Math.max(0, Number(url.searchParams.get("maxResults") ?? 5)));
      const found = videos
        .filter((video) => `${video.title}\n${video.description}`.toLowerCase().includes(q))
        .filter((video) => !after || Date.parse(video.publishedAt) >= Date.parse(after))
        .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt));
      const page = found.slice(offset, offset + max);
      return answer(200, {
        kind: "youtube#searchListResponse",
        etag: `etag-${offset}`,
        ...(offset + max < found.length ? { nextPageToken: pageToken(offset + max) } : {}),
        regionCode: "US",
        pageInfo: { totalResults: found.length, resultsPerPage: max },
        items: page.map((video) => ({
          kind: "youtube#searchResult",
          etag: `etag-${video.videoId}`,
          id: { kind: "youtube#video", videoId: video.videoId },
          snippet: {
            publishedAt: video.publishedAt,
            channelId: video.channelId,
            title: escapeHtml(video.title),
            description: escapeHtml(video.description.slice(0, 160)),
            thumbnails: {
              default: { url: `https://i.ytimg.com/vi/${video.videoId}/default.jpg`, width: 120, height: 90 },
            },
            channelTitle: video.channelTitle,
            liveBroadcastContent: "none",
            publishTime: video.publishedAt,
          },
        })),
      });
    }

    const videoId = url.searchParams.get("videoId") ?? "";
    const video = videos.find((candidate) => candidate.videoId === videoId);
    if (!video) {
      return answer(
        404,
        googleError(
          404,
          'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter could not be found.',
          "videoNotFound",
          "youtube.commentThread",
        ),
      );
    }
    if (video.commentsDisabled) {
      return answer(
        403,
        googleError(
          403,
          `The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#videoId">videoId</a></code> parameter has disabled comments.`,
          "commentsDisabled",
          "youtube.commentThread",
        ),
      );
    }
    const max = Math.min(100, Math.max(1, Number(url.searchParams.get("maxResults") ?? 20)));
    const threads = comments
      .filter((comment) => comment.videoId === videoId)
      .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a.id < b.id ? 1 : -1));
    const page = threads.slice(offset, offset + max);
    return answer(200, {
      kind: "youtube#commentThreadListResponse",
      etag: `etag-${videoId}-${offset}`,
      ...(offset + max < threads.length ? { nextPageToken: pageToken(offset + max) } : {}),
      pageInfo: { totalResults: page.length, resultsPerPage: max },
      items: page.map((comment) => ({
        kind: "youtube#commentThread",
        etag: `etag-${comment.id}`,
        id: comment.id,
        snippet: {
          channelId: video.channelId,
          videoId,
          topLevelComment: {
            kind: "youtube#comment",
            etag: `etag-c-${comment.id}`,
            id: comment.id,
            snippet: {
              channelId: video.channelId,
              videoId,
              textDisplay: comment.textOriginal,
              textOriginal: comment.textOriginal,
              authorDisplayName: comment.authorDisplayName,
              authorProfileImageUrl: "https://yt3.ggpht.com/fake.jpg",
              authorChannelUrl: `http://www.youtube.com/channel/${comment.authorChannelId}`,
              authorChannelId: { value: comment.authorChannelId },
              canRate: true,
              viewerRating: "none",
              likeCount: comment.likeCount ?? 0,
              publishedAt: comment.publishedAt,
              updatedAt: comment.publishedAt,
            },
          },
          canReply: true,
          totalReplyCount: 0,
          isPublic: true,
        },
      })),
    });
  }

  const server = createServer((request, response) => {
    try {
      handle(request, response);
    } catch (error) {
      if (!response.headersSent)
        send(response, 500, googleError(500, (error as Error).message, "backendError", "global"));
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve),
  );
  const base = `http://${options.host ?? "127.0.0.1"}:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    apiBaseUrl: `${base}/youtube/v3`,
    requests,
    videos,
    comments,
    addVideos: (...added) => videos.push(...added),
    addComments: (...added) => comments.push(...added),
    revokeKey: (key) => keys.delete(key),
    unitsUsed: (key, atMs = now()) => usage.get(usageKey(key, atMs)) ?? 0,
    spendUnits(key, units) {
      const day = usageKey(key, now());
      usage.set(day, (usage.get(day) ?? 0) + units);
    },
    enqueueFault: (fault) => faults.push(fault),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * `count` videos about `term`, one per `stepMinutes` going back from `startIso` (index 0 newest),
 * each with `commentsPerVideo` comments a minute apart after it was published.
 * @example seedYoutubeVideos({ count: 2, term: "aurora lamp", startIso: "2026-11-28T10:00:00Z" }).videos[1].publishedAt // "2026-11-28T09:00:00.000Z"
 */
export function seedYoutubeVideos(options: {
  count: number;
  term: string;
  startIso: string;
  stepMinutes?: number;
  commentsPerVideo?: number;
  idPrefix?: string;
}): { videos: FakeYoutubeVideo[]; comments: FakeYoutubeComment[] } {
  const step = (options.stepMinutes ?? 60) * 60_000;
  const prefix = options.idPrefix ?? "v";
  const videos: FakeYoutubeVideo[] = [];
  const comments: FakeYoutubeComment[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const publishedMs = Date.parse(options.startIso) - index * step;
    const videoId = `${prefix}${String(index).padStart(3, "0")}`;
    videos.push({
      videoId,
      channelId: `UCchannel${index % 4}`,
      channelTitle: `Reviewer ${index % 4}`,
      title: `${options.term} review #${index} — it's "bright"`,
      description: `Unboxing the ${options.term} & first impressions.`,
      publishedAt: new Date(publishedMs).toISOString(),
    });
    for (let c = 0; c < (options.commentsPerVideo ?? 0); c += 1) {
      comments.push({
        id: `Ug${videoId}c${c}`,
        videoId,
        authorDisplayName: `@viewer${c}`,
        authorChannelId: `UCviewer${c}`,
        textOriginal: `Comment ${c} on ${videoId}: the ${options.term} looks great`,
        publishedAt: new Date(publishedMs + (c + 1) * 60_000).toISOString(),
        likeCount: c,
      });
    }
  }
  return { videos, comments };
}
