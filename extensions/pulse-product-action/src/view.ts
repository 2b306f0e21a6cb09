/**
 * Pure view logic of the product page's admin action: reads the app's JSON defensively (the
 * extension bundle carries no zod) and turns it into the lines the modal shows. No Preact, no
 * `shopify` global here, so vitest tests it as plain functions.
 */

/** One waiting recommendation as `GET /api/extension/products/:id/recommendations` sends it. */
export interface RecommendationJson {
  id: string;
  kind: string;
  cycle: string;
  tier: string | null;
  variantTitle: string | null;
  /** null: the change is for all locations (supplier orders, product tasks). */
  locationTitle: string | null;
  quantityName: string;
  currentUnits: number | null;
  proposedUnits: number | null;
  deltaUnits: number | null;
  reason: string;
}

export interface ProductRecommendationsJson {
  product: { shopifyId: string; title: string };
  mayDecide: boolean;
  recommendations: RecommendationJson[];
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the modal shows for one recommendation. */
export interface RecommendationLine {
  id: string;
  /** "Restock · Gold · Berlin warehouse" */
  heading: string;
  /** "Available: 12 → 40 (+28)", or "No stock change" */
  numbers: string;
  reason: string;
  mayDecide: boolean;
}

const KIND_LABELS: Record<string, string> = {
  restock: "Restock",
  reduce: "Reduce",
  safety_stock: "Safety stock",
  transfer: "Transfer",
  supplier_order: "Supplier order",
  marketing_task: "Marketing task",
  product_task: "Product fix",
  support_task: "Support task",
  alert: "Alert",
};

const QUANTITY_LABELS: Record<string, string> = {
  available: "Available",
  incoming: "Incoming",
  safety_stock: "Safety stock",
  on_hand: "On hand",
};

/**
 * The path of the app route listing a product's recommendations. The numeric id travels rather
 * than the GID: a GID's slashes would need encoding that proxies may undo.
 *
 * @example recommendationsPath("gid://shopify/Product/123") // → "/api/extension/products/123/recommendations"
 */
export function recommendationsPath(productGid: string): string {
  const numeric = /(\d+)$/.exec(productGid)?.[1];
  return `/api/extension/products/${numeric ?? encodeURIComponent(productGid)}/recommendations`;
}

/** The decision route's path. */
export const DECISION_PATH = "/api/extension/recommendations/decision";

const isString = (v: unknown): v is string => typeof v === "string";
const isNumberOrNull = (v: unknown): v is number | null =>
  v === null || (typeof v === "number" && Number.isFinite(v));
const isStringOrNull = (v: unknown): v is string | null => v === null || typeof v === "string";

function isRecommendation(v: unknown): v is RecommendationJson {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return (
    isString(r.id) &&
    isString(r.kind) &&
    isString(r.cycle) &&
    isStringOrNull(r.tier) &&
    isStringOrNull(r.variantTitle) &&
    isStringOrNull(r.locationTitle) &&
    isString(r.quantityName) &&
    isNumberOrNull(r.currentUnits) &&
    isNumberOrNull(r.proposedUnits) &&
    isNumberOrNull(r.deltaUnits) &&
    isString(r.reason)
  );
}

/** The list answer, checked field by field; an answer of another shape is an error to show. */
export function parseProductRecommendations(json: unknown): Parsed<ProductRecommendationsJson> {
  if (typeof json !== "object" || json === null) return { ok: false, error: "Pulse sent an empty answer." };
  const body = json as Record<string, unknown>;
  const product = body.product as Record<string, unknown> | undefined;
  if (
    !product ||
    !isString(product.shopifyId) ||
    !isString(product.title) ||
    typeof body.mayDecide !== "boolean" ||
    !Array.isArray(body.recommendations) ||
    !body.recommendations.every(isRecommendation)
  ) {
    return {
      ok: false,
      error: "Pulse answered in a shape this version of the action does not know. Reload the page.",
    };
  }
  return {
    ok: true,
    value: {
      product: { shopifyId: product.shopifyId, title: product.title },
      mayDecide: body.mayDecide,
      recommendations: body.recommendations,
    },
  };
}

/** How unit counts are written: the admin's `shopify.i18n.formatNumber` in the extension, `Intl` in tests. */
export type FormatNumber = (value: number, options?: Intl.NumberFormatOptions) => string;

/** A `FormatNumber` for a locale, through `Intl.NumberFormat`. */
export const intlFormatNumber =
  (locale: string): FormatNumber =>
  (value, options) =>
    new Intl.NumberFormat(locale, options).format(value);

/**
 * The lines the modal lists, in the order the app sent them, numbers written by `formatNumber`.
 *
 * @example
 * recommendationLines(data, intlFormatNumber("en"))[0].numbers // → "Available: 1,200 → 1,540 (+340)"
 */
export function recommendationLines(
  data: ProductRecommendationsJson,
  formatNumber: FormatNumber,
): RecommendationLine[] {
  const count = { format: (n: number) => formatNumber(n, { maximumFractionDigits: 0 }) };
  const signed = {
    format: (n: number) => formatNumber(n, { maximumFractionDigits: 0, signDisplay: "exceptZero" }),
  };
  return data.recommendations.map((r) => {
    const heading = [KIND_LABELS[r.kind] ?? r.kind, r.variantTitle, r.locationTitle ?? "All locations"]
      .filter((part): part is string => Boolean(part))
      .join(" · ");
    const quantity = QUANTITY_LABELS[r.quantityName] ?? r.quantityName;
    const numbers =
      r.currentUnits !== null && r.proposedUnits !== null
        ? `${quantity}: ${count.format(r.currentUnits)} → ${count.format(r.proposedUnits)} (${signed.format(r.proposedUnits - r.currentUnits)})`
        : r.deltaUnits !== null
          ? `${quantity}: ${signed.format(r.deltaUnits)}`
          : "No stock change";
    return { id: r.id, heading, numbers, reason: r.reason, mayDecide: data.mayDecide };
  });
}

/** What the modal says after a decision, from the HTTP status and the JSON the app answered. */
export function decisionOutcome(
  status: number,
  json: unknown,
): { tone: "success" | "critical" | "warning"; text: string; decided: boolean } {
  const body = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  if (status === 200 && body.ok === true) {
    if (body.message === "approved")
      return { tone: "success", text: "Approved. Pulse is writing the change to Shopify.", decided: true };
    if (body.message === "approvedNoWrite")
      return {
        tone: "success",
        text: "Approved. Nothing is written to Shopify for this kind.",
        decided: true,
      };
    return { tone: "success", text: "Rejected. Pulse will not apply it.", decided: true };
  }
  const error = (body.error ?? {}) as Record<string, unknown>;
  const message = isString(error.message)
    ? error.message
    : `Pulse answered ${status}. Try again in a minute.`;
  // Already decided elsewhere: the line is settled either way, so it leaves the list.
  if (status === 409) return { tone: "warning", text: message, decided: true };
  return { tone: "critical", text: message, decided: false };
}
