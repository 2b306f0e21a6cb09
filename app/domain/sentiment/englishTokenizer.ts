/** What a piece of English text is, for the scorer. */
export type EnglishTokenKind = "word" | "emoticon" | "emoji" | "punctuation";

/** One token of English text with the surface cues the scorer needs (case, stretching). */
export interface EnglishToken {
  readonly kind: EnglishTokenKind;
  /** As written. */
  readonly text: string;
  /** Lower-cased, curly apostrophe straightened; for punctuation the marks themselves. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Written in capitals ("LOVE"), at least two letters. */
  readonly shouted: boolean;
  /** A letter repeated three or more times ("sooo", "goooood"). */
  readonly stretched: boolean;
}

// Emoticons: a digit, ":" or "/" right before would make "3:30" or "http:/" look like a face.
const emoticon = String.raw`(?<![\p{N}:/])(?:[:;=][\-o'’^]?[)\]}DdPp3(\[{/\\|Oo*@$Ss](?![\p{L}\p{N}])|[(\[][\-o]?[:;=](?![\p{L}\p{N}])|<\/?3+|\^[_\-.]?\^|[xX][dD]+(?![\p{L}\p{N}])|-_-|T_T)`;
const emoji = String.raw`\p{Extended_Pictographic}(?:\u200D\p{Extended_Pictographic}|\uFE0F|[\u{1F3FB}-\u{1F3FF}])*|[\u{1F1E6}-\u{1F1FF}]{2}`;
const word = String.raw`[\p{L}\p{N}\p{M}]+(?:['’\-][\p{L}\p{N}\p{M}]+)*`;
const punctuation = String.raw`[.!?…]+|[,;:]|\n+`;
const tokenPattern = new RegExp(`(${emoticon})|(${emoji})|(${word})|(${punctuation})`, "gu");

function makeWord(surface: string, start: number): EnglishToken {
  let lower = surface.toLowerCase();
  if (lower.includes("’")) lower = lower.replace(/’/g, "'");
  let letters = 0;
  let lowercase = 0;
  let digits = 0;
  let stretched = false;
  for (let k = 0; k < surface.length; k++) {
    const code = surface.charCodeAt(k);
    if (code >= 0x30 && code <= 0x39) digits++;
    else if (code >= 0x41 && code <= 0x5a) letters++;
    else if (code >= 0x61 && code <= 0x7a) {
      letters++;
      lowercase++;
    } else if (code >= 0x80 && lower.charCodeAt(k) === code && surface[k] !== surface[k]!.toUpperCase()) {
      // A non-ASCII letter that lower-casing leaves alone but upper-casing changes is lower case.
      letters++;
      lowercase++;
    } else if (code >= 0x80 && lower.charCodeAt(k) !== code) letters++;
    if (k >= 2 && code === surface.charCodeAt(k - 1) && code === surface.charCodeAt(k - 2) && digits === 0)
      stretched = true;
  }
  const shouted = letters >= 2 && lowercase === 0 && digits === 0;
  return { kind: "word", text: surface, lower, start, end: start + surface.length, shouted, stretched };
}

function symbolToken(kind: EnglishTokenKind, surface: string, start: number): EnglishToken {
  return {
    kind,
    text: surface,
    lower: surface,
    start,
    end: start + surface.length,
    shouted: false,
    stretched: false,
  };
}

/**
 * Splits English text into words, emoticons, emoji and punctuation, keeping offsets so clauses
 * can be quoted back as evidence.
 * @example
 * tokenizeEnglish("SO good :)").map((t) => t.lower); // ["so", "good", ":)"]
 */
export function tokenizeEnglish(text: string): EnglishToken[] {
  const tokens: EnglishToken[] = [];
  tokenPattern.lastIndex = 0;
  for (let match = tokenPattern.exec(text); match !== null; match = tokenPattern.exec(text)) {
    const surface = match[0];
    const start = match.index;
    if (match[3] !== undefined) tokens.push(makeWord(surface, start));
    else if (match[1] !== undefined) tokens.push(symbolToken("emoticon", surface, start));
    else if (match[2] !== undefined) tokens.push(symbolToken("emoji", surface, start));
    else tokens.push(symbolToken("punctuation", surface, start));
  }
  return tokens;
}
