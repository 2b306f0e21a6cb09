import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoWeek, isoWeekOfCalendarDate, parseIsoWeek, shiftIsoWeek, type IsoWeek } from "~/domain/signals";

describe("isoWeek", () => {
  it("labels a mid-November Wednesday as week 47 of 2026", () => {
    expect(isoWeek(new Date("2026-11-18T12:00:00Z"), "UTC")).toBe("2026-W47");
  });

  it("uses the shop's wall clock: Sunday evening in New York is Monday in Tokyo", () => {
    const instant = new Date("2026-11-15T23:30:00Z"); // Sunday 18:30 New York, Monday 08:30 Tokyo
    expect(isoWeek(instant, "America/New_York")).toBe("2026-W46");
    expect(isoWeek(instant, "Asia/Tokyo")).toBe("2026-W47");
  });

  it("handles zones with quarter-hour offsets (Kathmandu +05:45)", () => {
    // Monday 2026-11-16 00:00 in Kathmandu is 2026-11-15 18:15 UTC.
    expect(isoWeek(new Date("2026-11-15T18:14:59Z"), "Asia/Kathmandu")).toBe("2026-W46");
    expect(isoWeek(new Date("2026-11-15T18:15:00Z"), "Asia/Kathmandu")).toBe("2026-W47");
  });

  it("assigns year-boundary days to the ISO week-year of their Thursday", () => {
    expect(isoWeekOfCalendarDate(2021, 1, 3)).toBe("2020-W53");
    expect(isoWeekOfCalendarDate(2024, 12, 30)).toBe("2025-W01");
    expect(isoWeekOfCalendarDate(2026, 12, 31)).toBe("2026-W53");
    expect(isoWeekOfCalendarDate(2027, 1, 4)).toBe("2027-W01");
  });

  it("throws on an unknown timezone rather than guessing", () => {
    expect(() => isoWeek(new Date("2026-11-18T12:00:00Z"), "Mars/Olympus")).toThrow(RangeError);
  });

  it("agrees with a day-by-day reference for any instant (property)", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("2000-01-01"), max: new Date("2040-01-01"), noInvalidDate: true }),
        (date) => {
          expect(isoWeek(date, "UTC")).toBe(
            isoWeekOfCalendarDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()),
          );
        },
      ),
    );
  });
});

describe("shiftIsoWeek", () => {
  it("crosses year boundaries, including 53-week years", () => {
    expect(shiftIsoWeek("2026-W01", -1)).toBe("2025-W52");
    expect(shiftIsoWeek("2020-W53", 1)).toBe("2021-W01");
    expect(shiftIsoWeek("2026-W47", -8)).toBe("2026-W39");
  });

  it("is undone by the opposite shift (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2001, max: 2039 }),
        fc.integer({ min: 1, max: 52 }),
        fc.integer({ min: -120, max: 120 }),
        (year, week, delta) => {
          const label = `${year}-W${String(week).padStart(2, "0")}` as IsoWeek;
          expect(shiftIsoWeek(shiftIsoWeek(label, delta), -delta)).toBe(label);
        },
      ),
    );
  });

  it("rejects malformed labels", () => {
    expect(parseIsoWeek("2026-47")).toBeUndefined();
    expect(parseIsoWeek("2026-W54")).toBeUndefined();
    expect(() => shiftIsoWeek("2026-W00" as IsoWeek, 1)).toThrow(RangeError);
  });
});
