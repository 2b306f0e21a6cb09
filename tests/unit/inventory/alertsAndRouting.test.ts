import { describe, expect, it } from "vitest";
import {
  DEFAULT_INVENTORY_SETTINGS,
  inventoryReviewCheck,
  mergeInventorySettings,
  responseTier,
  routeIssues,
} from "~/domain/inventory";

const alerts = DEFAULT_INVENTORY_SETTINGS.alerts;
const week = (negativeShare: number, positiveShare: number, volume = 100) => ({
  negativeShare,
  positiveShare,
  volume,
});

describe("inventory review alert", () => {
  it("fires on negative share up > 20% or positive share down > 15% week over week", () => {
    expect(inventoryReviewCheck(week(0.1, 0.6), week(0.13, 0.6), alerts).triggered).toBe(true);
    expect(inventoryReviewCheck(week(0.1, 0.6), week(0.12, 0.6), alerts).triggered).toBe(false);
    expect(inventoryReviewCheck(week(0.1, 0.6), week(0.1, 0.5), alerts).triggered).toBe(true);
    expect(inventoryReviewCheck(week(0.1, 0.6), week(0.1, 0.52), alerts).triggered).toBe(false);
  });

  it("ignores thin weeks and tiny shares", () => {
    expect(inventoryReviewCheck(week(0.1, 0.6, 5), week(0.3, 0.2, 5), alerts).triggered).toBe(false);
    expect(inventoryReviewCheck(week(0.01, 0.6), week(0.02, 0.6), alerts).triggered).toBe(false);
  });

  it("uses the shop's thresholds", () => {
    const strict = mergeInventorySettings({ alerts: { negativeShareRisePercent: 10 } }).alerts;
    expect(inventoryReviewCheck(week(0.1, 0.6), week(0.115, 0.6), strict).triggered).toBe(true);
  });
});

describe("response tiers", () => {
  it("maps ±10 / ±20 / ±30 points", () => {
    expect(responseTier(9, alerts)).toBeNull();
    expect(responseTier(-12, alerts)).toBe("marketing_focus");
    expect(responseTier(23, alerts)).toBe("replenishment_plan");
    expect(responseTier(-30, alerts)).toBe("product_line_review");
    expect(responseTier(Number.NaN, alerts)).toBeNull();
  });
});

describe("issue routing", () => {
  it("routes design to marketing, function to product, service to support due in 24 h", () => {
    const now = new Date("2025-03-10T09:00:00Z");
    const tasks = routeIssues({ design: 6, function: 9, service: 7 }, alerts, now);
    expect(tasks.map((t) => [t.aspect, t.kind, t.dueAt])).toEqual([
      ["design", "marketing_task", null],
      ["function", "product_task", null],
      ["service", "support_task", "2025-03-11T09:00:00.000Z"],
    ]);
    expect(routeIssues({ design: 2 }, alerts, now)).toEqual([]);
    expect(routeIssues(null, alerts, now)).toEqual([]);
  });
});
