import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "~/config/env.server";

/**
 * Envelope encryption of connector credentials (AES-256-GCM). A stored value reads
 *
 *   pulse:v1:<keyId>:<iv>:<tag>:<ciphertext>        (iv, tag, ciphertext in base64url)
 *
 * keyId is the first 8 hex digits of sha256(key): it names the key without revealing it, so a
 * value written before a rotation is decrypted with PULSE_ENCRYPTION_KEY_PREVIOUS until
 * `npm run secrets:rotate` re-encrypts it. The additional authenticated data binds the ciphertext
 * to its purpose and owner (e.g. the source id): a value copied onto another source does not decrypt.
 */

const VERSION = "v1";
const PREFIX = `pulse:${VERSION}:`;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A key with its id, as the keyring holds it. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

/** The keys in use: `current` encrypts, every key decrypts. */
export interface SecretKeyring {
  current: SecretKey;
  previous: SecretKey[];
}

/** Decryption failed: tampered value, unknown key, or a value bound to another owner. */
export class SecretDecryptionError extends Error {
  readonly name = "SecretDecryptionError";
}

/** Returns the key id of a 32-byte key: the first 8 hex digits of its sha256. */
export function secretKeyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

/** Builds a keyring from raw 32-byte keys. */
export function keyringFrom(current: Buffer, previous: (Buffer | null | undefined)[] = []): SecretKeyring {
  if (current.length !== 32) throw new Error("The encryption key must be 32 bytes.");
  return {
    current: { id: secretKeyId(current), key: current },
    previous: previous
      .filter((key): key is Buffer => key instanceof Buffer && key.length === 32)
      .map((key) => ({ id: secretKeyId(key), key })),
  };
}

/** The process keyring from PULSE_ENCRYPTION_KEY and PULSE_ENCRYPTION_KEY_PREVIOUS. */
export function defaultKeyring(): SecretKeyring {
  const config = env();
  return keyringFrom(config.credentialsKey, [config.previousCredentialsKey]);
}

/**
 * Encrypts a secret string for storage; `context` (e.g. "source:<id>") must be given again to decrypt.
 *
 * @example
 * const stored = encryptSecret("token", "source:abc");
 * decryptSecret(stored, "source:abc"); // "token"
 */
export function encryptSecret(
  plaintext: string,
  context: string,
  keyring: SecretKeyring = defaultKeyring(),
): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`pulse-secret:${VERSION}:${context}`, "utf8"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${PREFIX}${keyring.current.id}:${iv.toString("base64url")}:${tag.toString("base64url")}:${ciphertext.toString("base64url")}`;
}

/** The key id a stored value was encrypted with, or null when the value is not an envelope. */
export function envelopeKeyId(stored: string): string | null {
  if (!stored.startsWith(PREFIX)) return null;
  return stored.slice(PREFIX.length).split(":")[0] ?? null;
}

/**
 * Decrypts a stored value. Throws SecretDecryptionError (never including the secret) when the
 * value is malformed, was encrypted with a key that is not configured, or fails authentication.
 */
export function decryptSecret(
  stored: string,
  context: string,
  keyring: SecretKeyring = defaultKeyring(),
): string {
  if (!stored.startsWith(PREFIX))
    throw new SecretDecryptionError(
      "The stored credentials are not a Pulse v1 envelope; reconnect the source to save them again.",
    );
  const parts = stored.slice(PREFIX.length).split(":");
  if (parts.length !== 4)
    throw new SecretDecryptionError("The stored credentials are truncated or malformed.");
  const [keyId, ivText, tagText, ciphertextText] = parts as [string, string, string, string];
  const key = [keyring.current, ...keyring.previous].find((candidate) => candidate.id === keyId);
  if (!key)
    throw new SecretDecryptionError(
      `The stored credentials were encrypted with key ${keyId}, which is neither PULSE_ENCRYPTION_KEY nor PULSE_ENCRYPTION_KEY_PREVIOUS. Set the old key as PULSE_ENCRYPTION_KEY_PREVIOUS and run npm run secrets:rotate, or reconnect the source.`,
    );
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES)
    throw new SecretDecryptionError("The stored credentials are truncated or malformed.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`pulse-secret:${VERSION}:${context}`, "utf8"));
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(Buffer.from(ciphertextText, "base64url")),
      decipher.final(),
    ]).toString("utf8");
  } catch {
    throw new SecretDecryptionError(
      "The stored credentials failed their integrity check (altered, or saved for another source); reconnect the source.",
    );
  }
}

/** Encrypts a credentials object (JSON) for a source. */
export function encryptCredentials(
  sourceId: string,
  credentials: Record<string, unknown>,
  keyring: SecretKeyring = defaultKeyring(),
): string {
  return encryptSecret(JSON.stringify(credentials), `source:${sourceId}`, keyring);
}

/** Decrypts a source's credentials object. */
export function decryptCredentials(
  sourceId: string,
  stored: string,
  keyring: SecretKeyring = defaultKeyring(),
): Record<string, unknown> {
  const value: unknown = JSON.parse(decryptSecret(stored, `source:${sourceId}`, keyring));
  if (!value || typeof value !== "object" || Array.isArray(value))
    throw new SecretDecryptionError("The stored credentials are not an object; reconnect the source.");
  return value as Record<string, unknown>;
}

/**
 * Returns the value re-encrypted with the current key, or null when it already uses it (so a
 * rotation run twice changes nothing the second time).
 */
export function reencryptSecret(
  stored: string,
  context: string,
  keyring: SecretKeyring = defaultKeyring(),
): string | null {
  if (envelopeKeyId(stored) === keyring.current.id) return null;
  return encryptSecret(decryptSecret(stored, context, keyring), context, keyring);
}
