import { createRequire } from "node:module";
import path from "node:path";
import { createClient } from "@libsql/client";
import { PrismaClient } from "@prisma/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { env, isPostgresUrl } from "~/config/env.server";

/**
 * The Prisma client for this process. SQLite by default; PostgreSQL when DATABASE_URL starts with
 * postgres. Each flavour has its own generated client (a client is tied to its schema's provider):
 * the SQLite one in @prisma/client, the PostgreSQL one in node_modules/.prisma-postgres/client.
 * Their model types are identical (tests/unit/prisma-schemas.test.ts), so the app types against one.
 */
export type Db = PrismaClient;

function loadPostgresClient(): typeof PrismaClient {
  // Loaded at run time by absolute path so Vite does not try to bundle the generated CommonJS client.
  const require = createRequire(import.meta.url);
  const generated = path.join(process.cwd(), "node_modules", ".prisma-postgres", "client", "index.js");
  return (require(generated) as { PrismaClient: typeof PrismaClient }).PrismaClient;
}

/**
 * The libsql adapter with the project's @libsql/client (0.18, a connection pool) instead of the 0.8
 * copy @prisma/adapter-libsql 6.19 bundles: 0.8 hands its connection to every transaction and opens a
 * new one for what follows, never closing the old, so each write transaction (every createMany) leaked
 * a SQLite connection with its page cache, and the PRAGMAs below applied to the first one only.
 */
class PooledPrismaLibSQL extends PrismaLibSQL {
  override createClient(config: Parameters<PrismaLibSQL["createClient"]>[0]) {
    return createClient(config) as unknown as ReturnType<PrismaLibSQL["createClient"]>;
  }
}

declare global {
  // Which database each client talks to; on globalThis so a Vite module reload keeps the record.
  var __pulseDbFlavours: WeakMap<object, "sqlite" | "postgres"> | undefined;
}

function flavours(): WeakMap<object, "sqlite" | "postgres"> {
  globalThis.__pulseDbFlavours ??= new WeakMap();
  return globalThis.__pulseDbFlavours;
}

/** Creates a client for a database URL (tests create their own for a throwaway database). */
export function createDb(databaseUrl: string): Db {
  if (isPostgresUrl(databaseUrl)) {
    const PostgresClient = loadPostgresClient();
    // allowExitOnIdle: scripts end promptly even when they forget $disconnect().
    const postgres = new PostgresClient({
      adapter: new PrismaPg({ connectionString: databaseUrl, allowExitOnIdle: true }),
    });
    flavours().set(postgres, "postgres");
    return postgres;
  }
  const client = new PrismaClient({ adapter: new PooledPrismaLibSQL({ url: databaseUrl }) });
  flavours().set(client, "sqlite");
  // WAL lets the web process read while a job writes, and NORMAL sync is durable at each checkpoint
  // without an fsync per statement; busy_timeout waits for a writer in another process (the demo
  // launcher, a worker) instead of failing at once. Queued before any query on the same connection.
  for (const pragma of ["journal_mode = WAL", "synchronous = NORMAL", "busy_timeout = 5000"]) {
    client.$queryRawUnsafe(`PRAGMA ${pragma}`).catch(() => undefined);
  }
  return client;
}

declare global {
  // Survives Vite's module reloads in development, so one process keeps one pool.
  var __pulseDb: Db | undefined;
}

/** The process-wide client, created on first use. */
export function db(): Db {
  globalThis.__pulseDb ??= createDb(env().databaseUrl);
  return globalThis.__pulseDb;
}

/** Replaces the process-wide client (integration tests point it at their own database). */
export function setDb(client: Db): void {
  globalThis.__pulseDb = client;
}

/**
 * Which database a client talks to, for the few queries the two cannot share (PostgreSQL needs
 * `mode: "insensitive"` for a case-blind LIKE; the SQLite client rejects `mode`).
 *
 * @example
 * databaseFlavour(); // "sqlite" in development and tests, "postgres" when DATABASE_URL says so
 */
export function databaseFlavour(client: Db = db()): "sqlite" | "postgres" {
  return flavours().get(client) ?? "sqlite";
}

/**
 * True for a unique-constraint violation (P2002). Duck-typed: the PostgreSQL client is a separate
 * generated module, so `instanceof` against the SQLite client's error class would miss its errors.
 */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
