/**
 * Streaming JSONL reader: one JSON object per line. Nested objects are flattened to dotted keys
 * (`{"author":{"name":"a"}}` → `author.name`) so the same column mapping works as for CSV.
 */
import { ImportFileError } from "./errors";

export type JsonlRecord =
  | { line: number; values: Record<string, string>; error?: undefined }
  | { line: number; error: string; values?: undefined };

const MAX_LINE_CHARS = 4 * 1024 * 1024;

/**
 * Incremental JSONL parser: `push` text chunks, then `finish`. Blank lines are skipped.
 * @example new JsonlParser().push('{"text":"hi","author":{"name":"a"}}\n') // [{ line: 1, values: { text: "hi", "author.name": "a" } }]
 */
export class JsonlParser {
  private buffer = "";
  private line = 1;

  push(text: string): JsonlRecord[] {
    this.buffer += text;
    const out: JsonlRecord[] = [];
    let start = 0;
    for (;;) {
      const newline = this.buffer.indexOf("\n", start);
      if (newline === -1) break;
      this.parseLine(this.buffer.slice(start, newline), out);
      start = newline + 1;
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > MAX_LINE_CHARS) throw ImportFileError.notText();
    return out;
  }

  finish(): JsonlRecord[] {
    const out: JsonlRecord[] = [];
    if (this.buffer.length > 0) this.parseLine(this.buffer, out);
    this.buffer = "";
    return out;
  }

  private parseLine(raw: string, out: JsonlRecord[]): void {
    const line = this.line++;
    const text = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (text.trim() === "") return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      out.push({
        line,
        error: `This line is not valid JSON (${detail}). Each line must be one JSON object.`,
      });
      return;
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
      out.push({
        line,
        error: 'This line is not a JSON object. Each line must be one object such as {"text": …}.',
      });
      return;
    }
    const values: Record<string, string> = {};
    flatten(parsed as Record<string, unknown>, "", values);
    out.push({ line, values });
  }
}

function flatten(object: Record<string, unknown>, prefix: string, into: Record<string, string>): void {
  for (const [key, value] of Object.entries(object)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value === null || value === undefined) continue;
    if (typeof value === "object" && !Array.isArray(value))
      flatten(value as Record<string, unknown>, name, into);
    else if (Array.isArray(value))
      into[name] = value
        .map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item)))
        .join(", ");
    else into[name] = String(value);
  }
}
