import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Three projects share one config: pure unit tests, integration tests on SQLite, and the same
// integration tests on PostgreSQL (run by `npm run test:pg`, which sets PULSE_TEST_DATABASE_URL).
// The e2e project drives Debian's Chromium with playwright-core against the running demo;
// scripts/test.ts includes it only when a Chromium is installed.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    environment: "node",
    // The app reads its configuration through app/config/env.server.ts; tests use the values of
    // @shopify/shopify-api/test-helpers so getHmac/getJwt sign with the app's own secret.
    env: {
      TZ: "UTC",
      NODE_ENV: "test",
      SHOPIFY_API_KEY: "testApiKey",
      SHOPIFY_API_SECRET: "testApiSecretKey",
      SHOPIFY_APP_URL: "https://my-test-app.myshopify.io",
      PULSE_JOB_RUNNER: "off",
    },
    setupFiles: ["tests/setup/fail-on-console-error.ts"],
    projects: [
      {
        extends: true,
        // Generous timeouts: CI has 2 cores shared with builds; the tests measure behaviour, not speed.
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
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
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/setup/demo.global.ts"],
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
