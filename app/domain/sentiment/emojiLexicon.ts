// Valences on the AFINN scale (-5..5), set from the Emoji Sentiment Ranking (Kralj Novak et al.,
// 2015) rounded and checked by hand for use in product talk (🔥 is praise, 💩 is not).
const emojiValences: Readonly<Record<string, number>> = {
  "😀": 2,
  "😃": 2,
  "😄": 2.5,
  "😁": 2.5,
  "😆": 2,
  "😅": 1,
  "🤣": 2,
  "😂": 1.5,
  "🙂": 1.5,
  "😊": 2.5,
  "😇": 2,
  "🥰": 3,
  "😍": 3,
  "🤩": 3,
  "😘": 2.5,
  "😗": 1.5,
  "😚": 2,
  "😙": 2,
  "😋": 2,
  "😛": 1.5,
  "😜": 1.5,
  "🤪": 1.5,
  "😝": 1.5,
  "🤗": 2,
  "🤭": 1,
  "🤔": -0.5,
  "😐": -0.5,
  "😑": -1,
  "😶": -0.5,
  "😏": 0.5,
  "😒": -2,
  "🙄": -1.5,
  "😬": -1,
  "😌": 1.5,
  "😔": -1.5,
  "😪": -1,
  "😴": -0.5,
  "😷": -1,
  "🤒": -1.5,
  "🤕": -1.5,
  "🤢": -2.5,
  "🤮": -3,
  "🥵": -1,
  "🥶": -1,
  "😵": -1.5,
  "🤯": 0.5,
  "😎": 2,
  "🤓": 1,
  "😕": -1.5,
  "😟": -1.5,
  "🙁": -1.5,
  "☹": -2,
  "😮": 0,
  "😯": 0,
  "😲": 0.5,
  "😳": -0.5,
  "🥺": -0.5,
  "😦": -1.5,
  "😧": -1.5,
  "😨": -2,
  "😰": -2,
  "😥": -1.5,
  "😢": -2,
  "😭": -2,
  "😱": -1.5,
  "😖": -2,
  "😣": -2,
  "😞": -2,
  "😓": -1.5,
  "😩": -2,
  "😫": -2,
  "🥱": -1,
  "😤": -2,
  "😡": -3,
  "😠": -2.5,
  "🤬": -3,
  "😈": 0.5,
  "👿": -2,
  "💀": -1,
  "☠": -2,
  "💩": -2.5,
  "🤡": -1.5,
  "👹": -2,
  "👺": -2,
  "👻": 0.5,
  "😺": 2,
  "😸": 2,
  "😹": 1.5,
  "😻": 3,
  "😼": 0.5,
  "😽": 2,
  "🙀": -1,
  "😿": -2,
  "😾": -2,
  "❤": 3,
  "🧡": 3,
  "💛": 3,
  "💚": 3,
  "💙": 3,
  "💜": 3,
  "🖤": 1.5,
  "🤍": 2.5,
  "🤎": 2.5,
  "💔": -2.5,
  "❣": 2.5,
  "💕": 3,
  "💞": 3,
  "💓": 3,
  "💗": 3,
  "💖": 3,
  "💘": 3,
  "💝": 3,
  "💟": 2.5,
  "♥": 3,
  "👍": 2,
  "👎": -2.5,
  "👌": 2,
  "👏": 2,
  "🙌": 2.5,
  "🙏": 1.5,
  "💪": 2,
  "🤝": 1.5,
  "✌": 1.5,
  "🤞": 1,
  "🖕": -3,
  "👊": 0.5,
  "✊": 1,
  "🔥": 2,
  "💯": 2.5,
  "✨": 1.5,
  "🌟": 2,
  "⭐": 2,
  "🎉": 2.5,
  "🎊": 2.5,
  "🥳": 3,
  "🎁": 2,
  "🏆": 2.5,
  "🥇": 2.5,
  "🚀": 2,
  "💎": 2,
  "👑": 2,
  "🌈": 1.5,
  "☀": 1.5,
  "🌸": 1.5,
  "🌹": 2,
  "💐": 2,
  "✅": 1.5,
  "✔": 1,
  "☑": 1,
  "❌": -2,
  "✖": -1,
  "⚠": -1.5,
  "🚫": -2,
  "⛔": -2,
  "💸": -1,
  "🤦": -2,
  "🤷": -0.5,
  "🙈": 0.5,
  "💤": -0.5,
  "🆗": 1,
  "🆒": 1.5,
  "🆕": 0.5,
};

/**
 * Returns the valence of an emoji, ignoring skin tone and presentation selectors; 0 if unknown.
 * @example
 * emojiValence("👍🏽"); // 2
 */
export function emojiValence(emoji: string): number {
  const direct = emojiValences[emoji];
  if (direct !== undefined) return direct;
  // Skin tones (U+1F3FB..F) and the emoji presentation selector (U+FE0F) do not change the meaning.
  const base = emoji.replace(/\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, "");
  const first = String.fromCodePoint(base.codePointAt(0) ?? 0);
  return emojiValences[base] ?? emojiValences[first] ?? 0;
}

const smileMouths = ")]}";
const frownMouths = "([{";

/**
 * Returns the valence of a text emoticon from its mouth and eyes: ":)" 2, ":D" 2.5, ";)" 1.5,
 * ":(" -2, ":'(" -2.5, "<3" 3, "</3" -2.5; 0 if not a face we read.
 * @example
 * emoticonValence(":-("); // -2
 */
export function emoticonValence(face: string): number {
  if (face.startsWith("</3")) return -2.5;
  if (face.startsWith("<3")) return 3;
  if (face === "-_-") return -1;
  if (face === "T_T") return -2;
  if (face.startsWith("^")) return 2;
  if (face[0] === "x" || face[0] === "X") return 2.5;
  const first = face[0] ?? "";
  const last = face[face.length - 1] ?? "";
  // "(:" and "(;" are faces written right to left.
  if (first === "(" || first === "[") return 2;
  const tear = face.includes("'") || face.includes("’");
  const wink = first === ";";
  if (smileMouths.includes(last)) return wink ? 1.5 : 2;
  if (last === "D") return 2.5;
  if (last === "d") return wink ? 1.5 : 2;
  if (frownMouths.includes(last)) return tear ? -2.5 : -2;
  if (last === "P" || last === "p") return 1;
  if (last === "*" || last === "3") return 2;
  if (last === "/" || last === "\\" || last === "S" || last === "s") return -1;
  if (last === "|" || last === "$") return -0.5;
  if (last === "@") return -2;
  return 0;
}
