import { detect as detectWithTinyld } from "tinyld";

/** Letters of each script in a text; decides which detector, if any, is needed. */
interface ScriptCensus {
  readonly han: number;
  readonly kana: number;
  readonly hangul: number;
  readonly latin: number;
  readonly otherLetters: number;
}

function countScripts(text: string): ScriptCensus {
  // The first 2,000 characters tell the script of a review; a 1 MB paste needs no more.
  const length = Math.min(text.length, 2000);
  let han = 0;
  let kana = 0;
  let hangul = 0;
  let latin = 0;
  let otherLetters = 0;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) latin++;
    } else if (code >= 0x4e00 && code <= 0x9fff) han++;
    else if (code >= 0x3400 && code <= 0x4dbf) han++;
    else if (code >= 0x3040 && code <= 0x30ff) kana++;
    else if (code >= 0xac00 && code <= 0xd7af) hangul++;
    else if (code >= 0xc0 && code <= 0x24f) latin++;
    else if (code >= 0x370 && code <= 0x1fff) otherLetters++;
  }
  return { han, kana, hangul, latin, otherLetters };
}

// Characters that exist only in Traditional (or only in Simplified) script; counting them tells
// zh-Hant from zh-Hans without a model. Our Chinese lexicon is Simplified only.
const traditionalOnly = new Set(
  "這個們來說為對會時買賣質價貨東車還從後裡與開關體點覺樣並沒錯電讓謝無給過號網問應實發現麼顏衛龍學習經話將當寫員險認務總",
);
const simplifiedOnly = new Set(
  "这个们来说为对会时买卖质价货东车还从后里与开关体点觉样并没错电让谢无给过号网问应实发现么卫龙学习经话将当写员险认务总",
);

function looksTraditional(text: string): boolean {
  let traditional = 0;
  let simplified = 0;
  for (const char of text) {
    if (traditionalOnly.has(char)) traditional++;
    else if (simplifiedOnly.has(char)) simplified++;
  }
  return traditional > simplified;
}

// Frequent English function words absent from the other Latin-script languages tinyld confuses
// short English with ("a", "in", "on", "no", "me", "die", "is" are shared, so they are left out).
const englishFunctionWords = new Set(
  (
    "the and i you it this that to of for with my have has had but not so just be was were are they we he she " +
    "what will would your from if or all about there get got too very really it's i'm don't can't do did does " +
    "can how when why who one out up now today at an im dont cant its " +
    // Frequent English content words that are not words of es/fr/de/it/pt/nl either.
    "new day time get like more people know back think make want way need look work first last year home " +
    "week night tonight tomorrow thanks ever been being which their them then than these those some any our " +
    "his her him off after again still here where because while only also well even much many other into " +
    "through down right going gonna wanna yeah yes okay thing things something nothing everything anything " +
    "someone everyone best better next watch watching play playing game show movie book read video check " +
    "free buy shopping shipping price customer service product order ordered bought use used using works " +
    "worked made came got went said says tell told feel feels felt should could"
  ).split(" "),
);

// Function words of the Latin-script languages that short English is most often mistaken for.
const otherFunctionWords = new Set(
  (
    "el los las que y es muy pero por para con una del lo está esto como más fue " +
    "le les est et je tu il elle pas très mais pour avec une des du ce c'est qui sur mon trop " +
    "der das und ist nicht ich sehr aber mit ein eine zu auf für sie wir auch nur " +
    "gli è di che non molto sono della questo " +
    "os é não muito mas com um da isso eu " +
    "het een en niet zeer maar voor van ik dat zijn ook heel"
  ).split(" "),
);

/** What one word says about the language of its text. */
export type WordEvidence = 0 | 1 | 2 | 3;
/** A word that says nothing either way. */
export const noEvidence = 0;
/** An English function word ("the", "with", "i'm"). */
export const englishFunctionEvidence = 1;
/** A function word of a language short English is mistaken for ("el", "der", "très"). */
export const otherFunctionEvidence = 2;
/** A word of more than two letters the English lexicon knows ("amazing"). */
export const knownEnglishEvidence = 3;

/**
 * Returns what a lower-case word says about the language of its text. Pure, so callers may
 * remember it per spelling (the English scorer keeps it with each word's facts).
 * @example
 * wordEvidence("the", () => false); // englishFunctionEvidence
 */
export function wordEvidence(word: string, isEnglishWord: (word: string) => boolean): WordEvidence {
  if (englishFunctionWords.has(word)) return englishFunctionEvidence;
  if (otherFunctionWords.has(word)) return otherFunctionEvidence;
  return word.length > 2 && isEnglishWord(word) ? knownEnglishEvidence : noEvidence;
}

/**
 * Returns every function word `wordEvidence` knows, English and other.
 * @example
 * functionWords().includes("the"); // true
 */
export function functionWords(): string[] {
  return [...englishFunctionWords, ...otherFunctionWords];
}

const latinWord = /[a-zà-ÿ']+/g;
/** Below this many letters a Latin-script text is too short for the n-gram model. */
export const shortTextLetters = 25;
const evidenceWords = 80;

/** Tallies of English and look-alike-language evidence among a text's first words. */
interface Evidence {
  english: number;
  other: number;
  knownEnglish: number;
}

/** Adds one word's evidence to the tallies; true once two English function words and no foreign one settle it. */
function weigh(evidence: Evidence, kind: WordEvidence): boolean {
  if (kind === englishFunctionEvidence) {
    evidence.english++;
    // Two English function words and none foreign settle it; most reviews get here in a few words.
    return evidence.english >= 2 && evidence.other === 0;
  }
  if (kind === otherFunctionEvidence) evidence.other++;
  else if (kind === knownEnglishEvidence) evidence.knownEnglish++;
  return false;
}

function verdict({ english, other, knownEnglish }: Evidence): "en" | "other" | "unsure" {
  // English sentiment words count as half a function word each: "true dat. lol" and
  // "very cool! #happy" are English even though a Dutch or Czech n-gram model says otherwise.
  const englishScore = english + knownEnglish / 2;
  if (englishScore >= 1 && englishScore >= 2 * other) return "en";
  if (other > 0) return "other";
  return knownEnglish > 0 ? "en" : "unsure";
}

/**
 * Weighs English function words against those of look-alike languages in the first words of a
 * Latin-script text. Returns "en", "other", or "unsure" when neither shows up (short texts).
 */
function englishEvidence(text: string, isEnglishWord: (word: string) => boolean): "en" | "other" | "unsure" {
  const lower = (text.length > 2000 ? text.slice(0, 2000) : text).toLowerCase();
  const evidence: Evidence = { english: 0, other: 0, knownEnglish: 0 };
  latinWord.lastIndex = 0;
  for (let seen = 0; seen < evidenceWords; seen++) {
    const match = latinWord.exec(lower);
    if (!match) break;
    if (weigh(evidence, wordEvidence(match[0], isEnglishWord))) return "en";
  }
  return verdict(evidence);
}

/**
 * The same weighing over tokens the caller has already split and lower-cased (the English
 * tokenizer's), so a Latin-script text is not scanned twice. Only "word" tokens count.
 */
function englishEvidenceInTokens<T extends LowerCasedToken>(
  tokens: readonly T[],
  evidenceOf: (token: T) => WordEvidence,
): "en" | "other" | "unsure" {
  const evidence: Evidence = { english: 0, other: 0, knownEnglish: 0 };
  for (let i = 0, seen = 0; i < tokens.length && seen < evidenceWords; i++) {
    const token = tokens[i]!;
    if (token.kind !== "word") continue;
    seen++;
    if (weigh(evidence, evidenceOf(token))) return "en";
  }
  return verdict(evidence);
}

/** A token as the English tokenizer yields it; only its kind and lower-case form matter here. */
export interface LowerCasedToken {
  readonly kind: string;
  readonly lower: string;
}

/** Marker returned by `languageByRules` when only the n-gram model can tell. */
export const needsModel = "needs-model";

/** Marker returned by `languageByScript` for a Latin-script text: English evidence decides next. */
export const latinScript = "latin";
/** The same for a Latin-script text under 25 letters, too short for the n-gram model. */
export const shortLatinScript = "latin-short";

/**
 * Returns the language the script census alone decides ("zh", "ja", "ko", "zh-Hant", "und"),
 * `latinScript` for a Latin-script text, or `needsModel` for any other mix.
 * @example
 * languageByScript("质量很好"); // "zh"
 */
export function languageByScript(text: string): string {
  const census = countScripts(text);
  const letters = census.han + census.kana + census.hangul + census.latin + census.otherLetters;
  if (letters === 0) return "und";
  if (census.kana > 0 && census.kana * 5 >= census.han) return "ja";
  if (census.hangul * 2 > letters) return "ko";
  // A Chinese character carries roughly what a 3-4 letter word does.
  if (census.han > 0 && census.han * 3 >= census.latin + census.otherLetters) {
    return looksTraditional(text) ? "zh-Hant" : "zh";
  }
  if (census.latin * 2 > letters) return census.latin < shortTextLetters ? shortLatinScript : latinScript;
  return needsModel;
}

/**
 * Decides a Latin-script text from its tokens: "en" on English evidence, "und" when a short text
 * shows none either way, else `needsModel`. `evidenceOf` is `wordEvidence` of the token's lower-case
 * form, or a remembered copy of it.
 * @example
 * languageOfLatinTokens(tokenizeEnglish("love these, but they run small"), false, (t) => wordEvidence(t.lower, () => false)); // "en"
 */
export function languageOfLatinTokens<T extends LowerCasedToken>(
  tokens: readonly T[],
  short: boolean,
  evidenceOf: (token: T) => WordEvidence,
): string {
  const evidence = englishEvidenceInTokens(tokens, evidenceOf);
  if (evidence === "en") return "en";
  // Below ~25 letters n-gram detectors guess (tinyld put "LMAO, AMAZING!" in Turkish); with no
  // word we know either way, the text is too short to tell and too short to hold a verdict.
  if (evidence === "unsure" && short) return "und";
  return needsModel;
}

/**
 * Returns the language when script and function words decide it, else `needsModel`. Cheap: no
 * model is consulted, so callers that only need a score can skip the model when nothing scores.
 * @example
 * languageByRules("质量很好", () => false); // "zh"
 */
export function languageByRules(text: string, isEnglishWord: (word: string) => boolean): string {
  const byScript = languageByScript(text);
  if (byScript !== latinScript && byScript !== shortLatinScript) return byScript;
  const evidence = englishEvidence(text, isEnglishWord);
  if (evidence === "en") return "en";
  if (evidence === "unsure" && byScript === shortLatinScript) return "und";
  return needsModel;
}

/**
 * Returns the language tinyld reads in a text, "und" when it cannot tell.
 * @example
 * languageByModel("c'est vraiment nul"); // "fr"
 */
export function languageByModel(text: string): string {
  const guess = detectWithTinyld(text.slice(0, 2000));
  return guess === "" ? "und" : guess;
}

/**
 * Returns the ISO 639-1 code of a text ("und" when it has no letters), using the script first,
 * English function words second and tinyld only for what is left (see ADR 011: tinyld alone reads
 * 18% of short English tweets as another language, and costs ~0.5 ms a text).
 * @example
 * detectLanguage("Love these, but they run small", () => false); // "en"
 * detectLanguage("质量很好，物流也快", () => false); // "zh"
 */
export function detectLanguage(text: string, isEnglishWord: (word: string) => boolean): string {
  const byRules = languageByRules(text, isEnglishWord);
  return byRules === needsModel ? languageByModel(text) : byRules;
}
