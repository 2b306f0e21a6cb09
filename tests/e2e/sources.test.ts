import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { openChromiumPage } from "./chromium-page";

const demoUrl = inject("demoUrl");
// Set PULSE_SCREENSHOT_DIR=docs/images to retake the README's screenshots of these pages.
const screenshotDir = process.env.PULSE_SCREENSHOT_DIR;
const demo = openChromiumPage({ width: 1600, height: 1000 });
const { pageErrors } = demo;

async function screenshot(name: string) {
  if (!screenshotDir) return;
  // Toasts would cover the table.
  await demo.page.addStyleTag({ content: ".Polaris-Frame-ToastManager { display: none !important; }" });
  await demo.page.screenshot({ path: path.resolve(screenshotDir, name) });
}

describe("listening sources and keywords in Chromium", () => {
  it("adds a signed webhook source: the secret is shown once, then the source is listed", async () => {
    await demo.page.goto(`${demoUrl}/app`, { waitUntil: "networkidle" });
    await demo.page.getByRole("link", { name: "Sources" }).click();
    await demo.page.waitForURL(/\/app\/sources$/);
    await demo.page.getByRole("heading", { name: "Sources", exact: true }).waitFor();
    // The seeded demo listens through simulated sources, one per platform.
    await expect(demo.page.getByTestId("source-row").count()).resolves.toBeGreaterThan(0);

    await demo.page.getByRole("button", { name: "Add source" }).first().click();
    const dialog = demo.page.getByRole("dialog");
    await dialog.getByLabel("Source type").selectOption("ingest_webhook");
    await dialog.getByLabel("Name").fill("Zapier mentions");
    await dialog.getByRole("button", { name: "Add source" }).click();

    await dialog.getByText("Copy the secret now").waitFor();
    const secret = await demo.page.getByTestId("ingest-secret").locator("input").inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const url = await dialog.getByLabel("Endpoint URL (POST)").inputValue();
    expect(url).toMatch(new RegExp(`^${demoUrl}/api/ingest/c[a-z0-9]+$`));
    await dialog.getByRole("button", { name: "I copied the secret" }).click();
    await dialog.waitFor({ state: "detached" });

    const row = demo.page.getByTestId("source-row").filter({ hasText: "Zapier mentions" });
    await expect(row.count()).resolves.toBe(1);
    // The page's HTML after a reload carries no secret.
    await demo.page.reload({ waitUntil: "networkidle" });
    await expect(demo.page.content()).resolves.not.toContain(secret);
    await screenshot("sources.png");
    expect(pageErrors).toEqual([]);
  });

  it("adds an industry keyword and sees it listed", async () => {
    await demo.page.goto(`${demoUrl}/app/keywords`, { waitUntil: "networkidle" });
    await demo.page.getByRole("heading", { name: "Keywords", exact: true }).waitFor();
    await demo.page.getByRole("button", { name: "Add keyword" }).first().click();
    const dialog = demo.page.getByRole("dialog");
    await dialog.getByLabel("Term or hashtag").fill("#polarizedlenses");
    await dialog.getByLabel("Kind").selectOption("industry");
    await dialog.getByLabel("Exclusions").fill("camera filter");
    await dialog.getByRole("button", { name: "Save keyword" }).click();
    await demo.page.getByText("Keyword added.").waitFor();
    await dialog.waitFor({ state: "detached" });

    const row = demo.page.getByRole("row").filter({ hasText: "#polarizedlenses" });
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    const text = await row.innerText();
    expect(text).toMatch(/Industry/);
    expect(text).toMatch(/camera filter/);
    await screenshot("keywords.png");
    expect(pageErrors).toEqual([]);
  });
});
