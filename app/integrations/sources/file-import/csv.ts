/**
 * Streaming CSV (RFC 4180) reader. Text arrives in chunks; only the record being read is buffered.
 * Quoted fields may hold delimiters, doubled quotes and line breaks. Line numbers are physical lines
 * of the file (a record with a two-line quoted field starting on line 7 is "line 7", and the next
 * record starts on line 9), so a merchant can find the row in a text editor.
 *
 * Malformed quoting never stops the file: the record starting on that line is reported, and reading
 * resumes at the beginning of the next physical line. An unclosed quote therefore costs one row, not
 * the rest of the file (the lines it swallowed are read again as rows of their own).
 */
import { ImportFileError } from "./errors";

export type CsvRecord =
  { line: number; fields: string[]; error?: undefined } | { line: number; error: string; fields?: undefined };

export interface CsvParserOptions {
  delimiter: string;
  /** A record longer than this (an unclosed quote, a binary file) is reported and skipped. */
  maxRecordChars?: number;
  /**
   * Index of the header among the records returned (metadata rows may come first). From the record
   * after it on, rows with another number of fields are errors.
   */
  headerRecordIndex?: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

type Attempt =
  | { kind: "more" }
  | { kind: "record"; fields: string[]; end: number; lines: number }
  | { kind: "error"; message: string };

/**
 * Incremental CSV parser: `push` text chunks, collect the records it returns, then `finish`.
 * @example
 * const parser = new CsvParser({ delimiter: "," });
 * parser.push('a,"b\nc"\n1,2\n'); // [{ line: 1, fields: ["a", "b\nc"] }, { line: 3, fields: ["1", "2"] }]
 */
export class CsvParser {
  private buffer = "";
  private start = 0;
  private line = 1;
  private expectedFields: number | null = null;
  private recordsOut = 0;
  private readonly headerRecordIndex: number | null;
  private readonly delimiter: number;
  private readonly maxRecordChars: number;

  constructor(options: CsvParserOptions) {
    if (options.delimiter.length !== 1) throw new Error("CSV delimiter must be one character");
    this.delimiter = options.delimiter.charCodeAt(0);
    this.maxRecordChars = options.maxRecordChars ?? 1024 * 1024;
    this.headerRecordIndex = options.headerRecordIndex ?? null;
  }

  /** From now on, records with another number of fields are errors (set once the header is read). */
  expectFields(count: number | null): void {
    this.expectedFields = count;
  }

  push(text: string): CsvRecord[] {
    this.buffer = this.start > 0 ? this.buffer.slice(this.start) + text : this.buffer + text;
    this.start = 0;
    return this.drain(false);
  }

  finish(): CsvRecord[] {
    return this.drain(true);
  }

  private drain(final: boolean): CsvRecord[] {
    const out: CsvRecord[] = [];
    const buffer = this.buffer;
    while (this.start < buffer.length) {
      const attempt = parseRecord(buffer, this.start, final, this.delimiter);
      if (attempt.kind === "more") {
        if (buffer.length - this.start <= this.maxRecordChars) break;
        const message = `This row is longer than ${Math.round(this.maxRecordChars / 1024)} KB; a quote is probably not closed. Check the quotes on this line.`;
        if (!this.recover(buffer, out, message, final)) break;
        continue;
      }
      if (attempt.kind === "error") {
        if (!this.recover(buffer, out, attempt.message, final)) break;
        continue;
      }
      const { fields, end, lines } = attempt;
      if (fields.length === 1 && fields[0] === "") {
        // A blank line: nothing to import, nothing to report.
      } else if (this.expectedFields !== null && !fieldCountMatches(fields, this.expectedFields)) {
        const message = `This row has ${fields.length} fields but the header has ${this.expectedFields}. Put quotes around values that contain the delimiter.`;
        if (lines > 1) {
          // The row spans several lines only because of a quote that may be stray: report it and
          // read its following lines again as rows of their own.
          if (!this.recover(buffer, out, message, final)) break;
          continue;
        }
        this.emit(out, { line: this.line, error: message });
      } else {
        if (this.recordsOut === this.headerRecordIndex) this.expectedFields = fields.length;
        this.emit(out, { line: this.line, fields: trimTrailingEmpty(fields, this.expectedFields) });
      }
      this.start = end;
      this.line += lines;
    }
    if (final) {
      this.buffer = "";
      this.start = 0;
    }
    return out;
  }

  private emit(out: CsvRecord[], record: CsvRecord): void {
    this.recordsOut++;
    out.push(record);
  }

  /** Reports the record at `start` and moves to the next physical line; false when that line is not buffered yet. */
  private recover(buffer: string, out: CsvRecord[], message: string, final: boolean): boolean {
    const next = nextLineStart(buffer, this.start);
    if (next === -1 && !final) {
      if (buffer.length - this.start > this.maxRecordChars * 4) throw ImportFileError.notText();
      return false;
    }
    this.emit(out, { line: this.line, error: message });
    this.start = next === -1 ? buffer.length : next;
    this.line += 1;
    return true;
  }
}

function fieldCountMatches(fields: string[], expected: number): boolean {
  if (fields.length === expected) return true;
  if (fields.length < expected) return false;
  // Spreadsheet exports often pad rows with empty trailing columns.
  for (let i = expected; i < fields.length; i++) if (fields[i] !== "") return false;
  return true;
}

function trimTrailingEmpty(fields: string[], expected: number | null): string[] {
  return expected !== null && fields.length > expected ? fields.slice(0, expected) : fields;
}

/** Index after the line break that ends the physical line containing `from`; -1 when not buffered. */
function nextLineStart(buffer: string, from: number): number {
  for (let i = from; i < buffer.length; i++) {
    const c = buffer.charCodeAt(i);
    if (c === LF) return i + 1;
    if (c === CR) {
      if (i + 1 >= buffer.length) return -1;
      return buffer.charCodeAt(i + 1) === LF ? i + 2 : i + 1;
    }
  }
  return -1;
}

/** Line breaks inside a quoted value (CRLF, LF and lone CR each count once). */
function countLineBreaks(text: string): number {
  if (text.indexOf("\n") === -1 && text.indexOf("\r") === -1) return 0;
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) breaks++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) breaks++;
  }
  return breaks;
}

/** Parses one record starting at `i`. "more" means the record may continue in the next chunk. */
function parseRecord(buffer: string, i: number, final: boolean, delimiter: number): Attempt {
  const fields: string[] = [];
  const length = buffer.length;
  let lines = 1;
  for (;;) {
    if (i >= length) {
      if (!final) return { kind: "more" };
      fields.push("");
      return { kind: "record", fields, end: length, lines };
    }
    if (buffer.charCodeAt(i) === QUOTE) {
      let value = "";
      let segment = i + 1;
      for (;;) {
        const quote = buffer.indexOf('"', segment);
        if (quote === -1) {
          if (!final) return { kind: "more" };
          return {
            kind: "error",
            message: 'A quoted value is never closed. Add the missing closing quote (") on this line.',
          };
        }
        value += buffer.slice(segment, quote);
        if (quote + 1 >= length && !final) return { kind: "more" };
        const next = quote + 1 < length ? buffer.charCodeAt(quote + 1) : -1;
        if (next === QUOTE) {
          value += '"';
          segment = quote + 2;
          continue;
        }
        lines += countLineBreaks(value);
        fields.push(value);
        if (next === delimiter) {
          i = quote + 2;
          break;
        }
        if (next === -1) return { kind: "record", fields, end: length, lines };
        if (next === LF) return { kind: "record", fields, end: quote + 2, lines };
        if (next === CR) {
          if (quote + 2 >= length && !final) return { kind: "more" };
          const end = buffer.charCodeAt(quote + 2) === LF ? quote + 3 : quote + 2;
          return { kind: "record", fields, end, lines };
        }
        return {
          kind: "error",
          message: `A quoted value must end at a delimiter or the end of the line, but “${buffer[quote + 1]}” follows its closing quote. Double the quote ("") to write a quote inside a value.`,
        };
      }
      continue;
    }
    let j = i;
    let c = 0;
    while (j < length) {
      c = buffer.charCodeAt(j);
      if (c === delimiter || c === LF || c === CR) break;
      j++;
    }
    if (j >= length) {
      if (!final) return { kind: "more" };
      fields.push(buffer.slice(i, j));
      return { kind: "record", fields, end: length, lines };
    }
    // A quote inside an unquoted value (5" screen) is kept as written, as spreadsheets do.
    fields.push(buffer.slice(i, j));
    if (c === delimiter) {
      i = j + 1;
      continue;
    }
    if (c === LF) return { kind: "record", fields, end: j + 1, lines };
    if (j + 1 >= length && !final) return { kind: "more" };
    return { kind: "record", fields, end: buffer.charCodeAt(j + 1) === LF ? j + 2 : j + 1, lines };
  }
}

const DELIMITERS = [",", ";", "\t", "|"] as const;

/**
 * The delimiter of a CSV sample: the candidate that splits the most lines into the same number (> 1)
 * of fields. Comma when nothing fits better.
 * @example detectDelimiter("a;b;c\n1;2;3\n") // ";"
 */
export function detectDelimiter(sample: string): string {
  let best: { delimiter: string; score: number } = { delimiter: ",", score: 0 };
  for (const delimiter of DELIMITERS) {
    const parser = new CsvParser({ delimiter });
    const counts = new Map<number, number>();
    for (const record of parser.push(sample).slice(0, 50)) {
      if (!record.fields || record.fields.length < 2) continue;
      counts.set(record.fields.length, (counts.get(record.fields.length) ?? 0) + 1);
    }
    let modeRows = 0;
    let modeFields = 0;
    for (const [fields, rows] of counts) {
      if (rows > modeRows || (rows === modeRows && fields > modeFields)) {
        modeRows = rows;
        modeFields = fields;
      }
    }
    // Rows that agree count most; more columns break ties (a comma inside text splits fewer rows).
    const score = modeRows * 1000 + modeFields;
    if (modeFields > 1 && score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}
