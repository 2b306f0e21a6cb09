import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma CLI configuration (generate, migrate). Prisma 6.19.3 cannot download its schema engine here,
// so the CLI runs the built-in WASM engine through a driver adapter (docs/decisions/001-prisma-6.md).
// DATABASE_URL picks the flavour: postgres://… uses prisma/postgres/, anything else SQLite.
// The variable must always be set, or the CLI tries to download a query engine.
process.env.DATABASE_URL ??= "file:./prisma/dev.db";
const url = process.env.DATABASE_URL;
const isPostgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: isPostgres
    ? path.join("prisma", "postgres", "schema.prisma")
    : path.join("prisma", "schema.prisma"),
  async adapter() {
    if (isPostgres) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      const { pgConfigFromUrl, withPgShadowDb } = await import("./prisma/cli/postgres-shadow");
      const config = pgConfigFromUrl(url);
      return withPgShadowDb(new PrismaPg(config), config);
    }
    const { PrismaLibSQL } = await import("@prisma/adapter-libsql");
    const { withShadowScriptFix } = await import("./prisma/cli/sqlite-shadow");
    return withShadowScriptFix(new PrismaLibSQL({ url }));
  },
});
