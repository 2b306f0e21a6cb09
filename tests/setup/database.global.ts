import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";

/**
 * A fresh database per test run, migrated once with the committed migrations (so the tests also prove
 * the migrations). SQLite by default; PostgreSQL when PULSE_TEST_DATABASE=postgres (npm run test:pg),
 * on PULSE_TEST_PG_URL or the local server.
 */
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

const root = path.resolve(import.meta.dirname, "..", "..");

function migrate(databaseUrl: string): void {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0)
    throw new Error(`prisma migrate deploy failed for the test database:\n${result.stdout}${result.stderr}`);
}

export default async function setup(project: TestProject) {
  if (process.env.PULSE_TEST_DATABASE === "postgres") {
    const serverUrl = new URL(
      process.env.PULSE_TEST_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    );
    const name = `pulse_test_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl.href });
    await admin.connect().catch((error: Error) => {
      throw new Error(
        `cannot reach PostgreSQL at ${serverUrl.host} (${error.message}). Start it or set PULSE_TEST_PG_URL.`,
      );
    });
    await admin.query(`CREATE DATABASE "${name}"`);
    const databaseUrl = new URL(serverUrl.href);
    databaseUrl.pathname = `/${name}`;
    migrate(databaseUrl.href);
    project.provide("databaseUrl", databaseUrl.href);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "pulse-test-"));
  const databaseUrl = `file:${path.join(dir, "test.db")}`;
  migrate(databaseUrl);
  project.provide("databaseUrl", databaseUrl);
  return () => rmSync(dir, { recursive: true, force: true });
}
