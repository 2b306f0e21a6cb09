import { describe, expect, it } from "vitest";
import { selectDigestContent, type DigestPendingRecommendation } from "~/domain/digest";
import { driver, product, quietInput, signalWeek } from "./fixtures";

const pending = (id: string, deltaUnits: number | null, title = id): DigestPendingRecommendation => ({
  id,
  kind: deltaUnits === null ? "marketing_task" : "restock",
  productTitle: title,
  variantTitle: null,
  locationName: null,
  currentUnits: deltaUnits === null ? null : 10,
  proposedUnits: deltaUnits === null ? null : 10 + deltaUnits,
  deltaUnits,
  reason: "Stock falls below the reorder point",
});

describe("selectDigestContent", () => {
  it("does not report an index swing that a handful of mentions explains on its own", () => {
    const content = selectDigestContent(
      quietInput({
        products: [
          // +0.20 on 6 mentions a week is within sampling noise; the same move on 200 a week is not.
          product("p1", "Merino Beanie", signalWeek(6, 0.67), signalWeek(6, 0.47)),
          product("p2", "Canvas Tote", signalWeek(200, 0.67), signalWeek(200, 0.47)),
        ],
      }),
    );
    expect(content.movers.map((m) => m.title)).toEqual(["Canvas Tote"]);
  });

  it("lists the products that moved most week over week, biggest move first, with the numbers", () => {
    const content = selectDigestContent(
      quietInput({
        products: [
          product("p1", "Steady Sock", signalWeek(20, 0.31), signalWeek(20, 0.3)),
          product("p2", "Trail Runner", signalWeek(30, -0.1), signalWeek(25, 0.2)),
          product("p3", "Rain Shell", signalWeek(40, 0.4), signalWeek(20, 0.38)),
          product("p4", "New Cap", signalWeek(12, 0.5), null),
          product("p5", "Silent Boot", null, signalWeek(30, 0.1)),
        ],
      }),
    );
    expect(content.movers.map((m) => m.title)).toEqual(["Trail Runner", "Rain Shell"]);
    expect(content.movers[0]).toMatchObject({
      productId: "p2",
      sentimentIndex: -0.1,
      previousSentimentIndex: 0.2,
      volume: 30,
      previousVolume: 25,
      volumeChangePercent: 20,
    });
    expect(content.movers[0]?.indexDelta).toBeCloseTo(-0.3);
    expect(content.movers[1]?.volumeChangePercent).toBe(100);
    expect(content.checked.productsWithSignals).toBe(4);
    expect(content.quiet).toBe(false);
  });

  it("sums aspect mentions across products into shop-wide topic growth and drops small changes", () => {
    const content = selectDigestContent(
      quietInput({
        products: [
          product(
            "p1",
            "A",
            signalWeek(50, 0, {
              drivers: [driver("comfort", "negative", 15, 10), driver("design", "positive", 10, 9)],
            }),
            null,
          ),
          product("p2", "B", signalWeek(50, 0, { drivers: [driver("comfort", "negative", 12, 10)] }), null),
          // Below the minimum base: 1 → 4 is not "+300 %".
          product("p3", "C", signalWeek(5, 0, { drivers: [driver("battery", "negative", 4, 1)] }), null),
        ],
      }),
    );
    expect(content.topics).toEqual([
      { aspect: "comfort", stance: "negative", mentions: 27, previousWeekMentions: 20, changePercent: 35 },
    ]);
  });

  it("keeps the largest pending changes (either direction) and the total count", () => {
    const content = selectDigestContent(
      quietInput({
        pendingCount: 9,
        pending: [
          pending("a", 5),
          pending("b", -40),
          pending("c", 12),
          pending("d", null),
          pending("e", 30),
          pending("f", 2),
          pending("g", 1),
        ],
      }),
    );
    expect(content.pending.map((p) => p.id)).toEqual(["b", "e", "c", "a", "f"]);
    expect(content.pendingCount).toBe(9);
  });

  it("orders alerts by severity and calls an empty week quiet, with what was checked", () => {
    const alerts = selectDigestContent(
      quietInput({
        alerts: [
          { kind: "inventory_review", severity: "low", message: "m1", productTitle: "A" },
          { kind: "inventory_review", severity: "high", message: "m2", productTitle: "B" },
        ],
      }),
    );
    expect(alerts.alerts.map((a) => a.severity)).toEqual(["high", "low"]);

    const quiet = selectDigestContent(
      quietInput({ products: [product("p1", "Steady", signalWeek(10, 0.3), signalWeek(10, 0.29))] }),
    );
    expect(quiet.quiet).toBe(true);
    expect(quiet.checked).toEqual({ productsWithSignals: 1, sourcesChecked: 3 });
  });

  it("is not quiet while something needs the merchant", () => {
    const content = selectDigestContent(
      quietInput({ problems: [{ kind: "sync_failed", syncKind: "orders", error: "Timeout" }] }),
    );
    expect(content.quiet).toBe(false);
  });
});
