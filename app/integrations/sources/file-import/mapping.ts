/**
 * Column mapping: which column of the file holds each field of a mention, and turning one row into
 * an `IncomingMention` (or a row error that says what to fix).
 */
import { createHash } from "node:crypto";
import type { IncomingMention } from "../types";
import { readDate, type DateOrder } from "./dates";
import { htmlToText } from "./html";
import { MAPPING_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type MappingField } from "./fields";
import { normalizeHeader, type ImportPreset } from "./presets";

export { MAPPING_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type MappingField } from "./fields";

/** Text longer than this is cut (a mention is a post or review, not a book). */
const MAX_TEXT_CHARS = 20_000;

/**
 * The mapping a preset suggests for a header: for each field, the first of the preset's names that
 * is in the header (written as the header writes it).
 * @example suggestMapping(["Date", "Hit Sentence"], meltwater) // { date: "Date", text: "Hit Sentence" }
 */
export function suggestMapping(header: string[], preset: ImportPreset): ColumnMapping {
  const byNormalized = new Map<string, string>();
  for (const cell of header)
    if (!byNormalized.has(normalizeHeader(cell))) byNormalized.set(normalizeHeader(cell), cell);
  const mapping: ColumnMapping = {};
  for (const field of MAPPING_FIELDS) {
    for (const name of preset.columns[field] ?? []) {
      const column = byNormalized.get(normalizeHeader(name));
      if (column !== undefined) {
        mapping[field] = column;
        break;
      }
    }
  }
  return mapping;
}

/** The missing required fields of a mapping, or the columns it names that the file lacks. */
export function mappingProblems(mapping: ColumnMapping, header: string[] | null): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_FIELDS)
    if (!mapping[field])
      problems.push(`Choose the column that holds the ${field === "date" ? "date" : "text"}.`);
  if (header) {
    const columns = new Set(header);
    for (const [field, column] of Object.entries(mapping))
      if (column && !columns.has(column))
        problems.push(`The column “${column}” chosen for ${field} is not in the file.`);
  }
  return problems;
}

export interface RowMappingOptions {
  mapping: ColumnMapping;
  timeZone: string;
  dateOrder: DateOrder;
  /** Platform when the mapping has none or the cell is empty ("import" by default). */
  defaultPlatform?: string;
}

export type MappedRow = { ok: true; mention: IncomingMention } | { ok: false; error: string };

/**
 * Turns one row (column → cell) into a mention. Missing optional cells become null; an unreadable
 * date or an empty text is an error for this row only.
 * @example mapRow({ Date: "2026-11-03", Text: "<b>Love</b> it" }, { mapping: { date: "Date", text: "Text" }, timeZone: "UTC", dateOrder: "day-first" })
 * // { ok: true, mention: { text: "Love it", postedAt: 2026-11-03T00:00:00Z, platform: "import", … } }
 */
export function mapRow(values: Record<string, string | undefined>, options: RowMappingOptions): MappedRow {
  const { mapping } = options;
  const cell = (field: MappingField): string => {
    const column = mapping[field];
    return column === undefined ? "" : (values[column] ?? "").trim();
  };

  const dateCell = cell("date");
  if (!dateCell) return { ok: false, error: `The date (column “${mapping.date ?? "date"}”) is empty.` };
  const date = readDate(dateCell, options);
  if (!date.ok) return { ok: false, error: date.error };

  let text = htmlToText(cell("text"));
  if (!text) return { ok: false, error: `The text (column “${mapping.text ?? "text"}”) is empty.` };
  if (text.length > MAX_TEXT_CHARS) text = text.slice(0, MAX_TEXT_CHARS);

  const platform = normalizePlatform(cell("platform")) || options.defaultPlatform || "import";
  const authorHandle = cell("author");
  const title = htmlToText(cell("title")) || null;
  const externalId = cell("externalId") || contentExternalId(platform, authorHandle, date.date, text);

  return {
    ok: true,
    mention: {
      externalId: externalId.slice(0, 255),
      platform,
      authorHandle,
      authorFollowers: readCount(cell("reach")),
      text,
      title,
      url: readUrl(cell("url")),
      postedAt: date.date,
      countryCode: readCountry(cell("country")),
      language: readLanguage(cell("language")),
      rating: readRating(cell("rating")),
    },
  };
}

/**
 * A stable id for a row without one: the same platform, author, instant and text always give the
 * same id, so importing the same file twice stores nothing twice.
 * @example contentExternalId("x", "@a", new Date(0), "hi") // "row:5f2b…" (32 hex digits)
 */
export function contentExternalId(platform: string, author: string, postedAt: Date, text: string): string {
  const digest = createHash("sha256")
    .update(`${platform}\u0000${author}\u0000${postedAt.toISOString()}\u0000${text}`)
    .digest("hex");
  return `row:${digest.slice(0, 32)}`;
}

/** "Twitter" → "twitter", "YouTube Comments" → "youtube_comments". */
function normalizePlatform(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 40);
}

/**
 * "12,345", "1.2K", "3M", "4.5万" → a whole number; null when it is not a count.
 * @example readCount("1.2K") // 1200
 */
export function readCount(value: string): number | null {
  if (!value) return null;
  const m = /^([\d.,\s]+)\s*([kKmMbB万亿]?)$/.exec(value.trim());
  if (!m) return null;
  const digits = m[2] ? m[1]!.replace(/[,\s]/g, "") : m[1]!.replace(/[,.\s]/g, "");
  const number = Number(digits);
  if (!Number.isFinite(number)) return null;
  const scale: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, 万: 1e4, 亿: 1e8 };
  const result = Math.round(number * (m[2] ? scale[m[2].toLowerCase()]! : 1));
  return result >= 0 && result <= 2_000_000_000 ? result : null;
}

function readRating(value: string): number | null {
  if (!value) return null;
  const number = Number(value.replace(",", "."));
  if (!Number.isFinite(number) || number < 1 || number > 5) return null;
  return Math.round(number);
}

function readUrl(value: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString().slice(0, 2048) : null;
  } catch {
    return null;
  }
}

let countryNames: Map<string, string> | null = null;
let languageNames: Map<string, string> | null = null;

/** Builds name → code tables from Intl (English and Chinese names), once. */
function namesTable(type: "region" | "language"): Map<string, string> {
  const table = new Map<string, string>();
  const displays = [new Intl.DisplayNames(["en"], { type }), new Intl.DisplayNames(["zh"], { type })];
  const letters = "abcdefghijklmnopqrstuvwxyz";
  for (const a of letters)
    for (const b of letters) {
      const code = type === "region" ? `${a}${b}`.toUpperCase() : `${a}${b}`;
      for (const display of displays) {
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined;
        }
        if (name && name.toLowerCase() !== code.toLowerCase() && !table.has(name.toLowerCase()))
          table.set(name.toLowerCase(), type === "region" ? code : code);
      }
    }
  return table;
}

const COUNTRY_ALIASES: Record<string, string> = {
  usa: "US",
  "united states of america": "US",
  uk: "GB",
  "great britain": "GB",
  england: "GB",
  uae: "AE",
  "south korea": "KR",
  korea: "KR",
  "mainland china": "CN",
  "hong kong": "HK",
  taiwan: "TW",
  russia: "RU",
  vietnam: "VN",
};

/**
 * "US", "us", "United States", "美国" → "US"; null when unknown.
 * @example readCountry("United Kingdom") // "GB"
 */
export function readCountry(value: string): string | null {
  if (!value) return null;
  const v = value.trim();
  if (/^[A-Za-z]{2}$/.test(v)) return v.toUpperCase();
  const alias = COUNTRY_ALIASES[v.toLowerCase()];
  if (alias) return alias;
  countryNames ??= namesTable("region");
  return countryNames.get(v.toLowerCase()) ?? null;
}

/**
 * "en", "en-US", "English", "中文" → primary BCP 47 tag; null when unknown.
 * @example readLanguage("Chinese") // "zh"
 */
export function readLanguage(value: string): string | null {
  if (!value) return null;
  const v = value.trim();
  const tag = /^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$/.exec(v);
  if (tag && tag[1]!.length === 2) return tag[1]!.toLowerCase();
  if (v === "中文" || v.toLowerCase() === "chinese") return "zh";
  languageNames ??= namesTable("language");
  return languageNames.get(v.toLowerCase()) ?? null;
}
