import { describe, expect, inject, it } from "vitest";
import type { Locator } from "playwright-core";
import { openChromiumPage } from "./chromium-page";

// The demo connects its Judge.me, Yotpo, Reddit and YouTube sources to local fakes of those APIs
// (scripts/lib/listening-fakes.ts) and its job worker runs their first sync at start; the fakes
// write a new review, post and comment every minute.
const demoUrl = inject("demoUrl");
const POLLED_KINDS = ["judgeme", "yotpo", "reddit", "youtube"] as const;
const demo = openChromiumPage({ width: 1440, height: 900 });
const { pageErrors } = demo;

function sourceRow(kind: string): Locator {
  return demo.page
    .getByRole("row")
    .filter({ has: demo.page.locator(`[data-testid="source-row"][data-kind="${kind}"]`) });
}

/** The cells of a source's row, in the page's column order. */
async function rowCells(kind: string) {
  const cells = sourceRow(kind).locator("td, th");
  const text = async (index: number) => (await cells.nth(index).innerText()).trim();
  return {
    name: await text(0),
    status: await text(1),
    lastRun: await text(2),
    lastSuccess: await text(3),
    counts: await text(4),
    mentions: Number((await text(5)).replace(/\D/g, "")),
  };
}

async function openSources() {
  await demo.page.goto(`${demoUrl}/app/sources`, { waitUntil: "networkidle" });
  await demo.page.getByRole("heading", { name: "Sources", exact: true }).waitFor();
}

/** Reloads the Sources page until `done` holds (the job worker runs syncs in the background). */
async function reloadUntil(done: () => Promise<boolean>, attempts: number): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await done()) return true;
    await demo.page.waitForTimeout(2_000);
    await openSources();
  }
  return done();
}

describe("listening sources of the demo in Chromium", () => {
  it("lists the Judge.me, Yotpo, Reddit and YouTube sources with a successful last run", async () => {
    await openSources();
    const synced = await reloadUntil(async () => {
      for (const kind of POLLED_KINDS) {
        if ((await sourceRow(kind).count()) !== 1) return false;
        const cells = await rowCells(kind);
        if (cells.lastSuccess === "—" || cells.mentions === 0) return false;
      }
      return true;
    }, 90);
    expect(synced).toBe(true);
    for (const kind of POLLED_KINDS) {
      const cells = await rowCells(kind);
      // The badge also carries its tone for screen readers ("Success").
      expect(cells.status, kind).toMatch(/Active/);
      expect(cells.status, kind).not.toMatch(/Needs attention/);
      expect(cells.lastRun, kind).not.toBe("—");
      expect(cells.counts, kind).toMatch(/\d+ fetched · \d+ new · \d+ duplicates/);
      expect(cells.mentions, kind).toBeGreaterThan(5);
    }
    expect(await rowCells("judgeme")).toMatchObject({ name: expect.stringMatching(/Judge\.me reviews/) });
    // The signed webhook the demo connects for Instagram and TikTok is listed beside them.
    await expect(
      demo.page.locator('[data-testid="source-row"][data-kind="ingest_webhook"]').count(),
    ).resolves.toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it("Sync now on the Judge.me source brings in the reviews written since its last run", async () => {
    await openSources();
    const before = (await rowCells("judgeme")).mentions;
    expect(before).toBeGreaterThan(0);
    // The fake writes a new review every minute: ask again until a run has found one.
    let after = before;
    for (let attempt = 0; attempt < 12 && after <= before; attempt++) {
      await sourceRow("judgeme").getByRole("button", { name: "Actions" }).click();
      const answered = demo.page.waitForResponse(
        (response) => response.request().method() === "POST" && response.url().includes("/app/sources"),
      );
      await demo.page.getByRole("menuitem", { name: "Sync now" }).click();
      expect((await answered).status()).toBe(200);
      await reloadUntil(async () => (await rowCells("judgeme")).mentions > before, 6);
      after = (await rowCells("judgeme")).mentions;
    }
    expect(after).toBeGreaterThan(before);
    expect((await rowCells("judgeme")).counts).toMatch(/[1-9]\d* new/);
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
