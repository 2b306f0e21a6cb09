import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium } from "../tests/setup/chromium";
import { root, say } from "./lib/cli";

// `npm test`: unit tests, integration tests on SQLite and, when a Chromium is installed, the e2e
// tests against the demo. `npm run test:pg` runs the integration tests on PostgreSQL instead.
//   --e2e-only   only the browser tests      --pg   integration on PostgreSQL only
// The browser tests run in a second vitest run, so the demo server they start lives only as long
// as they need it.

const args = new Set(process.argv.slice(2));
const env: NodeJS.ProcessEnv = { ...process.env };
const runs: { name: string; projects: string[] }[] = [];

if (args.has("--pg")) {
  env.PULSE_TEST_DATABASE = "postgres";
  runs.push({ name: "pg", projects: ["integration"] });
  say(`integration tests on PostgreSQL (${env.PULSE_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432"})`);
} else {
  if (!args.has("--e2e-only")) runs.push({ name: "default", projects: ["unit", "integration"] });
  const chromium = findChromium();
  if (chromium) {
    runs.push({ name: "e2e", projects: ["e2e"] });
    say(`end-to-end tests in ${chromium}`);
  } else {
    say(
      "skipping the end-to-end tests: no Chromium found. Install Debian's (apt-get install -y chromium) or set PULSE_CHROMIUM_PATH, then run npm test again.",
    );
    if (args.has("--e2e-only")) process.exit(1);
  }
}

interface Summary {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}

mkdirSync(path.join(root, "var"), { recursive: true });
const vitest = path.join(root, "node_modules", ".bin", "vitest");
let passed = 0;
let failed = 0;
let skipped = 0;
let status = 0;
for (const run of runs) {
  const resultsFile = path.join(root, "var", `test-results-${run.name}.json`);
  rmSync(resultsFile, { force: true });
  const result = spawnSync(
    vitest,
    [
      "run",
      ...run.projects.flatMap((p) => ["--project", p]),
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${resultsFile}`,
    ],
    { cwd: root, env, stdio: "inherit" },
  );
  if (result.status !== 0) status = result.status ?? 1;
  try {
    const summary = JSON.parse(readFileSync(resultsFile, "utf8")) as Summary;
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    skipped += summary.numPendingTests + summary.numTodoTests;
  } catch {
    failed += 1; // the runner produced no results: count the run as a failure
    say(`the ${run.name} test run produced no results (see the output above)`);
  }
}

// One plain closing line that any CI can read, whatever the runner printed above.
console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(status || (failed > 0 ? 1 : 0));
