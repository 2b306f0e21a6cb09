/**
 * A decimal amount as Shopify sends it ("19.90", 19.9) in minor units (cents), or null when there is
 * no amount (null, undefined or ""). Prices are stored as integers so sums never drift.
 * @example decimalToMinorUnits("19.90") // 1990
 */
export function decimalToMinorUnits(decimal: string | number | null | undefined): number | null {
  return decimal === null || decimal === undefined || decimal === ""
    ? null
    : Math.round(Number(decimal) * 100);
}
