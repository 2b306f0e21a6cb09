/**
 * Reading an import file end to end, streaming: sniff the first 64 KB (encoding, format, delimiter,
 * header row, preset), then turn the rows into batches of mentions plus row errors. Memory stays
 * bounded by one batch and one record whatever the file size.
 */
import type { IncomingMention } from "../types";
import { CsvParser, detectDelimiter, type CsvRecord } from "./csv";
import { guessDateOrder, type DateOrder } from "./dates";
import { decodeChunks, detectEncoding, ENCODING_SAMPLE_BYTES, type DetectedEncoding } from "./encoding";
import { ImportFileError, type RowError } from "./errors";
import { JsonlParser, type JsonlRecord } from "./jsonl";
import { mapRow, suggestMapping, type ColumnMapping } from "./mapping";
import { detectPreset, KNOWN_HEADER_NAMES, normalizeHeader } from "./presets";

export type ImportFormat = "csv" | "jsonl";

/**
 * Limit for callers that pass no `maxBytes`: 1 GB. The app passes the configured limit instead
 * (`env().importMaxBytes`, from PULSE_IMPORT_MAX_BYTES, whose default is this same 1 GB).
 */
export const DEFAULT_MAX_IMPORT_BYTES = 1024 * 1024 * 1024;
export const IMPORT_BATCH_ROWS = 1000;
const PREVIEW_ROWS = 20;
const HEADER_SEARCH_RECORDS = 30;

/** What the first 64 KB say about a file; the mapping step shows it and `readImportBatches` uses it. */
export interface ImportSniff {
  format: ImportFormat;
  encoding: DetectedEncoding;
  /** CSV only ("," for JSONL). */
  delimiter: string;
  /** CSV: records before the header (metadata rows some tools write above it). */
  headerRowIndex: number;
  header: string[];
  /** First data rows as cells under `header`. */
  rows: string[][];
  presetId: string;
  mapping: ColumnMapping;
  /** From the sample's dates when they tell; null when they do not (the merchant picks). */
  dateOrder: DateOrder | null;
}

/** Reads up to `limit` bytes from the start of a byte stream. */
async function readSample(
  source: AsyncIterable<Uint8Array | string>,
  limit: number,
): Promise<{ bytes: Buffer; complete: boolean }> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const raw of source) {
    const chunk =
      typeof raw === "string" ? Buffer.from(raw) : Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    chunks.push(chunk);
    length += chunk.length;
    if (length >= limit) return { bytes: Buffer.concat(chunks).subarray(0, limit), complete: false };
  }
  return { bytes: Buffer.concat(chunks), complete: true };
}

/** Header cells made unique and non-empty ("Column 3", "Author (2)"). */
function uniqueHeader(cells: string[]): string[] {
  const seen = new Map<string, number>();
  return cells.map((raw, index) => {
    const base = raw.replace(/^\uFEFF/, "").trim() || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** The record that is the header: the one naming the most known columns, else the first multi-column one. */
function findHeaderRow(records: CsvRecord[]): number {
  let best = -1;
  let bestHits = 1;
  for (let i = 0; i < Math.min(records.length, HEADER_SEARCH_RECORDS); i++) {
    const fields = records[i]!.fields;
    if (!fields) continue;
    const hits = fields.filter((cell) => KNOWN_HEADER_NAMES.has(normalizeHeader(cell))).length;
    if (hits > bestHits) {
      best = i;
      bestHits = hits;
    }
  }
  if (best >= 0) return best;
  const widths = records.map((r) => r.fields?.length ?? 0);
  const widest = Math.max(0, ...widths);
  const index = widths.findIndex((w) => w === widest && w > 1);
  return index >= 0 ? index : 0;
}

/**
 * Sniffs a file from its first 64 KB. Throws ImportFileError for an empty file.
 * @example await sniffImportFile(createReadStream(path), { fileName: "brandwatch.csv" }) // { format: "csv", presetId: "brandwatch", … }
 */
export async function sniffImportFile(
  source: AsyncIterable<Uint8Array | string>,
  { fileName }: { fileName: string },
): Promise<ImportSniff> {
  const { bytes, complete } = await readSample(source, ENCODING_SAMPLE_BYTES);
  const encoding = detectEncoding(bytes);
  const decoder = new TextDecoder(encoding.encoding);
  const text = decoder.decode(bytes.subarray(encoding.bomBytes), { stream: !complete });
  if (text.trim() === "") throw ImportFileError.empty();

  const format: ImportFormat =
    /\.(jsonl|ndjson|json)$/i.test(fileName) || text.trimStart().startsWith("{") ? "jsonl" : "csv";

  if (format === "jsonl") {
    const parser = new JsonlParser();
    const records = [...parser.push(text), ...(complete ? parser.finish() : [])];
    const objects = records.filter(
      (r): r is Extract<JsonlRecord, { values: object }> => r.values !== undefined,
    );
    if (objects.length === 0)
      throw new ImportFileError(
        'No line of this file is a JSON object. A JSONL file has one object per line, such as {"date": …, "text": …}.',
      );
    const header: string[] = [];
    for (const record of objects.slice(0, 50))
      for (const key of Object.keys(record.values)) if (!header.includes(key)) header.push(key);
    const preset = detectPreset(header);
    const mapping = suggestMapping(header, preset);
    const rows = objects.slice(0, PREVIEW_ROWS).map((r) => header.map((key) => r.values[key] ?? ""));
    return {
      format,
      encoding,
      delimiter: ",",
      headerRowIndex: 0,
      header,
      rows,
      presetId: preset.id,
      mapping,
      dateOrder: mapping.date
        ? guessDateOrder(objects.slice(0, 200).map((r) => r.values[mapping.date!] ?? ""))
        : null,
    };
  }

  const delimiter = detectDelimiter(text);
  const parser = new CsvParser({ delimiter });
  const records = [...parser.push(text), ...(complete ? parser.finish() : [])];
  const headerRowIndex = findHeaderRow(records);
  const headerRecord = records[headerRowIndex];
  if (!headerRecord?.fields)
    throw new ImportFileError(
      "Pulse could not find a header row in this file. The first row must name the columns.",
    );
  const header = uniqueHeader(headerRecord.fields);
  const preset = detectPreset(header);
  const mapping = suggestMapping(header, preset);
  const dataRows = records
    .slice(headerRowIndex + 1)
    .filter((r) => r.fields)
    .map((r) => r.fields!);
  const dateColumn = mapping.date ? header.indexOf(mapping.date) : -1;
  return {
    format,
    encoding,
    delimiter,
    headerRowIndex,
    header,
    rows: dataRows.slice(0, PREVIEW_ROWS).map((fields) => header.map((_, i) => fields[i] ?? "")),
    presetId: preset.id,
    mapping,
    dateOrder:
      dateColumn >= 0 ? guessDateOrder(dataRows.slice(0, 200).map((f) => f[dateColumn] ?? "")) : null,
  };
}

export interface ReadImportOptions {
  format: ImportFormat;
  encoding: DetectedEncoding;
  delimiter: string;
  headerRowIndex: number;
  mapping: ColumnMapping;
  dateOrder: DateOrder;
  /** The shop's IANA timezone, for dates without a zone. */
  timeZone: string;
  defaultPlatform?: string;
  maxBytes?: number;
  batchRows?: number;
}

/** A batch of parsed rows: mentions to ingest (with the line each came from) and rows that failed. */
export interface ImportBatch {
  mentions: IncomingMention[];
  /** Physical line of each mention, same order. */
  lines: number[];
  errors: RowError[];
  /** Data rows read in this batch (mentions + errors + in-file repeats). */
  rowsRead: number;
  /** Rows identical to an earlier row of the same batch (same external id): counted as duplicates. */
  repeatedInBatch: number;
}

/**
 * Streams a file as batches of 1,000 rows (the last one shorter). Throws ImportFileError when the file is empty, has no
 * header, or passes `maxBytes` (checked while reading).
 * @example for await (const batch of readImportBatches(createReadStream(path), options)) await ingest(batch.mentions)
 */
export async function* readImportBatches(
  source: AsyncIterable<Uint8Array | string>,
  options: ReadImportOptions,
): AsyncGenerator<ImportBatch> {
  const batchRows = options.batchRows ?? IMPORT_BATCH_ROWS;
  const rowOptions = {
    mapping: options.mapping,
    timeZone: options.timeZone,
    dateOrder: options.dateOrder,
    defaultPlatform: options.defaultPlatform,
  };
  let batch = emptyBatch();
  const seenIds = new Set<string>();
  let sawText = false;
  let yieldedAny = false;
  let sawHeader = options.format === "jsonl";

  // Full batches wait here until the generator hands them over after the current chunk.
  const ready: ImportBatch[] = [];
  const rowDone = () => {
    if (batch.rowsRead < batchRows) return;
    ready.push(batch);
    batch = emptyBatch();
    seenIds.clear();
  };
  const addError = (line: number, message: string) => {
    batch.rowsRead++;
    batch.errors.push({ line, message });
    rowDone();
  };
  const addRow = (line: number, values: Record<string, string | undefined>) => {
    batch.rowsRead++;
    try {
      addMapped(line, values);
    } finally {
      rowDone();
    }
  };
  const addMapped = (line: number, values: Record<string, string | undefined>) => {
    const mapped = mapRow(values, rowOptions);
    if (!mapped.ok) {
      batch.errors.push({ line, message: mapped.error });
      return;
    }
    if (seenIds.has(mapped.mention.externalId)) {
      batch.repeatedInBatch++;
      return;
    }
    seenIds.add(mapped.mention.externalId);
    batch.mentions.push(mapped.mention);
    batch.lines.push(line);
  };

  let consume: (text: string | null) => void;
  if (options.format === "jsonl") {
    const parser = new JsonlParser();
    consume = (text) => {
      for (const record of text === null ? parser.finish() : parser.push(text)) {
        if (record.error !== undefined) addError(record.line, record.error);
        else addRow(record.line, record.values);
      }
    };
  } else {
    const parser = new CsvParser({ delimiter: options.delimiter, headerRecordIndex: options.headerRowIndex });
    let recordIndex = 0;
    let columns: { column: string; index: number }[] = [];
    consume = (text) => {
      for (const record of text === null ? parser.finish() : parser.push(text)) {
        const index = recordIndex++;
        if (index < options.headerRowIndex) continue;
        if (index === options.headerRowIndex) {
          if (!record.fields)
            throw new ImportFileError(
              `The header row (line ${record.line}) could not be read: ${record.error}`,
            );
          const header = uniqueHeader(record.fields);
          columns = Object.values(options.mapping)
            .filter((column): column is string => Boolean(column))
            .map((column) => ({ column, index: header.indexOf(column) }));
          const missing = columns.find((c) => c.index < 0);
          if (missing)
            throw new ImportFileError(
              `The column “${missing.column}” is not in this file's header. Choose the columns again in the mapping step.`,
            );
          sawHeader = true;
          continue;
        }
        if (record.error !== undefined) {
          addError(record.line, record.error);
          continue;
        }
        const values: Record<string, string> = {};
        for (const { column, index: at } of columns) values[column] = record.fields[at] ?? "";
        addRow(record.line, values);
      }
    };
  }

  for await (const text of decodeChunks(source, {
    encoding: options.encoding,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES,
  })) {
    if (!sawText && text.trim() !== "") sawText = true;
    consume(text);
    while (ready.length > 0) {
      yieldedAny = true;
      yield ready.shift()!;
    }
  }
  consume(null);
  for (const full of ready) {
    yieldedAny = true;
    yield full;
  }
  if (!sawText) throw ImportFileError.empty();
  if (!sawHeader)
    throw new ImportFileError(
      "Pulse could not find the header row in this file. The first row must name the columns.",
    );
  if (batch.rowsRead > 0) yield batch;
  else if (!yieldedAny) throw new ImportFileError("This file has a header row but no rows below it.");
}

function emptyBatch(): ImportBatch {
  return { mentions: [], lines: [], errors: [], rowsRead: 0, repeatedInBatch: 0 };
}
