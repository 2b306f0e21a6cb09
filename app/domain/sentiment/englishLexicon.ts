import sentimentEnglish from "sentiment/languages/en/index.js";
import { commercePhrases, commerceWords } from "./commerceLexicon";
import { everydayWords } from "./everydayLexicon";

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
for (const [entry, valence] of Object.entries(everydayWords)) {
  if (!wordValences.has(entry)) wordValences.set(entry, valence);
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
  // Most words of a text carry no sentiment; remember what the fallbacks found for each spelling.
  const key = stretched ? `\u0001${word}` : word;
  const cached = derivedCache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const derived = derivedValence(word, stretched);
  if (derivedCache.size >= derivedCacheLimit) derivedCache.clear();
  derivedCache.set(key, derived ?? null);
  return derived;
}

const derivedCache = new Map<string, number | null>();
const derivedCacheLimit = 50_000;

/** Valence through stretching, the plural or an inflection, for a word not in the lexicon itself. */
function derivedValence(word: string, stretched: boolean): number | undefined {
  // Straighten stretching: "goooood" → "good"; the two-letter form first so "sooo" does not become "so" before "soo".
  if (stretched) {
    const twice = word.replace(/(.)\1{2,}/g, "$1$1");
    const twiceValence = wordValences.get(twice);
    if (twiceValence !== undefined) return twiceValence;
    const once = word.replace(/(.)\1{2,}/g, "$1");
    const onceValence = wordValences.get(once);
    if (onceValence !== undefined) return onceValence;
  }
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) {
    const singular = wordValences.get(word.slice(0, -1));
    if (singular !== undefined) return singular;
  }
  return inflectedValence(word);
}

// Words that only look like an inflection of a lexicon word ("later" is not "late" + "-r",
// "number" not "numb" + "-er", "sober" not "sob" + "-er", "likely" not "like" + "-ly").
const falseInflections: ReadonlySet<string> = new Set([
  "later",
  "latest",
  "lately",
  "number",
  "numbers",
  "numbered",
  "career",
  "careers",
  "sober",
  "likely",
  "unlikely",
  "fined",
  "finer",
  "cleaning",
  "cleaned",
  "sharing",
  "shared",
  "fanning",
  "dreamed",
  "dreaming",
  "cooling",
  "warming",
  "allowed",
  "extended",
  "shooter",
  "shooting",
  "striking",
  "paying",
  "joined",
  "joining",
  "leaving",
  "issued",
  "killer",
  "trapper",
  "hardly",
  "prompted",
  "partly",
  "fairly",
  "supposedly",
]);

/** Bases an inflected or derived form may come from, most likely first ("coolest" → "cool"). */
function candidateBases(word: string): string[] {
  const bases: string[] = [];
  const stem = (suffix: string): string | undefined =>
    word.length > suffix.length + 2 && word.endsWith(suffix) ? word.slice(0, -suffix.length) : undefined;
  // Stems may have dropped an "e" ("nicest", "hating") or doubled a consonant ("hottest", "stopped").
  const withVariants = (base: string | undefined): void => {
    if (!base) return;
    bases.push(`${base}e`, base);
    const last = base[base.length - 1];
    if (base.length > 2 && last === base[base.length - 2]) bases.push(base.slice(0, -1));
  };
  // Dropped g ("lovin", "kickin'") reads as -ing.
  if (word.endsWith("in'")) bases.push(`${word.slice(0, -1)}g`);
  else if (word.endsWith("in") && word.length > 4) bases.push(`${word}g`);
  for (const suffix of ["iest", "ier", "ily", "ies", "ied"]) {
    const base = stem(suffix);
    if (base) bases.push(`${base}y`);
  }
  for (const suffix of ["est", "er", "ing", "ed", "es"]) withVariants(stem(suffix));
  // -bly/-ly adverbs: "horribly" → "horrible", "pleasantly" → "pleasant".
  const bly = stem("bly");
  if (bly) bases.push(`${bly}ble`);
  const ly = stem("ly");
  if (ly) bases.push(ly);
  return bases;
}

/**
 * Valence of a regular inflection or derivation of a lexicon word — comparatives and
 * superlatives ("coolest"), verb forms ("ruining", "terrifies"), -ly adverbs ("pleasantly"),
 * dropped g ("lovin") — or undefined. Only used when the word itself is not in the lexicon.
 */
function inflectedValence(word: string): number | undefined {
  if (word.length < 5 || falseInflections.has(word)) return undefined;
  for (const base of candidateBases(word)) {
    const valence = wordValences.get(base);
    if (valence !== undefined && valence !== 0) return valence;
  }
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
  return knownWords.has(word);
}
// Single words and phrase openers in one set: language evidence asks about many words per text.
const knownWords: ReadonlySet<string> = new Set([...wordValences.keys(), ...phrasesByFirstWord.keys()]);

/**
 * Returns the lexicon's single words of at most `maxLength` characters.
 * @example
 * shortLexiconWords(3).includes("bad"); // true
 */
export function shortLexiconWords(maxLength: number): string[] {
  const words: string[] = [];
  for (const word of wordValences.keys()) if (word.length <= maxLength) words.push(word);
  return words;
}

/**
 * Returns every word that opens a multi-word entry.
 * @example
 * phraseStarters().includes("worth"); // true
 */
export function phraseStarters(): string[] {
  return [...phrasesByFirstWord.keys()];
}
