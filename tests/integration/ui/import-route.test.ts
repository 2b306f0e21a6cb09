import { existsSync, readdirSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetEnvCache } from "~/config/env.server";
import { db } from "~/db.server";
import { action, loader } from "~/routes/app.sources.import";
import { importDirectoryOf } from "~/services/file-import.server";
import { createTestShop } from "../../factories/shop";

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

const args = (request: Request) => ({ request, params: {}, context: {} });

function upload(name: string, content: string) {
  const form = new FormData();
  form.append("file", new File([content], name, { type: "text/csv" }));
  return action(args(new Request("http://localhost/app/sources/import", { method: "POST", body: form })));
}

function post(fields: Record<string, string>) {
  return action(
    args(
      new Request("http://localhost/app/sources/import", {
        method: "POST",
        body: new URLSearchParams(fields),
      }),
    ),
  );
}

const csv = [
  "Query Id,Date,Title,Url,Full Text,Page Type,Author,Country",
  "1,2026-11-03 14:05,Nice,https://x.example/1,<p>Love the sage dress</p>,twitter,amy,United States",
  "2,03/11/2026 09:00,Meh,https://x.example/2,Runs small,instagram,bob,GB",
  '3,not a date,Bad,https://x.example/3,"Broken",reddit,cy,US',
].join("\n");

describe("file import page", () => {
  it("uploads, previews with a suggested mapping, imports, and shows the run with row errors", async () => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const uploaded = await upload("brandwatch-export.csv", csv);
    if (uploaded instanceof Response || uploaded.step !== "mapping")
      throw new Error(JSON.stringify(uploaded));
    expect(uploaded.preview).toMatchObject({
      fileName: "brandwatch-export.csv",
      presetId: "brandwatch",
      encoding: "utf-8",
      mapping: {
        date: "Date",
        text: "Full Text",
        author: "Author",
        platform: "Page Type",
        url: "Url",
        country: "Country",
      },
      rows: [expect.any(Array), expect.any(Array), expect.any(Array)],
    });
    expect(uploaded.preview.mappingsByPreset.generic).toBeDefined();
    expect(uploaded.token).toMatch(/^[0-9a-f-]{36}\.csv$/);

    const started = await post({
      intent: "start",
      token: uploaded.token,
      fileName: uploaded.preview.fileName,
      mapping: JSON.stringify(uploaded.preview.mapping),
      dateOrder: "day-first",
      presetId: uploaded.preview.presetId,
      headerRowIndex: String(uploaded.preview.headerRowIndex),
      delimiter: uploaded.preview.delimiter,
    });
    expect(started).toBeInstanceOf(Response);
    const location = (started as Response).headers.get("Location") ?? "";
    expect(location).toMatch(/^\/app\/sources\/import\?run=/);

    const page = await loader(args(new Request(`http://localhost${location}`)));
    expect(page.run).toMatchObject({
      status: "succeeded",
      rowsRead: 3,
      rowsImported: 2,
      rowsFailed: 1,
      errors: [{ line: 4, message: expect.stringContaining("not a date") }],
    });
    expect(page.recent).toHaveLength(1);
    const source = await db().source.findFirstOrThrow({ where: { shopId: shop.id } });
    expect(source.kind).toBe("file_import");
    expect(await db().mention.count({ where: { sourceId: source.id } })).toBe(2);
    // The upload is removed once imported.
    expect(existsSync(`${await importDirectoryOf(shop.id)}/${uploaded.token}`)).toBe(false);
  });

  it("refuses an empty file with a message and keeps nothing on disk", async () => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const result = await upload("empty.csv", "");
    expect(result).toEqual({ step: "upload", error: expect.stringContaining("The file is empty") });
    expect(readdirSync(await importDirectoryOf(shop.id))).toEqual([]);
  });

  it("does not accept a token that is not an upload of this shop", async () => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const result = await post({
      intent: "start",
      token: "../../../etc/passwd",
      fileName: "x.csv",
      mapping: JSON.stringify({ date: "a", text: "b" }),
      dateOrder: "day-first",
      presetId: "generic",
      headerRowIndex: "0",
      delimiter: ",",
    });
    expect(result).toEqual({ step: "upload", error: expect.stringContaining("not understood") });
    expect(await db().importRun.count({ where: { shopId: shop.id } })).toBe(0);
  });
});

describe("cancelling the mapping step", () => {
  /** Uploads a file and returns its token (the name it waits under in the shop's import folder). */
  async function pendingUpload(name: string): Promise<string> {
    const uploaded = await upload(name, csv);
    if (uploaded instanceof Response || uploaded.step !== "mapping")
      throw new Error(JSON.stringify(uploaded));
    return uploaded.token;
  }

  /** What was imported for the shop: runs, sources and mentions (all zero when nothing was). */
  async function importedOf(shopId: string) {
    return {
      runs: await db().importRun.count({ where: { shopId } }),
      sources: await db().source.count({ where: { shopId } }),
      mentions: await db().mention.count({ where: { shopId } }),
    };
  }

  it("removes the pending upload, keeps the shop's other uploads, and imports nothing", async () => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const cancelled = await pendingUpload("first.csv");
    const kept = await pendingUpload("second.csv");
    const directory = await importDirectoryOf(shop.id);
    expect(readdirSync(directory).sort()).toEqual([cancelled, kept].sort());

    const result = await post({ intent: "cancel", token: cancelled });

    expect(result).toBeInstanceOf(Response);
    expect((result as Response).status).toBe(302);
    expect((result as Response).headers.get("Location")).toBe("/app/sources/import");
    expect(readdirSync(directory)).toEqual([kept]);
    // An upload stores no row (the ImportRun is created on "start"), so the file was all there was.
    expect(await importedOf(shop.id)).toEqual({ runs: 0, sources: 0, mentions: 0 });
  });

  it("answers an unknown token with the same redirect and removes nothing", async () => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const kept = await pendingUpload("kept.csv");

    const result = await post({ intent: "cancel", token: "00000000-0000-4000-8000-000000000000.csv" });

    expect((result as Response).headers.get("Location")).toBe("/app/sources/import");
    expect(readdirSync(await importDirectoryOf(shop.id))).toEqual([kept]);
    expect(await importedOf(shop.id)).toEqual({ runs: 0, sources: 0, mentions: 0 });
  });

  it.each([
    ["a path out of the folder", "../../../etc/passwd"],
    ["a path into another folder", "../other-shop/00000000-0000-4000-8000-000000000000.csv"],
    ["a name with another extension", "00000000-0000-4000-8000-000000000000.exe"],
    ["an empty token", ""],
  ])("handles %s without throwing or touching pending uploads", async (_case, token) => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const kept = await pendingUpload("kept.csv");

    const result = await post({ intent: "cancel", token });

    // Not a token the page ever sends: it falls through to the form check, which refuses it.
    expect(result).toEqual({ step: "upload", error: expect.stringContaining("not understood") });
    expect(readdirSync(await importDirectoryOf(shop.id))).toEqual([kept]);
    expect(await importedOf(shop.id)).toEqual({ runs: 0, sources: 0, mentions: 0 });
  });

  it("handles a cancel without a token field", async () => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const kept = await pendingUpload("kept.csv");

    const result = await post({ intent: "cancel" });

    expect(result).toEqual({ step: "upload", error: expect.stringContaining("not understood") });
    expect(readdirSync(await importDirectoryOf(shop.id))).toEqual([kept]);
  });

  it("cannot remove another shop's pending upload with its token", async () => {
    const owner = await createTestShop();
    shell.shopId = owner.id;
    const token = await pendingUpload("owner.csv");
    const other = await createTestShop();
    shell.shopId = other.id;

    const result = await post({ intent: "cancel", token });

    expect((result as Response).headers.get("Location")).toBe("/app/sources/import");
    expect(readdirSync(await importDirectoryOf(owner.id))).toEqual([token]);
  });

  it("does not import a cancelled upload when its start is sent afterwards (a stale tab)", async () => {
    const shop = await createTestShop();
    shell.shopId = shop.id;
    const uploaded = await upload("late.csv", csv);
    if (uploaded instanceof Response || uploaded.step !== "mapping")
      throw new Error(JSON.stringify(uploaded));
    await post({ intent: "cancel", token: uploaded.token });

    const started = await post({
      intent: "start",
      token: uploaded.token,
      fileName: uploaded.preview.fileName,
      mapping: JSON.stringify(uploaded.preview.mapping),
      dateOrder: "day-first",
      presetId: uploaded.preview.presetId,
      headerRowIndex: String(uploaded.preview.headerRowIndex),
      delimiter: uploaded.preview.delimiter,
    });

    expect(started).toEqual({ step: "upload", error: expect.stringContaining("Upload it again") });
    expect(await db().importRun.count({ where: { shopId: shop.id } })).toBe(0);
    expect(await db().mention.count({ where: { shopId: shop.id } })).toBe(0);
  });
});

describe("the configured size limit (PULSE_IMPORT_MAX_BYTES)", () => {
  afterEach(() => {
    delete process.env.PULSE_IMPORT_MAX_BYTES;
    resetEnvCache();
  });

  it("is shown on the page and refuses a larger upload, stating the limit in KB/MB/GB", async () => {
    process.env.PULSE_IMPORT_MAX_BYTES = "1024";
    resetEnvCache();
    const shop = await createTestShop();
    shell.shopId = shop.id;

    const page = await loader(args(new Request("http://localhost/app/sources/import")));
    expect(page.maxUploadBytes).toBe(1024);

    const result = await upload(
      "big.csv",
      `${csv}\n${"4,2026-11-03,x,https://x.example/4,padding,x,y,US\n".repeat(30)}`,
    );
    expect(result).toEqual({
      step: "upload",
      error: "The file is larger than the 1 KB limit. Split it into smaller files and import each.",
    });
    expect(await db().importRun.count({ where: { shopId: shop.id } })).toBe(0);
    expect(readdirSync(await importDirectoryOf(shop.id))).toEqual([]);
  });
});
