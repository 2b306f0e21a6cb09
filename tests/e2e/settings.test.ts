import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { openChromiumPage } from "./chromium-page";

const demoUrl = inject("demoUrl");
// Set PULSE_SCREENSHOT_DIR=docs/images to retake the README's screenshot of this page.
const screenshotDir = process.env.PULSE_SCREENSHOT_DIR;
const demo = openChromiumPage({ width: 1600, height: 1000 });
const { pageErrors } = demo;

const leadTimeField = () => demo.page.getByLabel("Lead time (days)", { exact: true });
const serviceLevelField = () => demo.page.getByLabel("Service level", { exact: true });
const save = () => demo.page.getByRole("button", { name: "Save", exact: true }).click();

describe("settings in Chromium", () => {
  it("saves the shop's default lead time, which a reload still shows", async () => {
    await demo.page.goto(`${demoUrl}/app`, { waitUntil: "networkidle" });
    await demo.page.getByRole("link", { name: "Settings" }).click();
    await demo.page.waitForURL(/\/app\/settings$/);
    await demo.page.getByRole("heading", { name: "Settings", exact: true }).waitFor();

    await leadTimeField().fill("21");
    await save();
    await demo.page.getByText("Settings saved.").waitFor();

    await demo.page.reload({ waitUntil: "networkidle" });
    await expect(leadTimeField().inputValue()).resolves.toBe("21");
    if (screenshotDir) await demo.page.screenshot({ path: path.resolve(screenshotDir, "settings.png") });
    expect(pageErrors).toEqual([]);
  });

  it("shows the domain's message for a service level of 1 and stores nothing", async () => {
    await demo.page.goto(`${demoUrl}/app/settings`, { waitUntil: "networkidle" });
    await serviceLevelField().fill("1");
    await save();
    await demo.page
      .getByText("The setting shopDefaults.serviceLevel (shop) is 1; it must be a probability", {
        exact: false,
      })
      .waitFor();
    await demo.page.getByText("Settings not saved: fix the highlighted fields.").waitFor();

    await demo.page.reload({ waitUntil: "networkidle" });
    await expect(serviceLevelField().inputValue()).resolves.toBe("");
    await expect(leadTimeField().inputValue()).resolves.toBe("21");
    expect(pageErrors).toEqual([]);
  });
});
