import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CsvParser, detectDelimiter } from "~/integrations/sources/file-import/csv";
import {
  guessDateOrder,
  readDate,
  wallTimeToUtc,
  type DateReadOptions,
} from "~/integrations/sources/file-import/dates";
import { decodeChunks, detectEncoding } from "~/integrations/sources/file-import/encoding";
import { ImportFileError } from "~/integrations/sources/file-import/errors";
import { htmlToText } from "~/integrations/sources/file-import/html";
import { JsonlParser } from "~/integrations/sources/file-import/jsonl";
import {
  contentExternalId,
  mapRow,
  readCount,
  readCountry,
  readLanguage,
} from "~/integrations/sources/file-import/mapping";
import { detectPreset, IMPORT_PRESETS } from "~/integrations/sources/file-import/presets";
import { readImportBatches, sniffImportFile } from "~/integrations/sources/file-import/reader";
import { gbk } from "../../factories/import-files";

/** Feeds text to a parser in chunks of `size` characters (exercises records split across chunks). */
function parseInChunks(text: string, size: number, expected?: number) {
  const parser = new CsvParser({ delimiter: "," });
  if (expected) parser.expectFields(expected);
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(...parser.push(text.slice(i, i + size)));
  out.push(...parser.finish());
  return out;
}

describe("CSV parser", () => {
  const text =
    'date,text\r\n2026-11-03,"multi\nline, with ""quotes"""\r\n2026-11-04,plain\n\n2026-11-05,"last"';

  it.each([1, 2, 3, 7, 1000])("reads quoted fields, doubled quotes and newlines in chunks of %i", (size) => {
    expect(parseInChunks(text, size)).toEqual([
      { line: 1, fields: ["date", "text"] },
      { line: 2, fields: ["2026-11-03", 'multi\nline, with "quotes"'] },
      { line: 4, fields: ["2026-11-04", "plain"] },
      { line: 6, fields: ["2026-11-05", "last"] },
    ]);
  });

  it("reports text after a closing quote on its line and resumes at the next line", () => {
    const records = parseInChunks('a,b\n1,"bad"x\n2,ok\n', 4, 2);
    expect(records[1]).toMatchObject({
      line: 2,
      error: expect.stringContaining("follows its closing quote"),
    });
    expect(records[2]).toEqual({ line: 3, fields: ["2", "ok"] });
  });

  it("an unclosed quote costs one row: the lines it swallowed are read again", () => {
    const records = parseInChunks('a,b\n1,"never closed\n2,fine\n3,"also ""fine"""\n4,end\n', 5, 2);
    expect(records.slice(1)).toEqual([
      { line: 2, error: expect.stringContaining("follows its closing quote") },
      { line: 3, fields: ["2", "fine"] },
      { line: 4, fields: ["3", 'also "fine"'] },
      { line: 5, fields: ["4", "end"] },
    ]);
  });

  it("an unclosed quote at the end of the file is reported with its line", () => {
    const records = parseInChunks('a,b\n1,ok\n2,"open\n3,x\n', 3, 2);
    expect(records[2]).toMatchObject({ line: 3, error: expect.stringContaining("") });
    expect(records.filter((r) => r.error).map((r) => r.line)).toContain(3);
    expect(records.at(-1)).toEqual({ line: 4, fields: ["3", "x"] });
  });

  it("reports rows with the wrong number of fields, tolerating empty trailing columns", () => {
    const records = parseInChunks("a,b\n1,2,3\n4,5,,\n6\n", 100, 2);
    expect(records.slice(1)).toEqual([
      { line: 2, error: expect.stringContaining("3 fields but the header has 2") },
      { line: 3, fields: ["4", "5"] },
      { line: 4, error: expect.stringContaining("1 fields but the header has 2") },
    ]);
  });

  it("checks field counts from the row after the header, even in the header's own chunk", () => {
    const parser = new CsvParser({ delimiter: ",", headerRecordIndex: 1 });
    expect([...parser.push("meta,data,x,y\na,b\n1,2,3\n4,5\n"), ...parser.finish()]).toEqual([
      { line: 1, fields: ["meta", "data", "x", "y"] },
      { line: 2, fields: ["a", "b"] },
      { line: 3, error: expect.stringContaining("3 fields but the header has 2") },
      { line: 4, fields: ["4", "5"] },
    ]);
  });

  it("keeps a quote inside an unquoted value as written", () => {
    expect(parseInChunks('a,b\n5" screen,x\n', 100)[1]).toEqual({ line: 2, fields: ['5" screen', "x"] });
  });

  it("detects semicolons, tabs and commas", () => {
    expect(detectDelimiter("a;b;c\n1;2;3\n4;5;6\n")).toBe(";");
    expect(detectDelimiter("Date\tHit Sentence\tURL\n1\tx, y\tu\n")).toBe("\t");
    expect(detectDelimiter('date,text\n2026-01-01,"a; b"\n')).toBe(",");
  });
});

describe("JSONL parser", () => {
  it("flattens nested objects and reports bad lines with their number", () => {
    const parser = new JsonlParser();
    const records = [
      ...parser.push('{"text":"hi","author":{"name":"a"},"tags":["x","y"]}\r\nnot json\n\n[1]\n{"te'),
      ...parser.push('xt":"end"}'),
      ...parser.finish(),
    ];
    expect(records).toEqual([
      { line: 1, values: { text: "hi", "author.name": "a", tags: "x, y" } },
      { line: 2, error: expect.stringContaining("not valid JSON") },
      { line: 4, error: expect.stringContaining("not a JSON object") },
      { line: 5, values: { text: "end" } },
    ]);
  });
});

describe("encodings", () => {
  const chinese = "日期,内容\n2026-11-03,这个颜色很好看\n";

  it("detects BOMs, plain UTF-8 and GBK", () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toMatchObject({
      encoding: "utf-8",
      bomBytes: 3,
    });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0]))).toMatchObject({
      encoding: "utf-16le",
      bomBytes: 2,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]))).toMatchObject({
      encoding: "utf-16be",
      bomBytes: 2,
    });
    expect(detectEncoding(Buffer.from(chinese))).toMatchObject({ encoding: "utf-8", basis: "valid-utf8" });
    expect(detectEncoding(gbk(chinese.repeat(5)))).toMatchObject({ encoding: "gb18030", basis: "guessed" });
  });

  it("a UTF-8 character cut at the end of the 64 KB sample is still UTF-8", () => {
    const bytes = Buffer.from("a".repeat(10) + "好");
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe("utf-8");
  });

  it("decodes multi-byte characters split across chunks and skips the BOM", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(chinese)]);
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    let text = "";
    for await (const part of decodeChunks(Readable.from(chunks), {
      encoding: detectEncoding(bytes),
      maxBytes: 1000,
    }))
      text += part;
    expect(text).toBe(chinese);
  });

  it("stops with a clear error once the size limit is passed", async () => {
    const read = async () => {
      for await (const part of decodeChunks(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), {
        encoding: { encoding: "utf-8", bomBytes: 0, basis: "valid-utf8" },
        maxBytes: 1000,
      }))
        void part;
    };
    await expect(read()).rejects.toThrow(/larger than the 1000 bytes limit/);
  });
});

describe("dates", () => {
  const shanghai: DateReadOptions = { timeZone: "Asia/Shanghai", dateOrder: "day-first" };
  const iso = (raw: string, options: DateReadOptions = shanghai) => {
    const result = readDate(raw, options);
    return result.ok ? result.date.toISOString() : result.error;
  };

  it.each([
    ["2026-11-03T14:05:00Z", "2026-11-03T14:05:00.000Z"],
    ["2026-11-03T14:05:00+08:00", "2026-11-03T06:05:00.000Z"],
    ["2026-11-03T14:05:00.250-0500", "2026-11-03T19:05:00.250Z"],
    ["2026-11-03 14:05", "2026-11-03T06:05:00.000Z"],
    ["2026-11-03", "2026-11-02T16:00:00.000Z"],
    ["2026/11/03 14:05 UTC", "2026-11-03T14:05:00.000Z"],
    ["03/11/2026 14:05", "2026-11-03T06:05:00.000Z"],
    ["25/11/2026", "2026-11-24T16:00:00.000Z"],
    ["1793714700", "2026-11-03T14:05:00.000Z"],
    ["1793714700000", "2026-11-03T14:05:00.000Z"],
    ["Nov 3, 2026 2:05 PM", "2026-11-03T06:05:00.000Z"],
    ["November 3, 2026 at 12:05 AM", "2026-11-02T16:05:00.000Z"],
    ["Tue, 03 Nov 2026 14:05:00 GMT", "2026-11-03T14:05:00.000Z"],
    ["Tue Nov 03 2026 14:05:00 GMT+0100 (Central European Standard Time)", "2026-11-03T13:05:00.000Z"],
    ["3 Nov 2026 14:05", "2026-11-03T06:05:00.000Z"],
    ["2026年11月3日 14:05", "2026-11-03T06:05:00.000Z"],
  ])("reads %s", (raw, expected) => {
    expect(iso(raw)).toBe(expected);
  });

  it("reads 03/11/2026 as March 3 when month-first is configured", () => {
    expect(iso("03/11/2026 14:05", { timeZone: "UTC", dateOrder: "month-first" })).toBe(
      "2026-03-11T14:05:00.000Z",
    );
  });

  it("places wall-clock times in the shop's zone across DST", () => {
    const ny = { timeZone: "America/New_York", dateOrder: "month-first" as const };
    expect(iso("2026-07-01 12:00", ny)).toBe("2026-07-01T16:00:00.000Z");
    expect(iso("2026-12-01 12:00", ny)).toBe("2026-12-01T17:00:00.000Z");
    // 02:30 does not exist on 2026-03-08 in New York: read with the offset before the change.
    expect(new Date(wallTimeToUtc(Date.UTC(2026, 2, 8, 2, 30), "America/New_York")).toISOString()).toBe(
      "2026-03-08T07:30:00.000Z",
    );
  });

  it("rejects impossible and unknown dates with a message", () => {
    expect(iso("31/02/2026")).toMatch(/not a valid date/);
    expect(iso("13:00 PM 2026-01-01")).toMatch(/not a date Pulse can read/);
    expect(iso("yesterday")).toMatch(/not a date Pulse can read/);
    expect(iso("")).toMatch(/empty/);
  });

  it("guesses the date order from unambiguous samples", () => {
    expect(guessDateOrder(["01/02/2026", "25/02/2026"])).toBe("day-first");
    expect(guessDateOrder(["02/25/2026"])).toBe("month-first");
    expect(guessDateOrder(["01/02/2026", "2026-01-01"])).toBeNull();
  });
});

describe("HTML and cells", () => {
  it("strips tags, scripts and entities", () => {
    expect(
      htmlToText(
        '<p>Love the <b>red</b> one&nbsp;&amp; more</p><script>alert("x")</script><br>Next&#33; &#x4e2d;',
      ),
    ).toBe("Love the red one & more\nNext! 中");
    expect(htmlToText("  plain   text  ")).toBe("plain text");
    expect(htmlToText("a < b & c")).toBe("a < b & c");
  });

  it("reads counts, countries and languages", () => {
    expect(readCount("12,345")).toBe(12345);
    expect(readCount("1.2K")).toBe(1200);
    expect(readCount("3M")).toBe(3_000_000);
    expect(readCount("4.5万")).toBe(45_000);
    expect(readCount("n/a")).toBeNull();
    expect(readCountry("us")).toBe("US");
    expect(readCountry("United Kingdom")).toBe("GB");
    expect(readCountry("中国")).toBe("CN");
    expect(readCountry("Atlantis")).toBeNull();
    expect(readLanguage("en-US")).toBe("en");
    expect(readLanguage("English")).toBe("en");
    expect(readLanguage("Chinese")).toBe("zh");
  });

  it("maps a row, hashing a stable external id when the file has none", () => {
    const options = {
      mapping: { date: "Date", text: "Text", author: "Author", platform: "Network" },
      timeZone: "UTC",
      dateOrder: "day-first" as const,
    };
    const row = { Date: "2026-11-03 14:05", Text: "<b>Love</b> it", Author: "@amy", Network: "Twitter" };
    const first = mapRow(row, options);
    const again = mapRow({ ...row }, options);
    expect(first).toMatchObject({
      ok: true,
      mention: { text: "Love it", platform: "twitter", authorHandle: "@amy" },
    });
    expect(first.ok && again.ok && first.mention.externalId === again.mention.externalId).toBe(true);
    expect(first.ok && first.mention.externalId).toBe(
      contentExternalId("twitter", "@amy", new Date("2026-11-03T14:05:00Z"), "Love it"),
    );
    expect(mapRow({ ...row, Text: "<p> </p>" }, options)).toEqual({
      ok: false,
      error: expect.stringContaining("text"),
    });
    expect(mapRow({ ...row, Date: "soon" }, options)).toEqual({
      ok: false,
      error: expect.stringContaining("soon"),
    });
  });
});

describe("presets", () => {
  it.each([
    [["Query Id", "Date", "Title", "Url", "Full Text", "Page Type", "Author", "Country"], "brandwatch"],
    [
      [
        "Date",
        "Headline",
        "URL",
        "Opening Text",
        "Hit Sentence",
        "Source",
        "Influencer",
        "Country",
        "Language",
        "Reach",
      ],
      "meltwater",
    ],
    [["published", "url", "title", "content", "source_type", "lang", "reach"], "talkwalker"],
    [["Created Time", "Network", "From", "Message", "Permalink"], "sprout"],
    [["published_at", "source_type", "author_name", "description", "original_url"], "mention"],
    [["date", "platform", "author", "text"], "generic"],
    [["日期", "平台", "作者", "内容"], "generic"],
  ])("detects %j as %s", (header, id) => {
    expect(detectPreset(header).id).toBe(id);
  });

  it("every preset can map a date and a text", () => {
    for (const preset of IMPORT_PRESETS) {
      expect(preset.columns.date?.length).toBeGreaterThan(0);
      expect(preset.columns.text?.length).toBeGreaterThan(0);
    }
  });
});

describe("reading a whole file", () => {
  it("sniffs a Brandwatch export below its metadata rows and a UTF-16 Meltwater export", async () => {
    const brandwatch = [
      "Report:,Mentions",
      "Brand:,Pulse",
      "From:,2026-11-01",
      "",
      "Query Id,Date,Title,Url,Full Text,Page Type,Author",
      "1,2026-11-03 14:05:00.0,Nice,https://x.test/1,Love it,twitter,amy",
    ].join("\n");
    const sniff = await sniffImportFile(Readable.from([Buffer.from(brandwatch)]), { fileName: "export.csv" });
    expect(sniff).toMatchObject({
      format: "csv",
      headerRowIndex: 3,
      presetId: "brandwatch",
      mapping: { date: "Date", text: "Full Text", author: "Author", platform: "Page Type", url: "Url" },
      rows: [["1", "2026-11-03 14:05:00.0", "Nice", "https://x.test/1", "Love it", "twitter", "amy"]],
    });

    const meltwater = "Date\tHit Sentence\tInfluencer\tSource\n03-Nov-2026 02:05PM\tNice\t@amy\tTwitter\n";
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(meltwater, "utf16le")]);
    const sniff16 = await sniffImportFile(Readable.from([utf16]), { fileName: "meltwater.csv" });
    expect(sniff16).toMatchObject({
      delimiter: "\t",
      presetId: "meltwater",
      encoding: { encoding: "utf-16le" },
    });
  });

  it("streams GBK rows in batches with line numbers for bad rows", async () => {
    const lines = ["日期,作者,内容"];
    for (let i = 0; i < 25; i++)
      lines.push(i === 7 ? `2026-11-0x,张三,坏日期` : `2026-11-03 1${i % 10}:00,用户${i},颜色很好看 ${i}`);
    const bytes = gbk(lines.join("\r\n"));
    const sniff = await sniffImportFile(Readable.from([bytes]), { fileName: "评论.csv" });
    expect(sniff.encoding.encoding).toBe("gb18030");
    const batches = [];
    for await (const batch of readImportBatches(Readable.from([bytes.subarray(0, 50), bytes.subarray(50)]), {
      ...sniff,
      dateOrder: "day-first",
      timeZone: "Asia/Shanghai",
      batchRows: 10,
    }))
      batches.push(batch);
    expect(batches.map((b) => b.rowsRead)).toEqual([10, 10, 5]);
    const mentions = batches.flatMap((b) => b.mentions);
    expect(mentions).toHaveLength(24);
    expect(mentions[0]).toMatchObject({ text: "颜色很好看 0", authorHandle: "用户0" });
    expect(batches.flatMap((b) => b.errors)).toEqual([
      { line: 9, message: expect.stringContaining("2026-11-0x") },
    ]);
  });

  it("rejects an empty file and a header without rows", async () => {
    await expect(
      sniffImportFile(Readable.from([Buffer.from("\uFEFF \n")]), { fileName: "a.csv" }),
    ).rejects.toThrow(ImportFileError);
    const options = {
      format: "csv" as const,
      encoding: { encoding: "utf-8" as const, bomBytes: 0, basis: "valid-utf8" as const },
      delimiter: ",",
      headerRowIndex: 0,
      mapping: { date: "date", text: "text" },
      dateOrder: "day-first" as const,
      timeZone: "UTC",
    };
    const drain = async (text: string) => {
      for await (const batch of readImportBatches(Readable.from([Buffer.from(text)]), options)) void batch;
    };
    await expect(drain("")).rejects.toThrow(/file is empty/);
    await expect(drain("date,text\n")).rejects.toThrow(/no rows below it/);
  });
});
