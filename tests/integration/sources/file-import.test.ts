import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { ensureFileImportSource, previewImport, runImport, startImport } from "~/services/file-import.server";
import { fileImportJob } from "~/jobs/definitions/file-import.server";
import { gbk, MENTIONS_CSV_MAPPING, writeMentionsCsv } from "../../factories/import-files";
import { createTestShop } from "../../factories/shop";

const NOW = new Date("2026-11-28T04:00:00Z");
const directory = mkdtempSync(path.join(tmpdir(), "pulse-import-test-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const genericMapping = MENTIONS_CSV_MAPPING;

describe("file import", () => {
  it("imports 100k rows with 1% broken ones: good rows kept, broken ones reported by line; a re-import stores nothing twice", async () => {
    const shop = await createTestShop({ timezone: "Europe/Paris" });
    const sourceId = await ensureFileImportSource(shop.id);
    expect(await ensureFileImportSource(shop.id)).toBe(sourceId);
    const file = path.join(directory, "mentions-100k.csv");
    const generated = await writeMentionsCsv(file, 100_000, { brokenEvery: 100 });
    expect(generated.brokenLines).toHaveLength(1000);

    const preview = await previewImport(shop.id, { path: file, name: "mentions-100k.csv" });
    expect(preview).toMatchObject({
      ok: true,
      preview: { presetId: "generic", mapping: genericMapping, delimiter: "," },
    });

    const settings = { fileName: "mentions-100k.csv", dateOrder: "day-first" as const };
    const run = await runImport(shop.id, sourceId, file, genericMapping, { ...settings, now: NOW });
    expect(run).toMatchObject({
      status: "succeeded",
      rowsRead: 100_000,
      rowsImported: generated.goodRows,
      rowsDuplicate: 0,
      rowsFailed: 1000,
    });
    expect(run.errors.map((e) => e.line)).toEqual(generated.brokenLines);
    expect(run.errors[0]!.message).toMatch(/closing quote/);
    expect(run.errors[1]!.message).toMatch(/not a date/);
    expect(run.errors[2]!.message).toMatch(/fields but the header has 8/);
    expect(await db().mention.count({ where: { sourceId } })).toBe(generated.goodRows);

    // Dates without a zone are the shop's wall-clock time; HTML is gone; multi-line text kept.
    const first = await db().mention.findFirstOrThrow({ where: { sourceId }, orderBy: { postedAt: "asc" } });
    expect(first.postedAt.toISOString()).toBe("2026-09-30T22:00:00.000Z");
    expect(first.text).toBe('Love the linen dress 0, colour "sage"\nSecond line');

    const again = await runImport(shop.id, sourceId, file, genericMapping, { ...settings, now: NOW });
    expect(again).toMatchObject({
      status: "succeeded",
      rowsImported: 0,
      rowsDuplicate: generated.goodRows,
      rowsFailed: 1000,
    });
    expect(await db().mention.count({ where: { sourceId } })).toBe(generated.goodRows);
    const source = await db().source.findUniqueOrThrow({ where: { id: sourceId } });
    expect(source.lastCounts).toMatchObject({
      fetched: 100_000,
      inserted: 0,
      duplicates: generated.goodRows,
    });
  }, 600_000);

  it("imports a GBK-encoded Chinese CSV with a BOM-less header, and a UTF-8 one with a BOM", async () => {
    const shop = await createTestShop({ timezone: "Asia/Shanghai" });
    const sourceId = await ensureFileImportSource(shop.id);
    const text = [
      "日期,平台,作者,内容,链接",
      "2026/11/03 14:05,小红书,小美,这条裙子颜色很好看，面料舒服,https://xhs.example/1",
      "03/11/2026 09:30,微博,阿强,尺码偏小，建议买大一码,https://weibo.example/2",
      "2026年11月4日 20:00,抖音,店主,<p>发货很快</p>,",
    ].join("\r\n");
    const gbkFile = path.join(directory, "评论-gbk.csv");
    writeFileSync(gbkFile, gbk(text));
    const preview = await previewImport(shop.id, { path: gbkFile, name: "评论.csv" });
    if (!preview.ok) throw new Error(preview.error);
    expect(preview.preview.encoding.encoding).toBe("gb18030");
    expect(preview.preview.mapping).toEqual({
      date: "日期",
      platform: "平台",
      author: "作者",
      text: "内容",
      url: "链接",
    });
    const run = await runImport(shop.id, sourceId, gbkFile, preview.preview.mapping, {
      fileName: "评论.csv",
      dateOrder: "day-first",
      now: NOW,
    });
    expect(run).toMatchObject({ status: "succeeded", rowsImported: 3, rowsFailed: 0 });
    const rows = await db().mention.findMany({ where: { sourceId }, orderBy: { postedAt: "asc" } });
    expect(rows.map((r) => [r.platform, r.text, r.postedAt.toISOString()])).toEqual([
      ["微博", "尺码偏小，建议买大一码", "2026-11-03T01:30:00.000Z"],
      ["小红书", "这条裙子颜色很好看，面料舒服", "2026-11-03T06:05:00.000Z"],
      ["抖音", "发货很快", "2026-11-04T12:00:00.000Z"],
    ]);

    const bomFile = path.join(directory, "bom.csv");
    writeFileSync(
      bomFile,
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace("小美", "小美2"))]),
    );
    const bomPreview = await previewImport(shop.id, { path: bomFile, name: "bom.csv" });
    expect(bomPreview.ok && bomPreview.preview.header[0]).toBe("日期");
    const bomRun = await runImport(shop.id, sourceId, bomFile, preview.preview.mapping, {
      fileName: "bom.csv",
      dateOrder: "day-first",
      now: NOW,
    });
    // One row differs (author), the other two are the same mentions as the GBK file: duplicates.
    expect(bomRun).toMatchObject({ status: "succeeded", rowsImported: 1, rowsDuplicate: 2 });
  });

  it("fails an empty file, a file over the size limit, and a file with no importable row, with a message", async () => {
    const shop = await createTestShop();
    const sourceId = await ensureFileImportSource(shop.id);
    const empty = path.join(directory, "empty.csv");
    writeFileSync(empty, "");
    expect(await previewImport(shop.id, { path: empty, name: "empty.csv" })).toEqual({
      ok: false,
      error: expect.stringContaining("The file is empty"),
    });
    const emptyRun = await runImport(shop.id, sourceId, empty, genericMapping, {
      fileName: "empty.csv",
      dateOrder: "day-first",
      now: NOW,
    });
    expect(emptyRun).toMatchObject({
      status: "failed",
      error: expect.stringContaining("The file is empty"),
      rowsRead: 0,
    });

    const small = path.join(directory, "small.csv");
    await writeMentionsCsv(small, 50);
    const tooLarge = await runImport(shop.id, sourceId, small, genericMapping, {
      fileName: "small.csv",
      dateOrder: "day-first",
      maxBytes: 1024,
      now: NOW,
    });
    expect(tooLarge).toMatchObject({
      status: "failed",
      error: expect.stringContaining("larger than the 1 KB limit"),
    });

    const wrongMapping = await runImport(
      shop.id,
      sourceId,
      small,
      { date: "platform", text: "text" },
      {
        fileName: "small.csv",
        dateOrder: "day-first",
        now: NOW,
      },
    );
    expect(wrongMapping).toMatchObject({
      status: "failed",
      rowsFailed: 50,
      error: expect.stringContaining("No row could be imported"),
    });
    expect(await db().mention.count({ where: { sourceId } })).toBe(0);
  });

  it("startImport imports a small upload at once and removes the file", async () => {
    const shop = await createTestShop();
    const sourceId = await ensureFileImportSource(shop.id);
    const file = path.join(directory, "upload.csv");
    await writeMentionsCsv(file, 20);
    const started = await startImport(
      shop.id,
      {
        sourceId,
        filePath: file,
        mapping: genericMapping,
        settings: { fileName: "upload.csv", dateOrder: "day-first" },
      },
      { now: NOW },
    );
    expect(started).toMatchObject({ ok: true, queued: false });
    const run = await db().importRun.findUniqueOrThrow({ where: { id: started.ok ? started.runId : "" } });
    expect(run).toMatchObject({ status: "succeeded", rowsImported: 20, fileName: "upload.csv" });
    expect(run.mapping).toMatchObject({ columns: genericMapping, dateOrder: "day-first" });
    const { existsSync } = await import("node:fs");
    expect(existsSync(file)).toBe(false);
    expect(
      await startImport(shop.id, {
        sourceId,
        filePath: file,
        mapping: { text: "text" },
        settings: { fileName: "x.csv", dateOrder: "day-first" },
      }),
    ).toEqual({
      ok: false,
      errors: ["Choose the column that holds the date."],
    });
  });

  it("a large upload runs as the sources.import job, which updates the run and removes the file", async () => {
    const shop = await createTestShop();
    const sourceId = await ensureFileImportSource(shop.id);
    const file = path.join(directory, "queued.csv");
    await writeMentionsCsv(file, 30, { brokenEvery: 10 });
    const started = await startImport(
      shop.id,
      {
        sourceId,
        filePath: file,
        mapping: genericMapping,
        settings: { fileName: "queued.csv", dateOrder: "day-first" },
      },
      { now: NOW, inlineMaxBytes: 0 },
    );
    if (!started.ok) throw new Error(started.errors.join());
    expect(started.queued).toBe(true);
    expect(await db().importRun.findUniqueOrThrow({ where: { id: started.runId } })).toMatchObject({
      status: "running",
    });

    const job = await db().job.findFirstOrThrow({ where: { name: fileImportJob.name } });
    const payload = fileImportJob.payload.parse(job.payload);
    await fileImportJob.run(payload, { jobId: job.id, attempt: 1, now: () => NOW });
    expect(await db().importRun.findUniqueOrThrow({ where: { id: started.runId } })).toMatchObject({
      status: "succeeded",
      rowsRead: 30,
      rowsImported: 27,
      rowsFailed: 3,
    });
    const { existsSync } = await import("node:fs");
    expect(existsSync(file)).toBe(false);
  });
});
