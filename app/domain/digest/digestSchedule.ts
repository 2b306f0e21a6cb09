import { wallClockMs } from "~/domain/calendar/wall-clock";
import { isoWeek, isoWeekMondayUtcMs, shiftIsoWeek, type IsoWeek } from "~/domain/signals";

/** The digest goes out from Monday 08:00 shop time: the week is over and the merchant is at work. */
export const DIGEST_SEND_HOUR = 8;

/**
 * Returns the ISO week whose digest is due at `now` in the shop's `timeZone` (the week that just
 * ended), or null on Monday before 08:00 local time, when last week's digest is not due yet.
 *
 * @example
 * dueDigestWeek(new Date("2026-11-23T08:30:00Z"), "UTC"); // "2026-W47" (Monday 08:30)
 * dueDigestWeek(new Date("2026-11-23T07:59:00Z"), "UTC"); // null
 */
export function dueDigestWeek(now: Date, timeZone: string): IsoWeek | null {
  const local = new Date(wallClockMs(now.getTime(), timeZone));
  const isMonday = local.getUTCDay() === 1;
  if (isMonday && local.getUTCHours() < DIGEST_SEND_HOUR) return null;
  return shiftIsoWeek(isoWeek(now, timeZone), -1);
}

/**
 * Returns the week a digest shown or sent "now" covers: the last complete ISO week in the shop's
 * time zone, whatever the hour.
 *
 * @example
 * latestCompleteWeek(new Date("2026-11-23T07:00:00Z"), "UTC"); // "2026-W47"
 */
export function latestCompleteWeek(now: Date, timeZone: string): IsoWeek {
  return shiftIsoWeek(isoWeek(now, timeZone), -1);
}

/**
 * Returns the instant an ISO week starts (Monday 00:00) in `timeZone`. The zone offset is read at
 * that Monday; a DST switch exactly at midnight shifts the bound by the switch, which no digest
 * figure depends on.
 *
 * @example
 * isoWeekStart("2026-W48", "UTC").toISOString(); // "2026-11-23T00:00:00.000Z"
 */
export function isoWeekStart(week: IsoWeek, timeZone: string): Date {
  const localMidnight = isoWeekMondayUtcMs(week);
  const offsetMs = wallClockMs(localMidnight, timeZone) - localMidnight;
  return new Date(localMidnight - offsetMs);
}
