import { describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { hashAuthor } from "~/domain/listening/authorHash";
import { decryptCredentials, encryptCredentials, keyringFrom } from "~/integrations/sources/secrets.server";
import { purgeExpiredMentions } from "~/services/mention-retention.server";
import { ingestMentions } from "~/services/mention-ingest.server";
import { scoreMentionBacklog } from "~/services/scoring.server";
import * as mentionIngestModel from "~/models/mention-ingest.server";
import * as signalsService from "~/services/signals.server";
import { recomputeWeeklySignals } from "~/services/signals.server";
import { answerCustomerDataRequest, redactCustomer } from "~/services/customer-privacy.server";
import { rotateSourceCredentials, RotationError } from "~/services/secret-rotation.server";
import {
  createSource,
  deleteKeyword,
  ingestSecretOf,
  listKeywords,
  listSources,
  pauseSource,
  requestSourceSync,
  resumeSource,
  rotateIngestSecret,
  saveKeyword,
  suggestKeywords,
  testSourceConnection,
  updateSource,
} from "~/services/sources.server";
import { createTestProduct, createTestSource } from "../../factories/listening";
import { createTestShop } from "../../factories/shop";
import { webhookRequest } from "../../factories/webhook";

const NOW = new Date("2026-11-20T12:00:00Z");

describe("sources service", () => {
  it("creates a polling source with encrypted credentials, never returns them, and enqueues the backfill run", async () => {
    const shop = await createTestShop();
    const invalid = await createSource(shop.id, {
      kind: "judgeme",
      name: "Reviews",
      credentials: { apiToken: "x" },
    });
    expect(invalid).toEqual({ ok: false, errors: { apiToken: expect.stringMatching(/private API token/) } });
    expect(await createSource(shop.id, { kind: "judgeme", name: " ", pollEveryMinutes: 1 })).toMatchObject({
      ok: false,
      errors: { name: expect.any(String), pollEveryMinutes: expect.any(String) },
    });

    const created = await createSource(
      shop.id,
      {
        kind: "judgeme",
        name: "Judge.me reviews",
        credentials: { apiToken: "jm_private_token_123" },
        backfillDays: 30,
      },
      { now: NOW },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    expect(created.source).toMatchObject({
      kind: "judgeme",
      status: "active",
      hasCredentials: true,
      backfillDays: 30,
    });
    expect(JSON.stringify(created)).not.toContain("jm_private_token_123");
    const row = await db().source.findUniqueOrThrow({ where: { id: created.source.id } });
    expect(row.credentialsEncrypted).not.toContain("jm_private_token_123");
    expect(decryptCredentials(row.id, row.credentialsEncrypted!)).toEqual({
      apiToken: "jm_private_token_123",
    });
    expect(row.cursor).toBeNull();
    const jobs = await db().job.findMany({ where: { name: "sources.sync" } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatchObject({
      singletonKey: `source:${row.id}`,
      payload: { shopId: shop.id, sourceId: row.id },
    });
    expect(await requestSourceSync(shop.id, row.id)).toEqual({ enqueued: false }); // already queued

    const listed = await listSources(shop.id);
    expect(listed).toHaveLength(1);
    expect(JSON.stringify(listed)).not.toMatch(/credentialsEncrypted|jm_private/);
  });

  it("reactivates a needs-attention source when new credentials are saved; pause and resume", async () => {
    const shop = await createTestShop();
    const created = await createSource(shop.id, {
      kind: "judgeme",
      name: "Reviews",
      credentials: { apiToken: "jm_private_token_123" },
    });
    if (!created.ok) throw new Error("not created");
    const id = created.source.id;
    await db().source.update({
      where: { id },
      data: { status: "needs_attention", statusReason: "Token revoked" },
    });
    await db().job.deleteMany();
    const renamed = await updateSource(shop.id, id, { name: "Renamed" }, { now: NOW });
    expect(renamed.ok && renamed.source).toMatchObject({ name: "Renamed", status: "needs_attention" });
    const fixed = await updateSource(
      shop.id,
      id,
      { credentials: { apiToken: "jm_new_token_4567" } },
      { now: NOW },
    );
    expect(fixed.ok && fixed.source).toMatchObject({ status: "active", statusReason: null });
    expect(await db().job.count({ where: { name: "sources.sync" } })).toBe(1);

    await pauseSource(shop.id, id);
    expect((await listSources(shop.id))[0]!.status).toBe("paused");
    expect(await requestSourceSync(shop.id, id)).toEqual({ enqueued: false });
    await resumeSource(shop.id, id, { now: NOW });
    expect((await listSources(shop.id))[0]).toMatchObject({ status: "active", nextRunAt: NOW });
  });

  it("gives an ingest webhook a secret shown once, stored encrypted, and rotates it", async () => {
    const shop = await createTestShop();
    const created = await createSource(shop.id, { kind: "ingest_webhook", name: "Zapier" });
    if (!created.ok) throw new Error("not created");
    expect(created.ingestSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.source.ingestUrl).toBe(`/api/ingest/${created.source.id}`);
    expect(await db().job.count({ where: { name: "sources.sync" } })).toBe(0);
    expect(await ingestSecretOf(shop.id, created.source.id)).toBe(created.ingestSecret);
    const rotated = await rotateIngestSecret(shop.id, created.source.id);
    expect(rotated).not.toBe(created.ingestSecret);
    expect(await ingestSecretOf(shop.id, created.source.id)).toBe(rotated);
    expect(await testSourceConnection(shop.id, created.source.id)).toMatchObject({ ok: true });
  });

  it("tests a connection and reports an auth failure in the provider's words", async () => {
    const shop = await createTestShop();
    const created = await createSource(shop.id, {
      kind: "judgeme",
      name: "Reviews",
      credentials: { apiToken: "jm_private_token_123" },
    });
    if (!created.ok) throw new Error("not created");
    const refused = await testSourceConnection(shop.id, created.source.id, {
      fetch: async () => new Response("{}", { status: 401 }),
      sleep: async () => {},
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message.length).toBeGreaterThan(10);
  });
});

describe("keywords", () => {
  it("saves, validates, lists with match counts, and refuses duplicates", async () => {
    const shop = await createTestShop();
    const other = await createTestShop();
    const { product, variants } = await createTestProduct(shop.id, {
      title: "Aurora Lamp",
      variants: [{ options: [{ name: "Color", value: "Black" }] }],
    });
    const foreign = await createTestProduct(other.id, { title: "Other" });
    const saved = await saveKeyword(shop.id, {
      term: "  aurora  ",
      kind: "product",
      productId: product.id,
      variantId: variants[0]!.id,
      exclusions: ["aurora borealis", " "],
    });
    expect(saved.ok && saved.keyword).toMatchObject({
      term: "aurora",
      productTitle: "Aurora Lamp",
      exclusions: ["aurora borealis"],
    });
    expect(await saveKeyword(shop.id, { term: "AURORA", kind: "industry" })).toMatchObject({
      ok: false,
      errors: { term: expect.stringMatching(/already a keyword/) },
    });
    expect(
      await saveKeyword(shop.id, { term: "x", kind: "product", productId: foreign.product.id }),
    ).toMatchObject({
      ok: false,
      errors: { productId: expect.any(String) },
    });
    expect(
      await saveKeyword(shop.id, { term: "", kind: "nope" as never, language: "english" }),
    ).toMatchObject({
      ok: false,
      errors: { term: expect.any(String), kind: expect.any(String), language: expect.any(String) },
    });
    const competitor = await saveKeyword(shop.id, {
      term: "Lumina",
      kind: "competitor",
      productId: product.id,
    });
    expect(competitor.ok && competitor.keyword.productId).toBeNull();

    const source = await createTestSource(shop.id);
    await ingestMentions(
      shop.id,
      source.id,
      [
        { externalId: "1", platform: "x", authorHandle: "a", text: "aurora rocks", postedAt: NOW },
        { externalId: "2", platform: "x", authorHandle: "b", text: "Lumina and aurora", postedAt: NOW },
      ],
      { now: NOW },
    );
    const listed = await listKeywords(shop.id);
    expect(listed.map((k) => [k.term, k.matchedMentions])).toEqual([
      ["Lumina", 1],
      ["aurora", 2],
    ]);
  });

  it("suggests keywords from the catalogue once, and never re-adds a deleted suggestion", async () => {
    const shop = await createTestShop();
    await createTestProduct(shop.id, {
      title: "Aurora Lamp",
      variants: [
        { sku: "AUR-BLK", options: [{ name: "Color", value: "Black" }] },
        { sku: "AUR-WHT", options: [{ name: "Color", value: "White" }] },
      ],
    });
    await saveKeyword(shop.id, { term: "aurora lamp", kind: "product" });
    const first = await suggestKeywords(shop.id);
    expect(first.created).toBe(4);
    expect(await suggestKeywords(shop.id)).toEqual({ created: 0 });
    const keywords = await listKeywords(shop.id);
    const black = keywords.find((k) => k.term === "Aurora Lamp Black")!;
    expect(black).toMatchObject({ suggested: true, kind: "product" });
    expect((await deleteKeyword(shop.id, black.id)).ok).toBe(true);
    expect(await suggestKeywords(shop.id)).toEqual({ created: 0 });
    const settings = (await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).settings as {
      listening: { dismissedSuggestions: string[] };
    };
    expect(settings.listening.dismissedSuggestions).toEqual(["aurora lamp black"]);
  });
});

describe("retention purge", () => {
  it("deletes mentions older than the shop's retention (365 days by default)", async () => {
    const keepLong = await createTestShop();
    const shortRetention = await createTestShop();
    await db().shop.update({
      where: { id: shortRetention.id },
      data: { settings: { listening: { retentionDays: 30 } } },
    });
    for (const shop of [keepLong, shortRetention]) {
      const source = await createTestSource(shop.id);
      await ingestMentions(
        shop.id,
        source.id,
        [400, 100, 10].map((days) => ({
          externalId: `d${days}`,
          platform: "x",
          authorHandle: "a",
          text: `posted ${days} days ago`,
          postedAt: new Date(NOW.getTime() - days * 86_400_000),
        })),
        { now: NOW },
      );
    }
    const deleted = await purgeExpiredMentions(NOW);
    expect(deleted.get(keepLong.id)).toBe(1);
    expect(deleted.get(shortRetention.id)).toBe(2);
    const left = await db().mention.findMany({
      where: { shopId: shortRetention.id },
      select: { externalId: true },
    });
    expect(left.map((m) => m.externalId)).toEqual(["d10"]);
  });

  it("drops the weekly signal rows of weeks that ended before the retention cutoff, and keeps the rest as they were", async () => {
    const shop = await createTestShop();
    await db().shop.update({
      where: { id: shop.id },
      data: { settings: { listening: { retentionDays: 30 } } },
    });
    const source = await createTestSource(shop.id);
    await createTestProduct(shop.id, { title: "Aurora Lamp" });
    await ingestMentions(
      shop.id,
      source.id,
      [100, 45, 28, 10].map((days) => ({
        externalId: `d${days}`,
        platform: "x",
        authorHandle: `author-${days}`,
        text: `The Aurora Lamp, ${days} days ago: bright and warm`,
        postedAt: new Date(NOW.getTime() - days * 86_400_000),
      })),
      { now: NOW },
    );
    await scoreMentionBacklog(shop.id, { now: () => NOW });
    await recomputeWeeklySignals(shop.id, { from: null, now: () => NOW });
    const weeks = async () =>
      (
        await db().signalWeekly.findMany({
          where: { shopId: shop.id, variantId: null, platform: "all", region: "all" },
          orderBy: { week: "asc" },
        })
      ).map((r) => ({ week: r.week, volume: r.volume, weightedIndex: r.weightedIndex }));
    const before = await weeks();
    expect(before.map((w) => w.week)).toEqual(["2026-W33", "2026-W41", "2026-W43", "2026-W46"]);

    // Cutoff: 2026-10-21, a Wednesday in 2026-W43.
    expect((await purgeExpiredMentions(NOW)).get(shop.id)).toBe(2);
    expect(await weeks()).toEqual(before.filter((w) => w.week >= "2026-W43"));
  });
});

// A lamp shop where Mia (the customer to redact) and three other reviewers wrote, scored and with
// its weekly signals computed; `seedLampShop(false)` is the same shop without Mia's reviews, the reference a
// redaction must end up equal to.
const day = (iso: string) => new Date(`${iso}T10:00:00Z`);
const miaReviews = [
  // Alone in 2026-W44: after the redact that week has no rows at all.
  {
    externalId: "mia-1",
    text: "The Aurora Lamp flickers constantly, awful",
    postedAt: day("2026-10-28"),
  },
  {
    externalId: "mia-2",
    text: "Aurora Lamp broke after two days, terrible quality",
    postedAt: day("2026-11-04"),
  },
  {
    externalId: "mia-3",
    text: "My Aurora Lamp stopped working, very disappointed",
    postedAt: day("2026-11-11"),
  },
];
const otherReviews = [
  {
    externalId: "ana-1",
    handle: "ana@example.com",
    text: "The Aurora Lamp is bright and warm, I love it",
    postedAt: day("2026-11-04"),
  },
  {
    externalId: "ben-1",
    handle: "ben@example.com",
    text: "Really happy with the Aurora Lamp in my study",
    postedAt: day("2026-11-11"),
  },
  {
    externalId: "cy-1",
    handle: "cy@example.com",
    text: "Aurora Lamp looks great on my desk, good value",
    postedAt: day("2026-11-18"),
  },
];
const seedLampShop = async (withMia: boolean) => {
  const shop = await createTestShop();
  const source = await createTestSource(shop.id, { kind: "judgeme" });
  await createTestProduct(shop.id, { title: "Aurora Lamp" });
  await ingestMentions(
    shop.id,
    source.id,
    [...(withMia ? miaReviews.map((m) => ({ ...m, handle: "mia@example.com" })) : []), ...otherReviews].map(
      ({ handle, ...m }) => ({ ...m, platform: "judgeme", authorHandle: handle }),
    ),
    { now: NOW },
  );
  await scoreMentionBacklog(shop.id, { now: () => NOW });
  await recomputeWeeklySignals(shop.id, { from: null, now: () => NOW });
  return shop;
};
// The product-level rows (all platforms, all regions) by week: what the signals pages and planning read.
const productSignalWeeks = async (shopId: string) =>
  Object.fromEntries(
    (
      await db().signalWeekly.findMany({
        where: { shopId, variantId: null, platform: "all", region: "all" },
        orderBy: { week: "asc" },
      })
    ).map((r) => [
      r.week,
      {
        volume: r.volume,
        positiveShare: r.positiveShare,
        neutralShare: r.neutralShare,
        negativeShare: r.negativeShare,
        weightedIndex: r.weightedIndex,
      },
    ]),
  );
// Every stored row, keyed without the product id (it differs between the two shops).
const allSignalRows = async (shopId: string) =>
  (await db().signalWeekly.findMany({ where: { shopId } }))
    .map((r) => ({
      week: r.week,
      variant: r.variantId === null ? "product" : "variant",
      platform: r.platform,
      region: r.region,
      volume: r.volume,
      shares: [r.positiveShare, r.neutralShare, r.negativeShare],
      weightedIndex: r.weightedIndex,
      indexChange: r.indexChange,
    }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

describe("customer privacy webhooks", () => {
  it("exports a reviewer's mentions on data_request and deletes them on redact", async () => {
    const shop = await createTestShop();
    const other = await createTestShop();
    const source = await createTestSource(shop.id, { kind: "judgeme" });
    const otherSource = await createTestSource(other.id, { kind: "judgeme" });
    const review = (externalId: string, authorHandle: string) => ({
      externalId,
      platform: "judgeme",
      authorHandle,
      text: `Review ${externalId}`,
      url: `https://shop.example.com/products/lamp#${externalId}`,
      postedAt: NOW,
    });
    await ingestMentions(
      shop.id,
      source.id,
      [review("r1", "mia@example.com"), review("r2", "Someone@Else.com")],
      {
        now: NOW,
      },
    );
    await ingestMentions(other.id, otherSource.id, [review("r3", "mia@example.com")], { now: NOW });
    const payload = { customer: { id: 7, email: "MIA@example.com", phone: null }, data_request: { id: 99 } };

    expect(await answerCustomerDataRequest(shop.id, payload, "wh-1")).toEqual({ mentions: 1 });
    const event = await db().auditEvent.findFirstOrThrow({
      where: { shopId: shop.id, action: "compliance.customer_data_request" },
    });
    expect(event.subjectId).toBe("7");
    expect(event.details).toMatchObject({
      personalDataHeld: true,
      mentions: [
        {
          text: "Review r1",
          platform: "judgeme",
          postedAt: NOW.toISOString(),
          url: "https://shop.example.com/products/lamp#r1",
        },
      ],
    });

    expect(await redactCustomer(shop.id, payload, "wh-2", { now: () => NOW })).toEqual({
      mentionsDeleted: 1,
      // r1 was never scored, so the recompute finds no signal rows, but its week is still cleared.
      signalWeeksRecomputed: 1,
    });
    const left = await db().mention.findMany({ select: { externalId: true, shopId: true } });
    expect(left.map((m) => m.externalId).sort()).toEqual(["r2", "r3"]);
    expect(
      await db().mention.count({
        where: { shopId: shop.id, authorHash: hashAuthor(shop.authorSalt, "mia@example.com") },
      }),
    ).toBe(0);
    const redactEvent = await db().auditEvent.findFirstOrThrow({
      where: { action: "compliance.customer_redact" },
    });
    expect(redactEvent.details).toMatchObject({ mentionsDeleted: 1, signalWeeksRecomputed: 1 });
  });

  it("recomputes the weekly signals a redacted reviewer counted in; other reviewers' rows are as if they never wrote", async () => {
    const shop = await seedLampShop(true);
    const reference = await seedLampShop(false);
    const before = await productSignalWeeks(shop.id);
    expect(Object.keys(before)).toEqual(["2026-W44", "2026-W45", "2026-W46", "2026-W47"]);
    expect([1, 2, 2, 1]).toEqual(Object.values(before).map((w) => w.volume));
    expect(before["2026-W45"]!.negativeShare).toBeGreaterThan(0);

    const result = await redactCustomer(shop.id, { customer: { id: 7, email: "Mia@Example.com" } }, "wh-r", {
      now: () => NOW,
    });
    // 2026-W44 (Mia's earliest review) through 2026-W47 (the week of NOW).
    expect(result).toEqual({ mentionsDeleted: 3, signalWeeksRecomputed: 4 });

    const after = await productSignalWeeks(shop.id);
    expect(Object.keys(after)).toEqual(["2026-W45", "2026-W46", "2026-W47"]);
    expect(Object.values(after).map((w) => w.volume)).toEqual([1, 1, 1]);
    expect(after["2026-W45"]!.negativeShare).toBe(0);
    // Exactly what a shop that never held Mia's reviews computes, on every row (variants, platforms, regions).
    expect(after).toEqual(await productSignalWeeks(reference.id));
    expect(await allSignalRows(shop.id)).toEqual(await allSignalRows(reference.id));
    const details = JSON.stringify(await db().signalWeekly.findMany({ where: { shopId: shop.id } }));
    expect(details).not.toContain(hashAuthor(shop.authorSalt, "mia@example.com"));

    const event = await db().auditEvent.findFirstOrThrow({
      where: { shopId: shop.id, action: "compliance.customer_redact" },
    });
    expect(event.details).toMatchObject({
      mentionsDeleted: 3,
      signalWeeksRecomputed: 4,
      signalWeeksFrom: "2026-W44",
    });
  });

  it("records an empty redact without recomputing anything", async () => {
    const shop = await createTestShop();
    expect(
      await redactCustomer(shop.id, { customer: { id: 8, email: "nobody@example.com" } }, "wh-n"),
    ).toEqual({
      mentionsDeleted: 0,
      signalWeeksRecomputed: 0,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(event.details).toMatchObject({
      personalDataHeld: false,
      mentionsDeleted: 0,
      signalWeeksRecomputed: 0,
    });
  });
});

describe("compliance webhook route", () => {
  it("customers/data_request through the signed webhook records the reviewer's mentions for the merchant", async () => {
    const shop = await createTestShop();
    const source = await createTestSource(shop.id, { kind: "judgeme" });
    await ingestMentions(
      shop.id,
      source.id,
      [
        {
          externalId: "r1",
          platform: "judgeme",
          authorHandle: "mia@example.com",
          text: "Lovely lamp",
          postedAt: NOW,
        },
      ],
      { now: NOW },
    );
    const { action } = await import("~/routes/webhooks.compliance");
    const response = await action({
      request: webhookRequest({
        path: "/webhooks/compliance",
        topic: "customers/data_request",
        shop: shop.domain,
        payload: { customer: { id: 5, email: "mia@example.com" }, data_request: { id: 1 } },
      }),
      params: {},
      context: {},
    });
    expect(response.status).toBe(200);
    const event = await db().auditEvent.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(event).toMatchObject({ action: "compliance.customer_data_request", subjectId: "5" });
    expect(event.details).toMatchObject({ personalDataHeld: true, mentions: [{ text: "Lovely lamp" }] });
  });

  it("customers/redact for an uninstalled shop still deletes the reviews and clears the signal rows they made", async () => {
    const shop = await createTestShop();
    const source = await createTestSource(shop.id, { kind: "judgeme" });
    await createTestProduct(shop.id, { title: "Aurora Lamp" });
    const postedAt = new Date(Date.now() - 3 * 86_400_000);
    await ingestMentions(
      shop.id,
      source.id,
      [
        {
          externalId: "r1",
          platform: "judgeme",
          authorHandle: "mia@example.com",
          text: "The Aurora Lamp is lovely",
          postedAt,
        },
      ],
      { now: postedAt },
    );
    await scoreMentionBacklog(shop.id, { now: () => new Date() });
    await recomputeWeeklySignals(shop.id, { from: null, now: () => new Date() });
    expect(await db().signalWeekly.count({ where: { shopId: shop.id } })).toBeGreaterThan(0);

    const { action } = await import("~/routes/webhooks.compliance");
    const { action: uninstalled } = await import("~/routes/webhooks.app.uninstalled");
    const send = (path: string, topic: string, payload: unknown) =>
      (path === "/webhooks/compliance" ? action : uninstalled)({
        request: webhookRequest({ path, topic, shop: shop.domain, payload }),
        params: {},
        context: {},
      });
    expect((await send("/webhooks/app/uninstalled", "app/uninstalled", {})).status).toBe(200);
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).uninstalledAt).not.toBeNull();

    const response = await send("/webhooks/compliance", "customers/redact", {
      customer: { id: 9, email: "mia@example.com" },
    });
    expect(response.status).toBe(200);
    expect(await db().mention.count({ where: { shopId: shop.id } })).toBe(0);
    // Mia was the only reviewer: no week may keep counting her.
    expect(await db().signalWeekly.count({ where: { shopId: shop.id } })).toBe(0);
    const event = await db().auditEvent.findFirstOrThrow({
      where: { shopId: shop.id, action: "compliance.customer_redact" },
    });
    expect(event.details).toMatchObject({ mentionsDeleted: 1, signalWeeksRecomputed: expect.any(Number) });
    expect((event.details as { signalWeeksRecomputed: number }).signalWeeksRecomputed).toBeGreaterThanOrEqual(
      1,
    );
  });

  describe("a failed customers/redact is completed by Shopify's retry", () => {
    const redact = (shopDomain: string) =>
      webhookRequest({
        path: "/webhooks/compliance",
        topic: "customers/redact",
        shop: shopDomain,
        payload: { customer: { id: 7, email: "mia@example.com" } },
        webhookId: "redact-delivery",
      });
    const deliver = async (request: Request) => {
      const { action } = await import("~/routes/webhooks.compliance");
      return action({ request, params: {}, context: {} });
    };
    const miaCount = (shop: { id: string; authorSalt: string }) =>
      db().mention.count({
        where: { shopId: shop.id, authorHash: hashAuthor(shop.authorSalt, "mia@example.com") },
      });

    it("when the recompute fails: 500, nothing deleted; the retry deletes and leaves the rows of a shop that never had them", async () => {
      const shop = await seedLampShop(true);
      const reference = await seedLampShop(false);
      const before = await allSignalRows(shop.id);
      // The failure is logged with console.error (which would otherwise fail the test).
      const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
      const recompute = vi
        .spyOn(signalsService, "recomputeWeeklySignals")
        .mockRejectedValueOnce(new Error("SQLITE_BUSY: database is locked"));

      expect((await deliver(redact(shop.domain))).status).toBe(500);
      expect(errors).toHaveBeenCalled();
      // Nothing deleted, so the retry still finds the weeks Mia's reviews counted in.
      expect(await miaCount(shop)).toBe(3);
      expect(await allSignalRows(shop.id)).toEqual(before);

      expect((await deliver(redact(shop.domain))).status).toBe(200);
      expect(recompute).toHaveBeenCalledTimes(2);
      expect(await miaCount(shop)).toBe(0);
      expect(await allSignalRows(shop.id)).toEqual(await allSignalRows(reference.id));
      const events = await db().auditEvent.findMany({
        where: { shopId: shop.id, action: "compliance.customer_redact" },
      });
      expect(events.map((e) => e.details)).toEqual([
        expect.objectContaining({ mentionsDeleted: 3, signalWeeksFrom: "2026-W44" }),
      ]);
    });

    it("when the delete fails: 500, the signals already leave Mia out; the retry deletes and the rows stay those of a shop that never had them", async () => {
      const shop = await seedLampShop(true);
      const reference = await seedLampShop(false);
      vi.spyOn(console, "error").mockImplementation(() => undefined);
      const remove = vi
        .spyOn(mentionIngestModel, "deleteMentionsByAuthorHashes")
        .mockRejectedValueOnce(new Error("SQLITE_IOERR: disk I/O error"));

      expect((await deliver(redact(shop.domain))).status).toBe(500);
      expect(await miaCount(shop)).toBe(3);
      expect(await allSignalRows(shop.id)).toEqual(await allSignalRows(reference.id));
      expect(await db().auditEvent.count({ where: { shopId: shop.id } })).toBe(0);

      expect((await deliver(redact(shop.domain))).status).toBe(200);
      expect(remove).toHaveBeenCalledTimes(2);
      expect(await miaCount(shop)).toBe(0);
      expect(await allSignalRows(shop.id)).toEqual(await allSignalRows(reference.id));
      const event = await db().auditEvent.findFirstOrThrow({
        where: { shopId: shop.id, action: "compliance.customer_redact" },
      });
      expect(event.details).toMatchObject({ mentionsDeleted: 3, signalWeeksFrom: "2026-W44" });
    });
  });
});

describe("secret rotation", () => {
  it("re-encrypts every source's credentials with the new key in one pass, idempotently", async () => {
    const oldKey = Buffer.alloc(32, 7);
    const newKey = Buffer.alloc(32, 8);
    const shop = await createTestShop();
    const a = await createTestSource(shop.id, { kind: "judgeme" });
    const b = await createTestSource(shop.id, { kind: "reddit" });
    await createTestSource(shop.id, { kind: "file_import" });
    await db().source.update({
      where: { id: a.id },
      data: { credentialsEncrypted: encryptCredentials(a.id, { apiToken: "A" }, keyringFrom(oldKey)) },
    });
    await db().source.update({
      where: { id: b.id },
      data: { credentialsEncrypted: encryptCredentials(b.id, { clientSecret: "B" }, keyringFrom(newKey)) },
    });

    await expect(rotateSourceCredentials(keyringFrom(newKey))).rejects.toBeInstanceOf(RotationError);
    const untouched = await db().source.findUniqueOrThrow({ where: { id: a.id } });
    expect(decryptCredentials(a.id, untouched.credentialsEncrypted!, keyringFrom(oldKey))).toEqual({
      apiToken: "A",
    });

    const during = keyringFrom(newKey, [oldKey]);
    expect(await rotateSourceCredentials(during)).toMatchObject({
      checked: 2,
      rotated: 1,
      alreadyCurrent: 1,
    });
    expect(await rotateSourceCredentials(during)).toMatchObject({
      checked: 2,
      rotated: 0,
      alreadyCurrent: 2,
    });
    const rows = await db().source.findMany({ where: { id: { in: [a.id, b.id] } } });
    for (const row of rows)
      expect(() => decryptCredentials(row.id, row.credentialsEncrypted!, keyringFrom(newKey))).not.toThrow();
  });
});
