import { describe, expect, it } from "vitest";
import { z } from "zod";
import { db } from "~/db.server";
import { encryptCredentials } from "~/integrations/sources/secrets.server";
import {
  SourceAuthError,
  SourceQuotaError,
  type Connector,
  type ConnectorPage,
  type IncomingMention,
} from "~/integrations/sources/types";
import { sourcesScheduleJob } from "~/jobs/definitions/listening.server";
import { RetryableJobError } from "~/jobs/types";
import { runSourceSync } from "~/services/source-sync.server";
import { createTestSource } from "../../factories/listening";
import { createTestShop } from "../../factories/shop";

const NOW = new Date("2026-11-20T12:00:00Z");
const now = () => NOW;

/** A provider of 10 posts, 3 per page, read from a numeric cursor; can fail at a chosen page. */
function tinyConnector(
  options: { failOnPage?: number; error?: () => Error; seenCursors?: (number | null)[]; total?: number } = {},
): Connector<{ token: string }, { query?: string }, number> {
  const total = options.total ?? 10;
  const posts: IncomingMention[] = Array.from({ length: total }, (_, i) => ({
    externalId: `post-${i}`,
    platform: "forum",
    authorHandle: `user${i}`,
    text: `Post number ${i} about lamps`,
    postedAt: new Date(Date.UTC(2026, 10, 1, i)),
  }));
  return {
    kind: "reddit",
    label: "Tiny forum",
    credentialsSchema: z.object({ token: z.string().min(1) }),
    configSchema: z.object({ query: z.string().optional() }),
    testConnection: async () => ({ ok: true, detail: "fine" }),
    async *pull(context): AsyncIterable<ConnectorPage<number>> {
      if (context.credentials.token === "revoked")
        throw new SourceAuthError("Tiny forum says the token was revoked.");
      options.seenCursors?.push(context.cursor);
      let offset = context.cursor ?? 0;
      let page = 0;
      while (offset < total) {
        page++;
        if (options.failOnPage === page) throw options.error?.() ?? new Error("connection reset");
        const mentions = posts.slice(offset, offset + 3);
        offset += mentions.length;
        yield { mentions, cursor: offset, quota: { used: offset } };
      }
    },
  };
}

async function setup(token = "good", overrides: Parameters<typeof createTestSource>[1] = {}) {
  const shop = await createTestShop();
  const source = await createTestSource(shop.id, { kind: "reddit", pollEveryMinutes: 30, ...overrides });
  await db().source.update({
    where: { id: source.id },
    data: { credentialsEncrypted: encryptCredentials(source.id, { token }) },
  });
  return { shop, source };
}

const sourceRow = (id: string) => db().source.findUniqueOrThrow({ where: { id } });

describe("runSourceSync", () => {
  it("ingests every page and stores the cursor, quota and counts; the next run resumes from the cursor", async () => {
    const { shop, source } = await setup();
    const seenCursors: (number | null)[] = [];
    const outcome = await runSourceSync(shop.id, source.id, {
      connector: tinyConnector({ seenCursors }),
      now,
    });
    expect(outcome).toMatchObject({ status: "succeeded", pages: 4, counts: { fetched: 10, inserted: 10 } });
    const row = await sourceRow(source.id);
    expect(row).toMatchObject({ cursor: 10, quota: { used: 10 }, lastError: null, status: "active" });
    expect(row.lastSuccessAt).toEqual(NOW);
    expect(row.nextRunAt).toEqual(new Date(NOW.getTime() + 30 * 60_000));
    expect(row.lastCounts).toMatchObject({ fetched: 10, inserted: 10, duplicates: 0 });
    await runSourceSync(shop.id, source.id, { connector: tinyConnector({ seenCursors }), now });
    expect(seenCursors).toEqual([null, 10]);
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(10);
  });

  it("resumes after a crash mid-run without gaps or duplicates", async () => {
    const { shop, source } = await setup();
    await expect(
      runSourceSync(shop.id, source.id, { connector: tinyConnector({ failOnPage: 3 }), now }),
    ).rejects.toBeInstanceOf(RetryableJobError);
    let row = await sourceRow(source.id);
    expect(row.cursor).toBe(6);
    expect(row.lastError).toMatch(/connection reset/);
    expect(row.lastCounts).toMatchObject({ inserted: 6 });
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(6);

    // A replay of an already stored page (crash between ingest and cursor write) is dropped.
    await db().source.update({ where: { id: source.id }, data: { cursor: 3 } });
    const outcome = await runSourceSync(shop.id, source.id, { connector: tinyConnector(), now });
    expect(outcome).toMatchObject({ status: "succeeded", counts: { inserted: 4, duplicates: 3 } });
    row = await sourceRow(source.id);
    expect(row.lastError).toBeNull();
    const ids = (
      await db().mention.findMany({ where: { sourceId: source.id }, select: { externalId: true } })
    )
      .map((m) => m.externalId)
      .sort();
    expect(ids).toEqual(Array.from({ length: 10 }, (_, i) => `post-${i}`).sort());
  });

  it("marks the source needs attention with the provider's message on an auth error, and then skips it", async () => {
    const { shop, source } = await setup("revoked");
    const outcome = await runSourceSync(shop.id, source.id, { connector: tinyConnector(), now });
    expect(outcome).toMatchObject({ status: "needs_attention" });
    const row = await sourceRow(source.id);
    expect(row).toMatchObject({
      status: "needs_attention",
      statusReason: "Tiny forum says the token was revoked.",
      nextRunAt: null,
    });
    expect(await runSourceSync(shop.id, source.id, { connector: tinyConnector(), now })).toEqual({
      status: "skipped",
      reason: "needs_attention",
    });
  });

  it("marks the source needs attention when the stored credentials no longer fit", async () => {
    const { shop, source } = await setup("");
    const outcome = await runSourceSync(shop.id, source.id, { connector: tinyConnector(), now });
    expect(outcome).toMatchObject({ status: "needs_attention" });
    expect((await sourceRow(source.id)).statusReason).toMatch(/credentials are incomplete \(token\)/);
  });

  it("stops on a quota error, keeps what was stored, and schedules the next run at the reset", async () => {
    const { shop, source } = await setup();
    const resumeAt = new Date("2026-11-21T08:00:00Z");
    const outcome = await runSourceSync(shop.id, source.id, {
      connector: tinyConnector({
        failOnPage: 2,
        error: () => new SourceQuotaError("Daily quota used up.", resumeAt),
      }),
      now,
    });
    expect(outcome).toMatchObject({ status: "quota", resumeAt });
    const row = await sourceRow(source.id);
    expect(row).toMatchObject({ status: "active", cursor: 3, nextRunAt: resumeAt });
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(3);
  });

  it("does nothing for a paused source", async () => {
    const { shop, source } = await setup("good", { status: "paused" });
    expect(await runSourceSync(shop.id, source.id, { connector: tinyConnector(), now })).toEqual({
      status: "skipped",
      reason: "paused",
    });
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(0);
  });
});

describe("sources.schedule", () => {
  it("enqueues one run per due active polling source", async () => {
    const shop = await createTestShop();
    const due = await createTestSource(shop.id, {
      kind: "judgeme",
      nextRunAt: new Date(NOW.getTime() - 60_000),
    });
    await createTestSource(shop.id, { kind: "judgeme", nextRunAt: new Date(NOW.getTime() + 60_000) });
    await createTestSource(shop.id, { kind: "reddit", status: "paused", nextRunAt: new Date(0) });
    await createTestSource(shop.id, { kind: "file_import", nextRunAt: new Date(0) });
    const context = { jobId: "j", attempt: 1, now };
    await sourcesScheduleJob.run({}, context);
    await sourcesScheduleJob.run({}, context);
    const jobs = await db().job.findMany({ where: { name: "sources.sync" } });
    expect(jobs.map((j) => j.singletonKey)).toEqual([`source:${due.id}`]);
  });
});
