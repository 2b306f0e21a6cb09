import { describe, expect, it } from "vitest";
import {
  appBaseUrl,
  dueDigestWeek,
  isoWeekStart,
  parseRecipientList,
  recommendationReason,
  resolveDigestRecipients,
} from "~/domain/digest";

describe("resolveDigestRecipients", () => {
  it("uses the shop email unless the settings list recipients; skips invalid ones; honours enabled", () => {
    expect(resolveDigestRecipients("owner@shop.com", null)).toEqual({
      enabled: true,
      recipients: ["owner@shop.com"],
      invalid: [],
      settingsError: null,
    });
    expect(
      resolveDigestRecipients("owner@shop.com", {
        other: 1,
        digest: { recipients: ["a@b.co", "not-an-email", "A@b.co"] },
      }),
    ).toEqual({ enabled: true, recipients: ["a@b.co"], invalid: ["not-an-email"], settingsError: null });
    expect(resolveDigestRecipients("owner@shop.com", { digest: { enabled: false } }).enabled).toBe(false);
    const broken = resolveDigestRecipients("owner@shop.com", { digest: { recipients: "a@b.co" } });
    expect(broken.recipients).toEqual(["owner@shop.com"]);
    expect(broken.settingsError).toMatch(/could not be read/);
  });
});

describe("parseRecipientList", () => {
  it("splits on commas, semicolons, line breaks and Chinese commas, and names each bad address", () => {
    expect(parseRecipientList("a@b.co，c@d.co;\n e@f.co, a@b.co")).toEqual({
      ok: true,
      value: ["a@b.co", "c@d.co", "e@f.co"],
    });
    expect(parseRecipientList("")).toEqual({ ok: true, value: [] });
    expect(parseRecipientList("a@b.co, nope, x@")).toEqual({
      ok: false,
      error: [
        { kind: "invalid", value: "nope" },
        { kind: "invalid", value: "x@" },
      ],
    });
  });
});

describe("dueDigestWeek", () => {
  it("is due from Monday 08:00 shop time for the week that just ended", () => {
    expect(dueDigestWeek(new Date("2026-11-23T07:59:00Z"), "UTC")).toBeNull();
    expect(dueDigestWeek(new Date("2026-11-23T08:00:00Z"), "UTC")).toBe("2026-W47");
    expect(dueDigestWeek(new Date("2026-11-27T12:00:00Z"), "UTC")).toBe("2026-W47");
    // 08:30 UTC Monday is 03:30 in New York: not yet.
    expect(dueDigestWeek(new Date("2026-11-23T08:30:00Z"), "America/New_York")).toBeNull();
    // Monday 00:30 UTC is already 09:30 Monday in Tokyo.
    expect(dueDigestWeek(new Date("2026-11-23T00:30:00Z"), "Asia/Tokyo")).toBe("2026-W47");
  });

  it("finds the local start of an ISO week", () => {
    expect(isoWeekStart("2026-W48", "UTC").toISOString()).toBe("2026-11-23T00:00:00.000Z");
    expect(isoWeekStart("2026-W48", "Asia/Shanghai").toISOString()).toBe("2026-11-22T16:00:00.000Z");
    expect(isoWeekStart("2027-W01", "UTC").toISOString()).toBe("2027-01-04T00:00:00.000Z");
  });
});

describe("links and reasons", () => {
  it("links into the shop's admin, or the app URL outside the admin", () => {
    const config = { shopDomain: "acme.myshopify.com", apiKey: "k1", appUrl: "http://localhost:3000/" };
    expect(appBaseUrl({ ...config, embedded: true })).toBe(
      "https://admin.shopify.com/store/acme/apps/k1/app",
    );
    expect(appBaseUrl({ ...config, embedded: false })).toBe("http://localhost:3000/app");
  });

  it("takes a task's action, else a warning, else the rule's first clause", () => {
    expect(recommendationReason({ formula: "x", result: { action: "Post a fit guide." } })).toBe(
      "Post a fit guide.",
    );
    expect(recommendationReason({ formula: "x", result: {}, warnings: ["Influencer spike"] })).toBe(
      "Influencer spike",
    );
    expect(
      recommendationReason({
        formula: "Stock above the cover limit is excess; cut incoming units.",
        result: {},
      }),
    ).toBe("Stock above the cover limit is excess");
    expect(recommendationReason(null)).toBe("");
  });
});
