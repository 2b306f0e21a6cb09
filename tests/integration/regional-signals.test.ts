import { beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { DEFAULT_SCENARIO_TODAY, generateScenario } from "~/demo/scenario";
import { seedDemoStore } from "~/demo/seed.server";
import { sentimentWeeksFromSignalRows } from "~/services/planning.server";
import { scoreMentionBacklog } from "~/services/scoring.server";
import { recomputeWeeklySignals } from "~/services/signals.server";

const now = () => new Date("2026-11-23T12:00:00Z");
const scenario = generateScenario({ today: new Date(DEFAULT_SCENARIO_TODAY), mentionCount: 600 });
let shopId: string;

beforeEach(async () => {
  const seeded = await seedDemoStore(scenario, { accessToken: "test-token" });
  shopId = seeded.shopId!;
  await scoreMentionBacklog(shopId, { now });
});

async function regionalRows() {
  return db().signalWeekly.findMany({
    where: { shopId, platform: "all", variantId: null, NOT: { region: "all" } },
  });
}

describe("weekly signals split by planning region", () => {
  it("writes the locations' planning regions, planning keeps them, and the shop's own mapping wins", async () => {
    await recomputeWeeklySignals(shopId, { from: null, now });
    const rows = await regionalRows();
    const regions = new Set(rows.map((r) => r.region));
    // European mentions (DE, NL, FR, GB…) land in the Rotterdam warehouse's region…
    expect(regions).toContain("eu");
    for (const country of ["DE", "NL", "FR", "GB"]) expect(regions).not.toContain(country);
    // …and US mentions, which two warehouses share and which carry no state, stay in their country.
    expect(regions).toContain("US");

    const locationRegions = new Set(
      (await db().location.findMany({ where: { shopId } })).map((l) => l.region),
    );
    const all = await db().signalWeekly.findMany({ where: { shopId, platform: "all" } });
    const { weeks } = sentimentWeeksFromSignalRows(all, locationRegions);
    const euWeeks = weeks.filter((w) => w.regionCode === "eu");
    expect(euWeeks.length).toBeGreaterThan(0);
    expect(new Set(euWeeks.map((w) => w.productId)).size).toBeGreaterThan(3);
    expect(weeks.some((w) => w.regionCode === "US")).toBe(false);

    // The shop's own mapping (its inventory settings) places what the locations cannot.
    await db().shop.update({
      where: { id: shopId },
      data: { settings: { inventory: { regional: { regionByCountry: { US: "us-east" } } } } },
    });
    await recomputeWeeklySignals(shopId, { from: null, now });
    const mapped = new Set((await regionalRows()).map((r) => r.region));
    expect(mapped).toContain("us-east");
    expect(mapped).toContain("eu");
    expect(mapped).not.toContain("US");
  });
});
