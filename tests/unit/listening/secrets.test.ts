import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  decryptCredentials,
  decryptSecret,
  encryptCredentials,
  encryptSecret,
  envelopeKeyId,
  keyringFrom,
  reencryptSecret,
  SecretDecryptionError,
} from "~/integrations/sources/secrets.server";

const oldKey = Buffer.alloc(32, 1);
const newKey = Buffer.alloc(32, 2);
const before = keyringFrom(oldKey);
const during = keyringFrom(newKey, [oldKey]);
const after = keyringFrom(newKey);

describe("secret envelopes", () => {
  it("round-trips and never contains the plaintext", () => {
    const stored = encryptSecret("shpat_very_secret", "source:a", before);
    expect(stored).toMatch(/^pulse:v1:[0-9a-f]{8}:/);
    expect(stored).not.toContain("very_secret");
    expect(decryptSecret(stored, "source:a", before)).toBe("shpat_very_secret");
    // A fresh IV each time: equal secrets do not give equal envelopes.
    expect(encryptSecret("shpat_very_secret", "source:a", before)).not.toBe(stored);
  });

  it("detects tampering with a clear error", () => {
    const stored = encryptSecret("token", "source:a", before);
    const parts = stored.split(":");
    const ciphertext = Buffer.from(parts[5]!, "base64url");
    ciphertext[0] = ciphertext[0]! ^ 1;
    parts[5] = ciphertext.toString("base64url");
    expect(() => decryptSecret(parts.join(":"), "source:a", before)).toThrow(/failed their integrity check/);
    expect(() => decryptSecret(stored.slice(0, -4), "source:a", before)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret("plain token", "source:a", before)).toThrow(/not a Pulse v1 envelope/);
  });

  it("refuses a value moved to another source", () => {
    const stored = encryptCredentials("a", { token: "x" }, before);
    expect(() => decryptCredentials("b", stored, before)).toThrow(/integrity check/);
  });

  it("names the missing key when decrypting with the wrong one", () => {
    const stored = encryptSecret("token", "source:a", before);
    expect(() => decryptSecret(stored, "source:a", after)).toThrow(
      new RegExp(`encrypted with key ${envelopeKeyId(stored)}.*PULSE_ENCRYPTION_KEY_PREVIOUS`),
    );
  });

  it("rotates: the previous key still decrypts, re-encryption moves to the new key, a second pass does nothing", () => {
    const stored = encryptCredentials("a", { token: "abc" }, before);
    expect(decryptCredentials("a", stored, during)).toEqual({ token: "abc" });
    const rotated = reencryptSecret(stored, "source:a", during)!;
    expect(envelopeKeyId(rotated)).toBe(during.current.id);
    expect(reencryptSecret(rotated, "source:a", during)).toBeNull();
    expect(decryptCredentials("a", rotated, after)).toEqual({ token: "abc" });
  });

  it("handles any key and any text", () => {
    const ring = keyringFrom(randomBytes(32));
    const text = "密码 🔑 \u0000 end";
    expect(decryptSecret(encryptSecret(text, "ctx", ring), "ctx", ring)).toBe(text);
  });
});
