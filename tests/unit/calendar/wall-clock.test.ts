import { describe, expect, it } from "vitest";

import { wallClockMs } from "~/domain/calendar/wall-clock";

describe("wallClockMs", () => {
  it("reads an instant's wall clock in a zone, across a DST change, without milliseconds", () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(iso(wallClockMs(Date.parse("2026-11-03T06:05:00Z"), "Asia/Shanghai"))).toBe(
      "2026-11-03T14:05:00.000Z",
    );
    expect(iso(wallClockMs(Date.parse("2026-11-01T05:59:59.900Z"), "America/New_York"))).toBe(
      "2026-11-01T01:59:59.000Z",
    );
    expect(iso(wallClockMs(Date.parse("2026-11-01T06:00:00Z"), "America/New_York"))).toBe(
      "2026-11-01T01:00:00.000Z",
    );
  });

  it("refuses an unknown zone", () => {
    expect(() => wallClockMs(0, "Mars/Olympus")).toThrow(RangeError);
  });
});
