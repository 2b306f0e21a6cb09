/**
 * Shopify's inventory quantity states and how they move together. `on_hand` is the sum of
 * `available` and the unavailable on-hand states (`committed`, `reserved`, `damaged`,
 * `quality_control`, `safety_stock`); `incoming` sits outside it.
 */

/** Names `inventoryAdjustQuantities` accepts (`committed` is Shopify's own to change). */
export const ADJUSTABLE_QUANTITY_NAMES = [
  "available",
  "on_hand",
  "incoming",
  "damaged",
  "quality_control",
  "reserved",
  "safety_stock",
] as const;

/** Names `inventorySetQuantities` accepts. */
export const SETTABLE_QUANTITY_NAMES = ["available", "on_hand"] as const;

/** Shopify's documented adjustment reasons. */
export const ADJUSTMENT_REASONS = [
  "correction",
  "cycle_count_available",
  "damaged",
  "movement_created",
  "movement_updated",
  "movement_received",
  "movement_canceled",
  "other",
  "promotion",
  "quality_control",
  "received",
  "reservation_created",
  "reservation_deleted",
  "reservation_updated",
  "restock",
  "safety_stock",
  "shrinkage",
] as const;

/** Shopify refuses quantities beyond ±1,000,000,000. */
export const QUANTITY_LIMIT = 1_000_000_000;

/**
 * The changes one requested change implies: adjusting `available` (or an unavailable
 * on-hand state) also moves `on_hand`; adjusting `on_hand` moves `available`; `incoming`
 * moves alone.
 *
 * @example
 * impliedChanges("available", 5); // [{ name: "available", delta: 5 }, { name: "on_hand", delta: 5 }]
 * impliedChanges("incoming", 5); // [{ name: "incoming", delta: 5 }]
 */
export function impliedChanges(name: string, delta: number): { name: string; delta: number }[] {
  if (name === "incoming") return [{ name, delta }];
  if (name === "on_hand")
    return [
      { name, delta },
      { name: "available", delta },
    ];
  return [
    { name, delta },
    { name: "on_hand", delta },
  ];
}

/**
 * Whether a document URI has a scheme and content (`gid://pulse/Recommendation/7`,
 * `https://…`, `custom-scheme://id`), as Shopify requires of reference and ledger documents.
 *
 * @example
 * isDocumentUri("gid://pulse/Recommendation/7"); // true
 * isDocumentUri("recommendation 7"); // false
 */
export function isDocumentUri(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(uri) || /^[a-z][a-z0-9+.-]*:[^\s/]\S*$/i.test(uri);
}
