/**
 * What the benchmarks that run each size in a child process share: a freshly migrated SQLite
 * database, the peak RSS of the measured work, running the children and printing their table.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root, where prisma and the migrations are. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The value after `name` on the command line, or undefined. */
export function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Applies every migration to the (new, empty) SQLite database at `databaseUrl`; throws with prisma's output if that fails. */
export function migrateFreshSqlite(databaseUrl: string): void {
  const migrated = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (migrated.status !== 0) throw new Error(`migrate deploy failed:\n${migrated.stdout}${migrated.stderr}`);
}

/** What {@link measure} saw of one piece of work. */
export interface Measured<T> {
  result: T;
  /** Wall-clock seconds, unrounded. */
  seconds: number;
  /** The process's peak resident set size, in MB to one decimal. */
  peakRssMb: number;
}

/**
 * Runs `work`, timing it and sampling the RSS every 25 ms; the kernel's own high-water mark is
 * read at the end, so a spike between samples is not missed. Run it in a child process of its
 * own so that the peak is the work's.
 */
export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 25);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // maxRSS is in kilobytes on Linux and macOS.
  peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  return { result, seconds, peakRssMb: Math.round((peakRss / 1024 / 1024) * 10) / 10 };
}

/**
 * Runs the benchmark script at `scriptUrl` again in a child process with `childArgs` (under the
 * same tsx loader) and returns the JSON its last output line holds; `what` names the run in the
 * error thrown when the child fails.
 */
export function runChild<R>(scriptUrl: string, childArgs: string[], what: string): R {
  const result = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(scriptUrl), ...childArgs], {
    cwd: root,
    encoding: "utf8",
    env: process.env,
    maxBuffer: 16 * 1024 * 1024,
  });
  const last = result.stdout.trim().split("\n").at(-1) ?? "";
  if (result.status !== 0 || !last.startsWith("{")) {
    throw new Error(`bench child for ${what} failed:\n${result.stdout}${result.stderr}`);
  }
  return JSON.parse(last) as R;
}

/** Prints a right-aligned table: one line of headings, then one line a row. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
