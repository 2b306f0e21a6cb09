import { Prisma } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { youtubeConnector, type YoutubeCursor } from "~/integrations/sources/youtube.server";
import { encryptCredentials } from "~/integrations/sources/secrets.server";
import {
  SourceAuthError,
  SourceQuotaError,
  type Connector,
  type ConnectorPage,
} from "~/integrations/sources/types";
import { runSourceSync } from "~/services/source-sync.server";
import { createTestShop } from "../../factories/shop";
import {
  FAKE_YOUTUBE_API_KEY,
  seedYoutubeVideos,
  startFakeYoutubeServer,
  type FakeYoutubeServer,
  type FakeYoutubeServerOptions,
} from "../../fakes/youtube/server";
import { collectPages, virtualClock } from "./virtual-clock";

// 04:00 PST on 2026-11-28; Pacific midnight is 08:00 UTC in winter.
const START = "2026-11-28T12:00:00Z";
let server: FakeYoutubeServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

type ContextOverrides = Partial<{
  cursor: YoutubeCursor | null;
  quota: Record<string, unknown> | null;
  apiKey: string;
  config: Record<string, unknown>;
  terms: string[];
}>;

async function setup(options: Omit<FakeYoutubeServerOptions, "now"> = {}) {
  const clock = virtualClock(START);
  server = await startFakeYoutubeServer({ now: clock.nowMs, ...options });
  const fake = server;
  const context = (overrides: ContextOverrides = {}) => ({
    credentials: { apiKey: overrides.apiKey ?? FAKE_YOUTUBE_API_KEY },
    config: youtubeConnector.configSchema.parse({ apiBaseUrl: fake.apiBaseUrl, ...overrides.config }),
    cursor: overrides.cursor ?? null,
    backfillFrom: new Date(Date.parse(START) - 7 * 86_400_000),
    keywords: (overrides.terms ?? ["aurora lamp"]).map((term) => ({ term, kind: "product" as const })),
    shopDomain: "pulse-test.myshopify.com",
    quota: overrides.quota ?? null,
    fetch,
    now: clock.now,
    sleep: clock.sleep,
  });
  return { clock, server: fake, context };
}

const mentionsOf = (pages: ConnectorPage<YoutubeCursor>[]) => pages.flatMap((page) => page.mentions);
const ids = (pages: ConnectorPage<YoutubeCursor>[]) => mentionsOf(pages).map((mention) => mention.externalId);

describe("YouTube connector against the fake Data API", () => {
  it("first sync finds videos since the backfill start and reads their comments, counting units", async () => {
    const recent = seedYoutubeVideos({
      count: 3,
      term: "aurora lamp",
      startIso: "2026-11-28T06:00:00Z",
      commentsPerVideo: 4,
    });
    const old = seedYoutubeVideos({
      count: 1,
      term: "aurora lamp",
      startIso: "2026-11-01T00:00:00Z",
      commentsPerVideo: 2,
      idPrefix: "old",
    });
    const silent = seedYoutubeVideos({
      count: 1,
      term: "aurora lamp",
      startIso: "2026-11-27T00:00:00Z",
      idPrefix: "off",
    });
    silent.videos[0]!.commentsDisabled = true;
    const { server, context } = await setup({
      videos: [...recent.videos, ...old.videos, ...silent.videos],
      comments: [...recent.comments, ...old.comments],
    });

    const pages = await collectPages(youtubeConnector.pull(context()));

    expect(ids(pages).filter((id) => id.startsWith("video:"))).toEqual([
      "video:v000",
      "video:v001",
      "video:v002",
      "video:off000",
    ]);
    expect(ids(pages).filter((id) => id.startsWith("comment:"))).toHaveLength(12);
    const video = mentionsOf(pages).find((mention) => mention.externalId === "video:v001")!;
    expect(video).toMatchObject({
      platform: "youtube",
      authorHandle: "UCchannel1",
      authorIsPublic: true,
      title: 'aurora lamp review #1 — it\'s "bright"',
      text: 'aurora lamp review #1 — it\'s "bright"\n\nUnboxing the aurora lamp & first impressions.',
      url: "https://www.youtube.com/watch?v=v001",
    });
    const comment = mentionsOf(pages).find((mention) => mention.externalId === "comment:Ugv000c3")!;
    expect(comment).toMatchObject({
      authorHandle: "UCviewer3",
      authorIsPublic: true,
      text: "Comment 3 on v000: the aurora lamp looks great",
      url: "https://www.youtube.com/watch?v=v000&lc=Ugv000c3",
    });
    expect(comment.postedAt.toISOString()).toBe("2026-11-28T06:04:00.000Z");
    const search = server.requests.find((request) => request.path.endsWith("/search"))!;
    expect(search.query).toMatchObject({
      part: "snippet",
      type: "video",
      q: "aurora lamp",
      order: "date",
      maxResults: "50",
      publishedAfter: "2026-11-21T12:00:00.000Z",
    });
    // 1 search (100) + 4 commentThreads (1 each; the disabled one is charged too, as Google does).
    expect(pages.at(-1)!.quota).toEqual({ day: "2026-11-28", used: 104, limit: 10_000 });
    expect(server.unitsUsed(FAKE_YOUTUBE_API_KEY)).toBe(104);
    expect(Object.keys(pages.at(-1)!.cursor.videos).sort()).toEqual(["v000", "v001", "v002"]);
  });

  it("incremental runs read only new comments, and search again only when the keyword is due", async () => {
    const seeded = seedYoutubeVideos({
      count: 2,
      term: "aurora lamp",
      startIso: "2026-11-28T06:00:00Z",
      commentsPerVideo: 3,
    });
    const { server, clock, context } = await setup(seeded);
    const first = await collectPages(youtubeConnector.pull(context()));

    clock.advance(3_600_000);
    server.addComments(
      {
        id: "UgNew1",
        videoId: "v000",
        authorDisplayName: "@late",
        authorChannelId: "UClate",
        textOriginal: "Still love the aurora lamp",
        publishedAt: "2026-11-28T12:30:00Z",
      },
      {
        id: "UgNew2",
        videoId: "v001",
        authorDisplayName: "@late",
        authorChannelId: "UClate",
        textOriginal: "Mine flickers",
        publishedAt: "2026-11-28T12:40:00Z",
      },
    );
    const before = server.requests.length;
    const second = await collectPages(
      youtubeConnector.pull(context({ cursor: first.at(-1)!.cursor, quota: first.at(-1)!.quota ?? null })),
    );
    expect(ids(second)).toEqual(["comment:UgNew1", "comment:UgNew2"]);
    expect(server.requests.slice(before).map((request) => request.path)).toEqual([
      "/youtube/v3/commentThreads",
      "/youtube/v3/commentThreads",
    ]);
    expect(second.at(-1)!.quota).toMatchObject({ used: 100 + 2 + 2 });

    clock.advance(6 * 3_600_000);
    const added = seedYoutubeVideos({
      count: 1,
      term: "Aurora Lamp",
      startIso: "2026-11-28T18:00:00Z",
      commentsPerVideo: 1,
      idPrefix: "new",
    });
    server.addVideos(...added.videos);
    server.addComments(...added.comments);
    const third = await collectPages(
      youtubeConnector.pull(context({ cursor: second.at(-1)!.cursor, quota: second.at(-1)!.quota ?? null })),
    );
    expect(ids(third)).toEqual(["video:new000", "comment:Ugnew000c0"]);
    const search = server.requests.filter((request) => request.path.endsWith("/search")).at(-1)!;
    expect(search.query.publishedAfter).toBe("2026-11-28T06:00:00.000Z");
  });

  it("a run stopped between search pages resumes from the stored page token without repeats", async () => {
    const seeded = seedYoutubeVideos({
      count: 60,
      term: "aurora lamp",
      startIso: "2026-11-28T06:00:00Z",
      stepMinutes: 30,
    });
    const { context } = await setup(seeded);
    const interrupted = await collectPages(
      youtubeConnector.pull(context({ config: { maxTrackedVideos: 100 } })),
      1,
    );
    expect(ids(interrupted)).toHaveLength(50);
    expect(interrupted[0]!.cursor.keywords["aurora lamp"]!.scan).not.toBeNull();

    const resumed = await collectPages(
      youtubeConnector.pull(
        context({
          cursor: interrupted[0]!.cursor,
          quota: interrupted[0]!.quota ?? null,
          config: { maxTrackedVideos: 100 },
        }),
      ),
    );
    const videoIds = [...ids(interrupted), ...ids(resumed)].filter((id) => id.startsWith("video:"));
    expect(videoIds).toEqual(seeded.videos.map((video) => `video:${video.videoId}`));
  });

  it("stops before the daily quota would be exceeded and resumes after Pacific midnight", async () => {
    const seeded = seedYoutubeVideos({
      count: 2,
      term: "aurora lamp",
      startIso: "2026-11-28T06:00:00Z",
      commentsPerVideo: 1,
    });
    const { server, clock, context } = await setup(seeded);
    const pages: ConnectorPage<YoutubeCursor>[] = [];
    const stopped = await (async () => {
      for await (const page of youtubeConnector.pull(
        context({ quota: { day: "2026-11-28", used: 9_950, limit: 10_000 } }),
      ))
        pages.push(page);
    })().catch((error: unknown) => error);

    expect(stopped).toBeInstanceOf(SourceQuotaError);
    expect((stopped as SourceQuotaError).resumeAt.toISOString()).toBe("2026-11-29T08:00:00.000Z");
    expect((stopped as Error).message).toMatch(/10,000 units, 9,950 used/);
    expect(server.requests).toHaveLength(0);
    expect(pages.at(-1)!.quota).toEqual({ day: "2026-11-28", used: 9_950, limit: 10_000 });

    clock.set("2026-11-29T08:00:00Z");
    const nextDay = await collectPages(
      youtubeConnector.pull(context({ quota: pages.at(-1)!.quota ?? null })),
    );
    expect(ids(nextDay)).toHaveLength(4);
    expect(nextDay.at(-1)!.quota).toEqual({ day: "2026-11-29", used: 102, limit: 10_000 });
  });

  it("never spends past a configured limit across many keywords", async () => {
    const videos = ["aurora lamp", "boreal lamp", "comet lamp"].flatMap(
      (term, index) =>
        seedYoutubeVideos({ count: 1, term, startIso: "2026-11-28T06:00:00Z", idPrefix: `k${index}` }).videos,
    );
    const { server, context } = await setup({ videos });
    const stopped = await collectPages(
      youtubeConnector.pull(
        context({ terms: ["aurora lamp", "boreal lamp", "comet lamp"], config: { dailyQuotaUnits: 250 } }),
      ),
    ).catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(SourceQuotaError);
    expect(server.unitsUsed(FAKE_YOUTUBE_API_KEY)).toBe(200);
  });

  it("a quotaExceeded answer (another app spent the project's quota) stops until Pacific midnight", async () => {
    const { server, context } = await setup(
      seedYoutubeVideos({ count: 1, term: "aurora lamp", startIso: "2026-11-28T06:00:00Z" }),
    );
    server.spendUnits(FAKE_YOUTUBE_API_KEY, 9_990);
    const pages: ConnectorPage<YoutubeCursor>[] = [];
    const stopped = await (async () => {
      for await (const page of youtubeConnector.pull(context())) pages.push(page);
    })().catch((error: unknown) => error);
    expect(stopped).toBeInstanceOf(SourceQuotaError);
    expect((stopped as SourceQuotaError).resumeAt.toISOString()).toBe("2026-11-29T08:00:00.000Z");
    expect(server.requests.map((request) => request.reason)).toEqual(["quotaExceeded"]);
    expect(pages.at(-1)!.quota).toEqual({ day: "2026-11-28", used: 10_000, limit: 10_000 });
  });

  it("retries 5xx answers and charges each attempt", async () => {
    const { server, context } = await setup(
      seedYoutubeVideos({
        count: 1,
        term: "aurora lamp",
        startIso: "2026-11-28T06:00:00Z",
        commentsPerVideo: 2,
      }),
    );
    server.enqueueFault({ status: 500, path: "search" });
    server.enqueueFault({ status: 503, path: "commentThreads" });

    const pages = await collectPages(youtubeConnector.pull(context()));

    expect(ids(pages)).toEqual(["video:v000", "comment:Ugv000c1", "comment:Ugv000c0"]);
    expect(server.requests.map((request) => request.status)).toEqual([500, 200, 503, 200]);
    expect(pages.at(-1)!.quota).toMatchObject({ used: 202 });
    expect(server.unitsUsed(FAKE_YOUTUBE_API_KEY)).toBe(202);
  });

  it("an invalid or deleted API key is a SourceAuthError that says how to fix it", async () => {
    const { server, context } = await setup(
      seedYoutubeVideos({
        count: 2,
        term: "aurora lamp",
        startIso: "2026-11-28T06:00:00Z",
        commentsPerVideo: 1,
      }),
    );
    const wrong = await collectPages(
      youtubeConnector.pull(context({ apiKey: "AIzaNotARealKey000000000000" })),
    ).catch((error: unknown) => error);
    expect(wrong).toBeInstanceOf(SourceAuthError);
    expect((wrong as Error).message).toMatch(/API key is not valid.*APIs & Services → Credentials/);

    const pages: ConnectorPage<YoutubeCursor>[] = [];
    const revoked = await (async () => {
      for await (const page of youtubeConnector.pull(context())) {
        pages.push(page);
        server.revokeKey(FAKE_YOUTUBE_API_KEY);
      }
    })().catch((error: unknown) => error);
    expect(pages).toHaveLength(1);
    expect(revoked).toBeInstanceOf(SourceAuthError);
  });

  it("test connection spends one unit and reports what is left today", async () => {
    const { context } = await setup(
      seedYoutubeVideos({ count: 1, term: "aurora lamp", startIso: "2026-11-28T06:00:00Z" }),
    );
    const result = await youtubeConnector.testConnection(
      context({ quota: { day: "2026-11-28", used: 300, limit: 10_000 } }),
    );
    expect(result.detail).toBe(
      "YouTube accepted the API key; 9,699 of 10,000 quota units left today (Pacific time).",
    );
  });
});

describe("YouTube through the sync pipeline (runSourceSync → ingestMentions)", () => {
  async function connectedSource(apiBaseUrl: string, config: Record<string, unknown> = {}) {
    const shop = await createTestShop();
    const source = await db().source.create({
      data: {
        shopId: shop.id,
        kind: "youtube",
        name: "YouTube",
        config: { apiBaseUrl, ...config },
        backfillDays: 7,
      },
    });
    await db().source.update({
      where: { id: source.id },
      data: { credentialsEncrypted: encryptCredentials(source.id, { apiKey: FAKE_YOUTUBE_API_KEY }) },
    });
    await db().keyword.create({ data: { shopId: shop.id, term: "aurora lamp", kind: "product" } });
    return { shopId: shop.id, sourceId: source.id };
  }

  it("stores videos and comments once, persists quota, stops at the limit and needs attention when the key dies", async () => {
    const seeded = seedYoutubeVideos({
      count: 3,
      term: "aurora lamp",
      startIso: "2026-11-28T06:00:00Z",
      commentsPerVideo: 2,
    });
    const { server, clock } = await setup(seeded);
    const { shopId, sourceId } = await connectedSource(server.apiBaseUrl, { dailyQuotaUnits: 300 });
    const io = { connector: youtubeConnector as Connector, fetch, now: clock.now, sleep: clock.sleep };

    const first = await runSourceSync(shopId, sourceId, io);
    expect(first).toMatchObject({ status: "succeeded", counts: { fetched: 9, inserted: 9 } });
    expect((await db().source.findUniqueOrThrow({ where: { id: sourceId } })).quota).toEqual({
      day: "2026-11-28",
      used: 103,
      limit: 300,
    });

    // Re-run from scratch (cursor lost): the same 9 come back and are dropped as duplicates.
    await db().source.update({ where: { id: sourceId }, data: { cursor: Prisma.DbNull } });
    const replay = await runSourceSync(shopId, sourceId, io);
    expect(replay).toMatchObject({ status: "succeeded", counts: { inserted: 0, duplicates: 9 } });
    expect(await db().mention.count({ where: { sourceId } })).toBe(9);

    // A third full search would pass 300 units: the run stops and is scheduled for Pacific midnight.
    await db().source.update({ where: { id: sourceId }, data: { cursor: Prisma.DbNull } });
    const stopped = await runSourceSync(shopId, sourceId, io);
    expect(stopped).toMatchObject({ status: "quota", resumeAt: new Date("2026-11-29T08:00:00Z") });
    const afterStop = await db().source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(afterStop.quota).toEqual({ day: "2026-11-28", used: 206, limit: 300 });
    expect(afterStop.nextRunAt?.toISOString()).toBe("2026-11-29T08:00:00.000Z");
    expect(afterStop.status).toBe("active");
    expect(server.unitsUsed(FAKE_YOUTUBE_API_KEY)).toBe(206);

    clock.set("2026-11-29T09:00:00Z");
    server.revokeKey(FAKE_YOUTUBE_API_KEY);
    const dead = await runSourceSync(shopId, sourceId, io);
    expect(dead.status).toBe("needs_attention");
    const row = await db().source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(row.status).toBe("needs_attention");
    expect(row.statusReason).toMatch(/YouTube says the API key is not valid/);
  });
});
