import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";

/** Opens a bulk operation result (JSONL) and yields it line by line. */
export type BulkResultOpener = (url: string) => AsyncIterable<string>;

/**
 * Streams a bulk operation's JSONL from its (signed, short-lived) URL one line at a time, so a
 * result of any size is read in constant memory. Throws on a non-2xx answer.
 *
 * @example
 * for await (const line of fetchJsonlLines(op.url)) handle(JSON.parse(line));
 */
export async function* fetchJsonlLines(url: string, fetchImpl: typeof fetch = fetch): AsyncGenerator<string> {
  const response = await fetchImpl(url);
  if (!response.ok || !response.body) {
    throw new Error(`Could not download the bulk operation result (HTTP ${response.status})`);
  }
  const stream = Readable.fromWeb(response.body as unknown as NodeWebReadableStream<Uint8Array>);
  yield* linesOf(stream);
}

/**
 * A local JSONL file line by line (the sync bench, and replays of a saved result).
 *
 * @example
 * for await (const line of fileJsonlLines("/tmp/catalog.jsonl")) count++;
 */
export async function* fileJsonlLines(path: string): AsyncGenerator<string> {
  yield* linesOf(createReadStream(path));
}

async function* linesOf(stream: NodeJS.ReadableStream): AsyncGenerator<string> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== "") yield line;
  }
}
