import { emojiValence, emoticonValence } from "./emojiLexicon";
import { choiceNouns, scarcityValence } from "./commerceLexicon";
import { englishWordValence, phraseStarters, phrasesStartingWith } from "./englishLexicon";
import { tokenizeEnglish, type EnglishToken } from "./englishTokenizer";
import type { ScoredClause, ScoredText } from "./types";
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
  return englishWordValence(token.lower, token.stretched) ?? 0;
}

function phraseAt(
  tokens: readonly EnglishToken[],
  index: number,
): { valence: number; length: number } | undefined {
  const first = tokens[index];
  if (!first) return undefined;
  for (const phrase of phrasesStartingWith(first.lower)) {
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
  const second = tokens[index + 1];
  const twoWord = second?.kind === "word" ? phraseModifiers.get(token.lower)?.get(second.lower) : undefined;
  if (twoWord !== undefined) return { factor: twoWord, length: 2 };
  // "sooo good": a stretched booster is still a booster.
  const single =
    intensityModifiers.get(token.lower) ??
    (token.stretched ? intensityModifiers.get(token.lower.replace(/(.)\1+/g, "$1")) : undefined);
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
    if (isNegator(token.lower)) return true;
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
 * false, the clauses for aspects and the tokens read.
 * @example
 * scoreEnglish("not bad at all, but the nose pads pinch").valence; // > 0
 */
export function scoreEnglish(text: string, withClauses: boolean = true): ScoredText {
  const tokens = tokenizeEnglish(text);
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
        for (const char of token.lower) if (char === "!") bangs++;
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

    const contrast = contrastWords.get(token.lower);
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
    if (!token.stretched && !structuralWords.has(token.lower) && !token.lower.endsWith("n't")) {
      valence = wordValence(tokens, i);
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
    } else if (isNegator(token.lower)) {
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
    clauses.length,
  );

  // The plain `score` path needs only the totals; quoting clauses costs a slice per clause.
  if (!withClauses) return { tokens: [], clauses: [], valence, absoluteValence };
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
