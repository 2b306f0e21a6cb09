import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { affectedSignalKeys, seriesKey, signalKey, splitSignalKey } from "~/domain/signals";
import { PackedKeyIndex } from "~/domain/signals/packedKeyIndex";

describe("PackedKeyIndex", () => {
  it("behaves like a Map for any non-negative integer keys below 2^53 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.maxSafeNat(), fc.integer({ min: 0, max: 2 ** 31 - 1 })), { maxLength: 300 }),
        fc.array(fc.maxSafeNat(), { maxLength: 50 }),
        (entries, probes) => {
          const index = new PackedKeyIndex(16);
          const reference = new Map<number, number>();
          for (const [key, value] of entries) {
            index.set(key, value);
            reference.set(key, value);
          }
          expect(index.size).toBe(reference.size);
          for (const key of [...reference.keys(), ...probes])
            expect(index.get(key)).toBe(reference.get(key) ?? -1);
        },
      ),
    );
  });
});

describe("signal keys", () => {
  const series = seriesKey({ shopId: "s", productId: "p", variantId: null, platform: "all", region: "US" });

  it("round-trips a row key into series and week", () => {
    expect(splitSignalKey(signalKey(series, "2026-W47"))).toEqual({ seriesKey: series, isoWeek: "2026-W47" });
  });

  it("marks the touched week and the following baseline weeks as affected, across a year end", () => {
    expect([...affectedSignalKeys([signalKey(series, "2026-W52")], 2)]).toEqual([
      signalKey(series, "2026-W52"),
      signalKey(series, "2026-W53"),
      signalKey(series, "2027-W01"),
    ]);
  });
});
