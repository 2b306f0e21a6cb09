import { z } from "zod";

/** Most addresses one digest goes to; more is a mailing list, not a digest. */
export const MAX_DIGEST_RECIPIENTS = 20;

const email = z.string().trim().email();

/**
 * `Shop.settings.digest` as stored. Everything optional: a shop that never opened the digest page
 * gets the weekly email at its Shopify address. Unknown keys are kept (passthrough) so a newer
 * version's settings survive an older writer.
 */
export const digestSettingsSchema = z
  .object({
    enabled: z.boolean().optional(),
    recipients: z.array(z.string()).optional(),
  })
  .passthrough();

export type DigestSettings = z.infer<typeof digestSettingsSchema>;

/** Who gets this week's digest, and what could not be used. */
export interface DigestRecipients {
  enabled: boolean;
  recipients: string[];
  /** Stored addresses that are not email addresses, skipped. */
  invalid: string[];
  /** Set when Shop.settings.digest could not be read; the shop email was used instead. */
  settingsError: string | null;
}

/** The `digest` entry of a shop's settings JSON, or null when absent or not an object. */
function digestEntry(settings: unknown): unknown {
  if (!settings || typeof settings !== "object" || Array.isArray(settings)) return undefined;
  return (settings as Record<string, unknown>).digest;
}

/**
 * Returns the digest's recipients for a shop: `settings.digest.recipients` when it lists any,
 * otherwise the shop's email; `enabled` is false only when `settings.digest.enabled === false`.
 * Invalid addresses are skipped and listed; duplicates are sent once.
 *
 * @example
 * resolveDigestRecipients("owner@shop.com", { digest: { recipients: ["a@b.co", "nope"] } });
 * // { enabled: true, recipients: ["a@b.co"], invalid: ["nope"], settingsError: null }
 */
export function resolveDigestRecipients(shopEmail: string | null, settings: unknown): DigestRecipients {
  const entry = digestEntry(settings);
  const parsed = entry === undefined ? null : digestSettingsSchema.safeParse(entry);
  const settingsError =
    parsed && !parsed.success
      ? `The digest settings could not be read (${parsed.error.issues.map((i) => `${i.path.join(".") || "digest"}: ${i.message}`).join("; ")}); the shop email was used.`
      : null;
  const digest = parsed?.success ? parsed.data : {};
  const configured = digest.recipients?.filter((r) => r.trim() !== "") ?? [];
  const candidates = configured.length > 0 ? configured : shopEmail ? [shopEmail] : [];
  const recipients: string[] = [];
  const invalid: string[] = [];
  for (const candidate of candidates) {
    const checked = email.safeParse(candidate);
    if (!checked.success) invalid.push(candidate);
    else if (!recipients.some((r) => r.toLowerCase() === checked.data.toLowerCase()))
      recipients.push(checked.data);
  }
  return { enabled: digest.enabled !== false, recipients, invalid, settingsError };
}

/** Why a typed recipient list was refused, per address. */
export type RecipientListError = { kind: "invalid"; value: string } | { kind: "tooMany"; max: number };

/**
 * Parses the digest page's recipient field (commas, semicolons, line breaks or Chinese commas
 * between addresses) into a list, or the addresses that are not email addresses.
 *
 * @example
 * parseRecipientList("a@b.co, c@d.co"); // { ok: true, value: ["a@b.co", "c@d.co"] }
 * parseRecipientList("a@b.co, nope"); // { ok: false, error: [{ kind: "invalid", value: "nope" }] }
 */
export function parseRecipientList(
  text: string,
): { ok: true; value: string[] } | { ok: false; error: RecipientListError[] } {
  const items = text
    .split(/[,;\n，；]/)
    .map((item) => item.trim())
    .filter(Boolean);
  const errors: RecipientListError[] = items
    .filter((item) => !email.safeParse(item).success)
    .map((value) => ({ kind: "invalid" as const, value }));
  // The first spelling of an address wins; "A@b.co" after "a@b.co" is the same mailbox.
  const unique = items.filter(
    (item, index) => items.findIndex((other) => other.toLowerCase() === item.toLowerCase()) === index,
  );
  if (unique.length > MAX_DIGEST_RECIPIENTS) errors.push({ kind: "tooMany", max: MAX_DIGEST_RECIPIENTS });
  return errors.length > 0 ? { ok: false, error: errors } : { ok: true, value: unique };
}
