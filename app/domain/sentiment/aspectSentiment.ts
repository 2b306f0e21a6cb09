import { normalizeValence } from "./polarityScale";
import type { AspectSentiment, AspectTaxonomy, IssueType, ScoredClause } from "./types";
import { americanSpelling, singularize } from "./wordForms";

interface CompiledAspect {
  readonly id: string;
  readonly issueType: IssueType;
  readonly englishWords: ReadonlySet<string>;
  /** Multi-word English synonyms, as space-padded phrases. */
  readonly englishPhrases: readonly string[];
  readonly chinese: readonly string[];
}

function canonicalEnglish(word: string): string {
  return singularize(americanSpelling(word));
}

// Taxonomies are long-lived per shop; compile each once.
const compiled = new WeakMap<AspectTaxonomy, readonly CompiledAspect[]>();

function compileTaxonomy(taxonomy: AspectTaxonomy): readonly CompiledAspect[] {
  const cached = compiled.get(taxonomy);
  if (cached) return cached;
  const result = taxonomy.map((aspect) => {
    const englishWords = new Set<string>();
    const englishPhrases: string[] = [];
    for (const synonym of aspect.synonyms.en) {
      const words = synonym.toLowerCase().trim().split(/\s+/).map(canonicalEnglish);
      if (words.length === 1) englishWords.add(words[0]!);
      else englishPhrases.push(` ${words.join(" ")} `);
    }
    return {
      id: aspect.id,
      issueType: aspect.issueType,
      englishWords,
      englishPhrases,
      chinese: aspect.synonyms.zh,
    };
  });
  compiled.set(taxonomy, result);
  return result;
}

function mentions(
  aspect: CompiledAspect,
  clause: ScoredClause,
  language: string,
  canonicalTerms: readonly string[],
): boolean {
  if (language === "zh") {
    const joined = clause.terms.join("");
    return aspect.chinese.some((synonym) => joined.includes(synonym));
  }
  if (canonicalTerms.some((term) => aspect.englishWords.has(term))) return true;
  if (aspect.englishPhrases.length === 0) return false;
  const padded = ` ${canonicalTerms.join(" ")} `;
  return aspect.englishPhrases.some((phrase) => padded.includes(phrase));
}

/**
 * Returns the aspects a text talks about, each with the polarity of the clauses that mention it
 * (summed, then normalised) and the most opinionated of those clauses as evidence.
 * @example
 * aspectSentiments(scoreEnglish("Love the design, but the nose pads pinch").clauses, "en", defaultAspectTaxonomy);
 * // [{ aspect: "design", polarity: > 0, … }, { aspect: "comfort", polarity: < 0, … }]
 */
export function aspectSentiments(
  clauses: readonly ScoredClause[],
  language: string,
  taxonomy: AspectTaxonomy,
): AspectSentiment[] {
  const aspects = compileTaxonomy(taxonomy);
  const found = new Map<
    string,
    { valence: number; evidence: string; strongest: number; issueType: IssueType }
  >();
  for (const clause of clauses) {
    const canonicalTerms = language === "zh" ? clause.terms : clause.terms.map(canonicalEnglish);
    for (const aspect of aspects) {
      if (!mentions(aspect, clause, language, canonicalTerms)) continue;
      const entry = found.get(aspect.id);
      if (!entry) {
        found.set(aspect.id, {
          valence: clause.valence,
          evidence: clause.text,
          strongest: Math.abs(clause.valence),
          issueType: aspect.issueType,
        });
      } else {
        entry.valence += clause.valence;
        if (Math.abs(clause.valence) > entry.strongest) {
          entry.strongest = Math.abs(clause.valence);
          entry.evidence = clause.text;
        }
      }
    }
  }
  return [...found].map(([aspect, entry]) => ({
    aspect,
    polarity: normalizeValence(entry.valence),
    issueType: entry.issueType,
    evidence: entry.evidence,
  }));
}
