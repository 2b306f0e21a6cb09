import { emojiValence, emoticonValence } from "./emojiLexicon";
import { choiceNouns, scarcityValence } from "./commerceLexicon";
import {
  englishWordValence,
  isKnownEnglishWord,
  phraseStarters,
  phrasesStartingWith,
  shortLexiconWords,
  type LexiconPhrase,
} from "./englishLexicon";
import { tokenizeEnglish, type EnglishToken } from "./englishTokenizer";
import type { ContrastKind } from "./valenceModifiers";
import type { ScoredClause, ScoredText } from "./types";
import { WordTable, wordHash } from "./wordTable";
import { functionWords, noEvidence, wordEvidence, type WordEvidence } from "./languageDetection";
import { applyContrast, sumValences, type Contribution, type ContrastMark } from "./contrastWeighting";
import {
  contrastWords,
  excessAdjectives,
  intensityModifiers,
  isNegator,
  negationFactor,
  negators,
  negationReachWords,
  phraseModifiers,
  shoutedEmphasis,
  stretchedEmphasis,
} from "./valenceModifiers";

interface ClauseSpan {
  firstToken: number;
  lastToken: number;
  readonly sentence: number;
}

// "like" is praise only as a verb with a subject or auxiliary before it ("I like", "would like");
// elsewhere it compares ("feels like plastic") or fills ("it's like, fine").
const likeSubjects = new Set([
  "i",
  "we",
  "you",
  "they",
  "u",
  "ya",
  "he",
  "she",
  "really",
  "totally",
  "also",
  "still",
  "would",
  "do",
  "to",
  "definitely",
  "actually",
  "i'd",
  "we'd",
  "you'd",
  "who",
  "people",
  "everyone",
  "kids",
  "def",
  "genuinely",
]);

// Valence-bearing words that only reinforce the word after them when one follows ("pretty good",
// "super comfy", "damn good"), but carry their own meaning alone ("so pretty", "damn!").
function wordValence(tokens: readonly EnglishToken[], index: number): number {
  const token = tokens[index];
  if (!token) return 0;
  if (token.lower === "like" || token.lower === "likes") {
    const previous = tokens[index - 1];
    return previous?.kind === "word" && likeSubjects.has(previous.lower) ? 2 : 0;
  }
  if (token.stretched) return englishWordValence(token.lower, true) ?? 0;
  return tokenFacts(token).lexiconValence;
}

function phraseAt(
  tokens: readonly EnglishToken[],
  index: number,
): { valence: number; length: number } | undefined {
  const first = tokens[index];
  if (!first) return undefined;
  const phrases = first.stretched ? phrasesStartingWith(first.lower) : tokenFacts(first).phrases;
  for (const phrase of phrases) {
    let matches = phrase.words.length > 1;
    for (let k = 1; k < phrase.words.length && matches; k++) {
      const next = tokens[index + k];
      matches = next?.kind === "word" && next.lower === phrase.words[k];
    }
    if (matches) return { valence: phrase.valence, length: phrase.words.length };
  }
  return undefined;
}

function modifierAt(
  tokens: readonly EnglishToken[],
  index: number,
): { factor: number; length: number } | undefined {
  const token = tokens[index];
  if (!token || token.kind !== "word") return undefined;
  const facts = token.stretched ? undefined : tokenFacts(token);
  const second = tokens[index + 1];
  const pairs = facts ? facts.pairModifiers : phraseModifiers.get(token.lower);
  const twoWord = pairs !== undefined && second?.kind === "word" ? pairs.get(second.lower) : undefined;
  if (twoWord !== undefined) return { factor: twoWord, length: 2 };
  // "sooo good": a stretched booster is still a booster.
  const single = facts
    ? facts.modifier
    : (intensityModifiers.get(token.lower) ?? intensityModifiers.get(token.lower.replace(/(.)\1+/g, "$1")));
  return single === undefined ? undefined : { factor: single, length: 1 };
}

/** True when a sentiment word (or, after "too", a plain size word) follows, skipping modifiers. */
function sentimentFollows(tokens: readonly EnglishToken[], index: number, afterExcess: boolean): boolean {
  let j = index;
  for (let hops = 0; hops < 3; hops++) {
    const token = tokens[j];
    if (!token || token.kind !== "word") return false;
    if (phraseAt(tokens, j) !== undefined || wordValence(tokens, j) !== 0) return true;
    if (afterExcess && excessAdjectives.has(token.lower)) return true;
    if (token.stretched ? isNegator(token.lower) : tokenFacts(token).negator) return true;
    const modifier = modifierAt(tokens, j);
    if (!modifier) return false;
    j += modifier.length;
  }
  return false;
}

/** True when a choice noun ("colours", "options") comes within two words: "few colour choices". */
function scarceChoiceFollows(tokens: readonly EnglishToken[], index: number): boolean {
  for (let k = 1; k <= 2; k++) {
    const token = tokens[index + k];
    if (!token || token.kind !== "word") return false;
    if (choiceNouns.has(token.lower)) return true;
  }
  return false;
}

// Words that can open an idiom, grade, negate or contrast; every other word is read by lookup alone.
const structuralWords: ReadonlySet<string> = new Set([
  ...intensityModifiers.keys(),
  ...phraseModifiers.keys(),
  ...contrastWords.keys(),
  ...negators,
  ...phraseStarters(),
  "few",
  "like",
  "likes",
]);

const noWords: readonly string[] = Object.freeze([]);
const noClauses: readonly ScoredClause[] = Object.freeze([]);

/** What the scorer needs to know about one lower-case word, looked up once per spelling. */
interface WordFacts {
  /** Opens an idiom, grades, negates, or is "like"/"few": needs the full reading. */
  readonly structural: boolean;
  readonly contrast: ContrastKind | undefined;
  /** Lexicon valence (with plural and inflection fallbacks) for a plain word, 0 when none. */
  readonly valence: number;
  /** The same lexicon valence whatever the word's role, for the full reading of structural words. */
  readonly lexiconValence: number;
  readonly negator: boolean;
  /** Its factor as a one-word booster or dampener ("very", "slightly"). */
  readonly modifier: number | undefined;
  /** Two-word modifiers it opens ("kind" → "of"), by their second word. */
  readonly pairModifiers: ReadonlyMap<string, number> | undefined;
  /** Idioms it opens, longest first. */
  readonly phrases: readonly LexiconPhrase[];
  /** What it says about the language of its text (`wordEvidence`). */
  readonly evidence: WordEvidence;
}

// One table lookup per token instead of four (contrast, structure, negation, lexicon), keyed by
// the hash the tokenizer computed; words repeat across texts, so the table stays small. Cleared if
// a pathological input fills it.
const factsByWord = new WordTable<WordFacts>(16_384);
const factsLimit = 100_000;

function factsFor(lowerToken: string, hash: number): WordFacts {
  const known = factsByWord.get(lowerToken, hash);
  if (known) return known;
  // A token may be a slice of its whole mention; the caches keep a copy of the word alone, so a
  // remembered spelling does not keep a 100 kB review in memory.
  const word = ` ${lowerToken}`.slice(1);
  const contrast = contrastWords.get(word);
  const structural = structuralWords.has(word) || word.endsWith("n't");
  const lexiconValence = englishWordValence(word, false) ?? 0;
  const facts: WordFacts = {
    structural,
    contrast,
    valence: structural || contrast ? 0 : lexiconValence,
    lexiconValence,
    negator: isNegator(word),
    modifier: intensityModifiers.get(word),
    pairModifiers: phraseModifiers.get(word),
    phrases: phrasesStartingWith(word),
    evidence: wordEvidence(word, isKnownEnglishWord),
  };
  if (factsByWord.size >= factsLimit) factsByWord.clear();
  factsByWord.set(word, hash, facts);
  return facts;
}

// Words of up to four characters are half of all tokens ("i", "to", "the", "this"). Their facts are
// worked out once, at load, for every short word that has any, and kept by a number made of
// their characters; every other short word has none. Characters outside a-z, 0-9, "'" and "-"
// fall back to the hashed lookup.
const shortWordLength = 4;
const shortAlphabet = 40;
const noFacts: WordFacts = {
  structural: false,
  contrast: undefined,
  valence: 0,
  lexiconValence: 0,
  negator: false,
  modifier: undefined,
  pairModifiers: undefined,
  phrases: [],
  evidence: noEvidence,
};

function shortCharCode(code: number): number {
  if (code >= 0x61 && code <= 0x7a) return code - 0x60;
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 27;
  if (code === 0x27) return 37;
  if (code === 0x2d) return 38;
  return -1;
}

/** Index of a word of 1-4 table characters (distinct per word: code 0 is unused), or -1. */
function shortWordKey(word: string): number {
  let key = 0;
  for (let k = 0; k < word.length; k++) {
    const code = shortCharCode(word.charCodeAt(k));
    if (code < 0) return -1;
    key = key * shortAlphabet + code;
  }
  return key;
}

// The short words that have facts (a few thousand), by their key in a small integer-keyed table:
// probing it compares numbers, not strings, and it stays in the processor's cache.
const shortFactsSlots = 8192;
const shortFactsKeys = new Int32Array(shortFactsSlots).fill(-1);
const shortFactsValues = new Array<WordFacts>(shortFactsSlots).fill(noFacts);

/** Slot of a short-word key in the table: Fibonacci hashing spreads the base-40 keys. */
function shortFactsSlot(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 19;
}

function addShortWord(word: string): void {
  if (word.length > shortWordLength) return;
  const key = shortWordKey(word);
  if (key < 0) return;
  let slot = shortFactsSlot(key);
  for (; shortFactsKeys[slot] !== -1; slot = (slot + 1) & (shortFactsSlots - 1)) {
    if (shortFactsKeys[slot] === key) return;
  }
  shortFactsKeys[slot] = key;
  shortFactsValues[slot] = factsFor(word, wordHash(word));
}
const shortWordsWithFacts = new Set<string>([
  ...structuralWords,
  ...functionWords(),
  ...contrastWords.keys(),
]);
for (const word of shortLexiconWords(shortWordLength)) {
  shortWordsWithFacts.add(word);
  // "wins" reads through "win": a plural of a short lexicon word has facts too.
  shortWordsWithFacts.add(`${word}s`);
}
if (shortWordsWithFacts.size * 2 > shortFactsSlots) {
  throw new Error(
    `englishScorer: ${shortWordsWithFacts.size} short words overfill the facts table; raise shortFactsSlots.`,
  );
}
for (const word of shortWordsWithFacts) addShortWord(word);

/** Facts of a word of at most four table characters: from the table, else none. */
function shortWordFacts(key: number): WordFacts {
  for (let slot = shortFactsSlot(key); ; slot = (slot + 1) & (shortFactsSlots - 1)) {
    const stored = shortFactsKeys[slot]!;
    if (stored === key) return shortFactsValues[slot]!;
    if (stored === -1) return noFacts;
  }
}

// The full reading asks about the same token several times in a row (as a modifier, as an
// idiom's opener, as the word after a booster); the last answer is kept for the next question.
let lastToken: EnglishToken | undefined;
let lastFacts: WordFacts = noFacts;

/** `factsFor` a word token, with the short-word table in front. */
function tokenFacts(token: EnglishToken): WordFacts {
  if (token === lastToken) return lastFacts;
  const word = token.lower;
  const length = word.length;
  let facts: WordFacts | undefined;
  if (length <= shortWordLength) {
    // Words ending in "n't" are structural whatever their length ("n't" itself).
    const endsWithNt =
      length >= 3 &&
      word.charCodeAt(length - 1) === 0x74 &&
      word.charCodeAt(length - 2) === 0x27 &&
      word.charCodeAt(length - 3) === 0x6e;
    const key = endsWithNt ? -1 : shortWordKey(word);
    if (key >= 0) facts = shortWordFacts(key);
  }
  facts ??= factsFor(word, token.hash);
  lastToken = token;
  lastFacts = facts;
  return facts;
}

/**
 * Returns what a word token says about the language of its text (`wordEvidence`), from the same
 * per-spelling facts the scorer reads, so language detection and scoring share one lookup.
 * @example
 * englishWordEvidence(tokenizeEnglish("the")[0]!); // englishFunctionEvidence
 */
export function englishWordEvidence(token: EnglishToken): WordEvidence {
  return token.stretched ? wordEvidence(token.lower, isKnownEnglishWord) : tokenFacts(token).evidence;
}

/** Applies the pending booster, capitals, stretching and negation to a plain word's valence. */
function emphasise(
  valence: number,
  token: EnglishToken,
  negated: boolean,
  pendingFactor: number,
  capitalsEmphasise: boolean,
): number {
  let weighted = valence * pendingFactor;
  if (capitalsEmphasise && token.shouted) weighted *= shoutedEmphasis;
  if (negated) weighted *= weighted > 0 ? negationFactor.positive : negationFactor.negative;
  return weighted;
}

function isSentenceEnd(token: EnglishToken): boolean {
  const mark = token.lower[0];
  return mark === "." || mark === "!" || mark === "?" || mark === "…" || mark === "\n";
}

/**
 * Scores English text with AFINN-165 plus Pulse's rules: phrases, negation with a scope,
 * boosters and dampeners, "but"/"although" contrast, capitals, stretching, "!", emoji and emoticons.
 * Returns lexicon-unit sums (normalise with `normalizeValence`) and, unless `withClauses` is
 * false, the clauses for aspects and the tokens read. Pass `tokenized` when the caller already
 * ran `tokenizeEnglish` on the same text.
 * @example
 * scoreEnglish("not bad at all, but the nose pads pinch").valence; // > 0
 */
export function scoreEnglish(
  text: string,
  withClauses: boolean = true,
  tokenized?: readonly EnglishToken[],
): ScoredText {
  const tokens = tokenized ?? tokenizeEnglish(text);
  const contributions: Contribution[] = [];
  const marks: ContrastMark[] = [];
  const clauses: ClauseSpan[] = [];
  const exclamationsBySentence: number[] = [];

  let wordCount = 0;
  let shoutedCount = 0;
  for (const token of tokens) {
    if (token.kind !== "word") continue;
    wordCount++;
    if (token.shouted) shoutedCount++;
  }
  // Capitals only emphasise when the writer does not shout everything.
  const capitalsEmphasise = shoutedCount > 0 && shoutedCount < wordCount;

  let sentence = 0;
  let sentenceHasWords = false;
  let current: ClauseSpan | undefined;
  let negated = false;
  let wordsSinceNegator = 0;
  let pendingFactor = 1;
  let pendingExcess = false;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind === "punctuation") {
      // A clause boundary ends negation and any pending booster.
      current = undefined;
      negated = false;
      pendingFactor = 1;
      pendingExcess = false;
      if (isSentenceEnd(token)) {
        let bangs = 0;
        const run = token.lower;
        for (let k = 0; k < run.length; k++) if (run.charCodeAt(k) === 0x21) bangs++;
        exclamationsBySentence[sentence] = (exclamationsBySentence[sentence] ?? 0) + bangs;
        if (sentenceHasWords) sentence++;
        sentenceHasWords = false;
      }
      continue;
    }
    const opensSentence = !sentenceHasWords;
    sentenceHasWords = true;
    if (token.kind === "emoji" || token.kind === "emoticon") {
      // Faces are not negated: "not happy :(" is sad twice, not sad then happy.
      const valence = token.kind === "emoji" ? emojiValence(token.text) : emoticonValence(token.text);
      if (!current) clauses.push((current = { firstToken: i, lastToken: i, sentence }));
      current.lastToken = i;
      if (valence !== 0) contributions.push({ valence, position: i, sentence, clause: clauses.length - 1 });
      continue;
    }

    const facts = token.stretched ? undefined : tokenFacts(token);
    const contrast = facts ? facts.contrast : contrastWords.get(token.lower);
    if (contrast) {
      // A clause boundary ends negation and any pending booster.
      current = undefined;
      negated = false;
      pendingFactor = 1;
      pendingExcess = false;
      clauses.push((current = { firstToken: i, lastToken: i, sentence }));
      // "Although …, but …" is one contrast, not two: the concession already weighs both sides.
      const previous = marks[marks.length - 1];
      const pairsWithConcession =
        contrast === "turn" && previous?.kind === "concession" && previous.sentence === sentence;
      if (!pairsWithConcession) {
        marks.push({ kind: contrast, position: i, sentence, clause: clauses.length - 1, opensSentence });
      }
      continue;
    }
    if (!current) clauses.push((current = { firstToken: i, lastToken: i, sentence }));
    const clause = clauses.length - 1;

    let valence = 0;
    let length = 1;
    // Most words are plain: no idiom, modifier or negator starts with them, so one lookup decides.
    if (facts && !facts.structural) {
      valence = facts.valence;
      if (valence === 0 && pendingExcess && excessAdjectives.has(token.lower)) valence = -1.5;
      if (negated) {
        wordsSinceNegator++;
        if (wordsSinceNegator > negationReachWords) negated = false;
      }
      current.lastToken = i;
      if (valence === 0) {
        pendingFactor = 1;
        pendingExcess = false;
        continue;
      }
      contributions.push({
        valence: emphasise(valence, token, negated, pendingFactor, capitalsEmphasise),
        position: i,
        sentence,
        clause,
      });
      pendingFactor = 1;
      pendingExcess = false;
      continue;
    }
    const modifier = modifierAt(tokens, i);
    const phrase = phraseAt(tokens, i);
    // A longer idiom beats a modifier reading ("so so" is lukewarm, not "so" + "so").
    const phraseIsLonger = phrase !== undefined && phrase.length > (modifier?.length ?? 0);
    if (modifier && !phraseIsLonger && sentimentFollows(tokens, i + modifier.length, token.lower === "too")) {
      pendingFactor *= modifier.factor;
      pendingExcess ||= token.lower === "too" || (token.lower === "way" && tokens[i + 1]?.lower === "too");
      current.lastToken = i + modifier.length - 1;
      i += modifier.length - 1;
      if (negated) wordsSinceNegator++;
      continue;
    }
    if (phrase) {
      valence = phrase.valence;
      length = phrase.length;
    } else if (facts ? facts.negator : isNegator(token.lower)) {
      const next = tokens[i + 1];
      // A bare "no" answers or refuses ("No. Just no."); before a word it negates it.
      if (token.lower === "no" && (next === undefined || next.kind !== "word" || next.lower === "no")) {
        valence = englishWordValence("no") ?? -1;
      } else {
        negated = true;
        wordsSinceNegator = 0;
        current.lastToken = i;
        continue;
      }
    } else {
      valence = wordValence(tokens, i);
      if (valence === 0 && pendingExcess && excessAdjectives.has(token.lower)) valence = -1.5;
      if (
        valence === 0 &&
        token.lower === "few" &&
        tokens[i - 1]?.lower !== "a" &&
        scarceChoiceFollows(tokens, i)
      ) {
        valence = scarcityValence;
      }
    }
    current.lastToken = i + length - 1;

    if (negated) {
      wordsSinceNegator++;
      if (wordsSinceNegator > negationReachWords) negated = false;
    }
    if (valence === 0) {
      pendingFactor = 1;
      pendingExcess = false;
      i += length - 1;
      continue;
    }
    valence *= pendingFactor;
    pendingFactor = 1;
    pendingExcess = false;
    if (capitalsEmphasise && token.shouted) valence *= shoutedEmphasis;
    if (token.stretched) valence *= stretchedEmphasis;
    if (negated) {
      valence *= valence > 0 ? negationFactor.positive : negationFactor.negative;
      const after = tokens[i + length];
      const afterNext = tokens[i + length + 1];
      // "not good at all" is firmer than "not good".
      if (after?.lower === "at" && afterNext?.lower === "all") {
        valence *= 1.3;
        length += 2;
        current.lastToken = i + length - 1;
      }
    }
    contributions.push({ valence, position: i, sentence, clause });
    i += length - 1;
  }

  applyContrast(contributions, marks);
  const { valence, absoluteValence, clauseValences } = sumValences(
    contributions,
    exclamationsBySentence,
    withClauses ? clauses.length : 0,
  );

  // The plain `score` path needs only the totals; quoting clauses costs a slice per clause.
  if (!withClauses) return { tokens: noWords, clauses: noClauses, valence, absoluteValence };
  const scoredClauses: ScoredClause[] = clauses.map((span, index) => {
    const first = tokens[span.firstToken]!;
    const last = tokens[span.lastToken]!;
    const terms: string[] = [];
    for (let k = span.firstToken; k <= span.lastToken; k++) {
      const token = tokens[k]!;
      if (token.kind === "word") terms.push(token.lower);
    }
    return { text: text.slice(first.start, last.end), terms, valence: clauseValences[index] ?? 0 };
  });
  const words: string[] = [];
  for (const token of tokens) if (token.kind !== "punctuation") words.push(token.lower);
  return { tokens: words, clauses: scoredClauses, valence, absoluteValence };
}
