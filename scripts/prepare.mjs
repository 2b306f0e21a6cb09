#!/usr/bin/env node
// The pre-step of `npm run demo`, `npm test` and `npm run db:migrate`. Node built-ins only, because it
// runs before anything is installed: it installs what is missing and says what it is doing.
//   node scripts/prepare.mjs demo|test|migrate|codegen|setup
import { spawnSync } from "node:child_process";
import { existsSync, statSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const mode = process.argv[2] ?? "setup";
const say = (message) => console.log(`pulse: ${message}`);
const fail = (message) => {
  console.error(`pulse: ${message}`);
  process.exit(1);
};

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 10)) {
  fail(
    `Node ${process.versions.node} is too old; Pulse needs Node 20.10 or newer (22.12+ for \`shopify app dev\`).`,
  );
}

if (existsSync(path.join(root, ".env")) && typeof process.loadEnvFile === "function") {
  process.loadEnvFile(path.join(root, ".env"));
}
process.env.DATABASE_URL ||= "file:./prisma/dev.db";
const databaseUrl = process.env.DATABASE_URL;
const isPostgres = /^postgres(ql)?:\/\//.test(databaseUrl);
if (!isPostgres && !databaseUrl.startsWith("file:")) {
  fail(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL); it is "${databaseUrl}".`);
}

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const run = (command, args, what) => {
  say(what);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0)
    fail(`${what} failed (exit ${result.status ?? result.signal}). See the output above.`);
};
const bin = (name) => path.join(root, "node_modules", ".bin", name);

// 1. Dependencies: npm ci when node_modules is missing or older than the lock file.
const lock = path.join(root, "package-lock.json");
const installed = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || mtime(installed) < mtime(lock)) {
  run(
    "npm",
    ["ci", "--no-audit", "--no-fund"],
    "installing dependencies (npm ci), this takes a minute or two the first time",
  );
}

// 2. Prisma clients, one per schema flavour (generated into node_modules, so after every npm ci).
const clients = [
  {
    schema: "prisma/schema.prisma",
    out: "node_modules/.prisma/client/default.js",
    url: "file:./prisma/dev.db",
  },
  {
    schema: "prisma/postgres/schema.prisma",
    out: "node_modules/.prisma-postgres/client/default.js",
    url: "postgresql://localhost/pulse",
  },
];
for (const client of clients) {
  if (mtime(path.join(root, client.out)) < mtime(path.join(root, client.schema))) {
    say(`generating the Prisma client for ${client.schema}`);
    const result = spawnSync(bin("prisma"), ["generate", "--schema", client.schema], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: client.url },
      encoding: "utf8",
    });
    if (result.status !== 0) fail(`prisma generate failed:\n${result.stdout}${result.stderr}`);
  }
}

// 3. GraphQL types (for typecheck): derive the schema JSON from the committed gzip, never download.
if (mode === "codegen" || mode === "setup") {
  const generated = path.join(root, "app/types/admin.generated.d.ts");
  const operationsDir = path.join(root, "app/integrations/shopify/operations");
  const newest = Math.max(...readdirSync(operationsDir).map((f) => mtime(path.join(operationsDir, f))));
  if (mtime(generated) < newest) {
    run("node", ["scripts/schema.mjs"], "deriving the Admin API schema file for type generation");
    run(bin("graphql-codegen"), [], "generating Admin API types (graphql-codegen)");
  }
}

// 4. Migrations for the configured database (the demo and `npm start` need them; tests make their own).
if (mode === "demo" || mode === "migrate" || mode === "setup") {
  const flavour = isPostgres ? "PostgreSQL" : "SQLite";
  // `migrate deploy` is idempotent and also creates Prisma's bookkeeping table on a fresh SQLite file.
  const result = spawnSync(bin("prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: process.env,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    if (/P1001|ECONNREFUSED|Can't reach database/i.test(output)) {
      fail(
        `cannot reach the ${flavour} database at ${databaseUrl.replace(/\/\/[^@]*@/, "//***@")}. Start it, or unset DATABASE_URL to use SQLite.`,
      );
    }
    fail(`migrating the ${flavour} database failed:\n${output.trim()}`);
  }
  const applied = /(\d+) migrations? (?:found|applied)/.exec(result.stdout);
  say(`${flavour} database is migrated${applied ? ` (${applied[0]})` : ""}`);
}

// 5. `npm start` never migrates by itself (production migrations are a deliberate step): it checks.
if (mode === "start") {
  const result = spawnSync(bin("prisma"), ["migrate", "status"], {
    cwd: root,
    env: process.env,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`;
    if (/P1001|ECONNREFUSED|Can't reach database/i.test(output))
      fail(
        `cannot reach the database at ${databaseUrl.replace(/\/\/[^@]*@/, "//***@")}. Start it and try again.`,
      );
    fail(
      "the database is not migrated (or is behind the code). Run `npm run db:migrate`, then `npm start` again.",
    );
  }
  if (!existsSync(path.join(root, "build", "server", "index.js")))
    fail("the app is not built yet: run `npm run build`, then `npm start` again.");
}

if (mode === "test" && !existsSync(path.join(root, "node_modules", ".bin", "vitest"))) {
  fail("vitest is missing after install; run `npm ci` and try again.");
}
