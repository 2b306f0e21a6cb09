import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { syncProgressShare, syncRunState, type SyncRunState } from "~/domain/sync/sync-progress";

describe("syncRunState", () => {
  it("names each stored status the way the merchant reads it", () => {
    expect(syncRunState(null)).toBe("never");
    expect(syncRunState({ status: "running", lastError: null })).toBe("waiting_for_shopify");
    expect(syncRunState({ status: "importing", lastError: null })).toBe("importing");
    expect(syncRunState({ status: "succeeded", lastError: null })).toBe("succeeded");
    expect(syncRunState({ status: "succeeded", lastError: "2 line(s) skipped" })).toBe(
      "succeeded_with_warnings",
    );
    expect(syncRunState({ status: "failed", lastError: "denied" })).toBe("failed");
  });
});

describe("syncProgressShare", () => {
  it("is unknown until Shopify says how many objects there are", () => {
    expect(
      syncProgressShare({ state: "waiting_for_shopify", objectsDone: 0, objectsTotal: null }),
    ).toBeNull();
    expect(syncProgressShare({ state: "importing", objectsDone: 10, objectsTotal: null })).toBeNull();
    expect(syncProgressShare({ state: "never", objectsDone: 0, objectsTotal: null })).toBeNull();
  });

  it("is the share of objects imported, and complete for a success or an empty store", () => {
    expect(syncProgressShare({ state: "importing", objectsDone: 250, objectsTotal: 1000 })).toBe(0.25);
    expect(syncProgressShare({ state: "importing", objectsDone: 0, objectsTotal: 0 })).toBe(1);
    expect(syncProgressShare({ state: "succeeded", objectsDone: 3, objectsTotal: 10 })).toBe(1);
    expect(syncProgressShare({ state: "failed", objectsDone: 30, objectsTotal: 120 })).toBe(0.25);
  });

  it("always stays within [0, 1]", () => {
    const states: SyncRunState[] = ["importing", "failed", "succeeded", "waiting_for_shopify"];
    fc.assert(
      fc.property(
        fc.constantFrom(...states),
        fc.integer({ min: -5, max: 1_000_000 }),
        fc.option(fc.integer({ min: -5, max: 1_000_000 }), { nil: null }),
        (state, objectsDone, objectsTotal) => {
          const share = syncProgressShare({ state, objectsDone, objectsTotal });
          return share === null || (share >= 0 && share <= 1);
        },
      ),
    );
  });
});
