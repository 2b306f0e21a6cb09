import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
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
