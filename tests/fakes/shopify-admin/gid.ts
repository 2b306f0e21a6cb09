/**
 * Shopify global ids ("GIDs"): `gid://shopify/<Type>/<number>[?query]`.
 * The Admin API hands these out for every Node; the fake mints and parses them the same way.
 */

/** The parts of a Shopify GID, or null when the string is not one. */
export interface ParsedGid {
  type: string;
  numericId: number;
  /** Query parameters some GIDs carry, such as InventoryLevel's `inventory_item_id`. */
  params: URLSearchParams;
}

const GID_PATTERN = /^gid:\/\/shopify\/([A-Za-z]+)\/(\d+)(?:\?(.*))?$/;

/**
 * Parses a Shopify GID.
 *
 * @example
 * parseGid("gid://shopify/Product/1001")?.numericId; // 1001
 * parseGid("not a gid"); // null
 */
export function parseGid(id: string): ParsedGid | null {
  const match = GID_PATTERN.exec(id);
  if (!match) return null;
  return { type: match[1]!, numericId: Number(match[2]), params: new URLSearchParams(match[3] ?? "") };
}

/**
 * Builds a Shopify GID.
 *
 * @example
 * gid("Product", 7); // "gid://shopify/Product/7"
 */
export function gid(type: string, numericId: number | string): string {
  return `gid://shopify/${type}/${numericId}`;
}

/**
 * The numeric tail of a GID (Shopify's `legacyResourceId`), or 0 when the id is not a GID.
 *
 * @example
 * numericIdOf("gid://shopify/Location/3"); // 3
 */
export function numericIdOf(id: string): number {
  return parseGid(id)?.numericId ?? 0;
}

/**
 * Shopify's InventoryLevel id: the location's number with the item as a query parameter,
 * e.g. `gid://shopify/InventoryLevel/3?inventory_item_id=5001`.
 *
 * @example
 * inventoryLevelGid("gid://shopify/InventoryItem/5001", "gid://shopify/Location/3");
 */
export function inventoryLevelGid(inventoryItemId: string, locationId: string): string {
  return `${gid("InventoryLevel", numericIdOf(locationId))}?inventory_item_id=${numericIdOf(inventoryItemId)}`;
}
