import { describe, expect, inject, it } from "vitest";
import { openChromiumPage } from "./chromium-page";

const demoUrl = inject("demoUrl");
const demo = openChromiumPage({ width: 1280, height: 900 });
const { pageErrors } = demo;

describe("demo home page in Chromium", () => {
  it("shows the seeded products with stock per location, read through the Admin API", async () => {
    const response = await demo.page.goto(`${demoUrl}/app`, { waitUntil: "networkidle" });
    expect(response?.status()).toBe(200);
    await expect(demo.page.getByTestId("demo-banner").textContent()).resolves.toContain(
      "pulse-demo.myshopify.com",
    );
    const table = demo.page.locator("table");
    await table.waitFor();
    const text = await table.innerText();
    // Three warehouses as columns, and products of the simulated store's stories.
    for (const location of ["US East", "US West", "EU"]) expect(text).toContain(location);
    expect(text).toMatch(/sunglasses/i);
    expect(text).toMatch(/available/);
    expect(pageErrors).toEqual([]);
  });

  it("shows the store sync card above the products, with both kinds of data and Sync now", async () => {
    await demo.page.goto(`${demoUrl}/app`, { waitUntil: "networkidle" });
    const card = demo.page.getByTestId("sync-status");
    await expect(card.getByRole("heading", { name: "Store sync" }).count()).resolves.toBe(1);
    const text = await card.innerText();
    expect(text).toMatch(/Products and stock/);
    expect(text).toMatch(/Orders/);
    expect(text).toMatch(/Last success:/);
    await expect(card.getByRole("button", { name: /Sync now|Syncing/ }).count()).resolves.toBe(1);
    expect(pageErrors).toEqual([]);
  });

  it("filters products by search, through the same Admin query", async () => {
    await demo.page.goto(`${demoUrl}/app?q=shelf`, { waitUntil: "networkidle" });
    const text = await demo.page.locator("table").innerText();
    expect(text).toMatch(/shelf/i);
    expect(text).not.toMatch(/sunglasses/i);
  });

  it("hydrates without App Bridge (standalone) and keeps the page interactive", async () => {
    await demo.page.goto(`${demoUrl}/app`, { waitUntil: "networkidle" });
    await demo.page.getByLabel("Search products").fill("tracker");
    await demo.page.getByRole("button", { name: "Search products" }).click();
    await demo.page.waitForURL(/q=tracker/);
    await expect(demo.page.locator("table").innerText()).resolves.toMatch(/tracker/i);
    expect(pageErrors).toEqual([]);
  });
});

describe("sentiment signals in Chromium", () => {
  it("lists products with their weekly sentiment and opens a product's drivers and unmet needs", async () => {
    await demo.page.goto(`${demoUrl}/app/signals`, { waitUntil: "networkidle" });
    const overview = await demo.page.locator("table").innerText();
    expect(overview).toMatch(/Tidewater Eco Sunglasses/);
    expect(overview).toMatch(/low-trust mentions? down-weighted/);
    await demo.page.getByText("Tidewater Eco Sunglasses").click();
    await demo.page.waitForURL(/\/app\/signals\/c/);
    // The overview's subtitle also says "week by week": wait for the detail's own heading.
    await demo.page.getByRole("heading", { name: "Week by week", exact: true }).waitFor();
    const detail = await demo.page.locator("body").innerText();
    expect(detail).toMatch(/Drivers in \d{4}-W\d{2}/);
    expect(detail).toMatch(/Comfort/);
    expect(detail).toMatch(/polari[sz]ed/i);
    expect(pageErrors).toEqual([]);
  });
});

describe("recommendations in Chromium", () => {
  it("approves a restock, and the write reaches the (simulated) Shopify store once", async () => {
    await demo.page.goto(`${demoUrl}/app/recommendations`, { waitUntil: "networkidle" });
    const waiting = demo.page.getByRole("tab", { name: /Waiting for you/ });
    const before = Number(/\((\d+)\)/.exec((await waiting.innerText()) ?? "")?.[1] ?? "0");
    expect(before).toBeGreaterThan(0);
    const card = demo.page
      .locator('[data-testid="recommendation"][data-kind="restock"]')
      .filter({ hasText: /incoming: \d+ → \d+ \(\+\d+\)/ })
      .first();
    await expect(card.innerText()).resolves.toMatch(/Why:/);
    await card.getByRole("button", { name: "Approve" }).click();
    await demo.page.getByText("Approved. Pulse is writing the change to Shopify.").waitFor();

    // The in-process worker sends the outbox row through the Admin API; the row ends "applied".
    await demo.page.goto(`${demoUrl}/app/recommendations?tab=approved`, { waitUntil: "networkidle" });
    for (let attempt = 0; attempt < 20; attempt++) {
      if (await demo.page.getByText("Applied in Shopify").count()) break;
      await demo.page.waitForTimeout(500);
      await demo.page.reload({ waitUntil: "networkidle" });
    }
    await expect(demo.page.getByText("Applied in Shopify").count()).resolves.toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
