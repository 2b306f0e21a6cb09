import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { CHROMIUM_ARGS, findChromium } from "../setup/chromium";

/** A test file's Chromium page and the uncaught errors the page threw so far. */
export interface ChromiumPage {
  /** The page; opened before the file's tests run. */
  readonly page: Page;
  /** Messages of errors thrown in the page and not caught there; a clean run leaves it empty. */
  readonly pageErrors: string[];
}

/**
 * Opens Debian's Chromium for the calling test file: a page of the given size before its tests,
 * the browser closed after them. Call at the top level of the file.
 */
export function openChromiumPage(viewport: { width: number; height: number }): ChromiumPage {
  let browser: Browser | undefined;
  let page: Page | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath)
      throw new Error("Chromium not found: apt-get install -y chromium, or set PULSE_CHROMIUM_PATH");
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport });
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    get page(): Page {
      if (!page)
        throw new Error("The Chromium page opens in beforeAll: use it inside a test or a later hook.");
      return page;
    },
    pageErrors,
  };
}
