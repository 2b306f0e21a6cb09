/**
 * What a source's stored quota (`Source.quota`, written by its connector) means for the merchant.
 * Connectors keep different shapes: YouTube counts units against a daily limit, review apps count
 * requests per day, Reddit reports its rate-limit window.
 */
export type QuotaSummary =
  | { kind: "units"; used: number; limit: number; day: string | null }
  | { kind: "requests"; requests: number; throttled: number; day: string | null }
  | { kind: "rateLimit"; remaining: number | null; used: number | null; resetAt: string | null };

const num = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * The quota summary of a stored quota value, or null when there is none or its shape is unknown.
 * @example summarizeQuota({ day: "2026-11-28", used: 300, limit: 10000 }) // { kind: "units", used: 300, limit: 10000, day: "2026-11-28" }
 */
export function summarizeQuota(quota: unknown): QuotaSummary | null {
  if (!quota || typeof quota !== "object" || Array.isArray(quota)) return null;
  const q = quota as Record<string, unknown>;
  const used = num(q.used);
  const limit = num(q.limit);
  if (used !== null && limit !== null) return { kind: "units", used, limit, day: str(q.day) };
  const requests = num(q.requests);
  if (requests !== null)
    return { kind: "requests", requests, throttled: num(q.throttled) ?? 0, day: str(q.day) };
  if ("remaining" in q || "resetAt" in q) {
    const remaining = num(q.remaining);
    if (remaining === null && used === null) return null;
    return { kind: "rateLimit", remaining, used, resetAt: str(q.resetAt) };
  }
  return null;
}
