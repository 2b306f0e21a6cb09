/**
 * File import of mentions (CSV or JSONL exports of listening tools): preview with a suggested column
 * mapping, then a streamed import in batches of 1,000 rows through the ingestion pipeline, recorded
 * as an ImportRun (counts, first 1,000 row errors with their line numbers, status). Small files are
 * imported at once; larger ones run as the `sources.import` job from a file kept under var/imports.
 */
import { createReadStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { Prisma } from "@prisma/client";
import { env } from "~/config/env.server";
import { ImportFileError, type RowError } from "~/integrations/sources/file-import/errors";
import type { DateOrder } from "~/integrations/sources/file-import/dates";
import { mappingProblems, type ColumnMapping } from "~/integrations/sources/file-import/mapping";
import type { ImportSettings } from "~/integrations/sources/file-import/settings";
import { IMPORT_PRESETS } from "~/integrations/sources/file-import/presets";
import {
  readImportBatches,
  sniffImportFile,
  type ImportSniff,
} from "~/integrations/sources/file-import/reader";
import { fileImportJob } from "~/jobs/definitions/file-import.server";
import { jobQueue } from "~/jobs/queue.server";
import {
  findFileImportSource,
  findImportRun,
  insertImportRun,
  findShopForImport,
  listRecentImportRuns,
  recordSourceImport,
  updateImportRun,
  type ImportRunRow,
} from "~/models/import-runs.server";
import { ingestMentions } from "~/services/mention-ingest.server";
import { createSource } from "~/services/sources.server";

/** Where uploads wait for their import (one folder per shop; git-ignored). */
export const IMPORT_DIRECTORY = path.join(process.cwd(), "var", "imports");
/** Files up to this size are imported during the request; larger ones go to the job queue. */
export const INLINE_IMPORT_MAX_BYTES = 2 * 1024 * 1024;
/** ImportRun.errors keeps this many row errors; rowsFailed has the total. */
export const MAX_STORED_ROW_ERRORS = 1000;

export interface ImportPreview extends ImportSniff {
  fileName: string;
  sizeBytes: number;
  presets: { id: string; label: string }[];
}

export interface ImportRunView {
  id: string;
  fileName: string;
  status: "running" | "succeeded" | "failed";
  rowsRead: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsFailed: number;
  errors: RowError[];
  error: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

function toView(row: ImportRunRow): ImportRunView {
  const errors = Array.isArray(row.errors) ? (row.errors as unknown as RowError[]) : [];
  const status = row.status === "succeeded" || row.status === "failed" ? row.status : "running";
  return {
    id: row.id,
    fileName: row.fileName,
    status,
    rowsRead: row.rowsRead,
    rowsImported: row.rowsImported,
    rowsDuplicate: row.rowsDuplicate,
    rowsFailed: row.rowsFailed,
    errors,
    error: row.error,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
  };
}

/**
 * What the mapping step shows: encoding, delimiter, header row, detected preset, the first 20 rows
 * and a suggested mapping. Expected problems (empty file, no header) come back as `error`.
 */
export async function previewImport(
  shopId: string,
  file: { path: string; name: string },
): Promise<{ ok: true; preview: ImportPreview } | { ok: false; error: string }> {
  const shop = await findShopForImport(shopId);
  if (!shop) return { ok: false, error: "This shop is not installed any more; reload the app." };
  try {
    const { size } = await stat(file.path);
    if (size === 0) throw ImportFileError.empty();
    const sniff = await sniffImportFile(createReadStream(file.path), { fileName: file.name });
    return {
      ok: true,
      preview: {
        ...sniff,
        fileName: file.name,
        sizeBytes: size,
        presets: IMPORT_PRESETS.map(({ id, label }) => ({ id, label })),
      },
    };
  } catch (error) {
    if (error instanceof ImportFileError) return { ok: false, error: error.message };
    throw error;
  }
}

/** The shop's file-import source, created on first use. */
export async function ensureFileImportSource(shopId: string): Promise<string> {
  const existing = await findFileImportSource(shopId);
  if (existing) return existing.id;
  const created = await createSource(shopId, { kind: "file_import", name: "File imports" });
  if (!created.ok)
    throw new Error(`Could not create the file import source: ${JSON.stringify(created.errors)}`);
  return created.source.id;
}

/** A saved upload's folder for a shop (created on demand). */
export async function importDirectoryOf(shopId: string): Promise<string> {
  const directory = path.join(IMPORT_DIRECTORY, shopId.replace(/[^A-Za-z0-9_-]/g, ""));
  await mkdir(directory, { recursive: true });
  return directory;
}

/** Uploads older than this were abandoned in the mapping step (imports remove their own file). */
const STALE_UPLOAD_MS = 24 * 3_600_000;

/** Removes a shop's uploads left behind by a mapping step that was never finished. */
export async function removeStaleUploads(shopId: string, now = new Date()): Promise<number> {
  const directory = await importDirectoryOf(shopId);
  let removed = 0;
  for (const name of await readdir(directory)) {
    const file = path.join(directory, name);
    const info = await stat(file).catch(() => null);
    if (info?.isFile() && now.getTime() - info.mtimeMs > STALE_UPLOAD_MS) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

function formatOfName(fileName: string): "csv" | "jsonl" {
  return /\.(jsonl|ndjson|json)$/i.test(fileName) ? "jsonl" : "csv";
}

export interface StartImportInput {
  sourceId: string;
  filePath: string;
  mapping: ColumnMapping;
  settings: ImportSettings;
}

/**
 * Validates the mapping, creates the ImportRun and imports: at once for small files, else as the
 * `sources.import` job (the page polls the run). Returns the run id.
 */
export async function startImport(
  shopId: string,
  input: StartImportInput,
  options: { now?: Date; inlineMaxBytes?: number } = {},
): Promise<{ ok: true; runId: string; queued: boolean } | { ok: false; errors: string[] }> {
  const problems = mappingProblems(input.mapping, null);
  if (problems.length > 0) return { ok: false, errors: problems };
  // The upload is gone when its mapping step was cancelled (or swept as stale) and the page is
  // submitted anyway, e.g. from a second tab: tell the merchant instead of failing with a 500.
  const size = await stat(input.filePath).then(
    (info) => info.size,
    (error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    },
  );
  if (size === null)
    return {
      ok: false,
      errors: [
        "The uploaded file is no longer on the server (the import was cancelled or waited more than a day). Upload it again.",
      ],
    };
  const run = await insertImportRun({
    shopId,
    sourceId: input.sourceId,
    fileName: input.settings.fileName,
    format: formatOfName(input.settings.fileName),
    mapping: { columns: input.mapping, ...input.settings } as Prisma.InputJsonValue,
    startedAt: options.now ?? new Date(),
  });
  if (size <= (options.inlineMaxBytes ?? INLINE_IMPORT_MAX_BYTES)) {
    await runImport(shopId, input.sourceId, input.filePath, input.mapping, {
      ...input.settings,
      importRunId: run.id,
      deleteFileAfter: true,
      now: options.now,
    });
    return { ok: true, runId: run.id, queued: false };
  }
  await jobQueue().enqueue(
    fileImportJob,
    {
      shopId,
      sourceId: input.sourceId,
      importRunId: run.id,
      filePath: input.filePath,
      mapping: input.mapping,
      settings: input.settings,
    },
    { singletonKey: `import:${run.id}` },
  );
  return { ok: true, runId: run.id, queued: true };
}

export interface RunImportOptions extends ImportSettings {
  /** Update this run (created by startImport) instead of creating one. */
  importRunId?: string;
  maxBytes?: number;
  /** Remove the uploaded file when the run ends (not after a retryable failure). */
  deleteFileAfter?: boolean;
  now?: Date;
}

/**
 * Imports a file into a source: streams it in batches of 1,000 rows to `ingestMentions`, updating
 * the ImportRun after every batch. Row problems are counted and kept (first 1,000 with line
 * numbers); a file that cannot be read at all (empty, too large, no header) fails the run with a
 * message. A rerun of the same file stores nothing twice (duplicates by external id).
 * Database errors are thrown after marking nothing: the job retries the run from the start.
 */
export async function runImport(
  shopId: string,
  sourceId: string,
  filePath: string,
  mapping: ColumnMapping,
  options: RunImportOptions,
): Promise<ImportRunView> {
  const shop = await findShopForImport(shopId);
  if (!shop) throw new ImportFileError("This shop is not installed any more.");
  const startedAt = options.now ?? new Date();
  const runId =
    options.importRunId ??
    (
      await insertImportRun({
        shopId,
        sourceId,
        fileName: options.fileName,
        format: formatOfName(options.fileName),
        mapping: { columns: mapping, ...stripRunOnly(options) } as Prisma.InputJsonValue,
        startedAt,
      })
    ).id;
  const counts = { rowsRead: 0, rowsImported: 0, rowsDuplicate: 0, rowsFailed: 0 };
  const errors: RowError[] = [];
  // A retried job starts over: zero the counts (what the first attempt stored now counts as duplicates).
  await updateImportRun(shopId, runId, {
    ...counts,
    status: "running",
    errors: [],
    error: null,
    finishedAt: null,
  });

  const finish = async (status: "succeeded" | "failed", error: string | null) => {
    const finishedAt = new Date();
    await updateImportRun(shopId, runId, {
      ...counts,
      errors: errors as unknown as Prisma.InputJsonValue,
      status,
      error,
      finishedAt,
    });
    await recordSourceImport(shopId, sourceId, {
      at: finishedAt,
      succeeded: status === "succeeded",
      error,
      counts: {
        fetched: counts.rowsRead,
        inserted: counts.rowsImported,
        duplicates: counts.rowsDuplicate,
        rejected: counts.rowsFailed,
      },
    });
    if (options.deleteFileAfter) await rm(filePath, { force: true });
    return toView((await findImportRun(shopId, runId))!);
  };

  try {
    const problems = mappingProblems(mapping, null);
    if (problems.length > 0) throw new ImportFileError(problems.join(" "));
    const { size } = await stat(filePath);
    const maxBytes = options.maxBytes ?? env().importMaxBytes;
    if (size === 0) throw ImportFileError.empty();
    if (size > maxBytes) throw ImportFileError.tooLarge(maxBytes);
    const sniff = await sniffImportFile(createReadStream(filePath, { end: 64 * 1024 - 1 }), {
      fileName: options.fileName,
    });
    const batches = readImportBatches(createReadStream(filePath, { highWaterMark: 256 * 1024 }), {
      format: sniff.format,
      encoding: sniff.encoding,
      delimiter: options.delimiter ?? sniff.delimiter,
      headerRowIndex: options.headerRowIndex ?? sniff.headerRowIndex,
      mapping,
      dateOrder: options.dateOrder as DateOrder,
      timeZone: shop.timezone,
      defaultPlatform: options.defaultPlatform,
      maxBytes,
    });
    for await (const batch of batches) {
      counts.rowsRead += batch.rowsRead;
      counts.rowsDuplicate += batch.repeatedInBatch;
      counts.rowsFailed += batch.errors.length;
      keepErrors(errors, batch.errors);
      if (batch.mentions.length > 0) {
        const result = await ingestMentions(shopId, sourceId, batch.mentions, { now: options.now });
        counts.rowsImported += result.inserted;
        counts.rowsDuplicate += result.duplicates;
        counts.rowsFailed += result.rejected.length;
        if (result.rejected.length > 0) {
          const lineOf = new Map(batch.mentions.map((m, i) => [m.externalId, batch.lines[i]!]));
          keepErrors(
            errors,
            result.rejected.map((r) => ({ line: lineOf.get(r.externalId) ?? 0, message: r.reason })),
          );
        }
      }
      await updateImportRun(shopId, runId, {
        ...counts,
        ...(batch.errors.length > 0 || errors.length < MAX_STORED_ROW_ERRORS
          ? { errors: errors as unknown as Prisma.InputJsonValue }
          : {}),
      });
    }
  } catch (error) {
    if (error instanceof ImportFileError) return finish("failed", error.message);
    throw error;
  }
  if (counts.rowsImported + counts.rowsDuplicate === 0 && counts.rowsFailed > 0)
    return finish(
      "failed",
      "No row could be imported. Check the column mapping and the date order, then import the file again.",
    );
  return finish("succeeded", null);
}

function keepErrors(into: RowError[], more: RowError[]): void {
  for (const error of more) {
    if (into.length >= MAX_STORED_ROW_ERRORS) return;
    into.push(error);
  }
}

function stripRunOnly(options: RunImportOptions): ImportSettings {
  const { fileName, dateOrder, presetId, delimiter, headerRowIndex, defaultPlatform } = options;
  return { fileName, dateOrder, presetId, delimiter, headerRowIndex, defaultPlatform };
}

/** Marks a run failed after its last job attempt, and removes its file. */
export async function abandonImport(
  shopId: string,
  runId: string,
  filePath: string,
  message: string,
): Promise<void> {
  await updateImportRun(shopId, runId, { status: "failed", error: message, finishedAt: new Date() });
  await rm(filePath, { force: true });
}

/** One run of the shop, for the progress view; null when it is not the shop's. */
export async function importRunOf(shopId: string, runId: string): Promise<ImportRunView | null> {
  const row = await findImportRun(shopId, runId);
  return row ? toView(row) : null;
}

/** The shop's latest runs, newest first. */
export async function recentImportRuns(shopId: string, take = 5): Promise<ImportRunView[]> {
  return (await listRecentImportRuns(shopId, take)).map(toView);
}
