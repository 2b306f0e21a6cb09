import { z } from "zod";
import { hashAuthor } from "~/domain/listening/authorHash";
import { getShop } from "~/models/catalog.server";
import {
  deleteMentionsByAuthorHashes,
  earliestMentionPostedAtByAuthorHashes,
  findMentionsByAuthorHashes,
} from "~/models/mention-ingest.server";
import { recordAuditEvent } from "~/models/shops.server";
import { recomputeWeeklySignals } from "~/services/signals.server";

/**
 * The personal data Pulse can hold about a shop's customer: reviews they wrote. Review connectors
 * set the author handle to the reviewer's e-mail (lower-cased), so hashing the customer's e-mail
 * with the shop's salt finds them; the phone number is tried too, for sources that identify by it.
 * Orders are reduced to daily units and keep nothing about the customer.
 */
const compliancePayload = z
  .object({
    customer: z
      .object({
        id: z.union([z.number(), z.string()]).optional().nullable(),
        email: z.string().optional().nullable(),
        phone: z.string().optional().nullable(),
      })
      .passthrough()
      .optional()
      .nullable(),
    data_request: z
      .object({ id: z.union([z.number(), z.string()]).optional() })
      .passthrough()
      .optional()
      .nullable(),
  })
  .passthrough();

/** The author hashes a customer's e-mail and phone number can appear under. */
export function customerAuthorHashes(
  salt: string,
  customer: { email?: string | null; phone?: string | null },
): string[] {
  const keys = new Set<string>();
  const email = customer.email?.trim().toLowerCase();
  if (email) keys.add(email);
  const phone = customer.phone?.trim();
  if (phone) {
    keys.add(phone);
    const digits = phone.replace(/\D/g, "");
    if (digits.length >= 6) {
      keys.add(digits);
      keys.add(`+${digits}`);
    }
  }
  return [...keys].map((key) => hashAuthor(salt, key));
}

export interface CustomerMentionExport {
  text: string;
  title: string | null;
  platform: string;
  postedAt: string;
  url: string | null;
  rating: number | null;
}

/**
 * customers/data_request: finds the customer's mentions and records them in an audit event
 * (`compliance.customer_data_request`) so the merchant can send the customer their data.
 */
export async function answerCustomerDataRequest(
  shopId: string,
  payload: unknown,
  webhookId: string,
): Promise<{ mentions: number }> {
  const shop = await getShop(shopId);
  if (!shop) return { mentions: 0 };
  const parsed = compliancePayload.safeParse(payload);
  const customer = parsed.success ? (parsed.data.customer ?? {}) : {};
  const hashes = customerAuthorHashes(shop.authorSalt, customer);
  const rows = hashes.length > 0 ? await findMentionsByAuthorHashes(shopId, hashes) : [];
  const exported: CustomerMentionExport[] = rows.map((m) => ({
    text: m.text,
    title: m.title,
    platform: m.platform,
    postedAt: m.postedAt.toISOString(),
    url: m.url,
    rating: m.rating,
  }));
  await recordAuditEvent({
    shopId,
    actor: "shopify",
    action: "compliance.customer_data_request",
    subjectType: "Customer",
    subjectId: String(customer.id ?? ""),
    details: {
      webhookId,
      dataRequestId: parsed.success ? String(parsed.data.data_request?.id ?? "") : "",
      personalDataHeld: exported.length > 0,
      matchedBy:
        hashes.length > 0
          ? "email or phone, hashed with the shop's salt"
          : "nothing to match (no email or phone)",
      mentions: exported as unknown as never,
    },
  });
  return { mentions: exported.length };
}

/**
 * customers/redact: recomputes the weekly signals from the week of the customer's earliest mention
 * on as if their mentions were gone, then deletes the mentions (their scores go with them), so no
 * stored aggregate still counts them (volume, shares, influencer hashes, unmet-need wording).
 * Records both in the audit event `compliance.customer_redact`.
 *
 * Recompute before delete, so a redaction can be repeated: if handling throws, the webhook answers
 * 500 and Shopify retries, and the retry can only find the weeks to recompute from the mentions
 * themselves. Deleting first would lose them when the recompute then failed, leaving rows that count
 * the deleted mentions forever. In this order a failed recompute has deleted nothing, and a failed
 * delete leaves mentions the signals already leave out; either way the retry redoes both steps,
 * each of which is safe to repeat. No extra table or transaction is needed, so it behaves the same
 * on SQLite and PostgreSQL.
 *
 * The recompute runs inline, not as a job: the queue refuses uninstalled shops, and customers/redact
 * can arrive for one at any time (it touches only Pulse's database, never Shopify). It is not
 * narrowed to the customer's products: authenticity (duplicates, bursts) is assessed across the
 * shop's mentions, so removing one can change the trust, and so the rows, of other products, and the
 * following weeks' baselines include the deleted week; `recomputeWeeklySignals` covers both.
 *
 * @example
 * await redactCustomer(shop.id, { customer: { id: 7, email: "mia@example.com" } }, webhookId);
 * // { mentionsDeleted: 2, signalWeeksRecomputed: 3 }
 */
export async function redactCustomer(
  shopId: string,
  payload: unknown,
  webhookId: string,
  options: { now?: () => Date } = {},
): Promise<{ mentionsDeleted: number; signalWeeksRecomputed: number }> {
  const shop = await getShop(shopId);
  if (!shop) return { mentionsDeleted: 0, signalWeeksRecomputed: 0 };
  const parsed = compliancePayload.safeParse(payload);
  const customer = parsed.success ? (parsed.data.customer ?? {}) : {};
  const hashes = customerAuthorHashes(shop.authorSalt, customer);
  const earliestPostedAt = await earliestMentionPostedAtByAuthorHashes(shopId, hashes);
  const run = earliestPostedAt
    ? await recomputeWeeklySignals(shopId, {
        from: earliestPostedAt,
        now: options.now ?? (() => new Date()),
        excludeAuthorHashes: hashes,
      })
    : null;
  const { deleted: mentionsDeleted } =
    hashes.length > 0 ? await deleteMentionsByAuthorHashes(shopId, hashes) : { deleted: 0 };
  const signalWeeksRecomputed = run?.weeks ?? 0;
  await recordAuditEvent({
    shopId,
    actor: "shopify",
    action: "compliance.customer_redact",
    subjectType: "Customer",
    subjectId: String(customer.id ?? ""),
    details: {
      webhookId,
      personalDataHeld: mentionsDeleted > 0,
      mentionsDeleted,
      signalWeeksRecomputed,
      signalWeeksFrom: run?.fromWeek ?? null,
    },
  });
  return { mentionsDeleted, signalWeeksRecomputed };
}
