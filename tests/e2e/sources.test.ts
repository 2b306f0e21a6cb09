import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../setup/chromium";

const demoUrl = inject("demoUrl");
// Set PULSE_SCREENSHOT_DIR=docs/images to retake the README's screenshots of these pages.
const screenshotDir = process.env.PULSE_SCREENSHOT_DIR;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error("Chromium not found: apt-get install -y chromium, or set PULSE_CHROMIUM_PATH");
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on("pageerror", (error) => pageErrors.push(error.message));
});

afterAll(async () => {
  await browser?.close();
});

async function screenshot(name: string) {
  if (!screenshotDir) return;
  // Toasts would cover the table.
  await page.addStyleTag({ content: ".Polaris-Frame-ToastManager { display: none !important; }" });
  await page.screenshot({ path: path.resolve(screenshotDir, name) });
}

describe("listening sources and keywords in Chromium", () => {
  it("adds a signed webhook source: the secret is shown once, then the source is listed", async () => {
    await page.goto(`${demoUrl}/app`, { waitUntil: "networkidle" });
    await page.getByRole("link", { name: "Sources" }).click();
    await page.waitForURL(/\/app\/sources$/);
    await page.getByRole("heading", { name: "Sources", exact: true }).waitFor();
    // The seeded demo listens through simulated sources, one per platform.
    await expect(page.getByTestId("source-row").count()).resolves.toBeGreaterThan(0);

    await page.getByRole("button", { name: "Add source" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Source type").selectOption("ingest_webhook");
    await dialog.getByLabel("Name").fill("Zapier mentions");
    await dialog.getByRole("button", { name: "Add source" }).click();

    await dialog.getByText("Copy the secret now").waitFor();
    const secret = await page.getByTestId("ingest-secret").locator("input").inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    const url = await dialog.getByLabel("Endpoint URL (POST)").inputValue();
    expect(url).toMatch(new RegExp(`^${demoUrl}/api/ingest/c[a-z0-9]+$`));
    await dialog.getByRole("button", { name: "I copied the secret" }).click();
    await dialog.waitFor({ state: "detached" });

    const row = page.getByTestId("source-row").filter({ hasText: "Zapier mentions" });
    await expect(row.count()).resolves.toBe(1);
    // The page's HTML after a reload carries no secret.
    await page.reload({ waitUntil: "networkidle" });
    await expect(page.content()).resolves.not.toContain(secret);
    await screenshot("sources.png");
    expect(pageErrors).toEqual([]);
  });

  it("adds an industry keyword and sees it listed", async () => {
    await page.goto(`${demoUrl}/app/keywords`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { name: "Keywords", exact: true }).waitFor();
    await page.getByRole("button", { name: "Add keyword" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Term or hashtag").fill("#polarizedlenses");
    await dialog.getByLabel("Kind").selectOption("industry");
    await dialog.getByLabel("Exclusions").fill("camera filter");
    await dialog.getByRole("button", { name: "Save keyword" }).click();
    await page.getByText("Keyword added.").waitFor();
    await dialog.waitFor({ state: "detached" });

    const row = page.getByRole("row").filter({ hasText: "#polarizedlenses" });
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    const text = await row.innerText();
    expect(text).toMatch(/Industry/);
    expect(text).toMatch(/camera filter/);
    await screenshot("keywords.png");
    expect(pageErrors).toEqual([]);
  });
});
