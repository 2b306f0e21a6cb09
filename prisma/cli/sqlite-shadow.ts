import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Returns the adapter factory with its shadow database fixed for migration replay.
 *
 * Prisma 6.19's WASM schema engine replays each migration.sql on the shadow database through
 * executeRaw() as ONE multi-statement string; SQLite drivers run only the first statement (libsql)
 * or reject it (better-sqlite3, P3006). Route argument-less executeRaw on the shadow database to
 * executeScript(). Verified in ../shared/PRISMA-OFFLINE.md, section 3. CLI only: the app never migrates.
 */
export function withShadowScriptFix<F extends SqlMigrationAwareDriverAdapterFactory>(factory: F): F {
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const shadow = await connectToShadowDb();
    const executeRaw = shadow.executeRaw.bind(shadow);
    shadow.executeRaw = async (query) => {
      if (query.args.length === 0) {
        await shadow.executeScript(query.sql);
        return 0;
      }
      return executeRaw(query);
    };
    return shadow;
  };
  return factory;
}
