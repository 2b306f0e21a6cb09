import { once } from "node:events";
import { createWriteStream } from "node:fs";

/**
 * GBK bytes of a text, for tests of Chinese CSV exports. Node has no GBK encoder, but TextDecoder
 * decodes GB18030 (a superset), so the two-byte table is built once by decoding every GBK pair.
 */
export function gbk(text: string): Buffer {
  const out: number[] = [];
  const decoder = new TextDecoder("gb18030");
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      out.push(char.charCodeAt(0));
      continue;
    }
    out.push(...gbkBytesOf(char, decoder));
  }
  return Buffer.from(out);
}

const gbkCache = new Map<string, number[]>();
function gbkBytesOf(char: string, decoder: TextDecoder): number[] {
  const cached = gbkCache.get(char);
  if (cached) return cached;
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const decoded = decoder.decode(Buffer.from([lead, trail]));
      if (!gbkCache.has(decoded)) gbkCache.set(decoded, [lead, trail]);
    }
  const bytes = gbkCache.get(char);
  if (!bytes) throw new Error(`no GBK bytes for ${char}`);
  return bytes;
}

/** The column of each import field in {@link writeMentionsCsv}'s header (the generic preset's mapping). */
export const MENTIONS_CSV_MAPPING = {
  date: "date",
  platform: "platform",
  author: "author",
  reach: "reach",
  text: "text",
  url: "url",
  country: "country",
  language: "language",
};

export interface GeneratedCsv {
  /** Data rows written (good and broken). */
  rows: number;
  /** Physical line numbers of the broken rows, in order. */
  brokenLines: number[];
  /** Rows that should import. */
  goodRows: number;
}

/**
 * Writes a listening-tool style CSV (generic header) of `rows` mentions, streaming. Every
 * `brokenEvery`-th row is broken in one of three ways (text after a closing quote, an unreadable
 * date, a missing column); every 50th good row has a line break inside its quoted text, so line
 * numbers are physical lines.
 */
export async function writeMentionsCsv(
  file: string,
  rows: number,
  options: { brokenEvery?: number; start?: Date } = {},
): Promise<GeneratedCsv> {
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  const start = (options.start ?? new Date("2026-10-01T00:00:00Z")).getTime();
  // 37 s apart, closer for big files: every date stays within 55 days of the start (the pipeline
  // refuses dates in the future, and the tests' clock is 2026-11-28).
  const stepMs = Math.min(37_000, Math.floor((55 * 86_400_000) / Math.max(rows, 1)));
  const platforms = ["instagram", "tiktok", "x", "reddit", "youtube"];
  const brokenLines: number[] = [];
  let line = 1;
  await write("date,platform,author,reach,text,url,country,language\n");
  line++;
  for (let i = 0; i < rows; i++) {
    const posted = new Date(start + i * stepMs).toISOString().replace("T", " ").slice(0, 19);
    const platform = platforms[i % platforms.length]!;
    const author = `@user${i % 5000}`;
    const broken = options.brokenEvery ? i % options.brokenEvery === options.brokenEvery - 1 : false;
    let row: string;
    let lines = 1;
    if (broken) {
      brokenLines.push(line);
      const kind = Math.floor(i / options.brokenEvery!) % 3;
      if (kind === 0) row = `${posted},${platform},${author},10,"Broken "quote" here",,US,en\n`;
      else if (kind === 1) row = `not a date,${platform},${author},10,"Fine text ${i}",,US,en\n`;
      else row = `${posted},${platform},${author},10,"Missing columns ${i}"\n`;
    } else {
      const multiline = i % 50 === 0;
      const text = multiline
        ? `Love the <b>linen</b> dress ${i}, colour ""sage""\nSecond line`
        : `Love the linen dress ${i}, runs small`;
      lines = multiline ? 2 : 1;
      row = `${posted},${platform},${author},${i % 9000},"${text}",https://social.example/p/${i},US,en\n`;
    }
    await write(row);
    line += lines;
  }
  out.end();
  await once(out, "finish");
  return { rows, brokenLines, goodRows: rows - brokenLines.length };
}
