/** An ISO-8601 week label such as "2026-W47" (year of the week's Thursday, week 01–53). */
export type IsoWeek = `${number}-W${string}`;

const DAY_MS = 86_400_000;
/**
 * Every modern UTC offset is a multiple of 15 minutes (Nepal +05:45, Chatham +12:45), so a local
 * midnight always falls on a quarter-hour boundary in UTC: all instants inside one UTC quarter-hour
 * share the same local date, which lets us memoise the (slow) Intl call per quarter-hour.
 */
const QUARTER_HOUR_MS = 900_000;
/** Bounds the memo so a long-running process cannot grow it without limit (~2 years of quarter-hours). */
const MAX_MEMO_ENTRIES_PER_ZONE = 70_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
const weekMemo = new Map<string, Map<number, IsoWeek>>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone: a bad shop setting is a bug to surface, not to guess around.
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      calendar: "gregory",
      numberingSystem: "latn",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Returns the ISO week of a calendar date given as UTC year/month/day fields.
 *
 * @example
 * isoWeekOfCalendarDate(2021, 1, 3); // "2020-W53"
 */
export function isoWeekOfCalendarDate(year: number, month: number, day: number): IsoWeek {
  const date = Date.UTC(year, month - 1, day);
  const mondayBasedWeekday = (new Date(date).getUTCDay() + 6) % 7;
  // The ISO week belongs to the year of its Thursday, and week 1 holds the year's first Thursday.
  const thursday = new Date(date + (3 - mondayBasedWeekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const dayOfYear = Math.round((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS);
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, "0")}`;
}

/**
 * Returns the ISO week ("2026-W47") that contains `date` on the shop's wall clock.
 *
 * @example
 * // Monday 00:30 in Tokyo is still Sunday in UTC, so the week differs by zone.
 * isoWeek(new Date("2026-11-15T15:30:00Z"), "Asia/Tokyo"); // "2026-W47"
 * isoWeek(new Date("2026-11-15T15:30:00Z"), "UTC"); // "2026-W46"
 */
export function isoWeek(date: Date, timeZone: string): IsoWeek {
  return memoisedByQuarterHour(weekMemo, date, timeZone, "isoWeek", ({ year, month, day }) =>
    isoWeekOfCalendarDate(year, month, day),
  );
}

const dayMemo = new Map<string, Map<number, number>>();

/**
 * Returns the shop-local calendar day of `date` as a day number (days since 1970-01-01), memoised
 * per quarter-hour like {@link isoWeek}; `(dayNumber + 3) % 7` is the ISO weekday (0 = Monday).
 *
 * @example
 * localDayNumber(new Date("2026-11-23T03:00:00Z"), "America/New_York"); // 20779 (Sunday 2026-11-22)
 */
export function localDayNumber(date: Date, timeZone: string): number {
  return memoisedByQuarterHour(dayMemo, date, timeZone, "localDayNumber", ({ year, month, day }) =>
    Math.round(Date.UTC(year, month - 1, day) / DAY_MS),
  );
}

/**
 * Returns `compute(local calendar date of date in timeZone)`, memoised per zone and quarter-hour
 * (formatToParts costs tens of microseconds; zone offsets change on quarter-hour boundaries at most).
 */
function memoisedByQuarterHour<T>(
  memos: Map<string, Map<number, T>>,
  date: Date,
  timeZone: string,
  caller: string,
  compute: (local: { year: number; month: number; day: number }) => T,
): T {
  const instant = date.getTime();
  if (!Number.isFinite(instant)) throw new RangeError(`${caller}: invalid date`);
  let memo = memos.get(timeZone);
  if (!memo) {
    memo = new Map();
    memos.set(timeZone, memo);
  }
  const quarterHour = Math.floor(instant / QUARTER_HOUR_MS);
  const known = memo.get(quarterHour);
  if (known !== undefined) return known;
  let year = 0;
  let month = 0;
  let day = 0;
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
  }
  const value = compute({ year, month, day });
  if (memo.size >= MAX_MEMO_ENTRIES_PER_ZONE) memo.clear();
  memo.set(quarterHour, value);
  return value;
}

/**
 * Parses "2026-W47" into its week-year and week number; undefined when malformed.
 *
 * @example
 * parseIsoWeek("2026-W47"); // { weekYear: 2026, week: 47 }
 */
export function parseIsoWeek(label: string): { weekYear: number; week: number } | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return undefined;
  const weekYear = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > 53) return undefined;
  return { weekYear, week };
}

/** Monday 1969-12-29, the first day of ISO week 1970-W01: ordinal 0. */
const ORDINAL_EPOCH_MONDAY_MS = Date.UTC(1969, 11, 29);
const labelByOrdinal = new Map<number, IsoWeek>();

/**
 * Returns the UTC midnight of the Monday that starts an ISO week (the week's calendar Monday, read
 * as UTC; a shop's local Monday 00:00 is this wall-clock time in its zone).
 *
 * @example
 * new Date(isoWeekMondayUtcMs("2026-W48")).toISOString(); // "2026-11-23T00:00:00.000Z"
 */
export function isoWeekMondayUtcMs(label: IsoWeek): number {
  const parsed = parseIsoWeek(label);
  if (!parsed) throw new RangeError(`not an ISO week like 2026-W48: ${label}`);
  // Monday of week 1 is the Monday on or before 4 January.
  const jan4 = Date.UTC(parsed.weekYear, 0, 4);
  const mondayOfWeekOne = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  return mondayOfWeekOne + (parsed.week - 1) * 7 * DAY_MS;
}

/**
 * Returns the number of whole weeks between 1970-W01 and the given week, so that week arithmetic
 * is integer arithmetic (consecutive weeks have consecutive ordinals, across year ends too).
 *
 * @example
 * isoWeekOrdinal("1970-W01"); // 0
 * isoWeekOrdinal("2026-W01") - isoWeekOrdinal("2025-W52"); // 1
 */
export function isoWeekOrdinal(label: IsoWeek): number {
  return Math.round((isoWeekMondayUtcMs(label) - ORDINAL_EPOCH_MONDAY_MS) / (7 * DAY_MS));
}

/**
 * Returns the ISO week with the given ordinal (inverse of {@link isoWeekOrdinal}).
 *
 * @example
 * isoWeekFromOrdinal(isoWeekOrdinal("2020-W53") + 1); // "2021-W01"
 */
export function isoWeekFromOrdinal(ordinal: number): IsoWeek {
  const known = labelByOrdinal.get(ordinal);
  if (known) return known;
  const monday = new Date(ORDINAL_EPOCH_MONDAY_MS + Math.round(ordinal) * 7 * DAY_MS);
  const label = isoWeekOfCalendarDate(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
  // Weeks in use cluster in a few years, so this memo stays tiny; the cap only guards misuse.
  if (labelByOrdinal.size > 10_000) labelByOrdinal.clear();
  labelByOrdinal.set(ordinal, label);
  return label;
}

/**
 * Returns the ISO week `deltaWeeks` before (negative) or after (positive) the given week.
 *
 * @example
 * shiftIsoWeek("2026-W01", -1); // "2025-W52"
 * shiftIsoWeek("2020-W53", 1); // "2021-W01"
 */
export function shiftIsoWeek(label: IsoWeek, deltaWeeks: number): IsoWeek {
  return isoWeekFromOrdinal(isoWeekOrdinal(label) + deltaWeeks);
}
