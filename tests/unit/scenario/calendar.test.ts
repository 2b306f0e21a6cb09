import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayOfWeek,
  daysBetween,
  isoDateOf,
  localDateOf,
  zonedTimeToIso,
} from "~/demo/scenario/calendar";

const isoDate = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

describe("calendar", () => {
  it("adds days and measures them back", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -400, max: 400 }), (date, days) => {
        expect(daysBetween(date, addDays(date, days))).toBe(days);
      }),
    );
    expect(addDays("2026-11-23", -182)).toBe("2026-05-25");
    expect(isoDateOf(new Date("2026-11-23T00:00:00Z"))).toBe("2026-11-23");
    expect(dayOfWeek("2026-11-21")).toBe(6);
  });

  it("converts shop-local times to UTC and back to the same local date, across DST", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 86_399 }), (date, second) => {
        expect(localDateOf(zonedTimeToIso(date, second, "America/New_York"), "America/New_York")).toBe(date);
      }),
    );
    expect(zonedTimeToIso("2026-11-20", 9 * 3600, "America/New_York")).toBe("2026-11-20T14:00:00.000Z");
    expect(zonedTimeToIso("2026-07-20", 9 * 3600, "America/New_York")).toBe("2026-07-20T13:00:00.000Z");
    expect(localDateOf("2026-11-23T03:00:00Z", "America/New_York")).toBe("2026-11-22");
  });
});
