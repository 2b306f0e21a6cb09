import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Three projects share one config: pure unit tests, integration tests on SQLite, and the same
// integration tests on PostgreSQL (run by `npm run test:pg`, which sets PULSE_TEST_DATABASE_URL).
// Playwright e2e tests are driven by scripts/test.ts, not vitest, because they need a served app.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: "node",
    env: { TZ: "UTC" },
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/database.global.ts"],
          setupFiles: ["tests/setup/fail-on-console-error.ts", "tests/setup/database.ts"],
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
