/**
 * YouTube Data API quota accounting, kept pure so the day maths can be tested without a server.
 * Google resets the daily quota of a Cloud project at midnight Pacific time (America/Los_Angeles),
 * so "today" for the quota is the Pacific calendar day, not the shop's or UTC's.
 */
import { z } from "zod";
import { localDay } from "~/domain/calendar/local-day";

/** Google's reset clock. */
export const YOUTUBE_QUOTA_TIME_ZONE = "America/Los_Angeles";
/** Default daily quota of a new Google Cloud project for the YouTube Data API v3. */
export const YOUTUBE_DEFAULT_DAILY_UNITS = 10_000;
/** Documented unit costs (developers.google.com/youtube/v3/determine_quota_cost). */
export const YOUTUBE_UNIT_COST = { searchList: 100, commentThreadsList: 1 } as const;

/** What the connector stores in `Source.quota`. */
export const youtubeQuotaStateSchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  used: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
});
export type YoutubeQuotaState = z.infer<typeof youtubeQuotaStateSchema>;

/**
 * The Pacific calendar day (YYYY-MM-DD) an instant counts against for YouTube quota.
 * @example pacificQuotaDay(new Date("2026-11-28T07:59:00Z")) // "2026-11-27" (23:59 PST)
 */
export function pacificQuotaDay(instant: Date): string {
  return localDay(instant, YOUTUBE_QUOTA_TIME_ZONE);
}

/** Offset of Pacific time from UTC at an instant, in minutes (-480 in winter, -420 in summer). */
function pacificOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat("en-US", {
    timeZone: YOUTUBE_QUOTA_TIME_ZONE,
    timeZoneName: "shortOffset",
  })
    .formatToParts(instant)
    .find((part) => part.type === "timeZoneName")?.value;
  const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name ?? "");
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * The instant of the next midnight in Pacific time after `instant`: when Google resets the quota.
 * DST changes happen at 02:00 local, so midnight always carries the offset of the day before the
 * change; the offset is read at 00:00 PST/01:00 PDT of the target day, which is still that offset.
 * @example nextPacificMidnight(new Date("2026-11-28T03:00:00Z")).toISOString() // "2026-11-28T08:00:00.000Z"
 * @example nextPacificMidnight(new Date("2026-07-01T12:00:00Z")).toISOString() // "2026-07-02T07:00:00.000Z"
 */
export function nextPacificMidnight(instant: Date): Date {
  const [year, month, day] = pacificQuotaDay(instant).split("-").map(Number) as [number, number, number];
  const localMidnightAsUtc = Date.UTC(year, month - 1, day + 1);
  const offset = pacificOffsetMinutes(new Date(localMidnightAsUtc + 8 * 3_600_000));
  return new Date(localMidnightAsUtc - offset * 60_000);
}

/**
 * The quota state for `now`: the stored one when it is for today's Pacific day, else a fresh day
 * (used 0). The configured limit always wins, so lowering it in settings takes effect at once.
 * @example currentQuota({ day: "2026-11-27", used: 9_900, limit: 10_000 }, new Date("2026-11-28T09:00:00Z"), 10_000)
 * // { day: "2026-11-28", used: 0, limit: 10_000 }
 */
export function currentQuota(stored: unknown, now: Date, limit: number): YoutubeQuotaState {
  const today = pacificQuotaDay(now);
  const parsed = youtubeQuotaStateSchema.safeParse(stored);
  if (parsed.success && parsed.data.day === today) return { ...parsed.data, limit };
  return { day: today, used: 0, limit };
}

/**
 * Charges `units` when they fit in today's limit: `{ ok: true, quota }` with the new total, or
 * `{ ok: false, resumeAt }` (the next Pacific midnight) when the call would exceed the limit.
 * @example chargeQuota({ day: "2026-11-28", used: 9_950, limit: 10_000 }, 100, new Date("2026-11-28T20:00:00Z"))
 * // { ok: false, resumeAt: 2026-11-29T08:00:00.000Z }
 */
export function chargeQuota(
  quota: YoutubeQuotaState,
  units: number,
  now: Date,
): { ok: true; quota: YoutubeQuotaState } | { ok: false; resumeAt: Date } {
  if (quota.used + units > quota.limit) return { ok: false, resumeAt: nextPacificMidnight(now) };
  return { ok: true, quota: { ...quota, used: quota.used + units } };
}
