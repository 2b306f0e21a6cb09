/**
 * Calendar arithmetic on whole UTC days ("day numbers": days since 1970-01-01).
 * Sales rows and sentiment weeks are dated by calendar day, so integer day numbers keep the
 * arithmetic exact and cheap; the shop's timezone is applied upstream when rows are bucketed.
 */

export const MS_PER_DAY = 86_400_000;
export const MS_PER_HOUR = 3_600_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Returns the day number of an ISO calendar date ("YYYY-MM-DD"), or null when it is not a real date.
 *
 * @example
 * dayNumberFromIsoDate("1970-01-02"); // 1
 * dayNumberFromIsoDate("2025-02-30"); // null
 */
export function dayNumberFromIsoDate(isoDate: string): number | null {
  // Planning runs parse the same few dates hundreds of thousands of times (every history starts on
  // the same day): remembering the last answer removes the regex and Date work from the hot path.
  if (isoDate === lastParsed.isoDate) return lastParsed.dayNumber;
  const dayNumber = parseIsoDate(isoDate);
  lastParsed.isoDate = isoDate;
  lastParsed.dayNumber = dayNumber;
  return dayNumber;
}

const lastParsed: { isoDate: string | null; dayNumber: number | null } = { isoDate: null, dayNumber: null };

function parseIsoDate(isoDate: string): number | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 30 February over into March; a rolled date is a typo, not a date.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null;
  }
  return Math.round(ms / MS_PER_DAY);
}

/**
 * Returns the day number (UTC) containing an instant.
 *
 * @example
 * dayNumberOfInstant(new Date("1970-01-02T23:00:00Z")); // 1
 */
export function dayNumberOfInstant(instant: Date): number {
  return Math.floor(instant.getTime() / MS_PER_DAY);
}

/**
 * Returns the ISO calendar date ("YYYY-MM-DD") of a day number.
 *
 * @example
 * isoDateFromDayNumber(1); // "1970-01-02"
 */
export function isoDateFromDayNumber(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Returns the ISO-8601 week label ("2025-W14") of the UTC day containing `now`; it names the
 * planning cycle, so re-running within the same week yields the same idempotency keys.
 *
 * @example
 * planningCycleId(new Date("2021-01-03T12:00:00Z")); // "2020-W53"
 */
export function planningCycleId(now: Date): string {
  const day = dayNumberOfInstant(now);
  // 1970-01-01 was a Thursday; Monday = 0.
  const weekdayMondayZero = (((day + 3) % 7) + 7) % 7;
  // The ISO year is the year of the week's Thursday.
  const thursday = day - weekdayMondayZero + 3;
  const isoYear = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan4 = Math.round(Date.UTC(isoYear, 0, 4) / MS_PER_DAY);
  const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7;
  const week1Monday = jan4 - jan4Weekday;
  const week = Math.floor((thursday - week1Monday) / 7) + 1;
  return `${isoYear}-W${String(week).padStart(2, "0")}`;
}
