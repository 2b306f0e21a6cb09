/**
 * Calendar arithmetic for the simulated store. Days are plain `YYYY-MM-DD` strings in the shop's
 * timezone (the way Shopify reports sales by day); instants are ISO strings in UTC. Converting
 * between them goes through Intl so daylight-saving changes in America/New_York are honoured.
 */

import { wallClockMs as wallClockMsUncached } from "../../domain/calendar/wall-clock";

const MS_PER_DAY = 86_400_000;

/**
 * Returns the UTC calendar date of an instant as `YYYY-MM-DD`.
 * @example
 * isoDateOf(new Date("2026-11-23T00:00:00Z")); // "2026-11-23"
 */
export function isoDateOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}

/**
 * Returns the calendar date `days` after (or before, when negative) `isoDate`.
 * @example
 * addDays("2026-11-23", -182); // "2026-05-25"
 */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Returns the whole days from `fromIsoDate` to `toIsoDate` (negative when `to` is earlier).
 * @example
 * daysBetween("2026-05-25", "2026-11-23"); // 182
 */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round(
    (Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / MS_PER_DAY,
  );
}

/**
 * Returns the weekday of a calendar date, 0 = Sunday … 6 = Saturday.
 * @example
 * dayOfWeek("2026-11-21"); // 6 (a Saturday)
 */
export function dayOfWeek(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

const dayOffsets = new Map<string, { startMs: number; endMs: number }>();

/**
 * Wall-clock milliseconds of an instant in `timeZone`. formatToParts costs tens of microseconds,
 * and a store has tens of thousands of timestamps, so the UTC offset is cached per UTC day and
 * only recomputed exactly on the two days a year when it changes.
 */
function wallClockMs(instantMs: number, timeZone: string): number {
  const dayStartMs = Math.floor(instantMs / MS_PER_DAY) * MS_PER_DAY;
  const key = `${timeZone}|${dayStartMs}`;
  let offsets = dayOffsets.get(key);
  if (!offsets) {
    offsets = {
      startMs: wallClockMsUncached(dayStartMs, timeZone) - dayStartMs,
      endMs: wallClockMsUncached(dayStartMs + MS_PER_DAY - 1000, timeZone) - (dayStartMs + MS_PER_DAY - 1000),
    };
    dayOffsets.set(key, offsets);
  }
  if (offsets.startMs === offsets.endMs) return instantMs + offsets.startMs;
  return wallClockMsUncached(instantMs, timeZone);
}

/**
 * Returns the UTC ISO instant of a wall-clock time (`secondOfDay` after local midnight) on a
 * calendar date in `timeZone`.
 * @example
 * zonedTimeToIso("2026-11-20", 9 * 3600, "America/New_York"); // "2026-11-20T14:00:00.000Z"
 */
export function zonedTimeToIso(isoDate: string, secondOfDay: number, timeZone: string): string {
  const wallMs = Date.parse(`${isoDate}T00:00:00Z`) + secondOfDay * 1000;
  // Two passes: the offset at the first guess may differ from the offset at the answer when
  // the guess and the answer straddle a daylight-saving change.
  let instantMs = wallMs - (wallClockMs(wallMs, timeZone) - wallMs);
  instantMs = wallMs - (wallClockMs(instantMs, timeZone) - instantMs);
  return new Date(instantMs).toISOString();
}

/**
 * Returns the calendar date of a UTC instant as seen in `timeZone`.
 * @example
 * localDateOf("2026-11-23T03:00:00Z", "America/New_York"); // "2026-11-22"
 */
export function localDateOf(isoInstant: string, timeZone: string): string {
  return new Date(wallClockMs(Date.parse(isoInstant), timeZone)).toISOString().slice(0, 10);
}
