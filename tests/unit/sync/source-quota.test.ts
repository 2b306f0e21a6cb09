import { describe, expect, it } from "vitest";
import { summarizeQuota } from "~/components/source-quota";

describe("summarizeQuota", () => {
  it("reads each connector's stored quota shape", () => {
    expect(summarizeQuota({ day: "2026-11-28", used: 300, limit: 10_000 })).toEqual({
      kind: "units",
      used: 300,
      limit: 10_000,
      day: "2026-11-28",
    });
    expect(
      summarizeQuota({
        day: "2026-11-28",
        requests: 42,
        throttled: 3,
        lastRequestAt: null,
        minIntervalMs: 1000,
      }),
    ).toEqual({ kind: "requests", requests: 42, throttled: 3, day: "2026-11-28" });
    expect(summarizeQuota({ remaining: 97, used: 3, resetAt: "2026-11-28T10:01:00Z" })).toEqual({
      kind: "rateLimit",
      remaining: 97,
      used: 3,
      resetAt: "2026-11-28T10:01:00Z",
    });
  });

  it("is null for nothing stored or a shape it does not know", () => {
    for (const value of [
      null,
      undefined,
      "x",
      3,
      [],
      {},
      { remaining: null, used: null, resetAt: null },
      { used: "1" },
    ])
      expect(summarizeQuota(value)).toBeNull();
  });
});
