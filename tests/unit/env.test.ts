import { describe, expect, it } from "vitest";
import { parseEnv } from "~/config/env.server";

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
