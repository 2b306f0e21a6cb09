/**
 * Deterministic key of a proposal row.
 */
import type { ProposalKind } from "./proposal";

/**
 * Returns the key that identifies a proposal across re-runs of one planning cycle.
 * Rule: cycle + variant (or "product:<id>" for product tasks) + location ("all" when none, "from>to"
 * for transfers) + kind. Parts are URI-encoded so an id containing ":" cannot collide with another.
 *
 * @example
 * proposalIdempotencyKey({ cycleId: "2025-W14", variantId: "v1", locationId: "l1", kind: "restock" });
 * // "2025-W14:v1:l1:restock"
 */
export function proposalIdempotencyKey(parts: {
  cycleId: string;
  kind: ProposalKind;
  variantId: string | null;
  productId?: string;
  locationId: string | null;
  toLocationId?: string | null;
}): string {
  const e = encodeURIComponent;
  const subject = parts.variantId !== null ? e(parts.variantId) : `product-${e(parts.productId ?? "")}`;
  const place =
    parts.locationId === null
      ? "all"
      : parts.toLocationId
        ? `${e(parts.locationId)}>${e(parts.toLocationId)}`
        : e(parts.locationId);
  return `${e(parts.cycleId)}:${subject}:${place}:${parts.kind}`;
}
