import type { FeatureRequest } from "./types";
import { americanSpelling, singularize } from "./wordForms";

// Each pattern's group 1 is where the requested thing starts; it runs to the end of the sentence
// and is trimmed below. Patterns are for needs stated as wishes, not for praise ("I love the black").
const englishRequestPatterns: readonly RegExp[] = [
  /\bwish\s+(?:it|they|this|these|that|you|the\s+\w+)\s+(?:had|has|have|came\s+(?:in|with)|come\s+in|(?:was|were)\s+(?:available|offered|sold)\s+in|(?:was|were)\s+in|offered|included|would\s+(?:come\s+in|have))\s+(.+)/,
  /\bwish\s+there\s+(?:was|were|is|are)\s+(.+)/,
  /\b(?:would|'d)\s+love\s+(?:to\s+see\s+|it\s+if\s+(?:it|they)\s+(?:had|came\s+in|came\s+with)\s+|if\s+(?:it|they|you)\s+(?:had|made|offered|came\s+in)\s+)?(.+)/,
  /\bplease\s+(?:make|add|bring(?:\s+back)?|offer|release|consider|create|include|do)\s+(.+)/,
  /\bis\s+there\s+(?:a|an|any)\s+(.+)/,
  /\bdo\s+you\s+(?:have|sell|make|offer|carry)\s+(?:this|these|it|them|that|those|one)\s+in\s+(.+)/,
  /\bdo\s+you\s+(?:have|sell|make|offer|carry)\s+(?:a|an|any)\s+(.+)/,
  /\b(?:need|needs|want|wants)\s+(?:a|an)\s+(.+?\s+(?:version|option|model|variant|edition))\b/,
  /\bif\s+only\s+(?:it|they)\s+(?:had|came\s+in|came\s+with|was|were)\s+(.+)/,
  /\bwould\s+be\s+(?:nice|great|better|awesome|perfect|good)\s+if\s+(?:it|they|there|you)\s+(?:had|came\s+in|came\s+with|was|were|offered|made|added)\s+(.+)/,
  /\b(?:should|needs?\s+to)\s+(?:come|be\s+available|be\s+offered|be\s+made)\s+in\s+(.+)/,
  /\b(?:can|could)\s+you\s+(?:please\s+)?(?:make|add|offer|release|bring\s+out)\s+(.+)/,
  /\bhope\s+(?:you|they)\s+(?:will\s+)?(?:make|add|release|offer|bring\s+out)\s+(.+)/,
];

// The requested thing ends at a conjunction or clause word: "polarized lenses because the glare…".
const thingEnds =
  /\s(?:and\s+(?:i|it|the|they|that)|but|so|because|since|as|which|that|for\s+(?:me|my|the|when)|when|if|to\s+(?:be|go|match)|instead|too|though|like)\b.*$/;
const sentenceSplit = /[.!?;\n…]+/;
const leadingFillers =
  /^(?:(?:a|an|the|some|more|any|other|another|different|this|these|it|them|in|with|of|option\s+(?:of|for)|version\s+(?:with|in))\s+)+/;

const stopwords = new Set([
  "a",
  "an",
  "the",
  "some",
  "more",
  "any",
  "it",
  "its",
  "them",
  "this",
  "that",
  "these",
  "those",
  "in",
  "with",
  "of",
  "for",
  "to",
  "my",
  "your",
  "our",
  "please",
  "also",
  "too",
  "maybe",
  "available",
  "colour",
  "color",
  "other",
  "another",
  "different",
  "like",
  "really",
  "would",
  "be",
  "nice",
  "one",
  "ones",
]);
// Words that only wrap the request ("a polarized option", "a bigger version"): dropped from the cluster key.
const containerWords = new Set([
  "option",
  "version",
  "model",
  "variant",
  "edition",
  "kind",
  "type",
  "choice",
  "style",
]);

function normalizeEnglishThing(thing: string): { normalized: string; clusterKey: string } {
  const words = thing
    .toLowerCase()
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((word) => word.length > 0)
    .map((word) => singularize(americanSpelling(word)))
    .filter((word) => !stopwords.has(word));
  const clusterWords = [...new Set(words.filter((word) => !containerWords.has(word)))].sort();
  return { normalized: words.join(" "), clusterKey: clusterWords.join(" ") };
}

function englishRequests(text: string): FeatureRequest[] {
  const requests: FeatureRequest[] = [];
  for (const sentence of text.split(sentenceSplit)) {
    const lower = sentence.toLowerCase().replace(/’/g, "'");
    for (const pattern of englishRequestPatterns) {
      const match = pattern.exec(lower);
      if (!match?.[1]) continue;
      let thing = match[1]
        .replace(thingEnds, "")
        .replace(/[,:()"]+.*$/, "")
        .trim();
      thing = thing.replace(leadingFillers, "").split(/\s+/).slice(0, 6).join(" ");
      const { normalized, clusterKey } = normalizeEnglishThing(thing);
      if (clusterKey.length === 0) continue;
      requests.push({ phrase: thing, normalized, clusterKey });
      break;
    }
  }
  return requests;
}

const chineseRequestPatterns: readonly RegExp[] = [
  /(?:要是|如果|若是|若)(?:能|可以)?(?:有|出|带|加)(.+?)(?:就好了|就更好了|就完美了|就好|就更好)/,
  /希望(?:能够|能|可以|你们|商家|厂家|卖家|以后|下次|早日|尽快)*(?:出|有|增加|推出|做|加|改进|提供|上架|补货)(.+)/,
  /(?:能不能|能否|可不可以|可否|是否能)(?:出|做|加|增加|推出|提供|上)(.+)/,
  /建议(?:增加|出|推出|加|做|提供|上)(.+)/,
  /什么时候(?:出|有|上)(.+)/,
  /有没有(.+?)(?:吗|呢|啊|？|\?|$)/,
];
const chineseClauseEnd = /[，。！？；、,.!?;\s].*$/;
const chineseParticles = /^(?:一些|一个|一款|些|个|款)|(?:的|了|吧|呢|啊|吗|呀|哦|就好了|就好)+$/g;
const chineseContainers = /(?:款式|款|版本|版|选项|型号|的)/g;

function chineseRequests(text: string): FeatureRequest[] {
  const requests: FeatureRequest[] = [];
  for (const pattern of chineseRequestPatterns) {
    const match = pattern.exec(text);
    if (!match?.[1]) continue;
    const thing = match[1].replace(chineseClauseEnd, "").replace(chineseParticles, "").slice(0, 20);
    if (thing.length === 0) continue;
    const clusterKey = thing.replace(chineseContainers, "") || thing;
    if (!requests.some((request) => request.clusterKey === clusterKey)) {
      requests.push({ phrase: thing, normalized: thing, clusterKey });
    }
  }
  return requests;
}

/**
 * Returns the unmet needs a text states ("wish it came in polarized", "希望出偏光款"), each with a
 * normalised form and a cluster key shared by rewordings ("polarised lens option" = "polarized lenses").
 * @example
 * findFeatureRequests("Wish they came in polarized lenses!", "en")[0]?.clusterKey; // "lens polarized"
 */
export function findFeatureRequests(text: string, language: string): FeatureRequest[] {
  if (language === "zh") return chineseRequests(text);
  if (language === "en") return englishRequests(text);
  return [];
}
