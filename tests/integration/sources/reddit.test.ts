import { Prisma } from "@prisma/client";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { redditConnector, type RedditCursor } from "~/integrations/sources/reddit.server";
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
  FAKE_REDDIT_APP,
  seedRedditPosts,
  startFakeRedditServer,
  type FakeRedditServer,
  type FakeRedditServerOptions,
} from "../../fakes/reddit/server";
import { collectPages, virtualClock } from "./virtual-clock";

const START = "2026-11-28T12:00:00Z";
const startUtc = Date.parse(START) / 1000;
let server: FakeRedditServer | null = null;

afterEach(async () => {
  await server?.close();
  server = null;
});

async function setup(options: Omit<FakeRedditServerOptions, "now"> = {}) {
  const clock = virtualClock(START);
  server = await startFakeRedditServer({ now: clock.nowMs, ...options });
  const url = server.url;
  const context = (
    overrides: Partial<{
      cursor: RedditCursor | null;
      quota: Record<string, unknown> | null;
      clientSecret: string;
    }> = {},
  ) => ({
    credentials: {
      clientId: FAKE_REDDIT_APP.clientId,
      clientSecret: overrides.clientSecret ?? FAKE_REDDIT_APP.clientSecret,
    },
    config: redditConnector.configSchema.parse({
      authBaseUrl: url,
      apiBaseUrl: url,
      redditUsername: "pulse_dev",
    }),
    cursor: overrides.cursor ?? null,
    backfillFrom: new Date(Date.parse(START) - 7 * 86_400_000),
    keywords: [{ term: "aurora lamp", kind: "product" as const }],
    shopDomain: "pulse-test.myshopify.com",
    quota: overrides.quota ?? null,
    fetch,
    now: clock.now,
    sleep: clock.sleep,
  });
  return { clock, server: server!, context };
}

const mentionsOf = (pages: ConnectorPage<RedditCursor>[]) => pages.flatMap((page) => page.mentions);
const searches = (fake: FakeRedditServer) =>
  fake.requests.filter((request) => request.path.endsWith("/search"));

describe("Reddit connector against the fake Reddit API", () => {
  it("first sync reads every post back to the backfill window, newest first, in the documented shape", async () => {
    const recent = seedRedditPosts({
      count: 30,
      term: "aurora lamp",
      startUtc: startUtc - 60,
      stepSeconds: 3600,
    });
    const tooOld = seedRedditPosts({
      count: 3,
      term: "aurora lamp",
      startUtc: startUtc - 9 * 86_400,
      idPrefix: "old",
    });
    const unrelated = seedRedditPosts({
      count: 4,
      term: "garden hose",
      startUtc: startUtc - 30,
      idPrefix: "x",
    });
    const { server, context } = await setup({ posts: [...recent, ...tooOld, ...unrelated] });

    const pages = await collectPages(redditConnector.pull(context()));
    const mentions = mentionsOf(pages);

    expect(mentions.map((mention) => mention.externalId)).toEqual(recent.map((post) => `t3_${post.id}`));
    expect(mentions[1]).toMatchObject({
      platform: "reddit",
      authorHandle: "redditor_1",
      authorIsPublic: true,
      title: "Thoughts on the aurora lamp #1",
      text: "Thoughts on the aurora lamp #1\n\nI have used the aurora lamp for a while and it is great.",
      url: "https://www.reddit.com/r/BuyItForLife/comments/s1/thoughts_on_the_aurora_lamp_1/",
    });
    expect(mentions[0]!.postedAt.toISOString()).toBe("2026-11-28T11:59:00.000Z");
    const search = searches(server)[0]!;
    expect(search.query).toMatchObject({
      q: '"aurora lamp"',
      sort: "new",
      type: "link",
      limit: "100",
      raw_json: "1",
    });
    expect(search.userAgent).toBe("web:fake-reddit-client:1.0 (by /u/pulse_dev)");
    expect(pages.at(-1)!.cursor.keywords["aurora lamp"]).toMatchObject({
      newestCreatedUtc: startUtc - 60,
      scan: null,
    });
  });

  it("an incremental run sends only posts newer than the cursor, with one search call", async () => {
    const { server, clock, context } = await setup({
      posts: seedRedditPosts({ count: 20, term: "aurora lamp", startUtc: startUtc - 60 }),
    });
    const first = await collectPages(redditConnector.pull(context()));
    clock.advance(3_600_000);
    server.addPosts(
      ...seedRedditPosts({
        count: 3,
        term: "Aurora Lamp",
        startUtc: startUtc + 3000,
        stepSeconds: 300,
        idPrefix: "new",
      }),
    );
    const before = searches(server).length;

    const second = await collectPages(redditConnector.pull(context({ cursor: first.at(-1)!.cursor })));

    expect(mentionsOf(second).map((mention) => mention.externalId)).toEqual([
      "t3_new0",
      "t3_new1",
      "t3_new2",
    ]);
    expect(searches(server).length - before).toBe(1);
    expect(second.at(-1)!.cursor.keywords["aurora lamp"]!.newestCreatedUtc).toBe(startUtc + 3000);
    // A post indexed late (older than the newest seen, inside the look-back) is still picked up, once.
    server.addPosts(
      ...seedRedditPosts({ count: 1, term: "aurora lamp", startUtc: startUtc + 2500, idPrefix: "late" }),
    );
    const third = await collectPages(redditConnector.pull(context({ cursor: second.at(-1)!.cursor })));
    expect(mentionsOf(third).map((mention) => mention.externalId)).toEqual(["t3_late0"]);
    const fourth = await collectPages(redditConnector.pull(context({ cursor: third.at(-1)!.cursor })));
    expect(mentionsOf(fourth)).toEqual([]);
  });

  it("a run stopped between pages resumes from the stored page without gaps or repeats", async () => {
    const posts = seedRedditPosts({ count: 25, term: "aurora lamp", startUtc: startUtc - 60 });
    const { context } = await setup({ posts, maxPageSize: 10 });
    const interrupted = await collectPages(redditConnector.pull(context()), 1);
    expect(interrupted[0]!.cursor.keywords["aurora lamp"]!.scan).toMatchObject({ after: "t3_s9" });

    const resumed = await collectPages(redditConnector.pull(context({ cursor: interrupted[0]!.cursor })));

    const ids = [...mentionsOf(interrupted), ...mentionsOf(resumed)].map((mention) => mention.externalId);
    expect(ids).toEqual(posts.map((post) => `t3_${post.id}`));
    expect(resumed.at(-1)!.cursor.keywords["aurora lamp"]).toMatchObject({
      newestCreatedUtc: startUtc - 60,
      scan: null,
    });
  });

  it("never sends more than 100 requests in any minute, even when one run needs 126", async () => {
    const posts = seedRedditPosts({
      count: 250,
      term: "aurora lamp",
      startUtc: startUtc - 60,
      stepSeconds: 60,
    });
    const { server, clock, context } = await setup({ posts, maxPageSize: 2 });

    const mentions = mentionsOf(await collectPages(redditConnector.pull(context())));

    expect(mentions).toHaveLength(250);
    expect(server.requests).toHaveLength(126); // 1 token + 125 pages
    expect(server.requests.every((request) => request.status === 200)).toBe(true);
    const busiestMinute = Math.max(
      ...server.requests.map(
        (request) =>
          server.requests.filter((other) => other.atMs > request.atMs - 60_000 && other.atMs <= request.atMs)
            .length,
      ),
    );
    expect(busiestMinute).toBe(100);
    expect(clock.sleeps.reduce((sum, ms) => sum + ms, 0)).toBeGreaterThanOrEqual(60_000);
  });

  it("stops when Reddit's headers say the window is used up and resumes after the reset, with no 429", async () => {
    const posts = seedRedditPosts({ count: 30, term: "aurora lamp", startUtc: startUtc - 60 });
    const { server, clock, context } = await setup({
      posts,
      maxPageSize: 2,
      requestsPerWindow: 10,
      windowSeconds: 600,
    });
    const pages: ConnectorPage<RedditCursor>[] = [];
    const error = await (async () => {
      for await (const page of redditConnector.pull(context())) pages.push(page);
    })().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(SourceQuotaError);
    expect((error as SourceQuotaError).resumeAt.toISOString()).toBe("2026-11-28T12:10:00.000Z");
    expect(pages).toHaveLength(10);
    expect(pages.at(-1)!.quota).toMatchObject({ remaining: 0, resetAt: "2026-11-28T12:10:00.000Z" });
    expect(server.requests.some((request) => request.status === 429)).toBe(false);

    clock.set("2026-11-28T12:10:00Z");
    const rest = await collectPages(
      redditConnector.pull(context({ cursor: pages.at(-1)!.cursor, quota: pages.at(-1)!.quota ?? null })),
    );
    const ids = [...mentionsOf(pages), ...mentionsOf(rest)].map((mention) => mention.externalId);
    expect(ids).toEqual(posts.map((post) => `t3_${post.id}`));
  });

  it("retries 5xx and 429 answers with backoff and Retry-After, then finishes", async () => {
    const { server, clock, context } = await setup({
      posts: seedRedditPosts({ count: 5, term: "aurora lamp", startUtc: startUtc - 60 }),
    });
    server.enqueueFault({ status: 503, path: "token" });
    server.enqueueFault({ status: 500, path: "search" });
    server.enqueueFault({ status: 429, path: "search", retryAfterSeconds: 7 });

    const mentions = mentionsOf(await collectPages(redditConnector.pull(context())));

    expect(mentions).toHaveLength(5);
    expect(server.requests.map((request) => request.status)).toEqual([503, 200, 500, 429, 200]);
    expect(clock.sleeps).toContain(7000);
  });

  it("gets a new token once when the old one expired, without bothering the merchant", async () => {
    const { server, context } = await setup({
      posts: seedRedditPosts({ count: 5, term: "aurora lamp", startUtc: startUtc - 60 }),
      maxPageSize: 2,
    });
    const pages: ConnectorPage<RedditCursor>[] = [];
    for await (const page of redditConnector.pull(context())) {
      pages.push(page);
      if (pages.length === 1) server.expireTokens();
    }
    expect(mentionsOf(pages)).toHaveLength(5);
    expect(server.requests.filter((request) => request.path === "/api/v1/access_token")).toHaveLength(2);
  });

  it("a revoked app or a wrong secret is a SourceAuthError that says where to fix it", async () => {
    const { server, context } = await setup({
      posts: seedRedditPosts({ count: 5, term: "aurora lamp", startUtc: startUtc - 60 }),
    });
    const wrong = await collectPages(redditConnector.pull(context({ clientSecret: "typo" }))).catch(
      (error: unknown) => error,
    );
    expect(wrong).toBeInstanceOf(SourceAuthError);
    expect((wrong as Error).message).toMatch(/client ID and secret.*reddit\.com\/prefs\/apps/);

    await collectPages(redditConnector.pull(context()));
    server.revokeApp(FAKE_REDDIT_APP.clientId);
    const revoked = await collectPages(redditConnector.pull(context())).catch((error: unknown) => error);
    expect(revoked).toBeInstanceOf(SourceAuthError);
    expect((revoked as Error).message).toMatch(/reddit\.com\/prefs\/apps/);
  });

  it("test connection reports the searched scope and the rate-limit headroom", async () => {
    const { context } = await setup({ posts: seedRedditPosts({ count: 2, term: "aurora lamp", startUtc }) });
    const result = await redditConnector.testConnection(context());
    expect(result.detail).toMatch(/searching all of Reddit .* 999 requests left/);
  });
});

describe("Reddit through the sync pipeline (runSourceSync → ingestMentions)", () => {
  async function connectedSource(fakeUrl: string) {
    const shop = await createTestShop();
    const source = await db().source.create({
      data: {
        shopId: shop.id,
        kind: "reddit",
        name: "Reddit",
        config: { authBaseUrl: fakeUrl, apiBaseUrl: fakeUrl },
        backfillDays: 7,
      },
    });
    await db().source.update({
      where: { id: source.id },
      data: { credentialsEncrypted: encryptCredentials(source.id, { ...FAKE_REDDIT_APP }) },
    });
    await db().keyword.create({ data: { shopId: shop.id, term: "aurora lamp", kind: "product" } });
    return { shopId: shop.id, sourceId: source.id };
  }

  it("stores each post once across re-runs, and a revoked app marks the source needs attention", async () => {
    const posts = seedRedditPosts({ count: 12, term: "aurora lamp", startUtc: startUtc - 60 });
    const { server, clock } = await setup({ posts, maxPageSize: 5 });
    const { shopId, sourceId } = await connectedSource(server.url);
    const io = { connector: redditConnector as Connector, fetch, now: clock.now, sleep: clock.sleep };

    const first = await runSourceSync(shopId, sourceId, io);
    expect(first).toMatchObject({ status: "succeeded", counts: { fetched: 12, inserted: 12 } });

    clock.advance(3_600_000);
    server.addPosts(
      ...seedRedditPosts({ count: 2, term: "aurora lamp", startUtc: startUtc + 1800, idPrefix: "n" }),
    );
    const second = await runSourceSync(shopId, sourceId, io);
    expect(second).toMatchObject({ status: "succeeded", counts: { fetched: 2, inserted: 2 } });

    // A lost cursor (or a crash before it was stored) re-reads everything: nothing is stored twice.
    await db().source.update({ where: { id: sourceId }, data: { cursor: Prisma.DbNull } });
    const replay = await runSourceSync(shopId, sourceId, io);
    expect(replay).toMatchObject({
      status: "succeeded",
      counts: { fetched: 14, inserted: 0, duplicates: 14 },
    });
    expect(await db().mention.count({ where: { sourceId } })).toBe(14);

    server.revokeApp(FAKE_REDDIT_APP.clientId);
    const revoked = await runSourceSync(shopId, sourceId, io);
    expect(revoked.status).toBe("needs_attention");
    const row = await db().source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(row.status).toBe("needs_attention");
    expect(row.statusReason).toMatch(
      /Reddit refused the app's client ID and secret.*reddit\.com\/prefs\/apps/,
    );
  });
});
