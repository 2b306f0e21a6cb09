import { existsSync, readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { HostResolver } from "~/integrations/sources/url-guard.server";
import { action } from "~/routes/app.sources.import";
import { importDirectoryOf } from "~/services/file-import.server";
import { downloadImportFile, type DownloadImportOptions } from "~/services/import-download.server";
import { createTestShop } from "../../factories/shop";

// The dial override is refused outside tests; one test switches NODE_ENV (read through env()).
const runtime = vi.hoisted(() => ({ nodeEnv: "test" as "test" | "production" }));
vi.mock("~/config/env.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/config/env.server")>();
  return { ...actual, env: () => ({ ...actual.env(), nodeEnv: runtime.nodeEnv }) };
});

// The route authenticates through requireAdmin; here it answers for the shop each test creates.
const shell = vi.hoisted(() => ({ shopId: "" }));
vi.mock("~/services/admin-context.server", () => ({
  requireAdmin: async () => ({
    shopId: shell.shopId,
    timezone: "UTC",
    demo: true,
    embedded: false,
    actor: "test",
  }),
}));

/*
 * How a local test server is reached without weakening the guard:
 * - `resolve` maps the fake host names below to PUBLIC addresses (93.184.216.34), so the guard sees
 *   and approves a public address, exactly as it would for a real host;
 * - `testDialOverride` then dials 127.0.0.1 instead of that approved public address. It is honoured
 *   only when NODE_ENV is "test" (downloadImportFile throws otherwise, tested below), and it only runs
 *   after the guard approved the hop: a URL or redirect that names or resolves to a private address
 *   is refused before anything is dialled, as the loopback/redirect tests show.
 */
const PUBLIC_ADDRESS = "93.184.216.34";
const FILES_HOST = "files.pulse-test.example";
const INTRANET_HOST = "intranet.pulse-test.example";
const METADATA_HOST = "metadata.pulse-test.example";

const csv = [
  "Date,Text,Author,Platform",
  "2026-11-03 14:05,Love the sage dress,amy,twitter",
  "2026-11-04 09:00,Runs small,bob,instagram",
].join("\n");

let server: Server;
let port = 0;
const hits: string[] = [];

function route(request: IncomingMessage, response: ServerResponse) {
  const url = request.url ?? "/";
  hits.push(url);
  if (url === "/export.csv") return response.end(csv);
  if (url === "/spreadsheets/d/e/abc/pub?output=csv") {
    response.setHeader("content-type", "text/csv");
    response.setHeader("content-disposition", 'attachment; filename="Mentions - Sheet1.csv"');
    return response.end(csv);
  }
  if (url === "/moved") {
    response.writeHead(302, { location: "/export.csv" });
    return response.end();
  }
  if (url.startsWith("/loop")) {
    response.writeHead(302, { location: `/loop${url.length}` });
    return response.end();
  }
  if (url === "/to-private") {
    response.writeHead(302, { location: "http://10.0.0.5/export.csv" });
    return response.end();
  }
  if (url === "/to-loopback") {
    response.writeHead(301, { location: `http://127.0.0.1:${port}/export.csv` });
    return response.end();
  }
  if (url === "/to-metadata-name") {
    response.writeHead(307, { location: `http://${METADATA_HOST}:${port}/latest/meta-data` });
    return response.end();
  }
  if (url === "/big-chunked") {
    response.write("Date,Text\n");
    for (let i = 0; i < 100; i++) response.write(`2026-11-03,${"x".repeat(100)}\n`);
    return response.end();
  }
  if (url === "/big-declared") {
    const body = `Date,Text\n${"2026-11-03,abc\n".repeat(500)}`;
    response.setHeader("content-length", Buffer.byteLength(body));
    return response.end(body);
  }
  if (url === "/private-sheet") {
    response.writeHead(403, "Forbidden");
    return response.end("You need permission");
  }
  response.writeHead(404, "Not Found");
  response.end("no such file");
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const resolverCalls: string[] = [];
const resolve: HostResolver = async (hostname) => {
  resolverCalls.push(hostname);
  if (hostname === FILES_HOST) return [{ address: PUBLIC_ADDRESS, family: 4 }];
  if (hostname === INTRANET_HOST) return [{ address: "10.0.0.5", family: 4 }];
  if (hostname === METADATA_HOST) return [{ address: "169.254.169.254", family: 4 }];
  throw new Error("getaddrinfo ENOTFOUND");
};
const testOptions: DownloadImportOptions = {
  resolve,
  testDialOverride: (approved) => (approved === PUBLIC_ADDRESS ? "127.0.0.1" : approved),
};

async function shopWithEmptyFolder() {
  const shop = await createTestShop();
  shell.shopId = shop.id;
  return { shop, stored: async () => readdirSync(await importDirectoryOf(shop.id)) };
}

describe("import a file from a URL", () => {
  it("downloads a public file into the upload folder and previews it like an upload", async () => {
    const { shop, stored } = await shopWithEmptyFolder();
    resolverCalls.length = 0;
    const result = await downloadImportFile(shop.id, `http://${FILES_HOST}:${port}/export.csv`, testOptions);
    if (!result.ok) throw new Error(result.error);
    expect(result.fileName).toBe("export.csv");
    expect(result.token).toMatch(/^[0-9a-f-]{36}\.csv$/);
    expect(await stored()).toEqual([result.token]);
    expect(result.preview).toMatchObject({
      fileName: "export.csv",
      header: ["Date", "Text", "Author", "Platform"],
      rows: [expect.any(Array), expect.any(Array)],
    });
    // The host was resolved once, by the guard; the connection reused that answer (no second lookup
    // that a rebinding DNS server could answer with a private address).
    expect(resolverCalls).toEqual([FILES_HOST]);
  });

  it("names a Google Sheets published CSV after its Content-Disposition and follows a redirect", async () => {
    const { shop } = await shopWithEmptyFolder();
    const sheet = await downloadImportFile(
      shop.id,
      `http://${FILES_HOST}:${port}/spreadsheets/d/e/abc/pub?output=csv`,
      testOptions,
    );
    expect(sheet).toMatchObject({ ok: true, fileName: "Mentions - Sheet1.csv" });
    resolverCalls.length = 0;
    const moved = await downloadImportFile(shop.id, `http://${FILES_HOST}:${port}/moved`, testOptions);
    expect(moved).toMatchObject({ ok: true, fileName: "export.csv" });
    // Every hop is checked again.
    expect(resolverCalls).toEqual([FILES_HOST, FILES_HOST]);
  });

  it.each([
    ["http://127.0.0.1:PORT/export.csv", "loopback"],
    ["http://localhost:PORT/export.csv", "local host name"],
    ["http://[::1]:PORT/export.csv", "loopback"],
    ["http://169.254.169.254/latest/meta-data/", "link-local"],
    ["http://10.0.0.5/export.csv", "private network"],
    ["http://192.168.1.10/export.csv", "private network"],
    [`http://${INTRANET_HOST}/export.csv`, "private network"],
    ["file:///etc/passwd", "Only http and https"],
    ["ftp://files.pulse-test.example/export.csv", "Only http and https"],
    ["not a url", "not a valid URL"],
  ])("refuses %s (%s) without contacting it or storing anything", async (raw, reason) => {
    const { shop, stored } = await shopWithEmptyFolder();
    hits.length = 0;
    const result = await downloadImportFile(shop.id, raw.replace("PORT", String(port)), testOptions);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(reason) });
    expect(hits).toEqual([]);
    expect(await stored()).toEqual([]);
  });

  it.each([
    ["/to-private", "10.0.0.5, a private network address"],
    ["/to-loopback", "127.0.0.1, a loopback address"],
    ["/to-metadata-name", "169.254.169.254, a link-local address"],
  ])("refuses a redirect (%s) to a private address", async (pathname, reason) => {
    const { shop, stored } = await shopWithEmptyFolder();
    hits.length = 0;
    const result = await downloadImportFile(shop.id, `http://${FILES_HOST}:${port}${pathname}`, testOptions);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(reason) });
    // Only the first hop reached the server; the redirect target was never requested.
    expect(hits).toEqual([pathname]);
    expect(await stored()).toEqual([]);
  });

  it("stops after 3 redirects", async () => {
    const { shop, stored } = await shopWithEmptyFolder();
    hits.length = 0;
    const result = await downloadImportFile(shop.id, `http://${FILES_HOST}:${port}/loop`, testOptions);
    expect(result).toEqual({ ok: false, error: expect.stringContaining("redirected more than 3 times") });
    expect(hits).toHaveLength(4);
    expect(await stored()).toEqual([]);
  });

  it.each(["/big-chunked", "/big-declared"])(
    "refuses a body over the size limit (%s) and keeps nothing",
    async (pathname) => {
      const { shop, stored } = await shopWithEmptyFolder();
      const result = await downloadImportFile(shop.id, `http://${FILES_HOST}:${port}${pathname}`, {
        ...testOptions,
        maxBytes: 2000,
      });
      expect(result).toEqual({ ok: false, error: expect.stringContaining("larger than the") });
      expect(await stored()).toEqual([]);
    },
  );

  it.each([
    ["/private-sheet", "answered 403 Forbidden"],
    ["/missing.csv", "answered 404 Not Found"],
  ])("refuses a non-2xx answer (%s) with the status", async (pathname, message) => {
    const { shop, stored } = await shopWithEmptyFolder();
    const result = await downloadImportFile(shop.id, `http://${FILES_HOST}:${port}${pathname}`, testOptions);
    expect(result).toEqual({ ok: false, error: expect.stringContaining(message) });
    expect(await stored()).toEqual([]);
  });

  it("honours the test dial override only under NODE_ENV=test", async () => {
    const { shop, stored } = await shopWithEmptyFolder();
    runtime.nodeEnv = "production";
    try {
      await expect(
        downloadImportFile(shop.id, `http://${FILES_HOST}:${port}/export.csv`, testOptions),
      ).rejects.toThrow("only allowed in tests");
    } finally {
      runtime.nodeEnv = "test";
    }
    expect(await stored()).toEqual([]);
  });
});

describe("import page: Import from a URL", () => {
  const post = (fields: Record<string, string>) =>
    action({
      request: new Request("http://localhost/app/sources/import", {
        method: "POST",
        body: new URLSearchParams(fields),
      }),
      params: {},
      context: {},
    });

  it("shows the guard's reason for a metadata address and stores nothing", async () => {
    const { stored } = await shopWithEmptyFolder();
    const result = await post({ intent: "url", url: "http://169.254.169.254/latest/meta-data/" });
    expect(result).toEqual({ step: "upload", error: expect.stringContaining("link-local") });
    expect(await stored()).toEqual([]);
  });

  it("asks for an address when the field is empty", async () => {
    const { stored } = await shopWithEmptyFolder();
    const result = await post({ intent: "url", url: "  " });
    expect(result).toEqual({ step: "upload", error: expect.stringContaining("Enter the address") });
    expect(await stored()).toEqual([]);
  });

  it("refuses a loopback address typed with a port", async () => {
    const { stored } = await shopWithEmptyFolder();
    hits.length = 0;
    const result = await post({ intent: "url", url: `http://127.0.0.1:${port}/export.csv` });
    expect(result).toEqual({ step: "upload", error: expect.stringContaining("loopback") });
    expect(hits).toEqual([]);
    expect(await stored()).toEqual([]);
    expect(existsSync(await importDirectoryOf(shell.shopId))).toBe(true);
  });
});
