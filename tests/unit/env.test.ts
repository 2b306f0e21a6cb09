import { describe, expect, it } from "vitest";
import { DEFAULT_IMPORT_MAX_BYTES, env, EnvError, parseEnv, resetEnvCache } from "~/config/env.server";
import { DEFAULT_MAX_IMPORT_BYTES } from "~/integrations/sources/file-import/reader";

const realStore = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://pulse.example.com",
};

describe("parseEnv", () => {
  it("accepts a real-store configuration and applies defaults", () => {
    const result = parseEnv(realStore);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.databaseProvider).toBe("sqlite");
    expect(result.value.databaseUrl).toBe("file:./prisma/dev.db");
    expect(result.value.scopes).toContain("write_inventory");
    expect(result.value.port).toBe(3000);
  });

  it("names every missing Shopify variable outside demo mode", () => {
    const result = parseEnv({});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.join("\n")).toMatch(/SHOPIFY_API_KEY/);
    expect(result.error.join("\n")).toMatch(/SHOPIFY_API_SECRET/);
    expect(result.error.join("\n")).toMatch(/SHOPIFY_APP_URL/);
  });

  it("treats empty values as unset (KEY= copied from .env.example)", () => {
    const result = parseEnv({ ...realStore, DATABASE_URL: "", PORT: "" });
    expect(result.ok && result.value.databaseUrl).toBe("file:./prisma/dev.db");
  });

  it.each([
    ["DATABASE_URL", "mysql://x", /DATABASE_URL: must start with file:/],
    ["PORT", "eighty", /PORT/],
    ["PULSE_ENCRYPTION_KEY", "short", /PULSE_ENCRYPTION_KEY: must be 32 bytes/],
    ["SHOPIFY_APP_URL", "not a url", /SHOPIFY_APP_URL/],
    ["PULSE_DEMO", "maybe", /PULSE_DEMO/],
  ])("rejects a malformed %s and says which", (name, value, message) => {
    const result = parseEnv({ ...realStore, [name]: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.join("\n")).toMatch(message);
  });

  it("switches to PostgreSQL on a postgres URL", () => {
    const result = parseEnv({ ...realStore, DATABASE_URL: "postgresql://u@localhost:5432/pulse" });
    expect(result.ok && result.value.databaseProvider).toBe("postgresql");
  });

  it("needs no Shopify credentials in demo mode", () => {
    const result = parseEnv({ PULSE_DEMO: "1", PORT: "4000" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.appUrl).toBe("http://localhost:4000");
  });

  it("refuses demo mode and the fake Admin API in production", () => {
    const demo = parseEnv({ ...realStore, NODE_ENV: "production", PULSE_DEMO: "1" });
    expect(demo.ok).toBe(false);
    if (!demo.ok) expect(demo.error.join("\n")).toMatch(/PULSE_DEMO: demo mode .* NODE_ENV=production/);
    const fake = parseEnv({
      ...realStore,
      NODE_ENV: "production",
      SHOPIFY_ADMIN_FAKE_URL: "http://127.0.0.1:9",
    });
    expect(fake.ok).toBe(false);
    if (!fake.ok) expect(fake.error.join("\n")).toMatch(/SHOPIFY_ADMIN_FAKE_URL/);
  });

  it("refuses the pg-boss runner on SQLite", () => {
    const result = parseEnv({ ...realStore, PULSE_JOB_RUNNER: "pgboss" });
    expect(result.ok).toBe(false);
  });
});

describe("PULSE_IMPORT_MAX_BYTES", () => {
  it("defaults to 1 GB, the reader's own limit, when unset or empty", () => {
    for (const value of [undefined, ""]) {
      const result = parseEnv({ ...realStore, PULSE_IMPORT_MAX_BYTES: value });
      expect(result.ok && result.value.importMaxBytes).toBe(1024 * 1024 * 1024);
    }
    expect(DEFAULT_IMPORT_MAX_BYTES).toBe(DEFAULT_MAX_IMPORT_BYTES);
  });

  it.each([
    ["1", 1],
    ["5242880", 5 * 1024 * 1024],
    ["10737418240", 10 * 1024 * 1024 * 1024],
  ])("accepts %s bytes", (value, bytes) => {
    const result = parseEnv({ ...realStore, PULSE_IMPORT_MAX_BYTES: value });
    expect(result.ok && result.value.importMaxBytes).toBe(bytes);
  });

  it.each(["0", "-5", "1.5", "1e9", "0x400", "1GB", "1 000", "abc", "007", "99999999999999999999"])(
    "refuses %s with a message naming the variable",
    (value) => {
      const result = parseEnv({ ...realStore, PULSE_IMPORT_MAX_BYTES: value });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.error.join("\n")).toMatch(
          /PULSE_IMPORT_MAX_BYTES: (must be a positive whole number of bytes|is too large)/,
        );
    },
  );

  it("stops start-up through env() with the variable named", () => {
    const saved = process.env.PULSE_IMPORT_MAX_BYTES;
    process.env.PULSE_IMPORT_MAX_BYTES = "zero";
    resetEnvCache();
    try {
      expect(() => env()).toThrow(EnvError);
      expect(() => env()).toThrow(/PULSE_IMPORT_MAX_BYTES: must be a positive whole number of bytes/);
    } finally {
      if (saved === undefined) delete process.env.PULSE_IMPORT_MAX_BYTES;
      else process.env.PULSE_IMPORT_MAX_BYTES = saved;
      resetEnvCache();
    }
  });
});
