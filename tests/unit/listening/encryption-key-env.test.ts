import { describe, expect, it } from "vitest";
import { decodeEncryptionKey, parseEnv } from "~/config/env.server";

const realStore = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://pulse.example.com",
};
const base64Key = Buffer.alloc(32, 3).toString("base64");
const hexKey = Buffer.alloc(32, 4).toString("hex");

describe("PULSE_ENCRYPTION_KEY", () => {
  it("accepts 32 bytes as base64 or hex, and a previous key for rotation", () => {
    expect(decodeEncryptionKey(base64Key)).toEqual(Buffer.alloc(32, 3));
    expect(decodeEncryptionKey(hexKey)).toEqual(Buffer.alloc(32, 4));
    expect(decodeEncryptionKey("c2hvcnQ=")).toBeNull();
    const result = parseEnv({
      ...realStore,
      PULSE_ENCRYPTION_KEY: hexKey,
      PULSE_ENCRYPTION_KEY_PREVIOUS: base64Key,
    });
    expect(result.ok && result.value.credentialsKey).toEqual(Buffer.alloc(32, 4));
    expect(result.ok && result.value.previousCredentialsKey).toEqual(Buffer.alloc(32, 3));
  });

  it("is required in production; development falls back to the fixed development-only key", () => {
    const production = parseEnv({ ...realStore, NODE_ENV: "production" });
    expect(production.ok).toBe(false);
    if (!production.ok)
      expect(production.error.join("\n")).toMatch(/PULSE_ENCRYPTION_KEY: required in production/);
    const development = parseEnv(realStore);
    const again = parseEnv(realStore);
    expect(development.ok && development.value.credentialsKey).toHaveLength(32);
    expect(
      development.ok && again.ok && development.value.credentialsKey.equals(again.value.credentialsKey),
    ).toBe(true);
    expect(parseEnv({ ...realStore, PULSE_ENCRYPTION_KEY_PREVIOUS: "nope" }).ok).toBe(false);
  });
});
