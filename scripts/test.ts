import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { findChromium } from "../tests/setup/chromium";
import { root, say } from "./lib/cli";

// `npm test`: unit tests, integration tests on SQLite and, when a Chromium is installed, the e2e
// tests against the demo. `npm run test:pg` runs the integration tests on PostgreSQL instead.
//   --e2e-only   only the browser tests      --pg   integration on PostgreSQL only

const args = new Set(process.argv.slice(2));
const projects: string[] = [];
const env: NodeJS.ProcessEnv = { ...process.env };

if (args.has("--pg")) {
  projects.push("integration");
  env.PULSE_TEST_DATABASE = "postgres";
  say(`integration tests on PostgreSQL (${env.PULSE_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432"})`);
} else {
  if (!args.has("--e2e-only")) projects.push("unit", "integration");
  const chromium = findChromium();
  if (chromium) {
    projects.push("e2e");
    say(`end-to-end tests in ${chromium}`);
  } else {
    say(
      "skipping the end-to-end tests: no Chromium found. Install Debian's (apt-get install -y chromium) or set PULSE_CHROMIUM_PATH, then run npm test again.",
    );
    if (args.has("--e2e-only")) process.exit(1);
  }
}

const mode = args.has("--pg") ? "pg" : args.has("--e2e-only") ? "e2e" : "default";
const resultsFile = path.join(root, "var", `test-results-${mode}.json`);
mkdirSync(path.dirname(resultsFile), { recursive: true });
rmSync(resultsFile, { force: true });
const vitest = path.join(root, "node_modules", ".bin", "vitest");
const result = spawnSync(
  vitest,
  [
    "run",
    ...projects.flatMap((p) => ["--project", p]),
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${resultsFile}`,
  ],
  { cwd: root, env, stdio: "inherit" },
);

// One plain closing line that any CI can read, whatever the runner printed above.
try {
  const summary = JSON.parse(readFileSync(resultsFile, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  console.log(
    `\n${summary.numPassedTests} passed, ${summary.numFailedTests} failed, ${summary.numPendingTests + summary.numTodoTests} skipped`,
  );
} catch {
  console.log("\n0 passed, 1 failed (the test runner produced no results)");
}
process.exit(result.status ?? 1);
