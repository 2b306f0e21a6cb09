import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { openChromiumPage } from "./chromium-page";

const demoUrl = inject("demoUrl");
// Set PULSE_SCREENSHOT_DIR=docs/images to retake the README's picture of the card.
const screenshotDir = process.env.PULSE_SCREENSHOT_DIR;
const demo = openChromiumPage({ width: 1280, height: 900 });
const { pageErrors } = demo;

describe("store sync status in Chromium", () => {
  // The bulk operations finish through the job runner's polling fallback, whose first look is a
  // minute after the start: this test waits for the real thing rather than a shortened clock.
  // The worker's nightly reconcile also starts a full sync when the demo boots; if that one is still
  // running, Sync now is disabled (one full sync at a time) and the card follows that one instead.
  it("Sync now runs a full sync through the (simulated) Admin API and the card follows it to the end", async () => {
    await demo.page.goto(`${demoUrl}/app`, { waitUntil: "networkidle" });
    const card = demo.page.getByTestId("sync-status");
    const syncNow = card.getByRole("button", { name: "Sync now" });
    if (await syncNow.count()) {
      await syncNow.click();
      // The boot-time sync may be queued but not yet running: Sync now then says so, and the card
      // follows that one.
      await demo.page
        .getByText(/^(Sync started\. Progress shows here\.|A sync is already (running|queued))/)
        .first()
        .waitFor();
    } else {
      await expect(card.getByRole("button", { name: "Syncing…" }).isDisabled()).resolves.toBe(true);
    }

    // The card polls while the sync runs: no reload here, only what the page shows by itself.
    const states: string[] = [];
    // Until a run is seen in progress, "Up to date" is the previous sync's outcome.
    let sawProgress = false;
    for (let look = 0; look < 150; look++) {
      const text = (await card.innerText()).replace(/\s+/g, " ");
      const state = [
        ...text.matchAll(/(Not synced yet|Shopify is preparing data|Importing|Up to date|Failed)/g),
      ]
        .map((m) => m[1])
        .join(" / ");
      if (states.at(-1) !== state) states.push(state);
      sawProgress ||= /Shopify is preparing data|Importing/.test(state);
      if (sawProgress && (state === "Up to date / Up to date" || state.includes("Failed"))) break;
      await demo.page.waitForTimeout(2_000);
    }
    expect(states.at(-1)).toBe("Up to date / Up to date");
    expect(sawProgress).toBe(true);

    const text = await card.innerText();
    expect(text).toMatch(/([\d,]+) of \1 objects \(100%\)/);
    expect(text).toMatch(/Last success: \w{3} \d+, \d{4}/);
    await expect(card.getByRole("button", { name: "Sync now" }).isEnabled()).resolves.toBe(true);
    if (screenshotDir) await card.screenshot({ path: path.resolve(screenshotDir, "sync-status.png") });
    expect(pageErrors).toEqual([]);
  }, 400_000);
});
