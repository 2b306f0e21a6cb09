/**
 * GBK bytes of a text, for tests of Chinese CSV exports. Node has no GBK encoder, but TextDecoder
 * decodes GB18030 (a superset), so the two-byte table is built once by decoding every GBK pair.
 */
export function gbk(text: string): Buffer {
  const out: number[] = [];
  const decoder = new TextDecoder("gb18030");
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) {
      out.push(char.charCodeAt(0));
      continue;
    }
    out.push(...gbkBytesOf(char, decoder));
  }
  return Buffer.from(out);
}

const gbkCache = new Map<string, number[]>();
function gbkBytesOf(char: string, decoder: TextDecoder): number[] {
  const cached = gbkCache.get(char);
  if (cached) return cached;
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const decoded = decoder.decode(Buffer.from([lead, trail]));
      if (!gbkCache.has(decoded)) gbkCache.set(decoded, [lead, trail]);
    }
  const bytes = gbkCache.get(char);
  if (!bytes) throw new Error(`no GBK bytes for ${char}`);
  return bytes;
}
