/**
 * A file that cannot be imported at all (empty, too large, no header): the whole import stops with
 * this message. Problems with single rows are `RowError`s instead, and the good rows are kept.
 */
export class ImportFileError extends Error {
  readonly name = "ImportFileError";

  static empty(): ImportFileError {
    return new ImportFileError(
      "The file is empty. Export the mentions again from your listening tool and upload the new file.",
    );
  }

  static notText(): ImportFileError {
    return new ImportFileError(
      "This file has a line several megabytes long, so it is not a CSV or JSONL export. Check that you picked the right file.",
    );
  }

  static tooLarge(maxBytes: number): ImportFileError {
    return new ImportFileError(
      `The file is larger than the ${formatBytes(maxBytes)} limit. Split it into smaller files (for example one per month) and import each.`,
    );
  }
}

/** One row that could not be imported, with the physical line it starts on (1-based). */
export interface RowError {
  line: number;
  message: string;
}

/** "1 GB", "5 MB", "640 KB": binary units, as file managers show them. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
