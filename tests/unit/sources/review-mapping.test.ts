import { describe, expect, it } from "vitest";
import {
  isAfterMark,
  isJudgemeVerifiedBuyer,
  judgemeConfigSchema,
  judgemeCredentialsSchema,
  judgemeReviewListSchema,
  judgemeReviewToMention,
  type JudgemeReview,
} from "~/integrations/sources/judgeme.server";
import { carryRequestQuota } from "~/integrations/sources/request-pacing.server";
import {
  yotpoCredentialsSchema,
  yotpoReviewListSchema,
  yotpoReviewToMention,
  type YotpoReview,
} from "~/integrations/sources/yotpo.server";

const judgemeReview: JudgemeReview = {
  id: 309836503,
  title: "This is a great shoe",
  body: "Pretty good, great buy!",
  rating: 5,
  product_external_id: 5280573096092,
  product_title: "Trail Shoe",
  product_handle: "trail-shoe",
  reviewer: { id: 194677611, email: " Ann.Lee@Example.COM ", name: "Ann L.", country: "gb" },
  verified: "confirmed-buyer",
  curated: "ok",
  created_at: "2022-05-12T04:38:32+00:00",
};

describe("judgemeReviewToMention", () => {
  it("maps a documented review to a mention", () => {
    expect(judgemeReviewToMention(judgemeReview, "shop.myshopify.com")).toEqual({
      externalId: "309836503",
      platform: "judgeme",
      authorHandle: "ann.lee@example.com",
      authorIsPublic: false,
      title: "This is a great shoe",
      text: "This is a great shoe\n\nPretty good, great buy!",
      url: "https://shop.myshopify.com/products/trail-shoe",
      postedAt: new Date("2022-05-12T04:38:32Z"),
      countryCode: "GB",
      rating: 5,
      verifiedBuyer: true,
      productRef: { shopifyProductId: "5280573096092", handle: "trail-shoe", title: "Trail Shoe" },
    });
  });

  it("falls back to the reviewer's name and keeps store reviews without a product", () => {
    const mention = judgemeReviewToMention(
      {
        ...judgemeReview,
        title: "",
        product_external_id: null,
        product_handle: null,
        product_title: null,
        reviewer: { name: " Bo ", email: null, country: "Germany" },
        verified: "nothing",
      },
      "shop.myshopify.com",
    );
    expect(mention).toMatchObject({
      authorHandle: "Bo",
      title: null,
      text: "Pretty good, great buy!",
      url: null,
      countryCode: null,
      verifiedBuyer: false,
      productRef: null,
    });
  });

  it("counts only Judge.me's verified statuses as verified buyers", () => {
    for (const status of [
      "buyer",
      "confirmed-buyer",
      "verified-purchase",
      "semi-verified-purchase",
      "admin",
    ]) {
      expect(isJudgemeVerifiedBuyer(status)).toBe(true);
    }
    for (const status of ["nothing", "not-yet", "unconfirmed-buyer", null, undefined]) {
      expect(isJudgemeVerifiedBuyer(status)).toBe(false);
    }
  });

  it("accepts product ids as numbers or strings and rejects a rating out of range", () => {
    const ok = judgemeReviewListSchema.safeParse({
      current_page: 1,
      per_page: 10,
      reviews: [{ ...judgemeReview, product_external_id: "42" }],
    });
    expect(ok.success).toBe(true);
    const bad = judgemeReviewListSchema.safeParse({ reviews: [{ ...judgemeReview, rating: 6 }] });
    expect(bad.success).toBe(false);
  });
});

describe("isAfterMark", () => {
  it("orders by creation time, then id", () => {
    const mark = { createdAt: "2026-11-01T00:00:00.000Z", id: 10 };
    expect(isAfterMark({ createdAt: "2026-11-01T00:00:00.000Z", id: 11 }, mark)).toBe(true);
    expect(isAfterMark({ createdAt: "2026-11-01T00:00:00.000Z", id: 10 }, mark)).toBe(false);
    expect(isAfterMark({ createdAt: "2026-10-31T23:59:59.000Z", id: 99 }, mark)).toBe(false);
    expect(isAfterMark(mark, null)).toBe(true);
  });
});

describe("review connector schemas", () => {
  it("trims credentials and explains what is missing", () => {
    expect(judgemeCredentialsSchema.parse({ apiToken: "  abcdefghij  " })).toEqual({
      apiToken: "abcdefghij",
    });
    const missing = judgemeCredentialsSchema.safeParse({ apiToken: "" });
    expect(missing.success ? "" : missing.error.issues[0]?.message).toContain("Settings → Integrations");
    const yotpo = yotpoCredentialsSchema.safeParse({ appKey: "short", apiSecret: "" });
    expect(yotpo.success).toBe(false);
  });

  it("accepts only a .myshopify.com domain as Judge.me shop override", () => {
    expect(judgemeConfigSchema.parse({ shopDomain: " Other-Shop.myshopify.com " })).toEqual({
      shopDomain: "other-shop.myshopify.com",
    });
    expect(judgemeConfigSchema.safeParse({ shopDomain: "example.com" }).success).toBe(false);
  });
});

const yotpoReview: YotpoReview = {
  id: 520000003,
  title: "Nice",
  content: "Fits well",
  score: 4,
  created_at: "2026-11-01T10:00:00.000Z",
  sku: "101",
  name: "Bo",
  email: "Bo@Example.com",
  reviewer_type: "verified_buyer",
  deleted: false,
};

describe("yotpoReviewToMention", () => {
  it("maps a documented review to a mention", () => {
    expect(yotpoReviewToMention(yotpoReview)).toEqual({
      externalId: "520000003",
      platform: "yotpo",
      authorHandle: "bo@example.com",
      authorIsPublic: false,
      title: "Nice",
      text: "Nice\n\nFits well",
      url: null,
      postedAt: new Date("2026-11-01T10:00:00.000Z"),
      countryCode: null,
      rating: 4,
      verifiedBuyer: true,
      productRef: { shopifyProductId: "101", sku: null, handle: null },
    });
  });

  it("treats site reviews as store reviews and non-numeric product keys as SKUs", () => {
    expect(yotpoReviewToMention({ ...yotpoReview, sku: "yotpo_site_reviews" }).productRef).toBeNull();
    expect(yotpoReviewToMention({ ...yotpoReview, sku: "TWS-CORAL" }).productRef).toEqual({
      shopifyProductId: null,
      sku: "TWS-CORAL",
      handle: null,
    });
    expect(
      yotpoReviewToMention({ ...yotpoReview, email: null, reviewer_type: "anonymous_user" }),
    ).toMatchObject({
      authorHandle: "Bo",
      verifiedBuyer: false,
    });
  });

  it("rejects a review list that is not in the documented shape", () => {
    expect(yotpoReviewListSchema.safeParse({ response: { reviews: [] } }).success).toBe(false);
    expect(
      yotpoReviewListSchema.safeParse({ reviews: [{ ...yotpoReview, created_at: "yesterday" }] }).success,
    ).toBe(false);
  });
});

describe("carryRequestQuota", () => {
  it("keeps today's counts and starts a new day from zero", () => {
    const stored = {
      day: "2026-11-28",
      requests: 12,
      throttled: 1,
      lastRequestAt: "2026-11-28T09:00:00.000Z",
      minIntervalMs: 1000,
    };
    expect(carryRequestQuota(stored, new Date("2026-11-28T10:00:00Z"), 1000)).toEqual(stored);
    expect(carryRequestQuota(stored, new Date("2026-11-29T00:00:01Z"), 1000)).toMatchObject({
      requests: 0,
      throttled: 0,
    });
    expect(carryRequestQuota({ nonsense: true }, new Date("2026-11-28T10:00:00Z"), 15).requests).toBe(0);
  });
});
