import { describe, expect, it } from "vitest";
import { analyze, score } from "~/domain/sentiment";

describe("English vocabulary beyond AFINN (pulse 1.1)", () => {
  it("reads everyday review adjectives AFINN lacks", () => {
    expect(score("The app is clunky and underwhelming")).toBeLessThan(0);
    expect(score("Super convenient and versatile")).toBeGreaterThan(0);
    expect(score("The sauce is flavorful")).toBeGreaterThan(0);
    expect(score("Tasteless and soggy fries")).toBeLessThan(0);
  });

  it("reads inflected and derived forms through their base word", () => {
    expect(score("This is the coolest thing ever")).toBeGreaterThan(0);
    expect(score("Funniest show I have seen")).toBeGreaterThan(0);
    expect(score("That restaurant terrifies me")).toBeLessThan(0);
    expect(score("Pleasantly surprised by the fit")).toBeGreaterThan(0);
    expect(score("lovin these boots")).toBeGreaterThan(0);
  });

  it("does not mistake look-alike words for inflections", () => {
    expect(score("I'll do it later")).toBe(0);
    expect(score("Order number 12345 shipped")).toBe(0);
  });

  it("reads slang idioms", () => {
    expect(score("This app is bad ass")).toBeGreaterThan(0);
    expect(score("Feeling under the weather today")).toBeLessThan(0);
  });

  it("lets exclamation marks after a wordless sentence emphasise the text's direction", () => {
    expect(score("Good news. Friday!!!")).toBeGreaterThan(score("Good news. Friday."));
  });

  it("still leaves other Latin-script languages unscored", () => {
    expect(analyze("Este producto es muy bueno").scored).toBe(false);
    expect(analyze("Das ist wirklich schlecht").scored).toBe(false);
  });
});

describe("Chinese review vocabulary and glued segments (pulse 1.1)", () => {
  it("splits a degree word glued to a negator", () => {
    expect(score("我很不满意")).toBeLessThan(0);
  });

  it("reads a topic word the segmenter split into characters", () => {
    expect(score("性价比挺高的")).toBeGreaterThan(0);
  });

  it("reads taste, freshness, hair-care and service words", () => {
    expect(score("苹果很甜，很新鲜")).toBeGreaterThan(0);
    expect(score("洗完头皮屑多，假的")).toBeLessThan(0);
    expect(score("客服爱理不理")).toBeLessThan(0);
    expect(score("快递很快，第二天就到了")).toBeGreaterThan(0);
  });

  it("reads loyalty and refusal verdicts", () => {
    expect(score("服务周到，下次还会再来")).toBeGreaterThan(0);
    expect(score("以后不会再买了")).toBeLessThan(0);
    expect(score("一分都不想给")).toBeLessThan(0);
  });

  it("reads a negated action with no sentiment word as an unmet expectation", () => {
    expect(score("货没到，也没有人联系")).toBeLessThan(0);
    // Without a negator, a plain statement stays neutral.
    expect(score("今天收到了")).toBe(0);
  });
});
