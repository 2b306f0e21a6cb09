import { describe, expect, it } from "vitest";
import { analyze, score } from "~/domain/sentiment";

function expectSane(text: string): void {
  const reading = analyze(text);
  expect(Number.isFinite(reading.polarity)).toBe(true);
  expect(Math.abs(reading.polarity)).toBeLessThanOrEqual(1);
  expect(Number.isFinite(score(text))).toBe(true);
  if (!reading.scored) expect(reading.unscorableReason).toBeDefined();
}

describe("bad input", () => {
  it("says why empty and link-only text is not scored", () => {
    expect(analyze("").unscorableReason).toBe("empty");
    expect(analyze("   \n ").unscorableReason).toBe("empty");
    expect(analyze("https://example.com/p/1 www.shop.test").unscorableReason).toBe("no-content");
    expect(analyze("?!?! ...").unscorableReason).toBe("no-content");
  });

  it("treats non-strings from untyped callers as invalid input", () => {
    expect(analyze(undefined as unknown as string).unscorableReason).toBe("invalid-input");
    expect(score(42 as unknown as string)).toBe(0);
  });

  it("cuts 1 MB of text and still answers", () => {
    const huge = "great product, but it broke. ".repeat(36_000);
    const reading = analyze(huge);
    expect(reading.truncated).toBe(true);
    expectSane(huge);
  });

  it("survives lone surrogates", () => {
    expectSane("\uD800 love it \uDFFF");
    expect(score("\uD83D great")).toBeGreaterThan(0);
  });

  it("reads the words inside HTML and markdown", () => {
    expect(score("<p>I <b>love</b> it</p><script>bad()</script>")).toBeGreaterThan(0);
    expect(score("**Terrible** [product](https://x.test)")).toBeLessThan(0);
    expect(analyze("<p>Great fit</p>").aspects[0]?.evidence).toBe("Great fit");
  });

  it("scores emoji-only text with no language", () => {
    const reading = analyze("🔥🔥🔥");
    expect(reading.scored).toBe(true);
    expect(reading.language).toBe("und");
    expect(reading.polarity).toBeGreaterThan(0);
  });

  it("never scores another language as English", () => {
    for (const text of [
      "C'est vraiment nul, je déteste ce produit",
      "Das ist wirklich sehr schlecht und teuer",
      "この商品はとても良いです",
    ]) {
      const reading = analyze(text);
      expect(reading.scored).toBe(false);
      expect(reading.unscorableReason).toBe("unsupported-language");
      expect(score(text)).toBe(0);
    }
  });

  it("scores mixed scripts by the dominant one", () => {
    expect(analyze("质量很好，物流也很快，包装不错 quality great").language).toBe("zh");
    expect(analyze("Great lamp, the 质量 is really good").language).toBe("en");
    expectSane("Great 质量 👍 <b>ok</b> \uD800");
  });
});
