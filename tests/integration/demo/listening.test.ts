import { afterEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { demoListeningAnchor, demoListeningClockStart, demoListeningContent } from "~/demo/listening-content";
import { connectDemoListening, newestPolledMentionAt } from "~/demo/listening-sources.server";
import { DEFAULT_SCENARIO_TODAY, generateScenario } from "~/demo/scenario";
import { seedDemoStore } from "~/demo/seed.server";
import { runSourceSync } from "~/services/source-sync.server";
import { listSources } from "~/services/sources.server";
import { startListeningFakes, type RunningListeningFakes } from "../../../scripts/lib/listening-fakes";

// One virtual real clock for the fakes and the connectors: pacing sleeps advance it instead of
// waiting. It is five days past the scenario's today, as on the machine this was written on.
const START = new Date("2026-11-28T10:00:00Z");
let clockMs = START.getTime();
const now = () => new Date(clockMs);
const sleep = async (ms: number) => {
  clockMs += ms;
};

const scenario = generateScenario({ today: new Date(DEFAULT_SCENARIO_TODAY) });
const content = demoListeningContent(scenario, demoListeningAnchor(demoListeningClockStart(scenario, null)));
const running: RunningListeningFakes[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((fakes) => fakes.close()));
  clockMs = START.getTime();
});

async function startFakes(shopId: string) {
  const clockStart = demoListeningClockStart(scenario, await newestPolledMentionAt(shopId));
  const fakes = await startListeningFakes(scenario, { now, trickleEveryMs: 0, clockStart });
  running.push(fakes);
  return fakes;
}

async function seededShop(): Promise<string> {
  const seed = await seedDemoStore(scenario, { accessToken: "shpat_demo" });
  return seed.shopId!;
}

/** Runs one sync of each polled source; returns the counts by kind. */
async function syncAll(shopId: string) {
  const counts: Record<string, { inserted: number; linked: number; fetched: number }> = {};
  for (const source of await listSources(shopId)) {
    if (!["judgeme", "yotpo", "reddit", "youtube"].includes(source.kind)) continue;
    const outcome = await runSourceSync(shopId, source.id, { now, sleep });
    if (outcome.status !== "succeeded") throw new Error(`${source.kind}: ${JSON.stringify(outcome)}`);
    counts[source.kind] = outcome.counts;
  }
  return counts;
}

describe("the demo's listening sources against the local provider fakes", () => {
  it("first start: creates the sources through createSource and a sync brings in every seeded item once", async () => {
    const shopId = await seededShop();
    const fakes = await startFakes(shopId);
    const setup = await connectDemoListening(shopId, fakes.connection, {
      now: now(),
      backfillDays: fakes.backfillDays,
    });

    expect(setup.created).toHaveLength(5);
    expect(setup.reconnected).toEqual([]);
    expect(setup.keywordsSuggested).toBeGreaterThan(0);
    expect(setup.ingestWebhook?.url).toMatch(/^\/api\/ingest\/c[a-z0-9]+$/);
    expect(setup.ingestWebhook?.secret.length).toBeGreaterThanOrEqual(40);
    const stored = await db().source.findMany({ where: { shopId, kind: "judgeme" } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.credentialsEncrypted).not.toContain(fakes.connection.judgeme.credentials.apiToken);
    // The seed's per-platform sources are of the "demo" kind.
    expect(await db().source.count({ where: { shopId, kind: "demo" } })).toBeGreaterThan(0);

    const counts = await syncAll(shopId);
    expect(counts.judgeme?.inserted).toBe(content.judgeme.length);
    expect(counts.yotpo?.inserted).toBe(content.yotpo.length);
    expect(counts.reddit?.inserted).toBe(content.reddit.length);
    expect(counts.youtube?.inserted).toBe(content.youtube.videos.length + content.youtube.comments.length);

    // Cross-posts (the same review on Judge.me, Reddit and YouTube; a Yotpo review as a YouTube
    // comment; the shelf review on Reddit) are stored but linked to their original.
    const copies = await db().mention.findMany({
      where: { shopId, duplicateOfId: { not: null }, platform: { in: ["reddit", "youtube", "yotpo"] } },
      select: { text: true },
    });
    expect(copies.map((c) => c.text).join("\n")).toMatch(/polarized version of the Tidewater/);
    expect(copies.length).toBeGreaterThanOrEqual(4);
    // The review with an e-mail address and a phone number in its text is stored without them.
    const scratched = await db().mention.findFirst({
      where: { shopId, platform: "judgeme", text: { contains: "scratch across the left lens" } },
    });
    expect(scratched?.text).not.toContain("jake.turner@example.com");
    expect(scratched?.text).not.toContain("555-201-7788");
    // Reviews carry the product the review app names; Chinese reviews are stored as written.
    const sunglasses = await db().product.findFirst({
      where: { shopId, handle: "tidewater-eco-sunglasses" },
    });
    expect(
      await db().mention.count({ where: { shopId, platform: "judgeme", productId: sunglasses!.id } }),
    ).toBeGreaterThanOrEqual(9);
    expect(await db().mention.count({ where: { shopId, text: { contains: "偏光" } } })).toBeGreaterThan(0);

    // A new review, post and comment: the next sync of each source finds exactly that one.
    fakes.writeNewItems();
    clockMs += 60_000;
    const next = await syncAll(shopId);
    for (const kind of ["judgeme", "yotpo", "reddit", "youtube"]) expect(next[kind]?.inserted).toBe(1);
    // Everything the fakes serve lives in the simulated store's time: before its "today", so the
    // scenario's last week stays the latest one.
    const newest = await newestPolledMentionAt(shopId);
    expect(newest!.getTime()).toBeLessThan(Date.parse(`${scenario.historyEnd}T00:00:00Z`));
    expect(newest!.getTime()).toBeGreaterThanOrEqual(demoListeningClockStart(scenario, null).getTime());
  }, 180_000);

  it("restart: fresh fakes on new ports; the sources follow them and only new items come in", async () => {
    const shopId = await seededShop();
    const first = await startFakes(shopId);
    await connectDemoListening(shopId, first.connection, { now: now(), backfillDays: first.backfillDays });
    await syncAll(shopId);
    first.writeNewItems();
    clockMs += 60_000;
    await syncAll(shopId);
    await first.close();
    running.splice(0);

    clockMs += 10 * 60_000;
    const second = await startFakes(shopId);
    expect(second.urls.judgeme).not.toBe(first.urls.judgeme);
    const setup = await connectDemoListening(shopId, second.connection, { now: now() });
    expect(setup.created).toEqual([]);
    expect(setup.reconnected).toHaveLength(4);
    expect(setup.ingestWebhook).toBeNull();
    const youtube = (await listSources(shopId)).find((s) => s.kind === "youtube")!;
    expect((youtube.config as { apiBaseUrl: string }).apiBaseUrl).toBe(
      second.connection.youtube.config.apiBaseUrl,
    );
    expect(
      await db().source.count({ where: { shopId, kind: { in: ["judgeme", "yotpo", "reddit", "youtube"] } } }),
    ).toBe(4);

    const again = await syncAll(shopId);
    for (const kind of ["judgeme", "yotpo", "reddit", "youtube"]) expect(again[kind]?.inserted).toBe(0);

    // The restarted fakes hand out ids no earlier run used: the new items are stored, not dropped.
    second.writeNewItems();
    clockMs += 60_000;
    const fresh = await syncAll(shopId);
    for (const kind of ["judgeme", "yotpo", "reddit", "youtube"]) expect(fresh[kind]?.inserted).toBe(1);
    for (const source of await listSources(shopId)) {
      if (source.kind === "demo" || source.kind === "ingest_webhook") continue;
      expect(source.status).toBe("active");
      expect(source.lastError).toBeNull();
      expect(source.lastSuccessAt).not.toBeNull();
    }
  }, 240_000);
});
