import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import { digestScheduleJob } from "~/jobs/definitions/digest.server";
import { sendWeeklyDigest, type DigestMessage, type DigestTransport } from "~/services/digest.server";
import { action as digestAction, loader as digestLoader } from "~/routes/app.digest";
import { createTestShop } from "../factories/shop";

// The route authenticates through requireAdmin; here it answers for the shop each test creates.
const shell = vi.hoisted(() => ({ shopId: "" }));
vi.mock("~/services/admin-context.server", () => ({
  requireAdmin: async () => ({
    shopId: shell.shopId,
    timezone: "UTC",
    demo: true,
    embedded: false,
    actor: "test",
  }),
}));

const outboxDir = mkdtempSync(path.join(tmpdir(), "pulse-digest-"));
afterAll(() => rmSync(outboxDir, { recursive: true, force: true }));

const WEEK = "2026-W47";
/** Monday 2026-11-23 09:00 UTC: W47 has just ended. */
const MONDAY_MORNING = new Date("2026-11-23T09:00:00Z");

let productCounter = 0;

/** A shop with an email, one product with two weeks of signal and a pending restock. */
async function shopWithWeek(overrides: { email?: string | null; settings?: object; timezone?: string } = {}) {
  const shop = await createTestShop({ timezone: overrides.timezone });
  await db().shop.update({
    where: { id: shop.id },
    data: {
      email: overrides.email === undefined ? "owner@factory.example" : overrides.email,
      ...(overrides.settings ? { settings: overrides.settings } : {}),
    },
  });
  productCounter += 1;
  const product = await db().product.create({
    data: {
      shopId: shop.id,
      shopifyId: `gid://shopify/Product/${productCounter}`,
      title: "Trail Runner <GTX>",
      handle: `trail-runner-${productCounter}`,
    },
  });
  const signal = (week: string, volume: number, weightedIndex: number, details: object) =>
    db().signalWeekly.create({
      data: {
        shopId: shop.id,
        scopeKey: `${product.id}|all|all|all|${week}`,
        productId: product.id,
        week,
        volume,
        positiveShare: 0.5,
        neutralShare: 0.2,
        negativeShare: 0.3,
        weightedIndex,
        details,
      },
    });
  await signal("2026-W46", 25, 0.2, {});
  await signal(WEEK, 30, -0.1, {
    detail: {
      drivers: [
        {
          aspect: "comfort",
          stance: "negative",
          mentions: 27,
          previousWeekMentions: 20,
          growth: { status: "ok", changePercent: 35 },
        },
      ],
      influencers: [],
      unmetNeeds: [],
      platformSplit: [],
      regionSplit: [],
    },
  });
  await db().recommendation.create({
    data: {
      shopId: shop.id,
      cycle: "2026-W48",
      idempotencyKey: `restock-${productCounter}`,
      kind: "restock",
      productId: product.id,
      currentQuantity: 12,
      proposedQuantity: 30,
      deltaUnits: 18,
      rule: "routine_within_range",
      explanation: {
        inputs: {},
        formula: "Order when stock plus incoming falls to the reorder point; then order up to the level.",
        result: {},
        assumptions: [],
      },
    },
  });
  return shop;
}

/** A transport that records messages, or fails like an SMTP server refusing the connection. */
function fakeTransport(failWith?: string): DigestTransport & { sent: DigestMessage[] } {
  const sent: DigestMessage[] = [];
  return {
    sent,
    async send(message) {
      if (failWith) throw new Error(failWith);
      sent.push(message);
      return { previewPath: null };
    },
  };
}

const run = (shopId: string) =>
  db().digestRun.findUniqueOrThrow({ where: { shopId_week: { shopId, week: WEEK } } });

describe("sendWeeklyDigest", () => {
  it("writes the .eml and .html to the outbox once; a second call for the sent week does nothing", async () => {
    const shop = await shopWithWeek();
    const first = await sendWeeklyDigest(shop.id, WEEK, MONDAY_MORNING, { outboxDir });
    expect(first).toMatchObject({ status: "sent", recipients: ["owner@factory.example"] });

    const shopDir = path.join(outboxDir, shop.domain);
    expect(readdirSync(shopDir).sort()).toEqual([`${WEEK}.eml`, `${WEEK}.html`]);
    const eml = readFileSync(path.join(shopDir, `${WEEK}.eml`), "utf8");
    expect(eml).toMatch(/^To: owner@factory\.example$/m);
    expect(eml).toMatch(/^From: pulse@localhost$/m);
    expect(eml).toMatch(/^Subject: /m);
    const html = readFileSync(path.join(shopDir, `${WEEK}.html`), "utf8");
    expect(html).toContain("Trail Runner &lt;GTX&gt;");
    expect(html).toContain("Comfort concerns +35% this week");
    expect(html).toContain("12 → 30 units (+18)");

    const stored = await run(shop.id);
    expect(stored).toMatchObject({
      status: "sent",
      recipients: ["owner@factory.example"],
      subject: "Pulse weekly digest, 2026-W47: 1 waiting for approval",
      previewPath: path.join(shopDir, `${WEEK}.html`),
      error: null,
    });
    expect(stored.sentAt?.toISOString()).toBe(MONDAY_MORNING.toISOString());

    const transport = fakeTransport();
    const second = await sendWeeklyDigest(shop.id, WEEK, new Date("2026-11-23T10:00:00Z"), { transport });
    expect(second.status).toBe("already-sent");
    expect(transport.sent).toHaveLength(0);
    expect((await run(shop.id)).sentAt?.toISOString()).toBe(MONDAY_MORNING.toISOString());
  });

  it("sends to the configured recipients, skips invalid addresses and records them", async () => {
    const shop = await shopWithWeek({
      settings: {
        inventory: { leadTimeDays: 9 },
        digest: { recipients: ["buyer@factory.example", "not an email"] },
      },
    });
    const transport = fakeTransport();
    await sendWeeklyDigest(shop.id, WEEK, MONDAY_MORNING, { transport });
    expect(transport.sent.map((m) => m.to)).toEqual([["buyer@factory.example"]]);
    const stored = await run(shop.id);
    expect(stored.status).toBe("sent");
    expect(stored.recipients).toEqual(["buyer@factory.example"]);
    expect(stored.error).toMatch(/not valid: not an email/);
  });

  it("records a skipped run when turned off or when no address is valid", async () => {
    const off = await shopWithWeek({ settings: { digest: { enabled: false } } });
    const transport = fakeTransport();
    expect((await sendWeeklyDigest(off.id, WEEK, MONDAY_MORNING, { transport })).status).toBe("skipped");
    expect(await run(off.id)).toMatchObject({
      status: "skipped",
      error: expect.stringMatching(/turned off/),
    });

    const nobody = await shopWithWeek({ email: null, settings: { digest: { recipients: ["nope"] } } });
    expect((await sendWeeklyDigest(nobody.id, WEEK, MONDAY_MORNING, { transport })).status).toBe("skipped");
    expect(await run(nobody.id)).toMatchObject({
      status: "skipped",
      error: expect.stringMatching(/No valid recipient.*not valid: nope/),
    });
    expect(transport.sent).toHaveLength(0);
  });

  it("marks the run failed with the SMTP error and throws; a retry then sends it", async () => {
    const shop = await shopWithWeek();
    await expect(
      sendWeeklyDigest(shop.id, WEEK, MONDAY_MORNING, {
        transport: fakeTransport("connect ECONNREFUSED 127.0.0.1:587"),
      }),
    ).rejects.toThrow(/failed: connect ECONNREFUSED 127\.0\.0\.1:587/);
    expect(await run(shop.id)).toMatchObject({
      status: "failed",
      sentAt: null,
      error: expect.stringMatching(/owner@factory\.example failed: connect ECONNREFUSED/),
    });

    const transport = fakeTransport();
    const retry = await sendWeeklyDigest(shop.id, WEEK, new Date("2026-11-23T09:05:00Z"), { transport });
    expect(retry.status).toBe("sent");
    expect(transport.sent).toHaveLength(1);
    expect(await run(shop.id)).toMatchObject({ status: "sent", error: null });
  });

  it("sends nothing to an uninstalled shop and records no run", async () => {
    const shop = await shopWithWeek();
    await db().shop.update({
      where: { id: shop.id },
      data: { uninstalledAt: new Date("2026-11-20T00:00:00Z") },
    });
    const transport = fakeTransport();
    expect((await sendWeeklyDigest(shop.id, WEEK, MONDAY_MORNING, { transport })).status).toBe(
      "not-installed",
    );
    expect(transport.sent).toHaveLength(0);
    await expect(db().digestRun.count({ where: { shopId: shop.id } })).resolves.toBe(0);
  });
});

describe("digest.schedule", () => {
  it("enqueues digest.send only for installed shops past Monday 08:00 local without a sent run", async () => {
    const due = await shopWithWeek({ timezone: "UTC" });
    const notYet = await shopWithWeek({ timezone: "America/New_York" }); // 04:00 Monday there
    const alreadySent = await shopWithWeek({ timezone: "UTC" });
    const failedBefore = await shopWithWeek({ timezone: "Asia/Tokyo" });
    const uninstalled = await shopWithWeek({ timezone: "UTC" });
    await db().shop.update({
      where: { id: uninstalled.id },
      data: { uninstalledAt: new Date("2026-11-01") },
    });
    await db().digestRun.createMany({
      data: [
        { shopId: alreadySent.id, week: WEEK, status: "sent", sentAt: new Date("2026-11-23T08:00:00Z") },
        { shopId: failedBefore.id, week: WEEK, status: "failed", error: "SMTP down" },
      ],
    });

    const context = { jobId: "test", attempt: 1, now: () => MONDAY_MORNING };
    await digestScheduleJob.run({}, context);
    // Run twice: the singleton key keeps one queued job per shop and week.
    await digestScheduleJob.run({}, context);

    const jobs = await db().job.findMany({
      where: { name: "digest.send" },
      orderBy: { singletonKey: "asc" },
    });
    const queued = jobs.map((j) => j.payload as { shopId: string; week: string });
    expect(queued.map((p) => p.shopId).sort()).toEqual([due.id, failedBefore.id].sort());
    expect(queued.every((p) => p.week === WEEK)).toBe(true);
    expect(jobs.map((j) => j.singletonKey).sort()).toEqual(
      [`digest.send:${due.id}:${WEEK}`, `digest.send:${failedBefore.id}:${WEEK}`].sort(),
    );
    expect(queued.map((p) => p.shopId)).not.toContain(notYet.id);
  });
});

const get = () => ({ request: new Request("http://localhost/app/digest"), params: {}, context: {} });
const post = (fields: Record<string, string>) => ({
  request: new Request("http://localhost/app/digest", { method: "POST", body: new URLSearchParams(fields) }),
  params: {},
  context: {},
});

describe("Digest page", () => {
  it("previews the latest digest with escaped product names and lists recent runs", async () => {
    const shop = await shopWithWeek();
    shell.shopId = shop.id;
    await db().digestRun.create({
      data: {
        shopId: shop.id,
        week: "2026-W40",
        status: "failed",
        recipients: ["owner@factory.example"],
        error: "SMTP down",
      },
    });
    const page = await digestLoader(get());
    expect(page.week).toMatch(/^\d{4}-W\d{2}$/);
    expect(page.preview.html).toContain("Trail Runner &lt;GTX&gt;");
    expect(page.preview.html).not.toContain("<GTX>");
    expect(page.settings).toEqual({ enabled: true, recipients: [] });
    expect(page.shopEmail).toBe("owner@factory.example");
    expect(page.runs).toEqual([
      {
        week: "2026-W40",
        status: "failed",
        recipients: ["owner@factory.example"],
        sentAt: null,
        error: "SMTP down",
      },
    ]);
  });

  it("saves recipients and the toggle into Shop.settings.digest without touching other keys", async () => {
    const shop = await shopWithWeek({
      settings: { inventory: { leadTimeDays: 9 }, listening: { retentionDays: 30 } },
    });
    shell.shopId = shop.id;

    const refused = await digestAction(post({ intent: "save", enabled: "true", recipients: "a@b.co, nope" }));
    expect(refused).toMatchObject({
      intent: "save",
      ok: false,
      errors: [{ key: "digest.page.errorInvalid", vars: { value: "nope" } }],
    });
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).settings).toEqual({
      inventory: { leadTimeDays: 9 },
      listening: { retentionDays: 30 },
    });

    const saved = await digestAction(
      post({ intent: "save", enabled: "false", recipients: "a@b.co，buyer@factory.example\nA@b.co" }),
    );
    expect(saved).toMatchObject({
      intent: "save",
      ok: true,
      recipients: ["a@b.co", "buyer@factory.example"],
    });
    expect((await db().shop.findUniqueOrThrow({ where: { id: shop.id } })).settings).toEqual({
      inventory: { leadTimeDays: 9 },
      listening: { retentionDays: 30 },
      digest: { enabled: false, recipients: ["a@b.co", "buyer@factory.example"] },
    });
    const page = await digestLoader(get());
    expect(page.settings).toEqual({ enabled: false, recipients: ["a@b.co", "buyer@factory.example"] });
  });

  it("queues this week's digest once from 'Send now' and says so", async () => {
    const shop = await shopWithWeek();
    shell.shopId = shop.id;
    const first = await digestAction(post({ intent: "send" }));
    expect(first).toMatchObject({
      intent: "send",
      status: "queued",
      week: expect.stringMatching(/^\d{4}-W\d{2}$/),
    });
    const again = await digestAction(post({ intent: "send" }));
    expect(again).toMatchObject({ intent: "send", status: "alreadyQueued" });
    const jobs = await db().job.findMany({ where: { name: "digest.send", shopId: shop.id } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.payload).toEqual({ shopId: shop.id, week: (first as { week: string }).week });

    await db().digestRun.create({
      data: { shopId: shop.id, week: (first as { week: string }).week, status: "sent", sentAt: new Date() },
    });
    await expect(digestAction(post({ intent: "send" }))).resolves.toMatchObject({ status: "alreadySent" });
  });
});
