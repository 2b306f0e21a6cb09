import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { PRODUCT_SPECS } from "~/demo/scenario/catalog";
import { openChromiumPage } from "./chromium-page";

const demoUrl = inject("demoUrl");
// Set PULSE_SCREENSHOT_DIR=docs/images to retake the README's screenshot of this page.
const screenshotDir = process.env.PULSE_SCREENSHOT_DIR;
const demo = openChromiumPage({ width: 1600, height: 1000 });
const { pageErrors } = demo;

describe("weekly digest in Chromium", () => {
  it("previews the digest with a seeded product, sends it now and lists the run as sent", async () => {
    await demo.page.goto(`${demoUrl}/app/digest`, { waitUntil: "networkidle" });
    await demo.page.getByRole("heading", { name: "Weekly digest", exact: true }).waitFor();

    // The preview is the email's own HTML in a sandboxed frame; the seeded store's products are in it
    // (what moved, or what waits for approval).
    const preview = demo.page.frameLocator('[data-testid="digest-preview"]');
    await preview.locator("h1").waitFor();
    const previewText = await preview.locator("body").innerText();
    expect(PRODUCT_SPECS.some((spec) => previewText.includes(spec.title))).toBe(true);
    const week = (await demo.page.getByRole("heading", { name: /^Preview: / }).innerText()).replace(
      "Preview: ",
      "",
    );

    await demo.page.getByRole("button", { name: "Send this week's digest now" }).click();
    const result = demo.page.getByTestId("digest-send-result");
    await result.waitFor();
    // The hourly scheduler may have sent it when the demo started; either way the page says so.
    expect(await result.innerText()).toMatch(
      new RegExp(`(Queued|already queued|already sent).*${week}|${week}.*(queued|sent)`, "i"),
    );

    // The demo runs the job worker: the run shows up as sent (to the outbox) within seconds.
    // The badge's own text: its row text reads "SuccessSent" (Polaris prefixes a hidden tone label).
    const sentRow = demo.page
      .getByRole("row")
      .filter({ hasText: week })
      .filter({ has: demo.page.getByText("Sent", { exact: true }) });
    const deadline = Date.now() + 45_000;
    while ((await sentRow.count()) === 0 && Date.now() < deadline) {
      await demo.page.waitForTimeout(1_500);
      await demo.page.reload({ waitUntil: "networkidle" });
    }
    await expect(sentRow.count()).resolves.toBe(1);
    if (screenshotDir) await demo.page.screenshot({ path: path.resolve(screenshotDir, "digest.png") });
    expect(pageErrors).toEqual([]);
  });
});
