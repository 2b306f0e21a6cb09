import { Prisma } from "@prisma/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import {
  yotpoConnector,
  YOTPO_MIN_REQUEST_INTERVAL_MS,
  type YotpoConfig,
  type YotpoCredentials,
  type YotpoCursor,
} from "~/integrations/sources/yotpo.server";
import { SourceAuthError } from "~/integrations/sources/types";
import { ingestMentions } from "~/services/mention-ingest.server";
import { runSourceSync } from "~/services/source-sync.server";
import { createTestShop } from "../../factories/shop";
import {
  FAKE_YOTPO_API_SECRET,
  FAKE_YOTPO_APP_KEY,
  startFakeYotpoServer,
  type FakeYotpoServer,
} from "../../fakes/yotpo";
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
let fake: FakeYotpoServer;

beforeEach(async () => {
  clock = virtualClock();
  fake = await startFakeYotpoServer({ now: clock.now });
});
afterEach(async () => {
  await fake.close();
});

const credentials: YotpoCredentials = { appKey: FAKE_YOTPO_APP_KEY, apiSecret: FAKE_YOTPO_API_SECRET };

function context(cursor: YotpoCursor | null = null) {
  const config: YotpoConfig = yotpoConnector.configSchema.parse({ apiBaseUrl: fake.apiBaseUrl });
  return runContext<YotpoCredentials, YotpoConfig, YotpoCursor>(clock, {
    credentials,
    config,
    cursor,
    shopDomain: "pulse-demo.myshopify.com",
  });
}

/** Reviews a 90-day backfill should deliver: in the window and not deleted. */
function expectedIds(days = 90) {
  const from = clock.now().getTime() - days * DAY_MS;
  return fake
    .reviews()
    .filter((review) => Date.parse(review.created_at) >= from && !review.deleted)
    .map((review) => String(review.id))
    .sort();
}

const ids = (pages: { mentions: { externalId: string }[] }[]) =>
  pages.flatMap((page) => page.mentions.map((m) => m.externalId)).sort();
const reviewRequests = () => fake.requests.filter((request) => request.path.endsWith("/reviews"));

describe("Yotpo connector against the fake", () => {
  it("gets a token, then backfills the window from the documented shape", async () => {
    const backfillFrom = new Date(clock.now().getTime() - 90 * DAY_MS);
    const pages = await collectPages(yotpoConnector.pull(context()));

    const expected = expectedIds();
    expect(expected.length).toBeGreaterThan(100);
    expect(ids(pages)).toEqual(expected);
    expect(fake.tokensIssued()).toBe(1);
    expect(fake.requests[0]).toMatchObject({ method: "POST", path: "/oauth/token", status: 200 });
    const first = reviewRequests()[0]!;
    expect(first.query).toMatchObject({ count: "100", page: "1", since_date: backfillFrom.toISOString() });
    expect(first.query.utoken).toMatch(/^[0-9a-f]{40}$/);

    const sample = fake.reviews().find((review) => String(review.id) === expected[0])!;
    const mention = pages.flatMap((page) => page.mentions).find((m) => m.externalId === expected[0])!;
    expect(mention).toMatchObject({
      platform: "yotpo",
      rating: sample.score,
      text: `${sample.title}\n\n${sample.content}`,
      postedAt: new Date(sample.created_at),
      verifiedBuyer: sample.reviewer_type === "verified_buyer",
      authorHandle: sample.email ?? sample.name,
      productRef: sample.sku === "yotpo_site_reviews" ? null : { shopifyProductId: sample.sku },
    });
    const maxId = Math.max(...fake.reviews().map((review) => review.id));
    expect(pages.at(-1)!.cursor).toEqual({ sinceId: maxId, pass: null });
  });

  it("fetches only reviews after the cursor's since_id", async () => {
    const first = await collectPages(yotpoConnector.pull(context()));
    clock.advance(3_600_000);
    const added = [
      fake.addReview(),
      fake.addReview({ score: 1, title: "Broke", content: "Snapped in a week" }),
    ];
    const before = reviewRequests().length;

    const second = await collectPages(yotpoConnector.pull(context(first.at(-1)!.cursor)));

    expect(ids(second)).toEqual(added.map((review) => String(review.id)).sort());
    const requests = reviewRequests().slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.query.since_id).toBe(String(first.at(-1)!.cursor.sinceId));
    expect(requests[0]!.query.since_date).toBeUndefined();
  });

  it("resumes an interrupted run from the stored page without a gap", async () => {
    const iterator = yotpoConnector.pull(context())[Symbol.asyncIterator]();
    const firstPage = (await iterator.next()).value!;
    await iterator.return?.();
    expect(firstPage.cursor).toMatchObject({ sinceId: null, pass: { nextPage: 2 } });
    const expectedBeforeCrash = expectedIds();
    const late = fake.addReview();

    const resumed = await collectPages(yotpoConnector.pull(context(firstPage.cursor)));
    const delivered = new Set([...ids([firstPage]), ...ids(resumed)]);
    expect(expectedBeforeCrash.filter((id) => !delivered.has(id))).toEqual([]);

    // The fake lists in id order, so the late review lands on a later page of the resumed run.
    expect(delivered.has(String(late.id))).toBe(true);
    const next = await collectPages(yotpoConnector.pull(context(resumed.at(-1)!.cursor)));
    expect(ids(next)).toEqual([]);
  });

  it("waits out Retry-After after a 429 and stays within the documented 5,000 requests a minute", async () => {
    // 120 more reviews make the backfill three pages long.
    fake.faults.enqueue({ kind: "rateLimited", retryAfterSeconds: 12 });
    for (let i = 0; i < 120; i += 1)
      fake.addReview({ created_at: new Date(clock.now().getTime() - i * 60_000).toISOString() });

    const pages = await collectPages(yotpoConnector.pull(context()));

    expect(ids(pages)).toEqual(expectedIds());
    const [limited, ...rest] = fake.requests;
    expect(limited!.status).toBe(429);
    expect(rest[0]!.at.getTime() - limited!.at.getTime()).toBeGreaterThanOrEqual(12_000);
    for (let i = 1; i < fake.requests.length; i += 1) {
      expect(fake.requests[i]!.at.getTime() - fake.requests[i - 1]!.at.getTime()).toBeGreaterThanOrEqual(
        YOTPO_MIN_REQUEST_INTERVAL_MS,
      );
    }
    expect(fake.tooEarlyRequests()).toBe(0);
    expect(pages.at(-1)!.quota).toMatchObject({ throttled: 1 });
  });

  it("retries 5xx answers on the token and review endpoints", async () => {
    fake.faults.enqueue({ kind: "http502" }, { kind: "http500" });

    const pages = await collectPages(yotpoConnector.pull(context()));

    expect(ids(pages)).toEqual(expectedIds());
    expect(fake.requests.slice(0, 3).map((request) => [request.path, request.status])).toEqual([
      ["/oauth/token", 502],
      ["/oauth/token", 500],
      ["/oauth/token", 200],
    ]);
  });

  it("renews an expired token once, mid-run, without losing the page", async () => {
    const iterator = yotpoConnector.pull(context())[Symbol.asyncIterator]();
    const firstPage = (await iterator.next()).value!;
    fake.expireTokens();
    const rest: (typeof firstPage)[] = [];
    for (let step = await iterator.next(); !step.done; step = await iterator.next()) rest.push(step.value);

    expect(ids([firstPage, ...rest])).toEqual(expectedIds());
    expect(fake.tokensIssued()).toBe(2);
  });

  it("reports a rotated secret as SourceAuthError with what to do", async () => {
    await expect(yotpoConnector.testConnection(context())).resolves.toMatchObject({ ok: true });
    fake.revokeSecret();
    const message = `Yotpo rejected the store ID (app key) and API secret for store ${FAKE_YOTPO_APP_KEY}. Copy both again from Yotpo → Settings → Store → API credentials and reconnect.`;

    await expect(collectPages(yotpoConnector.pull(context()))).rejects.toThrow(new SourceAuthError(message));
    await expect(yotpoConnector.testConnection(context())).rejects.toThrow(message);
  });

  it("stores no duplicates when the same reviews are pulled again", async () => {
    const shop = await createTestShop({ domain: "pulse-demo.myshopify.com" });
    const source = await createReviewSource(shop.id, "yotpo", { apiBaseUrl: fake.apiBaseUrl });
    let inserted = 0;
    for await (const page of yotpoConnector.pull(context())) {
      inserted += (await ingestMentions(shop.id, source.id, page.mentions, { now: clock.now() })).inserted;
    }
    expect(inserted).toBe(expectedIds().length);

    let duplicates = 0;
    for await (const page of yotpoConnector.pull(context())) {
      const result = await ingestMentions(shop.id, source.id, page.mentions, { now: clock.now() });
      expect(result.inserted).toBe(0);
      duplicates += result.duplicates;
    }
    expect(duplicates).toBe(expectedIds().length);
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(expectedIds().length);
  });

  it("syncs through runSourceSync: only new reviews next time, no duplicates after a lost cursor", async () => {
    const shop = await createTestShop({ domain: "pulse-demo.myshopify.com" });
    const source = await createStoredSource(
      shop.id,
      "yotpo",
      { ...credentials },
      { apiBaseUrl: fake.apiBaseUrl },
    );
    const io = { connector: yotpoConnector, now: clock.now, sleep: clock.sleep };
    const total = expectedIds().length;

    expect(await runSourceSync(shop.id, source.id, io)).toMatchObject({
      status: "succeeded",
      counts: { inserted: total, duplicates: 0 },
    });
    clock.advance(3_600_000);
    fake.addReview();
    expect(await runSourceSync(shop.id, source.id, io)).toMatchObject({
      status: "succeeded",
      counts: { fetched: 1, inserted: 1 },
    });

    await db().source.update({ where: { id: source.id }, data: { cursor: Prisma.DbNull } });
    expect(await runSourceSync(shop.id, source.id, io)).toMatchObject({
      status: "succeeded",
      counts: { inserted: 0, duplicates: total + 1 },
    });
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(total + 1);
    // The access token is never persisted: not in the cursor, not in the quota.
    const stored = await db().source.findUniqueOrThrow({ where: { id: source.id } });
    expect(JSON.stringify([stored.cursor, stored.quota])).not.toMatch(/[0-9a-f]{40}/);
  });

  it("marks the source needs_attention with the message when the secret is rotated", async () => {
    const shop = await createTestShop({ domain: "pulse-demo.myshopify.com" });
    const source = await createStoredSource(
      shop.id,
      "yotpo",
      { ...credentials },
      { apiBaseUrl: fake.apiBaseUrl },
    );
    fake.revokeSecret();

    const outcome = await runSourceSync(shop.id, source.id, {
      connector: yotpoConnector,
      now: clock.now,
      sleep: clock.sleep,
    });

    expect(outcome).toMatchObject({ status: "needs_attention" });
    const stored = await db().source.findUniqueOrThrow({ where: { id: source.id } });
    expect(stored.status).toBe("needs_attention");
    expect(stored.statusReason).toContain("Yotpo rejected the store ID (app key) and API secret");
  });
});
