import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze, score } from "~/domain/sentiment";
import { cleanInput } from "~/domain/sentiment/inputCleaning";
import { tokenizeEnglish, tokenizeWithRegex } from "~/domain/sentiment/englishTokenizer";
import { WordTable, wordHash } from "~/domain/sentiment/wordTable";

// The scorer's fast paths (hand-written ASCII scanner, hashed word table, @handle scan) must give
// exactly what the plain reference code gives; these properties pin that down on texts built from
// the fragments where the two could part ways.
const fragments = [
  "Good",
  "good",
  "LOVE",
  "sooo",
  "don't",
  "don’t",
  "well-made",
  "x2",
  "xD",
  "XD",
  "T_T",
  "The",
  "-_-",
  ":)",
  ":-(",
  ";P",
  "=D",
  ":/",
  "(:",
  "(see",
  "[:",
  "<3",
  "</3",
  "^_^",
  "^^",
  "3:30",
  "Note:",
  "@ann",
  "@ann_1",
  "a@b.co",
  "x@y",
  "@",
  "@@bob",
  "#tag",
  "**",
  "…",
  "!!",
  "?",
  ",",
  "\n",
  " ",
  "  ",
  "\t",
  "\u00a0",
  "\u3000",
  "“",
  "”",
  "not",
  "but",
  "wins",
  "coolest",
];
const fragmentText = fc
  .array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(""));
const spacedText = fc
  .array(fc.constantFrom(...fragments), { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(" "));

/** The @handle removal as the cleaning step first wrote it, with a regex. */
function handlesRemovedByRegex(text: string): string {
  return text.replace(/(^|\s)@\w+/g, "$1");
}

describe("sentiment fast paths", () => {
  it("tokenises ASCII text exactly as the reference Unicode regex does", () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, spacedText), (text) => {
        expect(tokenizeEnglish(text)).toEqual(tokenizeWithRegex(text));
      }),
      { numRuns: 500 },
    );
  });

  it("gives every word token the hash of its lower-case form", () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, spacedText, fc.string()), (text) => {
        for (const token of tokenizeEnglish(text)) {
          if (token.kind === "word") expect(token.hash).toBe(wordHash(token.lower));
        }
      }),
      { numRuns: 500 },
    );
  });

  it("removes @handles exactly where the regex did", () => {
    fc.assert(
      fc.property(fc.oneof(fragmentText, spacedText), (text) => {
        // No e-mail shape, link, markup or double space: handle removal is the only step that acts.
        const plain = text.replace(/[.<&*_~`#>\]]|\s{2,}/g, "");
        const reference = handlesRemovedByRegex(plain)
          .replace(/[ \t\u00a0]{2,}/g, " ")
          .trim();
        expect(cleanInput(plain).text).toBe(reference);
      }),
      { numRuns: 500 },
    );
  });

  it("scores the same text the same way however often its words were seen", () => {
    // The facts cache must not change a reading: a fresh spelling and a cached one score alike.
    const text = "Sooo good, but the strap broke :( not worth it";
    const first = analyze(text);
    for (let i = 0; i < 3; i++) expect(analyze(text)).toEqual(first);
    expect(score(text)).toBe(first.polarity);
  });
});

describe("WordTable", () => {
  it("finds what was stored and nothing else, across growth", () => {
    const table = new WordTable<number>(4);
    const words = Array.from({ length: 500 }, (_, i) => `word${i}`);
    words.forEach((word, i) => table.set(word, wordHash(word), i));
    expect(table.size).toBe(500);
    words.forEach((word, i) => expect(table.get(word, wordHash(word))).toBe(i));
    expect(table.get("word500", wordHash("word500"))).toBeUndefined();
  });

  it("tells apart words that share a hash slot", () => {
    const table = new WordTable<string>(16);
    // Same hash, different words: only the string comparison separates them.
    table.set("good", 7, "first");
    table.set("bad", 7, "second");
    expect(table.get("good", 7)).toBe("first");
    expect(table.get("bad", 7)).toBe("second");
    expect(table.get("ugly", 7)).toBeUndefined();
  });

  it("replaces a value and empties on clear", () => {
    const table = new WordTable<number>();
    table.set("good", wordHash("good"), 1);
    table.set("good", wordHash("good"), 3);
    expect(table.size).toBe(1);
    expect(table.get("good", wordHash("good"))).toBe(3);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.get("good", wordHash("good"))).toBeUndefined();
  });
});
