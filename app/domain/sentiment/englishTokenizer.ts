import { wordHash, wordHashSeed, wordHashStep } from "./wordTable";

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
  /** `wordHash(lower)` for a word, for `WordTable` lookups without re-hashing; 0 for other tokens. */
  readonly hash: number;
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
  return {
    kind: "word",
    text: surface,
    lower,
    start,
    end: start + surface.length,
    shouted,
    stretched,
    hash: wordHash(lower),
  };
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
    hash: 0,
  };
}

// The emoticon alternative alone, anchored: the fast scanner tries it where a face may start.
const emoticonAt = new RegExp(emoticon, "uy");

function isAsciiWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

// What may follow an emoticon's eyes (":", ";", "="): a nose or a mouth of `emoticon` above.
const afterEyes = new Uint8Array(128);
for (const char of "-o'^)]}DdPp3([{/\\|Oo*@$Ss") afterEyes[char.charCodeAt(0)] = 1;

// Characters an emoticon can start with: ":)", ";-)", "=D", "(:", "[:", "</3", "<3", "^_^", "xD", "-_-", "T_T".
const emoticonStarts = new Uint8Array(128);
for (const char of ":;=([<^xX-T") emoticonStarts[char.charCodeAt(0)] = 1;

/**
 * True when the character after a possible emoticon start can continue one. Most "T", "x", "("
 * and ":" open no face ("The", "x2", "(see", "Note:"), and this spares them the regex.
 */
function mayContinueEmoticon(code: number, next: number): boolean {
  switch (code) {
    case 0x3a: // :
    case 0x3b: // ;
    case 0x3d: // =
      return next < 128 ? afterEyes[next] === 1 : next === rightSingleQuote;
    case 0x28: // (
    case 0x5b: // [
      return next === 0x2d || next === 0x6f || next === 0x3a || next === 0x3b || next === 0x3d;
    case 0x3c: // <
      return next === 0x2f || next === 0x33;
    case 0x5e: // ^
      return next === 0x5f || next === 0x2d || next === 0x2e || next === 0x5e;
    case 0x78: // x
    case 0x58: // X
      return next === 0x64 || next === 0x44;
    default: // "-_-", "T_T"
      return next === 0x5f;
  }
}

const rightSingleQuote = 0x2019;
const ellipsis = 0x2026;
/**
 * The same tokens as the regex below, by a hand-written scan, for text that is ASCII apart from
 * curly quotes and "…" (most English mentions). Returns undefined at the first other character,
 * so letters with accents, emoji and other scripts take the Unicode regex path.
 */
function tokenizeAscii(text: string): AsciiTokens | undefined {
  const tokens: EnglishToken[] = [];
  let latinLetters = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    // Spaces separate most tokens and start none.
    if (code === 0x20) {
      i++;
      continue;
    }
    if (
      code >= 0x80 &&
      code !== rightSingleQuote &&
      code !== ellipsis &&
      code !== 0x2018 &&
      code !== 0x201c &&
      code !== 0x201d
    )
      return undefined;
    if (code < 0x80 && emoticonStarts[code] === 1 && mayContinueEmoticon(code, text.charCodeAt(i + 1))) {
      emoticonAt.lastIndex = i;
      const face = emoticonAt.exec(text);
      if (face) {
        tokens.push(symbolToken("emoticon", face[0], i));
        i += face[0].length;
        continue;
      }
    }
    if (isAsciiWordChar(code)) {
      // Case, digits and stretching are counted in the same scan that finds the word's end.
      let end = i;
      let letters = 0;
      let lowercase = 0;
      let digits = 0;
      let curly = false;
      let stretched = false;
      let previous = -1;
      let run = 0;
      let hash = wordHashSeed;
      for (;;) {
        for (; end < length; end++) {
          const char = text.charCodeAt(end);
          if (char >= 0x61 && char <= 0x7a) {
            letters++;
            lowercase++;
            hash = wordHashStep(hash, char);
          } else if (char >= 0x41 && char <= 0x5a) {
            letters++;
            hash = wordHashStep(hash, char | 0x20);
          } else if (char >= 0x30 && char <= 0x39) {
            digits++;
            hash = wordHashStep(hash, char);
          } else break;
          // Stretching is judged as written: "Ooo" is not three equal letters, "ooo" is.
          run = char === previous ? run + 1 : 1;
          previous = char;
          if (run >= 3 && digits === 0) stretched = true;
        }
        const joiner = text.charCodeAt(end);
        // "don't", "don’t", "well-made": an apostrophe or hyphen between word characters joins them.
        if (
          (joiner === 0x27 || joiner === rightSingleQuote || joiner === 0x2d) &&
          isAsciiWordChar(text.charCodeAt(end + 1))
        ) {
          if (joiner === rightSingleQuote) curly = true;
          // The lower-case form straightens "’" to "'", and the hash follows it.
          hash = wordHashStep(hash, joiner === rightSingleQuote ? 0x27 : joiner);
          previous = joiner;
          run = 1;
          end++;
        } else break;
      }
      latinLetters += letters;
      const surface = text.slice(i, end);
      let lower = lowercase === letters ? surface : surface.toLowerCase();
      if (curly) lower = lower.replace(/’/g, "'");
      tokens.push({
        kind: "word",
        text: surface,
        lower,
        start: i,
        end,
        shouted: letters >= 2 && lowercase === 0 && digits === 0,
        stretched,
        hash,
      });
      i = end;
      continue;
    }
    if (code === 0x2e || code === 0x21 || code === 0x3f || code === ellipsis) {
      let end = i + 1;
      for (; end < length; end++) {
        const next = text.charCodeAt(end);
        if (next !== 0x2e && next !== 0x21 && next !== 0x3f && next !== ellipsis) break;
      }
      tokens.push(symbolToken("punctuation", text.slice(i, end), i));
      i = end;
      continue;
    }
    if (code === 0x2c || code === 0x3b || code === 0x3a) {
      tokens.push(symbolToken("punctuation", text[i]!, i));
      i++;
      continue;
    }
    if (code === 0x0a) {
      let end = i + 1;
      while (end < length && text.charCodeAt(end) === 0x0a) end++;
      tokens.push(symbolToken("punctuation", text.slice(i, end), i));
      i = end;
      continue;
    }
    i++;
  }
  return { tokens, latinLetters };
}

/**
 * Splits English text into words, emoticons, emoji and punctuation, keeping offsets so clauses
 * can be quoted back as evidence.
 * @example
 * tokenizeEnglish("SO good :)").map((t) => t.lower); // ["so", "good", ":)"]
 */
export function tokenizeEnglish(text: string): EnglishToken[] {
  return tokenizeAscii(text)?.tokens ?? tokenizeWithRegex(text);
}

/** Tokens of a text that is ASCII apart from curly quotes and "…", with its count of letters. */
export interface AsciiTokens {
  readonly tokens: EnglishToken[];
  readonly latinLetters: number;
}

/**
 * Tokenises text that is ASCII apart from curly quotes and "…" and counts its letters, or returns
 * undefined for any other text. Such a text can only be Latin-script (or letterless), so the
 * caller can skip the script census.
 * @example
 * tokenizeAsciiText("Love it!")?.latinLetters; // 6
 */
export function tokenizeAsciiText(text: string): AsciiTokens | undefined {
  return tokenizeAscii(text);
}

/** The reference tokenizer: one Unicode regex, any script. */
export function tokenizeWithRegex(text: string): EnglishToken[] {
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
