/**
 * YouTube connector (Data API v3 with an API key; public data only).
 *
 * - `GET {apiBaseUrl}/search?part=snippet&type=video&q&order=date&publishedAfter&maxResults=50&pageToken`
 *   finds new videos per keyword: 100 quota units a call, so each keyword is searched at most every
 *   `searchEveryMinutes` and only for videos published since the newest one already seen.
 * - `GET {apiBaseUrl}/commentThreads?part=snippet&videoId&maxResults=100&order=time&textFormat=plainText&pageToken`
 *   reads the top-level comments of the videos found (1 unit a call), newest first, down to the
 *   newest comment seen before; videos older than `commentWindowDays` stop being checked.
 * - Units are counted in `Source.quota` ({ day, used, limit }) per Pacific day, as Google resets
 *   quota at midnight Pacific time, and a call that would go past the limit is not made: the run
 *   stops with SourceQuotaError(resumeAt = next Pacific midnight). Google counts failed calls too,
 *   so units are charged before each call.
 * - Errors come in Google's shape `{ error: { code, message, errors: [{ reason, domain }] } }`:
 *   quotaExceeded → SourceQuotaError; bad/blocked key or API not enabled → SourceAuthError;
 *   commentsDisabled / videoNotFound → that video is dropped; 5xx → retried.
 */
import { z } from "zod";
import { requestSourceJson, SourceHttpError } from "./http.server";
import { providerBaseUrl } from "./provider-base-url";
import {
  SourceAuthError,
  SourceQuotaError,
  type Connector,
  type ConnectorPage,
  type ConnectorRunContext,
  type IncomingMention,
} from "./types";
import {
  chargeQuota,
  currentQuota,
  nextPacificMidnight,
  YOUTUBE_DEFAULT_DAILY_UNITS,
  YOUTUBE_UNIT_COST,
  type YoutubeQuotaState,
} from "./youtube-quota";

export const YOUTUBE_DEFAULT_API_BASE_URL = "https://www.googleapis.com/youtube/v3";

const credentialsSchema = z.object({
  apiKey: z
    .string()
    .trim()
    .min(
      20,
      "Paste the API key from Google Cloud console → APIs & Services → Credentials (it starts with AIza).",
    ),
});
export type YoutubeCredentials = z.infer<typeof credentialsSchema>;

const configSchema = z
  .object({
    /** The project's daily quota (10,000 unless Google granted more). */
    dailyQuotaUnits: z.coerce.number().int().min(100).max(10_000_000).default(YOUTUBE_DEFAULT_DAILY_UNITS),
    /** Searching costs 100 units: at most once per keyword in this many minutes. */
    searchEveryMinutes: z.coerce.number().int().min(15).max(10_080).default(360),
    /** Comments are re-read on videos published within this many days. */
    commentWindowDays: z.coerce.number().int().min(1).max(365).default(30),
    /** At most this many recent videos have their comments re-read each run (1 unit each at least). */
    maxTrackedVideos: z.coerce.number().int().min(1).max(1000).default(50),
    /** Also keep each found video (title and description) as a mention. */
    includeVideos: z
      .union([
        z.boolean(),
        z.enum(["true", "false", "on", "off"]).transform((value) => value === "true" || value === "on"),
      ])
      .default(true),
    regionCode: z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((code) => code.toUpperCase())
      .optional(),
    relevanceLanguage: z
      .string()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]+)?$/)
      .optional(),
    apiBaseUrl: providerBaseUrl(["www.googleapis.com", "youtube.googleapis.com"]).default(
      YOUTUBE_DEFAULT_API_BASE_URL,
    ),
  })
  .default({});
export type YoutubeConfig = z.infer<typeof configSchema>;

const keywordCursorSchema = z.object({
  /** publishedAt of the newest video found by a completed search; the next search starts there. */
  newestPublishedAt: z.string().nullable(),
  lastSearchedAt: z.string().nullable(),
  scan: z
    .object({ pageToken: z.string(), publishedAfter: z.string(), newestPublishedAt: z.string().nullable() })
    .nullable(),
});
const videoCursorSchema = z.object({
  publishedAt: z.string(),
  /** Newest comment time seen on this video and the comments at exactly that time. */
  newestCommentAt: z.string().nullable(),
  newestCommentIds: z.array(z.string()),
  scan: z
    .object({
      pageToken: z.string(),
      floor: z.string().nullable(),
      newestCommentAt: z.string().nullable(),
      newestCommentIds: z.array(z.string()),
    })
    .nullable(),
});
const cursorSchema = z.object({
  keywords: z.record(z.string(), keywordCursorSchema),
  videos: z.record(z.string(), videoCursorSchema),
});
export type YoutubeCursor = z.infer<typeof cursorSchema>;
type VideoCursor = z.infer<typeof videoCursorSchema>;

// --- documented response shapes (developers.google.com/youtube/v3/docs) --------------------

const searchResultSchema = z.object({
  kind: z.literal("youtube#searchResult"),
  id: z.object({ kind: z.string(), videoId: z.string().optional() }),
  snippet: z.object({
    publishedAt: z.string(),
    channelId: z.string(),
    title: z.string(),
    description: z.string().optional(),
    channelTitle: z.string().optional(),
  }),
});
export type YoutubeSearchResult = z.infer<typeof searchResultSchema>;

const searchListSchema = z.object({
  kind: z.literal("youtube#searchListResponse"),
  nextPageToken: z.string().optional(),
  pageInfo: z.object({ totalResults: z.number(), resultsPerPage: z.number() }).optional(),
  items: z.array(searchResultSchema),
});

const commentSchema = z.object({
  kind: z.literal("youtube#comment"),
  id: z.string(),
  snippet: z.object({
    videoId: z.string().optional(),
    textDisplay: z.string(),
    /** Only guaranteed for the comment's author; public comments usually carry it. */
    textOriginal: z.string().optional(),
    authorDisplayName: z.string(),
    authorChannelId: z.object({ value: z.string() }).optional(),
    likeCount: z.number().optional(),
    publishedAt: z.string(),
    updatedAt: z.string().optional(),
  }),
});
export type YoutubeComment = z.infer<typeof commentSchema>;

const commentThreadListSchema = z.object({
  kind: z.literal("youtube#commentThreadListResponse"),
  nextPageToken: z.string().optional(),
  items: z.array(
    z.object({
      kind: z.literal("youtube#commentThread"),
      id: z.string(),
      snippet: z.object({
        videoId: z.string().optional(),
        topLevelComment: commentSchema,
        totalReplyCount: z.number().optional(),
      }),
    }),
  ),
});

const googleErrorSchema = z.object({
  error: z.object({
    code: z.number(),
    message: z.string(),
    status: z.string().optional(),
    errors: z.array(z.object({ reason: z.string().optional(), domain: z.string().optional() })).optional(),
    details: z.array(z.object({ reason: z.string().optional() }).passthrough()).optional(),
  }),
});

// --- mapping ------------------------------------------------------------------------------------

/** search.list escapes titles and descriptions as HTML (`&#39;`, `&amp;`); mentions carry plain text. */
export function decodeYoutubeEntities(text: string): string {
  return text.replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/gi, (entity, code: string) => {
    const lower = code.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[lower] ?? entity;
  });
}

/**
 * A found video as a mention (title and description by the channel).
 * @example youtubeVideoToMention({ id: { kind: "youtube#video", videoId: "v1" }, snippet: { title: "Aurora &amp; me", … } }).title // "Aurora & me"
 */
export function youtubeVideoToMention(result: YoutubeSearchResult): IncomingMention {
  const title = decodeYoutubeEntities(result.snippet.title);
  const description = decodeYoutubeEntities(result.snippet.description ?? "").trim();
  return {
    externalId: `video:${result.id.videoId}`,
    platform: "youtube",
    authorHandle: result.snippet.channelId,
    authorIsPublic: true,
    title,
    text: description ? `${title}\n\n${description}` : title,
    url: `https://www.youtube.com/watch?v=${result.id.videoId}`,
    postedAt: new Date(result.snippet.publishedAt),
  };
}

/**
 * A top-level comment as a mention; the author is the commenter's channel (public on YouTube).
 * @example youtubeCommentToMention(comment, "v1").url // "https://www.youtube.com/watch?v=v1&lc=Ugx…"
 */
export function youtubeCommentToMention(comment: YoutubeComment, videoId: string): IncomingMention {
  return {
    externalId: `comment:${comment.id}`,
    platform: "youtube",
    authorHandle: comment.snippet.authorChannelId?.value ?? comment.snippet.authorDisplayName,
    authorIsPublic: true,
    text: comment.snippet.textOriginal ?? comment.snippet.textDisplay,
    url: `https://www.youtube.com/watch?v=${videoId}&lc=${comment.id}`,
    postedAt: new Date(comment.snippet.publishedAt),
  };
}

// --- calls and error classification ---------------------------------------------------------

type RunContext = Omit<ConnectorRunContext<YoutubeCredentials, YoutubeConfig, YoutubeCursor>, "cursor">;
type Failure = { status: number; reason: string | null; message: string };

/** Thrown inside a run for per-video answers that only drop that video. */
class VideoGoneError extends Error {}
/** A page token YouTube no longer accepts: the scan restarts from its first page. */
class StalePageTokenError extends Error {}

class YoutubeSession {
  readonly config: YoutubeConfig;
  quota: YoutubeQuotaState;
  private lastFailure: Failure | null = null;

  constructor(private readonly context: RunContext) {
    this.config = configSchema.parse(context.config ?? {});
    this.quota = currentQuota(context.quota, context.now(), this.config.dailyQuotaUnits);
  }

  /** Units of the call in flight; its first attempt is charged by `call`, retries here. */
  private attemptUnits = 0;
  private attempts = 0;

  /**
   * Charges retries (Google counts every call, failed ones too) and remembers the error body of a
   * failed answer (requestSourceJson only reports the status). A retry that would go past the
   * limit is not sent: it answers like Google's quotaExceeded so the run stops the same way.
   */
  private readonly capturingFetch: typeof fetch = async (input, init) => {
    this.attempts += 1;
    if (this.attempts > 1) {
      const charged = chargeQuota(this.quota, this.attemptUnits, this.context.now());
      if (!charged.ok) {
        this.lastFailure = {
          status: 403,
          reason: "pulseQuotaGuard",
          message: "Daily quota reached before a retry.",
        };
        return new Response(JSON.stringify({ error: { code: 403, message: "quota guard" } }), {
          status: 403,
        });
      }
      this.quota = charged.quota;
    }
    const response = await this.context.fetch(input, init);
    if (response.ok) {
      this.lastFailure = null;
      return response;
    }
    const text = await response.clone().text();
    let parsed: z.infer<typeof googleErrorSchema> | null = null;
    try {
      const result = googleErrorSchema.safeParse(JSON.parse(text));
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
    this.lastFailure = {
      status: response.status,
      reason:
        parsed?.error.errors?.find((error) => error.reason)?.reason ??
        parsed?.error.details?.find((detail) => detail.reason)?.reason ??
        null,
      message: parsed?.error.message ?? text.slice(0, 200),
    };
    return response;
  };

  /** Units left today; throws SourceQuotaError before a call that would exceed the limit. */
  charge(units: number): void {
    const now = this.context.now();
    this.quota = currentQuota(this.quota, now, this.config.dailyQuotaUnits);
    const charged = chargeQuota(this.quota, units, now);
    if (!charged.ok) {
      throw new SourceQuotaError(
        `YouTube's daily quota for this key (${this.quota.limit.toLocaleString("en-US")} units, ${this.quota.used.toLocaleString("en-US")} used) would be exceeded; the sync resumes after midnight Pacific time.`,
        charged.resumeAt,
      );
    }
    this.quota = charged.quota;
  }

  private async call<T>(
    path: string,
    params: Record<string, string | undefined>,
    schema: z.ZodType<T>,
    units: number,
  ) {
    this.charge(units);
    this.attemptUnits = units;
    this.attempts = 0;
    const url = new URL(`${this.config.apiBaseUrl}/${path}`);
    for (const [name, value] of Object.entries(params))
      if (value !== undefined) url.searchParams.set(name, value);
    url.searchParams.set("key", this.context.credentials.apiKey);
    try {
      return await requestSourceJson({
        provider: "YouTube",
        url,
        schema,
        fetch: this.capturingFetch,
        sleep: this.context.sleep,
      });
    } catch (error) {
      throw this.classify(error);
    }
  }

  private classify(error: unknown): unknown {
    const failure = this.lastFailure;
    if (!failure || !(error instanceof SourceAuthError || error instanceof SourceHttpError)) return error;
    const reason = failure.reason ?? "";
    if (reason === "quotaExceeded" || reason === "dailyLimitExceeded") {
      this.quota = { ...this.quota, used: Math.max(this.quota.used, this.quota.limit) };
      return new SourceQuotaError(
        "YouTube says this key's project has used its daily quota (other apps using the same Google Cloud project count too); the sync resumes after midnight Pacific time.",
        nextPacificMidnight(this.context.now()),
      );
    }
    if (reason === "pulseQuotaGuard") {
      return new SourceQuotaError(
        `Retrying a failed YouTube call would exceed this key's daily quota (${this.quota.limit.toLocaleString("en-US")} units); the sync resumes after midnight Pacific time.`,
        nextPacificMidnight(this.context.now()),
      );
    }
    if (reason === "rateLimitExceeded" || reason === "userRateLimitExceeded") {
      return new SourceQuotaError(
        "YouTube asked to slow down (rate limit); the sync resumes in a few minutes.",
        new Date(this.context.now().getTime() + 5 * 60_000),
      );
    }
    if (reason === "commentsDisabled" || reason === "videoNotFound" || failure.status === 404) {
      return new VideoGoneError(reason || "not found");
    }
    if (reason === "invalidPageToken") return new StalePageTokenError(failure.message);
    if (
      reason === "keyInvalid" ||
      reason === "API_KEY_INVALID" ||
      /API key not valid/i.test(failure.message)
    ) {
      return new SourceAuthError(
        "YouTube says the API key is not valid (it was deleted, mistyped or belongs to another service). Create a key in Google Cloud console → APIs & Services → Credentials and save it on the source.",
      );
    }
    if (reason === "accessNotConfigured" || reason === "SERVICE_DISABLED") {
      return new SourceAuthError(
        "The YouTube Data API v3 is not enabled in the Google Cloud project of this API key. Enable it under APIs & Services → Library, then sync again.",
      );
    }
    if (/blocked|ipRefererBlocked|forbidden/i.test(reason) || error instanceof SourceAuthError) {
      return new SourceAuthError(
        `YouTube refused the API key (HTTP ${failure.status}: ${failure.message}). If the key has restrictions, allow the YouTube Data API v3 and requests from this server (no HTTP referrer restriction).`,
      );
    }
    return error;
  }

  searchVideos(term: string, publishedAfter: string, pageToken: string | null) {
    return this.call(
      "search",
      {
        part: "snippet",
        type: "video",
        q: term,
        order: "date",
        publishedAfter,
        maxResults: "50",
        pageToken: pageToken ?? undefined,
        regionCode: this.config.regionCode,
        relevanceLanguage: this.config.relevanceLanguage,
      },
      searchListSchema,
      YOUTUBE_UNIT_COST.searchList,
    );
  }

  commentThreads(videoId: string, pageToken: string | null, maxResults = 100) {
    return this.call(
      "commentThreads",
      {
        part: "snippet",
        videoId,
        maxResults: String(maxResults),
        order: "time",
        textFormat: "plainText",
        pageToken: pageToken ?? undefined,
      },
      commentThreadListSchema,
      YOUTUBE_UNIT_COST.commentThreadsList,
    );
  }
}

function parseCursor(cursor: unknown): YoutubeCursor {
  const parsed = cursorSchema.safeParse(cursor);
  return parsed.success ? structuredClone(parsed.data) : { keywords: {}, videos: {} };
}

const laterIso = (a: string | null, b: string | null) =>
  a === null ? b : b === null ? a : Date.parse(a) >= Date.parse(b) ? a : b;

/** Keeps the `max` most recent videos published within the comment window. */
function pruneVideos(cursor: YoutubeCursor, now: Date, config: YoutubeConfig): void {
  const oldest = now.getTime() - config.commentWindowDays * 86_400_000;
  const kept = Object.entries(cursor.videos)
    .filter(([, video]) => Date.parse(video.publishedAt) >= oldest)
    .sort(([, a], [, b]) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
    .slice(0, config.maxTrackedVideos);
  cursor.videos = Object.fromEntries(kept);
}

async function* pullYoutube(
  context: ConnectorRunContext<YoutubeCredentials, YoutubeConfig, YoutubeCursor>,
): AsyncIterable<ConnectorPage<YoutubeCursor>> {
  const session = new YoutubeSession(context);
  const { config } = session;
  const cursor = parseCursor(context.cursor);
  const page = (mentions: IncomingMention[]): ConnectorPage<YoutubeCursor> => ({
    mentions,
    cursor: structuredClone(cursor),
    quota: { ...session.quota },
  });
  /** Runs one call; on a quota stop, hands the runner the units spent so far, then stops the run. */
  async function* guarded<T>(call: () => Promise<T>): AsyncGenerator<ConnectorPage<YoutubeCursor>, T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof SourceQuotaError) yield page([]);
      throw error;
    }
  }

  const terms = [
    ...new Map(context.keywords.map((k) => [k.term.trim().toLowerCase(), k.term.trim()])).entries(),
  ].filter(([key]) => key.length > 0);
  for (const [key, term] of terms) {
    const state = cursor.keywords[key] ?? { newestPublishedAt: null, lastSearchedAt: null, scan: null };
    const due =
      state.scan !== null ||
      state.lastSearchedAt === null ||
      context.now().getTime() - Date.parse(state.lastSearchedAt) >= config.searchEveryMinutes * 60_000;
    if (!due) continue;
    const scan = state.scan ?? {
      pageToken: "",
      publishedAfter: state.newestPublishedAt ?? context.backfillFrom.toISOString(),
      newestPublishedAt: state.newestPublishedAt,
    };
    for (;;) {
      if (context.signal?.aborted) throw new Error("YouTube sync was cancelled.");
      let result: z.infer<typeof searchListSchema>;
      try {
        result = yield* guarded(() =>
          session.searchVideos(term, scan.publishedAfter, scan.pageToken || null),
        );
      } catch (error) {
        if (!(error instanceof StalePageTokenError) || !scan.pageToken) throw error;
        scan.pageToken = "";
        continue;
      }
      const mentions: IncomingMention[] = [];
      for (const item of result.items) {
        const videoId = item.id.videoId;
        if (item.id.kind !== "youtube#video" || !videoId) continue;
        scan.newestPublishedAt = laterIso(scan.newestPublishedAt, item.snippet.publishedAt);
        // publishedAfter is inclusive: the newest video of the last search comes back once more.
        if (cursor.videos[videoId]) continue;
        cursor.videos[videoId] = {
          publishedAt: item.snippet.publishedAt,
          newestCommentAt: null,
          newestCommentIds: [],
          scan: null,
        };
        if (config.includeVideos) mentions.push(youtubeVideoToMention(item));
      }
      const done = !result.nextPageToken;
      cursor.keywords[key] = done
        ? {
            newestPublishedAt: scan.newestPublishedAt,
            lastSearchedAt: context.now().toISOString(),
            scan: null,
          }
        : { ...state, scan: { ...scan, pageToken: result.nextPageToken! } };
      if (done) pruneVideos(cursor, context.now(), config);
      yield page(mentions);
      if (done) break;
      scan.pageToken = result.nextPageToken!;
    }
  }

  pruneVideos(cursor, context.now(), config);
  const videoIds = Object.keys(cursor.videos);
  for (const videoId of videoIds) {
    const video: VideoCursor = cursor.videos[videoId]!;
    const scan = video.scan ?? {
      pageToken: "",
      floor: video.newestCommentAt ?? context.backfillFrom.toISOString(),
      newestCommentAt: video.newestCommentAt,
      newestCommentIds: video.newestCommentIds,
    };
    const seenAtNewest = new Set(video.newestCommentIds);
    for (;;) {
      if (context.signal?.aborted) throw new Error("YouTube sync was cancelled.");
      let result: z.infer<typeof commentThreadListSchema>;
      try {
        result = yield* guarded(() => session.commentThreads(videoId, scan.pageToken || null));
      } catch (error) {
        if (error instanceof VideoGoneError) {
          // Comments turned off or video removed: stop spending units on it.
          delete cursor.videos[videoId];
          yield page([]);
          break;
        }
        if (error instanceof StalePageTokenError && scan.pageToken) {
          scan.pageToken = "";
          continue;
        }
        throw error;
      }
      const mentions: IncomingMention[] = [];
      let reachedFloor = false;
      const floorMs = scan.floor ? Date.parse(scan.floor) : Number.NEGATIVE_INFINITY;
      for (const thread of result.items) {
        const comment = thread.snippet.topLevelComment;
        const publishedMs = Date.parse(comment.snippet.publishedAt);
        // order=time: newest first, so the first comment older than the floor ends the scan.
        if (publishedMs < floorMs) {
          reachedFloor = true;
          break;
        }
        if (publishedMs === floorMs && seenAtNewest.has(comment.id)) continue;
        mentions.push(youtubeCommentToMention(comment, videoId));
        const newestMs = scan.newestCommentAt ? Date.parse(scan.newestCommentAt) : Number.NEGATIVE_INFINITY;
        if (publishedMs > newestMs) {
          scan.newestCommentAt = comment.snippet.publishedAt;
          scan.newestCommentIds = [comment.id];
        } else if (publishedMs === newestMs) {
          scan.newestCommentIds = [...new Set([...scan.newestCommentIds, comment.id])];
        }
      }
      const done = reachedFloor || !result.nextPageToken;
      cursor.videos[videoId] = done
        ? {
            publishedAt: video.publishedAt,
            newestCommentAt: scan.newestCommentAt,
            newestCommentIds: scan.newestCommentIds,
            scan: null,
          }
        : { ...video, scan: { ...scan, pageToken: result.nextPageToken! } };
      yield page(mentions);
      if (done) break;
      scan.pageToken = result.nextPageToken!;
    }
  }
}

/** YouTube videos and comments as a listening source. */
export const youtubeConnector: Connector<YoutubeCredentials, YoutubeConfig, YoutubeCursor> = {
  kind: "youtube",
  label: "YouTube",
  credentialsSchema,
  configSchema: configSchema as unknown as z.ZodType<YoutubeConfig>,
  async testConnection(context) {
    const session = new YoutubeSession(context);
    // The cheapest keyed call (1 unit): a comment page of a long-lived public video
    // ("Me at the zoo"), which proves the key is valid and the API is enabled.
    try {
      await session.commentThreads("jNQXAC9IVRw", null, 1);
    } catch (error) {
      if (!(error instanceof VideoGoneError)) throw error;
    }
    const left = session.quota.limit - session.quota.used;
    return {
      ok: true,
      detail: `YouTube accepted the API key; ${left.toLocaleString("en-US")} of ${session.quota.limit.toLocaleString("en-US")} quota units left today (Pacific time).`,
    };
  },
  pull: pullYoutube,
};
