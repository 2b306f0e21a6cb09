/**
 * Dates as listening tools export them: ISO 8601 with or without an offset, "2026-11-03 14:05",
 * "03/11/2026 14:05" (day or month first, as configured), Unix seconds or milliseconds,
 * "Nov 3, 2026 2:05 PM", "Tue, 03 Nov 2026 14:05:00 GMT", "2026年11月3日 14:05". A date without a
 * zone is wall-clock time in the shop's timezone.
 */

import { wallClockMs } from "~/domain/calendar/wall-clock";

/** Which number comes first in "03/11/2026": the day (most of the world) or the month (US). */
export type DateOrder = "day-first" | "month-first";

export interface DateReadOptions {
  /** IANA zone for dates that carry none (the shop's timezone). */
  timeZone: string;
  dateOrder: DateOrder;
}

export type DateReadResult = { ok: true; date: Date } | { ok: false; error: string };

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp]\.?[Mm]\.?)?`;
const ZONE = String.raw`(Z|z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)`;
const ISO = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]+${TIME})?\s*${ZONE}?$`);
const NUMERIC = new RegExp(
  String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:[T\s,]+${TIME})?\s*${ZONE}?$`,
);
// "Nov 3, 2026 2:05 PM", "Tuesday, November 3, 2026 at 14:05", "Tue Nov 03 2026 14:05:00 GMT+0100"
const MONTH_FIRST_WORDS = new RegExp(
  String.raw`^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s*(?:at\s+)?${TIME})?\s*${ZONE}?(?:\s*\([^)]*\))?$`,
);
// "3 Nov 2026 14:05", "Tue, 03 Nov 2026 14:05:00 GMT"
const DAY_FIRST_WORDS = new RegExp(
  String.raw`^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:,?\s*(?:at\s+)?${TIME})?\s*${ZONE}?$`,
);
const CHINESE = new RegExp(String.raw`^(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:${TIME})?$`);

/**
 * Reads a date cell; wall-clock values are placed in `timeZone`.
 * @example readDate("03/11/2026 14:05", { timeZone: "Asia/Shanghai", dateOrder: "day-first" }) // { ok: true, date: 2026-11-03T06:05:00.000Z }
 */
export function readDate(raw: string, options: DateReadOptions): DateReadResult {
  const text = raw.trim();
  if (text === "") return { ok: false, error: "The date is empty." };

  if (/^\d{9,13}(?:\.\d+)?$/.test(text)) {
    const value = Number(text);
    // Ten digits or fewer are seconds (until the year 2286); more are milliseconds.
    const ms = text.split(".")[0]!.length <= 10 ? value * 1000 : value;
    return { ok: true, date: new Date(Math.round(ms)) };
  }

  let m = ISO.exec(text);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m, 4, options, text);

  m = NUMERIC.exec(text);
  if (m) {
    const first = +m[1]!;
    const second = +m[2]!;
    let year = +m[3]!;
    if (m[3]!.length === 2) year += year >= 70 ? 1900 : 2000;
    // A number above 12 can only be a day, whatever the configured order.
    const dayFirst = first > 12 ? true : second > 12 ? false : options.dateOrder === "day-first";
    return build(year, dayFirst ? second : first, dayFirst ? first : second, m, 4, options, text);
  }

  m = MONTH_FIRST_WORDS.exec(text);
  if (m) {
    const month = MONTHS[m[1]!.toLowerCase()];
    if (month) return build(+m[3]!, month, +m[2]!, m, 4, options, text);
  }

  m = DAY_FIRST_WORDS.exec(text);
  if (m) {
    const month = MONTHS[m[2]!.toLowerCase()];
    if (month) return build(+m[3]!, month, +m[1]!, m, 4, options, text);
  }

  m = CHINESE.exec(text);
  if (m) return build(+m[1]!, +m[2]!, +m[3]!, m, 4, options, text);

  return {
    ok: false,
    error: `“${truncate(text)}” is not a date Pulse can read. Use ISO 8601 (2026-11-03T14:05:00+08:00), "2026-11-03 14:05", "03/11/2026 14:05" or Unix seconds.`,
  };
}

/** Builds the instant from date parts plus the time/zone groups starting at `at` in the match. */
function build(
  year: number,
  month: number,
  day: number,
  m: RegExpExecArray,
  at: number,
  options: DateReadOptions,
  text: string,
): DateReadResult {
  let hour = m[at] ? +m[at] : 0;
  const minute = m[at + 1] ? +m[at + 1]! : 0;
  const second = m[at + 2] ? +m[at + 2]! : 0;
  const fraction = m[at + 3] ? Math.round(+`0.${m[at + 3]}` * 1000) : 0;
  const meridiem = m[at + 4]?.[0]?.toLowerCase();
  const zone = m[at + 5];
  if (meridiem) {
    if (hour < 1 || hour > 12) return invalid(text);
    hour = (hour % 12) + (meridiem === "p" ? 12 : 0);
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return invalid(text);
  if (hour > 23 || minute > 59 || second > 60) return invalid(text);
  const wall = Date.UTC(year, month - 1, day, hour, minute, Math.min(second, 59), fraction);
  if (zone === undefined) return { ok: true, date: new Date(wallTimeToUtc(wall, options.timeZone)) };
  const offsetMinutes = zoneOffsetMinutes(zone);
  if (offsetMinutes === null) return invalid(text);
  return { ok: true, date: new Date(wall - offsetMinutes * 60_000) };
}

function invalid(text: string): DateReadResult {
  return {
    ok: false,
    error: `“${truncate(text)}” is not a valid date (check the day, month and hour, and the date order setting).`,
  };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "+08:00", "-0500", "+08", "Z", "UTC", "GMT+8" → minutes east of UTC. */
function zoneOffsetMinutes(zone: string): number | null {
  const z = zone.replace(/\s+/g, "").toUpperCase();
  if (z === "Z" || z === "UTC" || z === "GMT") return 0;
  const m = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(z);
  if (!m) return null;
  const minutes = +m[2]! * 60 + (m[3] ? +m[3] : 0);
  if (minutes > 14 * 60) return null;
  return m[1] === "-" ? -minutes : minutes;
}

const offsetCache = new Map<string, number>();

/** Offset of `timeZone` from UTC at an instant, in ms (positive east of UTC). */
function zoneOffsetMs(instant: number, timeZone: string): number {
  // Offsets change at most on quarter hours: cache per zone and quarter hour (imports repeat hours a lot).
  const key = `${timeZone}|${Math.floor(instant / 900_000)}`;
  const cached = offsetCache.get(key);
  if (cached !== undefined) return cached;
  const asUtc = wallClockMs(instant, timeZone);
  const offset = asUtc - (instant - (((instant % 1000) + 1000) % 1000));
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, offset);
  return offset;
}

/**
 * The UTC instant of a wall-clock time (given as if it were UTC) in an IANA zone. In the hour a DST
 * change skips, the time is read with the offset before the change; in the repeated hour, the first.
 * @example new Date(wallTimeToUtc(Date.UTC(2026, 10, 3, 14, 5), "Asia/Shanghai")).toISOString() // "2026-11-03T06:05:00.000Z"
 */
export function wallTimeToUtc(wallMs: number, timeZone: string): number {
  const first = zoneOffsetMs(wallMs, timeZone);
  const guess = wallMs - first;
  const second = zoneOffsetMs(guess, timeZone);
  if (second === first) return guess;
  const retry = wallMs - second;
  return zoneOffsetMs(retry, timeZone) === second ? retry : guess;
}

/**
 * Guesses the date order from sample cells: a first number above 12 means day-first, a second
 * number above 12 means month-first; null when the sample does not tell.
 * @example guessDateOrder(["03/11/2026", "25/11/2026"]) // "day-first"
 */
export function guessDateOrder(cells: string[]): DateOrder | null {
  for (const cell of cells) {
    const m = /^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}/.exec(cell);
    if (!m) continue;
    if (+m[1]! > 12) return "day-first";
    if (+m[2]! > 12) return "month-first";
  }
  return null;
}
