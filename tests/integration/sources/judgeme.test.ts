import { Prisma } from "@prisma/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import {
  judgemeConnector,
  JUDGEME_MIN_REQUEST_INTERVAL_MS,
  type JudgemeConfig,
  type JudgemeCredentials,
  type JudgemeCursor,
} from "~/integrations/sources/judgeme.server";
import { SourceAuthError, SourceResponseError } from "~/integrations/sources/types";
import { ingestMentions } from "~/services/mention-ingest.server";
import { runSourceSync } from "~/services/source-sync.server";
import { createTestShop } from "../../factories/shop";
import {
  FAKE_JUDGEME_API_TOKEN,
  FAKE_JUDGEME_SHOP_DOMAIN,
  startFakeJudgemeServer,
  type FakeJudgemeServer,
} from "../../fakes/judgeme";
import {
  collectPages,
  createReviewSource,
  createStoredSource,
  DAY_MS,
  runContext,
  virtualClock,
  type VirtualClock,
} from "./review-harness";

let clock: VirtualClock;
let fake: FakeJudgemeServer;

beforeEach(async () => {
  clock = virtualClock();
  fake = await startFakeJudgemeServer({ now: clock.now });
});
afterEach(async () => {
  await fake.close();
});

function context(
  cursor: JudgemeCursor | null = null,
  credentials: JudgemeCredentials = { apiToken: FAKE_JUDGEME_API_TOKEN },
) {
  const config: JudgemeConfig = judgemeConnector.configSchema.parse({ apiBaseUrl: fake.apiBaseUrl });
  return runContext<JudgemeCredentials, JudgemeConfig, JudgemeCursor>(clock, {
    credentials,
    config,
    cursor,
    shopDomain: FAKE_JUDGEME_SHOP_DOMAIN,
  });
}

/** The reviews a backfill of `days` should deliver: in the window and not curated as spam. */
function expectedIds(days = 90, after?: Date) {
  const from = clock.now().getTime() - days * DAY_MS;
  return fake
    .reviews()
    .filter((review) => Date.parse(review.created_at) >= from && review.curated !== "spam")
    .filter((review) => after === undefined || Date.parse(review.created_at) > after.getTime())
    .map((review) => String(review.id))
    .sort();
}

const ids = (pages: { mentions: { externalId: string }[] }[]) =>
  pages.flatMap((page) => page.mentions.map((m) => m.externalId)).sort();

describe("Judge.me connector against the fake", () => {
  it("backfills the window on the first sync, mapped from the documented shape", async () => {
    const pages = await collectPages(judgemeConnector.pull(context()));

    const expected = expectedIds();
    expect(expected.length).toBeGreaterThan(100);
    expect(ids(pages)).toEqual(expected);
    // 150 seeded reviews over 120 days: the 90-day window needs two pages of 100.
    expect(fake.requests.map((request) => request.query.page)).toEqual(["1", "2"]);
    expect(fake.requests.every((request) => request.query.per_page === "100")).toBe(true);

    const newest = fake.reviews()[0]!;
    const mention = pages[0]!.mentions.find((m) => m.externalId === String(newest.id))!;
    expect(mention).toMatchObject({
      platform: "judgeme",
      rating: newest.rating,
      title: newest.title,
      text: `${newest.title}\n\n${newest.body}`,
      postedAt: new Date(newest.created_at),
      verifiedBuyer: newest.verified === "buyer",
      authorHandle: newest.reviewer.email ?? newest.reviewer.name,
    });
    if (newest.product_external_id !== null) {
      expect(mention.productRef).toMatchObject({
        shopifyProductId: String(newest.product_external_id),
        handle: newest.product_handle,
      });
    }
    const last = pages.at(-1)!;
    expect(last.cursor).toEqual({
      watermark: { createdAt: new Date(newest.created_at).toISOString(), id: newest.id },
      pass: null,
    });
    expect(last.quota).toMatchObject({ day: "2026-11-28", requests: 2, throttled: 0, minIntervalMs: 1000 });
  });

  it("fetches only reviews written since the last run's cursor", async () => {
    const first = await collectPages(judgemeConnector.pull(context()));
    clock.advance(3_600_000);
    const added = [
      fake.addReview(),
      fake.addReview({ title: "Second", body: "Also good" }),
      fake.addReview({ rating: 2 }),
    ];
    const requestsBefore = fake.requests.length;

    const second = await collectPages(judgemeConnector.pull(context(first.at(-1)!.cursor)));

    expect(ids(second)).toEqual(added.map((review) => String(review.id)).sort());
    expect(fake.requests.length - requestsBefore).toBe(1);
    const third = await collectPages(judgemeConnector.pull(context(second.at(-1)!.cursor)));
    expect(ids(third)).toEqual([]);
  });

  it("resumes a run interrupted after a page without a gap, and picks up reviews written meanwhile next time", async () => {
    const iterator = judgemeConnector.pull(context())[Symbol.asyncIterator]();
    const firstPage = (await iterator.next()).value!;
    await iterator.return?.();
    expect(firstPage.cursor.pass).toMatchObject({ nextPage: 2 });
    const expectedBeforeCrash = expectedIds();
    const lateReview = fake.addReview();

    const resumed = await collectPages(judgemeConnector.pull(context(firstPage.cursor)));
    const delivered = new Set([...ids([firstPage]), ...ids(resumed)]);
    expect(expectedBeforeCrash.filter((id) => !delivered.has(id))).toEqual([]);

    const next = await collectPages(judgemeConnector.pull(context(resumed.at(-1)!.cursor)));
    expect(ids(next)).toEqual([String(lateReview.id)]);
  });

  it("paces requests and sends nothing after a 429 until Retry-After has passed", async () => {
    fake.faults.enqueue({ kind: "rateLimited", retryAfterSeconds: 7 });

    const pages = await collectPages(judgemeConnector.pull(context()));

    expect(ids(pages)).toEqual(expectedIds());
    const [limited, ...rest] = fake.requests;
    expect(limited!.status).toBe(429);
    expect(rest[0]!.at.getTime() - limited!.at.getTime()).toBeGreaterThanOrEqual(7000);
    for (let i = 1; i < fake.requests.length; i += 1) {
      const gap = fake.requests[i]!.at.getTime() - fake.requests[i - 1]!.at.getTime();
      expect(gap).toBeGreaterThanOrEqual(JUDGEME_MIN_REQUEST_INTERVAL_MS);
    }
    expect(fake.tooEarlyRequests()).toBe(0);
    expect(pages.at(-1)!.quota).toMatchObject({ throttled: 1, requests: 3 });
  });

  it("retries 5xx answers and still delivers every review", async () => {
    fake.faults.enqueue({ kind: "http500" }, { kind: "http503" });

    const pages = await collectPages(judgemeConnector.pull(context()));

    expect(ids(pages)).toEqual(expectedIds());
    expect(fake.requests.map((request) => request.status)).toEqual([500, 503, 200, 200]);
  });

  it("refuses a page that is not newest first rather than stop early and miss reviews", async () => {
    const oldestFirst: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const body = (await response.json()) as { reviews: unknown[] };
      return new Response(JSON.stringify({ ...body, reviews: [...body.reviews].reverse() }), {
        status: response.status,
        headers: response.headers,
      });
    };

    await expect(collectPages(judgemeConnector.pull({ ...context(), fetch: oldestFirst }))).rejects.toThrow(
      SourceResponseError,
    );
  });

  it("reports a revoked token as SourceAuthError with what to do, from pull and testConnection", async () => {
    await expect(judgemeConnector.testConnection(context())).resolves.toMatchObject({ ok: true });
    fake.revokeToken();
    const message =
      "Judge.me rejected the private API token for pulse-demo.myshopify.com. Create a new token in Judge.me → Settings → Integrations and reconnect.";

    await expect(collectPages(judgemeConnector.pull(context()))).rejects.toThrow(
      new SourceAuthError(message),
    );
    await expect(judgemeConnector.testConnection(context())).rejects.toThrow(SourceAuthError);
    // Not retried: an auth failure is terminal for the run.
    expect(fake.requests.filter((request) => request.status === 401)).toHaveLength(2);
  });

  it("stores no duplicates when the same reviews are pulled again", async () => {
    const shop = await createTestShop({ domain: FAKE_JUDGEME_SHOP_DOMAIN });
    const source = await createReviewSource(shop.id, "judgeme", { apiBaseUrl: fake.apiBaseUrl });
    let inserted = 0;
    for await (const page of judgemeConnector.pull(context())) {
      inserted += (await ingestMentions(shop.id, source.id, page.mentions, { now: clock.now() })).inserted;
    }
    expect(inserted).toBe(expectedIds().length);

    // A full re-run (cursor lost) hands every review over again: all are skipped as duplicates.
    let duplicates = 0;
    for await (const page of judgemeConnector.pull(context())) {
      const result = await ingestMentions(shop.id, source.id, page.mentions, { now: clock.now() });
      expect(result.inserted).toBe(0);
      duplicates += result.duplicates;
    }
    expect(duplicates).toBe(expectedIds().length);
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(expectedIds().length);
    const stored = await db().mention.findFirst({ where: { sourceId: source.id, rating: { not: null } } });
    expect(stored?.platform).toBe("judgeme");
  });

  it("syncs through runSourceSync: stored cursor, only new reviews next time, no duplicates after a lost cursor", async () => {
    const shop = await createTestShop({ domain: FAKE_JUDGEME_SHOP_DOMAIN });
    const source = await createStoredSource(
      shop.id,
      "judgeme",
      { apiToken: FAKE_JUDGEME_API_TOKEN },
      { apiBaseUrl: fake.apiBaseUrl },
    );
    const io = { connector: judgemeConnector, now: clock.now, sleep: clock.sleep };
    const total = expectedIds().length;

    const first = await runSourceSync(shop.id, source.id, io);
    expect(first).toMatchObject({
      status: "succeeded",
      counts: { fetched: total, inserted: total, duplicates: 0 },
    });
    const stored = await db().source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.cursor).toMatchObject({ pass: null, watermark: { id: fake.reviews()[0]!.id } });
    expect(stored.quota).toMatchObject({ requests: 2, throttled: 0 });

    clock.advance(3_600_000);
    fake.addReview();
    fake.addReview();
    const second = await runSourceSync(shop.id, source.id, io);
    expect(second).toMatchObject({ status: "succeeded", counts: { fetched: 2, inserted: 2, duplicates: 0 } });

    // The cursor is lost (restored backup, manual reset): the whole window is handed over again.
    await db().source.update({ where: { id: source.id }, data: { cursor: Prisma.DbNull } });
    const replay = await runSourceSync(shop.id, source.id, io);
    expect(replay).toMatchObject({ status: "succeeded", counts: { inserted: 0, duplicates: total + 2 } });
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(total + 2);
  });

  it("marks the source needs_attention with the message when the token is revoked", async () => {
    const shop = await createTestShop({ domain: FAKE_JUDGEME_SHOP_DOMAIN });
    const source = await createStoredSource(
      shop.id,
      "judgeme",
      { apiToken: FAKE_JUDGEME_API_TOKEN },
      { apiBaseUrl: fake.apiBaseUrl },
    );
    fake.revokeToken();

    const outcome = await runSourceSync(shop.id, source.id, {
      connector: judgemeConnector,
      now: clock.now,
      sleep: clock.sleep,
    });

    const message =
      "Judge.me rejected the private API token for pulse-demo.myshopify.com. Create a new token in Judge.me → Settings → Integrations and reconnect.";
    expect(outcome).toMatchObject({ status: "needs_attention", message });
    expect(await db().source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      status: "needs_attention",
      statusReason: message,
    });
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(0);
  });
});
