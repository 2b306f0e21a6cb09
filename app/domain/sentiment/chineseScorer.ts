import {
  chineseContrastWords,
  chineseDegreeWords,
  chineseExcessAdjectives,
  chineseNegators,
  chineseTopicAdjectives,
  chineseValence,
  longestChineseEntry,
} from "./chineseLexicon";
import { applyContrast, sumValences, type Contribution, type ContrastMark } from "./contrastWeighting";
import { emojiValence } from "./emojiLexicon";
import { englishWordValence } from "./englishLexicon";
import type { ScoredClause, ScoredText } from "./types";

// ICU's dictionary segmenter ships with Node; one instance is reused, it holds no per-text state.
const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

interface Piece {
  readonly text: string;
  readonly wordLike: boolean;
  readonly start: number;
  readonly end: number;
}

// A strong negation of a negative word turns it only mildly ("不差" is "fine"), and a weak
// negation ("不太好") softens rather than inverts.
const negationFactors = {
  strong: { positive: -0.9, negative: -0.6 },
  weak: { positive: -0.5, negative: -0.3 },
} as const;
// Chinese negation reaches over particles and measure words ("没有想象中的那么好"), so further than English.
const negationReachPieces = 5;
// Per negator without a sentiment word to act on, when nothing else in the text scores.
const unmetExpectationValence = 0.5;
const sentenceEnd = /[。！？!?…\n]/;
const emojiPattern = /\p{Extended_Pictographic}/u;
const latinWord = /^[a-z']+$/i;
// Contrast words that also mean "only" or "just" mid-clause count only when they open a clause.
const clauseOpeningOnly = new Set(["不过", "只是"]);
// Single characters that, glued to a sentiment word by the segmenter ("很好", "不好"), still negate or grade it.
const negatingPrefixes = new Set(["不", "没", "无", "未", "别"]);
const gradingPrefixes = new Set(["很", "太", "真", "挺", "超", "最", "更", "还", "蛮", "偏", "好"]);

// Characters the segmenter glues to the word before ("觉得很", "都不", "很不") that open a reading of their own.
const detachableTails = new Set(["不", "很", "太", "没", "挺", "超", "最", "真"]);
// Particles the segmenter glues to a sentiment word ("烂的", "贵了"); "好的"/"好了" mean "OK"/"done".
const detachableParticles = new Set(["的", "了", "啊", "呀", "吧", "呢", "哦", "啦", "得"]);

function isKnownPiece(text: string): boolean {
  return (
    chineseValence(text) !== undefined ||
    chineseNegators.has(text) ||
    chineseDegreeWords.has(text) ||
    chineseContrastWords.has(text) ||
    chineseTopicAdjectives.has(text)
  );
}

/**
 * Splits a segment the dictionary segmenter glued together when its parts read differently:
 * a negator or degree word before a sentiment word ("很不" → 很 + 不, "太差" stays a lexicon
 * entry), a particle after one ("烂的" → 烂 + 的), a degree word or negator closing an unknown
 * word ("觉得很" → 觉得 + 很). Known words are left whole.
 */
function splitGlued(text: string, depth: number = 0): string[] {
  if (text.length < 2 || depth > 3 || isKnownPiece(text)) return [text];
  const head = text[0]!;
  const rest = text.slice(1);
  if (negatingPrefixes.has(head) || gradingPrefixes.has(head)) {
    if (isKnownPiece(rest) || isKnownPiece(rest.slice(0, -1))) return [head, ...splitGlued(rest, depth + 1)];
  }
  const last = text[text.length - 1]!;
  const body = text.slice(0, -1);
  if (detachableParticles.has(last) && body !== "好" && chineseValence(body) !== undefined)
    return [body, last];
  if (detachableTails.has(last)) return [...splitGlued(body, depth + 1), last];
  return [text];
}

function segmentText(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (isWordLike === true && segment.length >= 2) {
      const parts = splitGlued(segment);
      let start = index;
      for (const part of parts) {
        pieces.push({ text: part, wordLike: true, start, end: start + part.length });
        start += part.length;
      }
      continue;
    }
    pieces.push({ text: segment, wordLike: isWordLike === true, start: index, end: index + segment.length });
  }
  return pieces;
}

/** A topic word, possibly split by the segmenter ("性|价|比"): its adjectives and length in pieces. */
function topicMatch(
  pieces: readonly Piece[],
  index: number,
): { adjectives: ReadonlyMap<string, number>; length: number } | undefined {
  let joined = "";
  for (let k = 0; k < 3 && index + k < pieces.length; k++) {
    const piece = pieces[index + k]!;
    if (!piece.wordLike) return undefined;
    joined += piece.text;
    const adjectives = chineseTopicAdjectives.get(joined);
    if (adjectives) return { adjectives, length: k + 1 };
  }
  return undefined;
}

/** Longest run of word pieces from `index` that is a lexicon entry: its valence and length in pieces. */
function lexiconMatch(
  pieces: readonly Piece[],
  index: number,
): { valence: number; length: number } | undefined {
  let joined = "";
  let best: { valence: number; length: number } | undefined;
  for (let k = 0; index + k < pieces.length && k < 4; k++) {
    const piece = pieces[index + k]!;
    if (!piece.wordLike) break;
    joined += piece.text;
    if (joined.length > longestChineseEntry) break;
    const valence = chineseValence(joined);
    if (valence !== undefined) best = { valence, length: k + 1 };
  }
  return best;
}

/** Reads a piece the segmenter glued to a negator or degree word ("不好", "很棒", "太小"). */
function gluedReading(piece: string): { valence: number; negation?: "strong"; factor: number } | undefined {
  if (piece.length < 2) return undefined;
  const head = piece[0]!;
  const rest = piece.slice(1);
  const restValence = chineseValence(rest);
  if (negatingPrefixes.has(head) && restValence !== undefined)
    return { valence: restValence, negation: "strong", factor: 1 };
  if (gradingPrefixes.has(head)) {
    const factor = chineseDegreeWords.get(head) ?? 1;
    if (restValence !== undefined) return { valence: restValence, factor };
    if ((head === "太" || head === "偏") && chineseExcessAdjectives.has(rest))
      return { valence: -1.5, factor: 1 };
  }
  return undefined;
}

function carriesSentiment(pieces: readonly Piece[], index: number): boolean {
  const piece = pieces[index];
  if (!piece || !piece.wordLike) return false;
  return (
    lexiconMatch(pieces, index) !== undefined ||
    gluedReading(piece.text) !== undefined ||
    chineseExcessAdjectives.has(piece.text) ||
    chineseNegators.has(piece.text) ||
    chineseDegreeWords.has(piece.text)
  );
}

/**
 * Scores Simplified Chinese with Intl.Segmenter words and Pulse's Chinese lexicon: negation
 * (不, 没, 没有, 别, 未…), degree words (很, 非常, 太, 有点…), contrast (但是, 可是, 不过, 虽然…),
 * topic-dependent adjectives (性价比高 vs 价格高), "太/有点 + size word" complaints, "！" and emoji.
 * Returns lexicon-unit sums; normalise with `normalizeValence`.
 * @example
 * scoreChinese("质量很好，就是物流太慢了").clauses.length; // 2
 */
export function scoreChinese(text: string): ScoredText {
  const pieces = segmentText(text);
  const contributions: Contribution[] = [];
  const marks: ContrastMark[] = [];
  const clauseSpans: { first: number; last: number }[] = [];
  const exclamationsBySentence: number[] = [];
  const tokens: string[] = [];

  let sentence = 0;
  let sentenceHasWords = false;
  let clauseOpen = false;
  let negation: "strong" | "weak" | undefined;
  let piecesSinceNegator = 0;
  let degree = 1;
  let excess = false;
  let topic: ReadonlyMap<string, number> | undefined;
  // Negators that found no sentiment word to turn ("没有收到", "不给退"): in a review, an unmet expectation.
  let negatorsSeen = 0;

  const closeClause = (): void => {
    clauseOpen = false;
    negation = undefined;
    degree = 1;
    excess = false;
    topic = undefined;
  };
  const openClause = (index: number): void => {
    if (!clauseOpen) clauseSpans.push({ first: index, last: index });
    clauseOpen = true;
  };
  const emit = (valence: number, index: number, negationApplies: boolean): void => {
    let weighted = valence * degree;
    const activeNegation = negationApplies ? negation : undefined;
    if (activeNegation) {
      weighted *=
        weighted > 0 ? negationFactors[activeNegation].positive : negationFactors[activeNegation].negative;
      negation = undefined;
    }
    degree = 1;
    excess = false;
    contributions.push({ valence: weighted, position: index, sentence, clause: clauseSpans.length - 1 });
  };

  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (!piece.wordLike) {
      if (emojiPattern.test(piece.text)) {
        openClause(i);
        tokens.push(piece.text);
        const valence = emojiValence(piece.text);
        if (valence !== 0)
          contributions.push({ valence, position: i, sentence, clause: clauseSpans.length - 1 });
        continue;
      }
      closeClause();
      if (sentenceEnd.test(piece.text)) {
        let bangs = 0;
        for (const char of piece.text) if (char === "!" || char === "！") bangs++;
        exclamationsBySentence[sentence] = (exclamationsBySentence[sentence] ?? 0) + bangs;
        if (sentenceHasWords) sentence++;
        sentenceHasWords = false;
      }
      continue;
    }
    tokens.push(piece.text);
    const opensSentence = !sentenceHasWords;
    sentenceHasWords = true;

    const contrast = chineseContrastWords.get(piece.text);
    if (contrast && (clauseOpeningOnly.has(piece.text) ? !clauseOpen : true)) {
      closeClause();
      openClause(i);
      // "虽然…但是…" is one contrast, not two: the concession already weighs both sides.
      const previous = marks[marks.length - 1];
      const pairsWithConcession =
        contrast === "turn" && previous?.kind === "concession" && previous.sentence === sentence;
      if (!pairsWithConcession) {
        marks.push({ kind: contrast, position: i, sentence, clause: clauseSpans.length - 1, opensSentence });
      }
      continue;
    }
    openClause(i);
    const span = clauseSpans[clauseSpans.length - 1]!;
    span.last = i;

    if (negation) {
      piecesSinceNegator++;
      if (piecesSinceNegator > negationReachPieces) negation = undefined;
    }

    if (latinWord.test(piece.text)) {
      const valence = englishWordValence(piece.text.toLowerCase());
      if (valence) emit(valence, i, true);
      continue;
    }
    const topicHere = topicMatch(pieces, i);
    if (topicHere && topicHere.length >= (lexiconMatch(pieces, i)?.length ?? 0)) {
      topic = topicHere.adjectives;
      span.last = i + topicHere.length - 1;
      i += topicHere.length - 1;
      continue;
    }
    if (excess && chineseExcessAdjectives.has(piece.text) && chineseValence(piece.text) === undefined) {
      degree = 1;
      emit(-1.5, i, true);
      continue;
    }
    // "物流很快": the segmenter glues the degree word to the topic's adjective.
    const gluedTopicValence =
      topic && piece.text.length === 2 && gradingPrefixes.has(piece.text[0]!)
        ? topic.get(piece.text.slice(1))
        : undefined;
    if (gluedTopicValence !== undefined) {
      degree *= chineseDegreeWords.get(piece.text[0]!) ?? 1;
      emit(gluedTopicValence, i, true);
      topic = undefined;
      continue;
    }
    const topicValence = topic?.get(piece.text);
    if (topicValence !== undefined) {
      emit(topicValence, i, true);
      topic = undefined;
      continue;
    }
    const negator = chineseNegators.get(piece.text);
    const degreeFactor = chineseDegreeWords.get(piece.text);
    const match = lexiconMatch(pieces, i);
    // "好" and "小" are words of their own unless a sentiment word follows ("好大" vs "很好").
    const degreeReading =
      degreeFactor !== undefined &&
      (match === undefined || match.length === 1) &&
      carriesSentiment(pieces, i + 1);
    if (match && !degreeReading && !(negator && match.length === 1)) {
      emit(match.valence, i, true);
      span.last = i + match.length - 1;
      i += match.length - 1;
      continue;
    }
    if (negator) {
      // "不很好", "不太好": a negator right before a degree word only softens.
      const next = pieces[i + 1]?.text ?? "";
      negation =
        negator === "strong" && (next === "很" || next === "太" || next === "是很") ? "weak" : negator;
      piecesSinceNegator = 0;
      negatorsSeen++;
      continue;
    }
    if (degreeFactor !== undefined && (degreeReading || match === undefined)) {
      degree *= degreeFactor;
      excess ||=
        degreeFactor !== 1 && ["太", "有点", "有点儿", "有些", "偏", "有一点", "稍微"].includes(piece.text);
      continue;
    }
    if (excess && chineseExcessAdjectives.has(piece.text)) {
      degree = 1;
      emit(-1.5, i, true);
      continue;
    }
    const glued = gluedReading(piece.text);
    if (glued) {
      if (glued.negation) negation = negation ? undefined : glued.negation;
      degree *= glued.factor;
      emit(glued.valence, i, true);
      continue;
    }
  }

  // A review with no sentiment word but a negated action complains about what did not happen
  // ("货没到", "没有送耳机", "不给发票"); read it as mildly negative rather than as nothing.
  if (contributions.length === 0 && negatorsSeen > 0 && clauseSpans.length > 0) {
    contributions.push({
      valence: -unmetExpectationValence * Math.min(negatorsSeen, 2),
      position: pieces.length - 1,
      sentence: 0,
      clause: clauseSpans.length - 1,
    });
  }
  applyContrast(contributions, marks);
  const { valence, absoluteValence, clauseValences } = sumValences(
    contributions,
    exclamationsBySentence,
    clauseSpans.length,
  );
  const clauses: ScoredClause[] = clauseSpans.map((span, index) => {
    const terms: string[] = [];
    for (let k = span.first; k <= span.last; k++) {
      const piece = pieces[k]!;
      if (piece.wordLike) terms.push(piece.text);
    }
    return {
      text: text.slice(pieces[span.first]!.start, pieces[span.last]!.end),
      terms,
      valence: clauseValences[index] ?? 0,
    };
  });
  return { tokens, clauses, valence, absoluteValence };
}
