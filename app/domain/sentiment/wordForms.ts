// Nouns that are plural in form but name one thing ("glasses", "jeans"): left as written.
const pluralOnly = new Set([
  "glasses",
  "sunglasses",
  "pants",
  "jeans",
  "shorts",
  "trousers",
  "scissors",
  "leggings",
  "tights",
  "goggles",
  "clothes",
  "news",
  "series",
  "species",
  "headphones",
  "earphones",
  "earbuds",
  "overalls",
  "pyjamas",
  "pajamas",
  "this",
  "its",
  "is",
  "was",
  "has",
  "does",
  "yes",
  "less",
  "plus",
  "bus",
  "gas",
  "canvas",
  "lens",
  "always",
  "perhaps",
  "thanks",
  "various",
  "previous",
  "serious",
  "famous",
  "gorgeous",
  "us",
  "as",
  "his",
  "hers",
  "ours",
]);
const irregularPlurals: Readonly<Record<string, string>> = {
  lenses: "lens",
  buses: "bus",
  children: "child",
  men: "man",
  women: "woman",
  feet: "foot",
  teeth: "tooth",
  knives: "knife",
  leaves: "leaf",
  shelves: "shelf",
  wolves: "wolf",
  mice: "mouse",
  people: "person",
};

/**
 * Returns the singular of an English noun by rule ("batteries" → "battery", "boxes" → "box"),
 * leaving plural-only nouns ("glasses") and non-plurals alone.
 * @example
 * singularize("lenses"); // "lens"
 */
export function singularize(word: string): string {
  if (word.length <= 3 || pluralOnly.has(word)) return word;
  const irregular = irregularPlurals[word];
  if (irregular) return irregular;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

// British spellings whose American form cannot be had by the -ise rule.
const britishToAmerican: Readonly<Record<string, string>> = {
  colour: "color",
  colours: "colors",
  coloured: "colored",
  colourful: "colorful",
  colourway: "colorway",
  flavour: "flavor",
  flavours: "flavors",
  favourite: "favorite",
  grey: "gray",
  aluminium: "aluminum",
  centre: "center",
  fibre: "fiber",
  jewellery: "jewelry",
  tyre: "tire",
  tyres: "tires",
  metre: "meter",
  licence: "license",
  defence: "defense",
  humour: "humor",
  odour: "odor",
  harbour: "harbor",
  neighbour: "neighbor",
  behaviour: "behavior",
  mould: "mold",
  practise: "practice",
  catalogue: "catalog",
  pyjamas: "pajamas",
  cosy: "cozy",
  programme: "program",
  storey: "story",
  plough: "plow",
  travelling: "traveling",
  cancelled: "canceled",
};
// Words ending in -ise/-ised that are not the British spelling of an -ize verb.
const iseWords =
  /^(wise|rise|arise|noise|poise|praise|raise|cruise|bruise|franchise|merchandise|enterprise|exercise|expertise|promise|premise|surprise|advise|compromise|concise|precise|paradise|otherwise|likewise|clockwise|disguise|revise|supervise|televise|turquoise|tortoise|porpoise|chemise|demise|despise|devise|excise|incise|improvise|comprise)(d|s)?$/;

/**
 * Returns the American spelling of a lower-case English word ("polarised" → "polarized",
 * "colour" → "color").
 * @example
 * americanSpelling("polarised"); // "polarized"
 */
export function americanSpelling(word: string): string {
  const listed = britishToAmerican[word];
  if (listed) return listed;
  if (word.length >= 6 && !iseWords.test(word)) {
    const converted = word.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1");
    if (converted !== word) return converted;
  }
  return word;
}
