import sentimentEnglish from "sentiment/languages/en/index.js";
import { commercePhrases, commerceWords } from "./commerceLexicon";

/** A multi-word entry: its words in order and its valence. */
export interface LexiconPhrase {
  readonly words: readonly string[];
  readonly valence: number;
}

const wordValences = new Map<string, number>();
const phrasesByFirstWord = new Map<string, LexiconPhrase[]>();

function addPhrase(phrase: string, valence: number): void {
  const words = phrase.split(" ");
  const first = words[0] ?? "";
  const list = phrasesByFirstWord.get(first) ?? [];
  list.push({ words, valence });
  phrasesByFirstWord.set(first, list);
}

// AFINN-165 as shipped by the `sentiment` package; its few multi-word entries ("can't stand",
// "does not work") join the phrase index. Ours come second so they override.
for (const [entry, valence] of Object.entries(sentimentEnglish.labels)) {
  if (entry.includes(" ")) addPhrase(entry, valence);
  else wordValences.set(entry, valence);
}
for (const [entry, valence] of Object.entries(commerceWords)) wordValences.set(entry, valence);
for (const [entry, valence] of Object.entries(commercePhrases)) {
  const existing = phrasesByFirstWord.get(entry.split(" ")[0] ?? "");
  const index = existing?.findIndex((phrase) => phrase.words.join(" ") === entry) ?? -1;
  if (existing && index >= 0) existing.splice(index, 1);
  addPhrase(entry, valence);
}
// Longest first, so "not bad at all" wins over "not bad".
for (const list of phrasesByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

/**
 * Returns the valence of one lower-case English word (AFINN-165 with Pulse's overrides), trying
 * the singular and the unstretched spelling; undefined when the word carries no sentiment entry.
 * Callers that already know whether the word is stretched pass it, to skip a regex.
 * @example
 * englishWordValence("loooove"); // 3
 */
export function englishWordValence(
  word: string,
  stretched: boolean = /(.)\1\1/.test(word),
): number | undefined {
  const direct = wordValences.get(word);
  if (direct !== undefined) return direct;
  // Straighten stretching: "goooood" → "good"; the two-letter form first so "sooo" does not become "so" before "soo".
  if (stretched) {
    const twice = word.replace(/(.)\1{2,}/g, "$1$1");
    const twiceValence = wordValences.get(twice);
    if (twiceValence !== undefined) return twiceValence;
    const once = word.replace(/(.)\1{2,}/g, "$1");
    const onceValence = wordValences.get(once);
    if (onceValence !== undefined) return onceValence;
  }
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss"))
    return wordValences.get(word.slice(0, -1));
  return undefined;
}

/**
 * Returns the phrases that start with a lower-case word, longest first (empty when none).
 * @example
 * phrasesStartingWith("runs")[0]?.words; // ["runs", "small"]
 */
export function phrasesStartingWith(word: string): readonly LexiconPhrase[] {
  return phrasesByFirstWord.get(word) ?? noPhrases;
}
const noPhrases: readonly LexiconPhrase[] = [];

/**
 * True when a lower-case word is in the English sentiment lexicon; used as evidence that a short
 * Latin-script text is English.
 * @example
 * isKnownEnglishWord("amazing"); // true
 */
export function isKnownEnglishWord(word: string): boolean {
  return wordValences.has(word) || phrasesByFirstWord.has(word);
}

/**
 * Returns every word that opens a multi-word entry.
 * @example
 * phraseStarters().includes("worth"); // true
 */
export function phraseStarters(): string[] {
  return [...phrasesByFirstWord.keys()];
}
