import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, score } from "~/domain/sentiment";

const positiveClauses = [
  "this is good",
  "the fit is great",
  "i love these shoes",
  "the lamp is excellent",
  "it is very comfortable",
  "the quality is amazing",
];
const words = [
  "the",
  "strap",
  "is",
  "very",
  "not",
  "good",
  "bad",
  "but",
  "price",
  "love",
  "broke",
  "comfy",
  "!",
  ",",
];

describe("score properties", () => {
  it("stays within [-1, 1] and is never NaN, for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        const polarity = score(text);
        expect(Number.isNaN(polarity)).toBe(false);
        expect(polarity).toBeGreaterThanOrEqual(-1);
        expect(polarity).toBeLessThanOrEqual(1);
        const reading = analyze(text);
        expect(Math.abs(reading.polarity)).toBeLessThanOrEqual(1);
        expect(reading.intensity).toBeGreaterThanOrEqual(0);
        expect(reading.intensity).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it("ignores extra whitespace and letter case", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(" ", "  ", "\t", " \t "), { minLength: 12, maxLength: 12 }),
        (sentenceWords, gaps) => {
          const plain = sentenceWords.join(" ");
          const spaced = sentenceWords.map((word, i) => word + (gaps[i] ?? " ")).join("");
          // Whole-text capitals are not emphasis, so shouting everything reads the same.
          expect(score(spaced)).toBeCloseTo(score(plain), 10);
          expect(score(plain.toUpperCase())).toBeCloseTo(score(plain), 10);
        },
      ),
    );
  });

  it("never makes a clearly positive sentence more positive by negating it", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...positiveClauses),
        fc.constantFrom("", " really", " so"),
        (clause, booster) => {
          const sentence = clause.replace(/ is /, ` is${booster} `).replace(/^i love/, `i${booster} love`);
          const negated = sentence.replace(/ is /, " is not ").replace(/^i /, "i don't ");
          expect(score(negated)).toBeLessThanOrEqual(score(sentence));
          expect(score(negated)).toBeLessThan(0.1);
        },
      ),
    );
  });
});
