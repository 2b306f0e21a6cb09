import { describe, expect, it } from "vitest";
import { env } from "~/config/env.server";
import { db } from "~/db.server";
import { hashAuthor } from "~/domain/listening/authorHash";
import type { IncomingMention } from "~/integrations/sources/types";
import { ingestMentions } from "~/services/mention-ingest.server";
import { scoreMentionBacklog } from "~/services/scoring.server";
import { recomputeWeeklySignals } from "~/services/signals.server";
import { createTestProduct, createTestSource } from "../../factories/listening";
import { createTestShop } from "../../factories/shop";

const NOW = new Date("2026-11-20T12:00:00Z");

function mention(overrides: Partial<IncomingMention> = {}): IncomingMention {
  return {
    externalId: "m1",
    platform: "reddit",
    authorHandle: "lamp_fan",
    text: "The Aurora Lamp is lovely",
    postedAt: new Date("2026-11-19T10:00:00Z"),
    ...overrides,
  };
}

async function setup() {
  const shop = await createTestShop();
  const source = await createTestSource(shop.id, { kind: "reddit" });
  const { product, variants } = await createTestProduct(shop.id, {
    title: "Aurora Lamp",
    aliases: ["极光台灯"],
    variants: [
      { sku: "AUR-LAMP-BLK", options: [{ name: "Color", value: "Black" }] },
      { sku: "AUR-LAMP-WHT", options: [{ name: "Color", value: "White" }] },
    ],
  });
  return { shop, source, product, variants };
}

describe("ingestMentions", () => {
  it("stores privacy-safe rows: HTML and contact details gone, author hashed, handle only for public influencers", async () => {
    const { shop, source } = await setup();
    const result = await ingestMentions(
      shop.id,
      source.id,
      [
        mention({
          externalId: "a",
          text: "<p>Love the <b>Aurora Lamp</b>!</p> Write me: mia@example.com or +1 (555) 123-4567",
          url: "https://www.reddit.com/r/lamps/comments/a",
        }),
        mention({
          externalId: "b",
          authorHandle: "BigLampReviews",
          authorIsPublic: true,
          authorFollowers: 250_000,
          text: "Aurora Lamp review: warm and bright",
        }),
        mention({
          externalId: "c",
          authorHandle: "small_account",
          authorIsPublic: true,
          authorFollowers: 50,
          text: "aurora lamp is ok",
        }),
      ],
      { now: NOW },
    );
    expect(result).toMatchObject({
      received: 3,
      inserted: 3,
      duplicates: 0,
      linkedNearDuplicates: 0,
      rejected: [],
    });
    const rows = await db().mention.findMany({ where: { shopId: shop.id }, orderBy: { externalId: "asc" } });
    expect(rows[0]!.text).toBe("Love the Aurora Lamp!\nWrite me: [email removed] or [phone removed]");
    expect(rows[0]!.text).not.toMatch(/mia@|555/);
    expect(rows[0]!.url).toBe("https://www.reddit.com/r/lamps/comments/a");
    expect(rows[0]!.authorHash).toBe(hashAuthor(shop.authorSalt, "lamp_fan"));
    expect(rows[0]!.authorDisplay).toBeNull();
    expect(rows[1]!.authorDisplay).toBe("BigLampReviews");
    expect(rows[2]!.authorDisplay).toBeNull();
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain("lamp_fan");
    expect(stored).not.toContain("small_account");
  });

  it("rejects bad mentions with a reason and keeps the good ones", async () => {
    const { shop, source } = await setup();
    const result = await ingestMentions(
      shop.id,
      source.id,
      [
        mention({ externalId: "ok" }),
        mention({ externalId: "empty", text: "<p> </p>" }),
        mention({ externalId: "future", postedAt: new Date("2026-11-22T12:00:00Z") }),
        mention({ externalId: "bad-date", postedAt: new Date("not a date") }),
        mention({ externalId: "", text: "no id" }),
        mention({ externalId: "rating", rating: 9 }),
      ],
      { now: NOW },
    );
    expect(result.inserted).toBe(1);
    expect(result.rejected.map((r) => r.externalId)).toEqual(["empty", "future", "bad-date", "", "rating"]);
    expect(result.rejected[0]!.reason).toMatch(/text is empty/);
    expect(result.rejected[1]!.reason).toMatch(/in the future/);
  });

  it("matches products, variants, aliases and keyword kinds and stores the matched keywords", async () => {
    const { shop, source, product, variants } = await setup();
    const competitor = await db().keyword.create({
      data: { shopId: shop.id, term: "Lumina", kind: "competitor" },
    });
    const industry = await db().keyword.create({
      data: { shopId: shop.id, term: "desk lamp", kind: "industry" },
    });
    await ingestMentions(
      shop.id,
      source.id,
      [
        mention({ externalId: "black", text: "My black Aurora Lamp arrived today" }),
        mention({ externalId: "zh", text: "这个极光台灯真好看" }),
        mention({ externalId: "competitor", text: "Lumina makes nicer lights" }),
        mention({ externalId: "industry", text: "Looking for a desk lamp for my studio" }),
        mention({ externalId: "nothing", text: "What a sunny day" }),
        mention({ externalId: "review", text: "Great", productRef: { sku: "AUR-LAMP-WHT" } }),
      ],
      { now: NOW },
    );
    const rows = new Map(
      (await db().mention.findMany({ where: { shopId: shop.id } })).map((m) => [m.externalId, m]),
    );
    expect(rows.get("black")).toMatchObject({
      productId: product.id,
      variantId: variants[0]!.id,
      matchKind: "product",
    });
    expect(rows.get("black")!.matchConfidence).toBeGreaterThan(0.5);
    expect(rows.get("zh")).toMatchObject({ productId: product.id, matchKind: "product" });
    expect(rows.get("competitor")).toMatchObject({
      productId: null,
      matchKind: "competitor",
      isCompetitor: true,
    });
    expect(rows.get("competitor")!.matchedKeywordIds).toEqual([competitor.id]);
    expect(rows.get("industry")).toMatchObject({ matchKind: "industry", isCompetitor: false });
    expect(rows.get("industry")!.matchedKeywordIds).toEqual([industry.id]);
    expect(rows.get("nothing")).toMatchObject({
      matchKind: "unmatched",
      productId: null,
      matchConfidence: null,
    });
    expect(rows.get("review")).toMatchObject({
      productId: product.id,
      variantId: variants[1]!.id,
      matchConfidence: 1,
    });
  });

  it("skips ids already stored or repeated in the batch, across re-runs", async () => {
    const { shop, source } = await setup();
    const batch = [mention({ externalId: "1" }), mention({ externalId: "2" }), mention({ externalId: "1" })];
    const first = await ingestMentions(shop.id, source.id, batch, { now: NOW });
    expect(first).toMatchObject({ inserted: 2, duplicates: 1 });
    const second = await ingestMentions(shop.id, source.id, [...batch, mention({ externalId: "3" })], {
      now: NOW,
    });
    expect(second).toMatchObject({ inserted: 1, duplicates: 3 });
    expect(await db().mention.count({ where: { shopId: shop.id } })).toBe(3);
  });

  it("links the same text from another source or author to the earliest original", async () => {
    const { shop, source } = await setup();
    const other = await createTestSource(shop.id, { kind: "youtube" });
    const text = "I bought the Aurora Lamp last month and it lights up my whole desk beautifully";
    await ingestMentions(shop.id, source.id, [mention({ externalId: "orig", text })], { now: NOW });
    const result = await ingestMentions(
      shop.id,
      other.id,
      [
        mention({ externalId: "copy", platform: "youtube", text: `${text.toUpperCase()}!!` }),
        mention({ externalId: "short", platform: "youtube", authorHandle: "x", text: "Love it" }),
      ],
      { now: NOW },
    );
    const againSameAuthor = await ingestMentions(
      shop.id,
      source.id,
      [mention({ externalId: "self-repeat", text })],
      { now: NOW },
    );
    expect(result.linkedNearDuplicates).toBe(1);
    expect(againSameAuthor.linkedNearDuplicates).toBe(0);
    const rows = new Map(
      (await db().mention.findMany({ where: { shopId: shop.id } })).map((m) => [m.externalId, m]),
    );
    expect(rows.get("copy")!.duplicateOfId).toBe(rows.get("orig")!.id);
    expect(rows.get("orig")!.duplicateOfId).toBeNull();
    expect(rows.get("short")!.textFingerprint).toBeNull();
  });

  it("writes nothing of a batch when one of its inserts fails", async () => {
    const { shop, source } = await setup();
    // A trigger makes the row "poison" fail inside the third INSERT of 500, after two have run.
    const postgres = env().databaseProvider === "postgresql";
    const install = postgres
      ? [
          `CREATE OR REPLACE FUNCTION pulse_test_poison() RETURNS trigger AS $$ BEGIN IF NEW."externalId" = 'poison' THEN RAISE EXCEPTION 'poisoned row'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
          `CREATE TRIGGER pulse_test_poison BEFORE INSERT ON "Mention" FOR EACH ROW EXECUTE FUNCTION pulse_test_poison()`,
        ]
      : [
          `CREATE TRIGGER pulse_test_poison BEFORE INSERT ON "Mention" WHEN NEW."externalId" = 'poison' BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`,
        ];
    const uninstall = postgres
      ? [
          `DROP TRIGGER IF EXISTS pulse_test_poison ON "Mention"`,
          `DROP FUNCTION IF EXISTS pulse_test_poison()`,
        ]
      : [`DROP TRIGGER IF EXISTS pulse_test_poison`];
    const batch = Array.from({ length: 1_200 }, (_, i) =>
      mention({ externalId: i === 1_100 ? "poison" : `bulk-${i}`, text: `post ${i}` }),
    );
    for (const statement of install) await db().$executeRawUnsafe(statement);
    try {
      await expect(ingestMentions(shop.id, source.id, batch, { now: NOW })).rejects.toThrow();
    } finally {
      for (const statement of uninstall) await db().$executeRawUnsafe(statement);
    }
    expect(await db().mention.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await db().job.count({ where: { name: "mentions.score" } })).toBe(0);
    const retry = await ingestMentions(shop.id, source.id, batch, { now: NOW });
    expect(retry.inserted).toBe(1_200);
  });

  it("stores each id once when two writers ingest the same batch at the same time", async () => {
    const { shop, source } = await setup();
    const batch = Array.from({ length: 50 }, (_, i) =>
      mention({ externalId: `race-${i}`, text: `post ${i}` }),
    );
    const [a, b] = await Promise.all([
      ingestMentions(shop.id, source.id, batch, { now: NOW }),
      ingestMentions(shop.id, source.id, batch, { now: NOW }),
    ]);
    expect(a.inserted + b.inserted).toBe(50);
    expect(a.duplicates + b.duplicates).toBe(50);
    expect(await db().mention.count({ where: { shopId: shop.id } })).toBe(50);
  });

  it("enqueues scoring once per shop", async () => {
    const { shop, source } = await setup();
    await ingestMentions(shop.id, source.id, [mention({ externalId: "1" })], { now: NOW });
    await ingestMentions(shop.id, source.id, [mention({ externalId: "2" })], { now: NOW });
    const jobs = await db().job.findMany({ where: { name: "mentions.score" } });
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.singletonKey).toBe(`score:${shop.id}`);
  });
});

describe("signals after ingest", () => {
  it("count a cross-posted text once and leave competitor mentions out of the shop's own volume", async () => {
    const { shop, source, product } = await setup();
    const other = await createTestSource(shop.id, { kind: "youtube" });
    await db().keyword.create({ data: { shopId: shop.id, term: "Lumina", kind: "competitor" } });
    const text = "The Aurora Lamp is bright and warm and I love reading under it every evening now";
    await ingestMentions(shop.id, source.id, [mention({ externalId: "orig", text })], { now: NOW });
    await ingestMentions(
      shop.id,
      other.id,
      [
        mention({ externalId: "copy", platform: "youtube", authorHandle: "copier", text }),
        mention({ externalId: "rival", platform: "youtube", text: "Lumina lamps are great value" }),
      ],
      { now: NOW },
    );
    const clock = () => NOW;
    await scoreMentionBacklog(shop.id, { now: clock });
    await recomputeWeeklySignals(shop.id, { from: null, now: clock });
    const rows = await db().signalWeekly.findMany({ where: { shopId: shop.id } });
    const productVolume = rows
      .filter(
        (r) =>
          r.productId === product.id && r.variantId === null && r.platform === "all" && r.region === "all",
      )
      .reduce((sum, r) => sum + r.volume, 0);
    expect(productVolume).toBe(1);
    expect(rows.every((r) => r.productId === product.id)).toBe(true);
  });
});
