import { contrastWeights, exclamationStep, type ContrastKind } from "./valenceModifiers";

/** A valence read at one place in a text, before contrast weighting. */
export interface Contribution {
  valence: number;
  readonly position: number;
  readonly sentence: number;
  readonly clause: number;
}

/** Where a contrast word ("but", "虽然") stands and what it does. */
export interface ContrastMark {
  readonly kind: ContrastKind;
  readonly position: number;
  readonly sentence: number;
  readonly clause: number;
  /** The word opens its sentence ("But it broke.", "Although pricey, …"). */
  readonly opensSentence: boolean;
}

/**
 * Reweighs contributions around contrast words, in place, by `contrastWeights`: before a turn
 * ("but") down, after it up; a concession clause ("although …") down and, when it opens the
 * sentence, the main clause after it up. A turn that opens a sentence contrasts with the previous one.
 * @example
 * applyContrast(contributions, [{ kind: "turn", position: 3, sentence: 0, clause: 1, opensSentence: false }]);
 */
export function applyContrast(contributions: Contribution[], marks: readonly ContrastMark[]): void {
  if (marks.length === 0) return;
  // A mark only touches its own sentence and the one before; index by sentence so a long text
  // with many "but"s stays linear.
  const bySentence = new Map<number, Contribution[]>();
  for (const contribution of contributions) {
    const list = bySentence.get(contribution.sentence);
    if (list) list.push(contribution);
    else bySentence.set(contribution.sentence, [contribution]);
  }
  for (const mark of marks) {
    const nearby = [...(bySentence.get(mark.sentence - 1) ?? []), ...(bySentence.get(mark.sentence) ?? [])];
    for (const contribution of nearby) {
      if (mark.kind === "turn") {
        if (mark.opensSentence) {
          if (contribution.sentence === mark.sentence - 1) contribution.valence *= contrastWeights.before;
          else if (contribution.sentence === mark.sentence) contribution.valence *= contrastWeights.after;
        } else if (contribution.sentence === mark.sentence) {
          contribution.valence *=
            contribution.position < mark.position ? contrastWeights.before : contrastWeights.after;
        }
      } else if (contribution.sentence === mark.sentence) {
        if (contribution.clause === mark.clause) contribution.valence *= contrastWeights.before;
        else if (mark.opensSentence && contribution.clause > mark.clause)
          contribution.valence *= contrastWeights.after;
      }
    }
  }
}

/** Totals of weighted contributions: the whole text (with "!" emphasis per sentence) and each clause. */
export interface ValenceTotals {
  readonly valence: number;
  readonly absoluteValence: number;
  readonly clauseValences: readonly number[];
}

/**
 * Sums contributions per sentence, adds `exclamationStep` per "!" (up to four) in the direction of
 * each sentence's sentiment, and sums per clause for aspect polarity (pass a `clauseCount` of 0
 * when only the totals are wanted).
 * @example
 * sumValences([{ valence: 3, position: 0, sentence: 0, clause: 0 }], [1], 1).valence; // 3.35
 */
export function sumValences(
  contributions: readonly Contribution[],
  exclamationsBySentence: readonly number[],
  clauseCount: number,
): ValenceTotals {
  const sentenceValences: number[] = [];
  const clauseValences = new Array<number>(clauseCount).fill(0);
  let absoluteValence = 0;
  for (const contribution of contributions) {
    sentenceValences[contribution.sentence] =
      (sentenceValences[contribution.sentence] ?? 0) + contribution.valence;
    if (clauseCount > 0) {
      clauseValences[contribution.clause] = (clauseValences[contribution.clause] ?? 0) + contribution.valence;
    }
    absoluteValence += Math.abs(contribution.valence);
  }
  let plain = 0;
  for (let s = 0; s < sentenceValences.length; s++) plain += sentenceValences[s] ?? 0;
  // "!" emphasises its sentence's sentiment; after a sentence without any ("Friday!!!") it
  // emphasises the text's overall direction.
  const overall = Math.sign(plain);
  let valence = 0;
  const sentences = Math.max(sentenceValences.length, exclamationsBySentence.length);
  for (let s = 0; s < sentences; s++) {
    const sentenceValence = sentenceValences[s] ?? 0;
    const bangs = Math.min(exclamationsBySentence[s] ?? 0, 4);
    const direction = sentenceValence === 0 ? overall : Math.sign(sentenceValence);
    valence += sentenceValence + direction * bangs * exclamationStep;
  }
  return { valence, absoluteValence, clauseValences };
}
