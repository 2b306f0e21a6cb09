/**
 * Signatures of the signed ingest webhook (`POST /api/ingest/:sourceId`). The sender signs
 * "<timestamp>.<raw body>" with HMAC-SHA256 and the source's secret, and sends
 * `X-Pulse-Timestamp: <unix seconds>` and `X-Pulse-Signature: sha256=<hex>`. Binding the timestamp
 * into the signature lets the receiver refuse old deliveries replayed later.
 */
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const TIMESTAMP_HEADER = "X-Pulse-Timestamp";
export const SIGNATURE_HEADER = "X-Pulse-Signature";

/**
 * The `X-Pulse-Signature` value for a body sent at `timestamp` (unix seconds).
 * @example signIngestBody("s3cret", 1793714700, '{"mentions":[]}') // "sha256=5d0c…" (64 hex digits)
 */
export function signIngestBody(
  secret: string,
  timestamp: number | string,
  body: string | Uint8Array,
): string {
  const hmac = createHmac("sha256", secret);
  hmac.update(`${timestamp}.`);
  hmac.update(body);
  return `sha256=${hmac.digest("hex")}`;
}

/**
 * Whether a signature header is the right one for this body, compared in constant time.
 * @example verifyIngestSignature("s3cret", "1793714700", body, signIngestBody("s3cret", 1793714700, body)) // true
 */
export function verifyIngestSignature(
  secret: string,
  timestamp: string,
  body: Uint8Array,
  header: string,
): boolean {
  const expected = Buffer.from(signIngestBody(secret, timestamp, body).slice("sha256=".length), "hex");
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const given = Buffer.from(match[1]!, "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * What a delivery is remembered by (IngestReceipt.digest): the sha256 of its signature, so the same
 * signed body is accepted once.
 * @example signatureDigest("sha256=AB…") === signatureDigest("sha256=ab…") // true
 */
export function signatureDigest(header: string): string {
  return createHash("sha256").update(header.trim().toLowerCase()).digest("hex");
}
