/**
 * Text encoding of an uploaded file: detected from its first 64 KB, then decoded chunk by chunk
 * (never the whole file in memory). Listening tools export UTF-8 (often with a BOM, Excel's habit),
 * UTF-16 with a BOM (Meltwater's tab-separated export) and, from Chinese tools and Chinese Excel,
 * GBK/GB18030. Node's TextDecoder (full ICU) decodes all of them; chardet only guesses the legacy
 * encoding when the bytes are not valid UTF-8.
 */
import chardet from "chardet";
import { ImportFileError } from "./errors";

/** How many leading bytes decide the encoding. */
export const ENCODING_SAMPLE_BYTES = 64 * 1024;

/** The encodings Pulse reads; names are WHATWG labels TextDecoder accepts. */
export type ImportEncoding =
  "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5" | "shift_jis" | "windows-1252";

export interface DetectedEncoding {
  encoding: ImportEncoding;
  /** Bytes of byte-order mark to skip (0 when there is none). */
  bomBytes: number;
  /** Why: "bom", "valid-utf8" or "guessed" (legacy encodings are a statistical guess). */
  basis: "bom" | "valid-utf8" | "guessed";
}

/** chardet's names for the legacy encodings we decode, mapped to TextDecoder labels. */
const LEGACY: Record<string, ImportEncoding> = {
  GB18030: "gb18030",
  GBK: "gb18030",
  GB2312: "gb18030",
  Big5: "big5",
  Shift_JIS: "shift_jis",
  "ISO-8859-1": "windows-1252",
  "windows-1252": "windows-1252",
};

/**
 * The encoding of a file from its first bytes: a BOM wins; otherwise valid UTF-8 is UTF-8;
 * otherwise chardet's best legacy guess (GB18030 for GBK Chinese), falling back to windows-1252.
 * @example detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61])) // { encoding: "utf-8", bomBytes: 3, basis: "bom" }
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: "utf-8", bomBytes: 3, basis: "bom" };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: "utf-16le", bomBytes: 2, basis: "bom" };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: "utf-16be", bomBytes: 2, basis: "bom" };
  if (isValidUtf8(sample)) return { encoding: "utf-8", bomBytes: 0, basis: "valid-utf8" };
  // UTF-16 without a BOM: ASCII text leaves every other byte zero.
  const zeroAtOdd = countZeros(sample, 1);
  const zeroAtEven = countZeros(sample, 0);
  const half = sample.length / 2;
  if (half > 8 && zeroAtOdd > half * 0.3 && zeroAtEven < half * 0.05)
    return { encoding: "utf-16le", bomBytes: 0, basis: "guessed" };
  if (half > 8 && zeroAtEven > half * 0.3 && zeroAtOdd < half * 0.05)
    return { encoding: "utf-16be", bomBytes: 0, basis: "guessed" };
  const guess = chardet.detect(sample);
  return { encoding: (guess ? LEGACY[guess] : undefined) ?? "windows-1252", bomBytes: 0, basis: "guessed" };
}

function countZeros(bytes: Uint8Array, parity: 0 | 1): number {
  let zeros = 0;
  for (let i = parity; i < bytes.length; i += 2) if (bytes[i] === 0) zeros++;
  return zeros;
}

/** True when the bytes are UTF-8, allowing a character cut off at the end of the sample. */
function isValidUtf8(sample: Uint8Array): boolean {
  let end = sample.length;
  // Drop a trailing incomplete sequence: the sample is a prefix of the file.
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0x80) continue; // continuation byte: keep looking for the lead byte
    const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (needed > back) end -= back;
    break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

export interface DecodeOptions {
  encoding: DetectedEncoding;
  /** Reject the file once more bytes than this have been read. */
  maxBytes: number;
}

/**
 * Decodes a byte stream to text chunks, skipping the BOM and enforcing the size limit while reading
 * (a 1 GB file over a 500 MB limit fails after 500 MB, not after reading it all).
 * @example for await (const text of decodeChunks(createReadStream(path), { encoding, maxBytes })) …
 */
export async function* decodeChunks(
  source: AsyncIterable<Uint8Array | string>,
  { encoding, maxBytes }: DecodeOptions,
): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding.encoding);
  let bytesRead = 0;
  let skip = encoding.bomBytes;
  for await (const raw of source) {
    let chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
    bytesRead += chunk.length;
    if (bytesRead > maxBytes) throw ImportFileError.tooLarge(maxBytes);
    if (skip > 0) {
      const dropped = Math.min(skip, chunk.length);
      chunk = chunk.subarray(dropped);
      skip -= dropped;
    }
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}
