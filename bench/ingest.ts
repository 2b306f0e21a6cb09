/**
 * Benchmark: file import of mentions (CSV → streaming reader → ingestion pipeline → SQLite) for
 * several file sizes. Each size runs in its own child process on a fresh migrated database, so its
 * peak RSS is its own; memory should stay flat as the file grows (the file is streamed).
 *
 *   npx tsx bench/ingest.ts [--json] [--rows 100000,1000000]
 *
 * Prints a table; with --json the last line is `{"runs":[{"rows":…,"rowsPerSecond":…,"peakRssMb":…}]}`.
 * Figures only, no assertions (timed assertions make flaky tests).
 */
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { MENTIONS_CSV_MAPPING, writeMentionsCsv } from "../tests/factories/import-files";
import { measure, migrateFreshSqlite, option, printTable, runChild } from "./lib/child-runs";

const args = process.argv.slice(2);

interface Run {
  rows: number;
  csvMb: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
  imported: number;
  failed: number;
}

/** One size, inside a child process: migrate a fresh database, generate the CSV, import it. */
async function child(rows: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "pulse-bench-ingest-"));
  try {
    const databaseUrl = `file:${path.join(dir, "bench.db")}`;
    migrateFreshSqlite(databaseUrl);
    const file = path.join(dir, "mentions.csv");
    // 1% broken rows, as in the integration test: the bench measures the error path too.
    const generated = await writeMentionsCsv(file, rows, { brokenEvery: 100 });
    const csvMb = statSync(file).size / 1024 / 1024;

    process.env.DATABASE_URL = databaseUrl;
    process.env.PULSE_JOB_RUNNER = "off";
    // The pipeline reads the app's configuration (database flavour); the bench talks to no Shopify.
    process.env.SHOPIFY_API_KEY ??= "bench-api-key";
    process.env.SHOPIFY_API_SECRET ??= "bench-api-secret";
    process.env.SHOPIFY_APP_URL ??= "https://bench.invalid";
    const { createDb, setDb } = await import("~/db.server");
    const db = createDb(databaseUrl);
    setDb(db);
    const { ensureFileImportSource, runImport } = await import("~/services/file-import.server");
    const shop = await db.shop.create({
      data: { domain: "bench.myshopify.com", name: "Bench", timezone: "Europe/Paris" },
    });
    const sourceId = await ensureFileImportSource(shop.id);
    const { result, seconds, peakRssMb } = await measure(() =>
      runImport(shop.id, sourceId, file, MENTIONS_CSV_MAPPING, {
        fileName: "mentions.csv",
        dateOrder: "day-first",
        now: new Date("2026-11-28T00:00:00Z"),
      }),
    );
    if (result.status !== "succeeded" || result.rowsImported !== generated.goodRows) {
      throw new Error(
        `import incomplete: ${JSON.stringify({ ...result, errors: result.errors.slice(0, 5) })}`,
      );
    }
    await db.$disconnect();
    const run: Run = {
      rows,
      csvMb: Math.round(csvMb * 10) / 10,
      seconds: Math.round(seconds * 100) / 100,
      rowsPerSecond: Math.round(rows / seconds),
      peakRssMb,
      imported: result.rowsImported,
      failed: result.rowsFailed,
    };
    console.log(JSON.stringify(run));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const childRows = option("--child");
  if (childRows) return child(Number(childRows));

  const sizes = (option("--rows") ?? "100000,1000000").split(",").map(Number);
  const asJson = args.includes("--json");
  const runs: Run[] = [];
  for (const rows of sizes) {
    runs.push(runChild<Run>(import.meta.url, ["--child", String(rows)], `${rows} rows`));
  }

  console.log(
    "Pulse file import benchmark (CSV with 1% broken rows → ingest pipeline → SQLite, fresh database)",
  );
  const header = ["rows", "CSV MB", "imported", "failed", "seconds", "rows/s", "peak RSS MB"];
  const table = runs.map((r) =>
    [r.rows, r.csvMb, r.imported, r.failed, r.seconds, r.rowsPerSecond, r.peakRssMb].map(String),
  );
  printTable(header, table);
  if (asJson) {
    console.log(
      JSON.stringify({
        runs: runs.map((r) => ({ rows: r.rows, rowsPerSecond: r.rowsPerSecond, peakRssMb: r.peakRssMb })),
      }),
    );
  }
}

await main();
