import { createHash } from "node:crypto";

/** Followers at or above which an author counts as a public influencer whose handle may be shown. */
export const PUBLIC_INFLUENCER_REACH = 10_000;

/**
 * Returns sha256 of the per-shop salt and the lower-cased handle: authors are counted and can be
 * found again for a `customers/data_request` (hash the customer's e-mail the same way), but are
 * never stored in the clear.
 *
 * @example
 * hashAuthor("salt", "Mia@Example.com") === hashAuthor("salt", "mia@example.com"); // true
 */
export function hashAuthor(salt: string, handle: string): string {
  return createHash("sha256").update(`${salt}:${handle.trim().toLowerCase()}`).digest("hex");
}
