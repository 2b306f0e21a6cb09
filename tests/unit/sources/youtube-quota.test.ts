import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chargeQuota,
  currentQuota,
  nextPacificMidnight,
  pacificQuotaDay,
} from "~/integrations/sources/youtube-quota";

const at = (iso: string) => new Date(iso);

describe("YouTube quota day (Pacific time)", () => {
  it("changes day at 08:00 UTC in winter and 07:00 UTC in summer", () => {
    expect(pacificQuotaDay(at("2026-11-28T07:59:59Z"))).toBe("2026-11-27");
    expect(pacificQuotaDay(at("2026-11-28T08:00:00Z"))).toBe("2026-11-28");
    expect(pacificQuotaDay(at("2026-07-01T06:59:59Z"))).toBe("2026-06-30");
    expect(pacificQuotaDay(at("2026-07-01T07:00:00Z"))).toBe("2026-07-01");
  });

  it("finds the next Pacific midnight on both sides of the spring-forward change (2026-03-08)", () => {
    expect(nextPacificMidnight(at("2026-03-07T12:00:00Z")).toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(nextPacificMidnight(at("2026-03-08T12:00:00Z")).toISOString()).toBe("2026-03-09T07:00:00.000Z");
  });

  it("finds the next Pacific midnight on both sides of the fall-back change (2026-11-01), a 25-hour day", () => {
    expect(nextPacificMidnight(at("2026-10-31T12:00:00Z")).toISOString()).toBe("2026-11-01T07:00:00.000Z");
    expect(nextPacificMidnight(at("2026-11-01T12:00:00Z")).toISOString()).toBe("2026-11-02T08:00:00.000Z");
    expect(
      nextPacificMidnight(at("2026-11-01T07:00:00Z")).getTime() - Date.parse("2026-11-01T07:00:00Z"),
    ).toBe(25 * 3_600_000);
  });

  it("at midnight exactly, the next reset is a day later", () => {
    expect(nextPacificMidnight(at("2026-11-28T08:00:00Z")).toISOString()).toBe("2026-11-29T08:00:00.000Z");
  });

  it("the next midnight is always the first instant of the following Pacific day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: at("2020-01-01T00:00:00Z"), max: at("2035-12-31T00:00:00Z"), noInvalidDate: true }),
        (instant) => {
          const reset = nextPacificMidnight(instant);
          const waitMs = reset.getTime() - instant.getTime();
          expect(waitMs).toBeGreaterThan(0);
          expect(waitMs).toBeLessThanOrEqual(25 * 3_600_000);
          expect(pacificQuotaDay(reset)).not.toBe(pacificQuotaDay(instant));
          expect(pacificQuotaDay(new Date(reset.getTime() - 1))).toBe(pacificQuotaDay(instant));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("YouTube quota accounting", () => {
  it("keeps today's count, starts a new Pacific day at zero, and applies the configured limit", () => {
    const stored = { day: "2026-11-28", used: 4_200, limit: 10_000 };
    expect(currentQuota(stored, at("2026-11-28T20:00:00Z"), 20_000)).toEqual({
      day: "2026-11-28",
      used: 4_200,
      limit: 20_000,
    });
    expect(currentQuota(stored, at("2026-11-29T08:00:00Z"), 10_000)).toEqual({
      day: "2026-11-29",
      used: 0,
      limit: 10_000,
    });
    expect(currentQuota({ nonsense: true }, at("2026-11-28T20:00:00Z"), 10_000)).toEqual({
      day: "2026-11-28",
      used: 0,
      limit: 10_000,
    });
  });

  it("charges a call only when it fits, exactly up to the limit", () => {
    const now = at("2026-11-28T20:00:00Z");
    expect(chargeQuota({ day: "2026-11-28", used: 9_900, limit: 10_000 }, 100, now)).toEqual({
      ok: true,
      quota: { day: "2026-11-28", used: 10_000, limit: 10_000 },
    });
    expect(chargeQuota({ day: "2026-11-28", used: 9_901, limit: 10_000 }, 100, now)).toEqual({
      ok: false,
      resumeAt: at("2026-11-29T08:00:00Z"),
    });
  });

  it("never lets the used units pass the limit, whatever the sequence of calls", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(1, 100), { maxLength: 300 }),
        fc.integer({ min: 100, max: 10_000 }),
        (calls, limit) => {
          let quota = { day: "2026-11-28", used: 0, limit };
          for (const units of calls) {
            const charged = chargeQuota(quota, units, at("2026-11-28T20:00:00Z"));
            if (charged.ok) quota = charged.quota;
          }
          expect(quota.used).toBeLessThanOrEqual(limit);
        },
      ),
    );
  });
});
