/**
 * Reorder point, order-up-to level and the order quantity a supplier will accept.
 */

/**
 * Returns the reorder point: order when stock on hand plus on order falls to it.
 * Rule: reorder point = expected demand over the lead time + safety stock.
 *
 * @example
 * reorderPointUnits(70, 24); // 94
 */
export function reorderPointUnits(leadTimeDemandUnits: number, safetyStockUnits: number): number {
  const units = leadTimeDemandUnits + safetyStockUnits;
  return Number.isFinite(units) && units > 0 ? units : 0;
}

/**
 * Returns the order-up-to level: what an order should bring the inventory position back to.
 * Rule: order-up-to = expected demand over (lead time + review period) + safety stock.
 *
 * @example
 * orderUpToUnits(140, 24); // 164
 */
export function orderUpToUnits(leadTimePlusReviewDemandUnits: number, safetyStockUnits: number): number {
  const units = leadTimePlusReviewDemandUnits + safetyStockUnits;
  return Number.isFinite(units) && units > 0 ? units : 0;
}

/**
 * Returns the units to order now: nothing while the inventory position is above the reorder point,
 * otherwise enough to reach the order-up-to level.
 * Rule: if position ≤ reorder point then order-up-to − position, else 0.
 *
 * @example
 * netRequirementUnits(80, 94, 164); // 84
 * netRequirementUnits(120, 94, 164); // 0
 */
export function netRequirementUnits(
  inventoryPositionUnits: number,
  reorderPoint: number,
  orderUpTo: number,
): number {
  if (!Number.isFinite(inventoryPositionUnits) || inventoryPositionUnits > reorderPoint) return 0;
  const units = orderUpTo - inventoryPositionUnits;
  return Number.isFinite(units) && units > 0 ? units : 0;
}

/**
 * Returns an order quantity the supplier accepts: whole cases, at least the MOQ (itself rounded up to
 * whole cases); 0 stays 0.
 * Rule: qty = max(⌈need ÷ case pack⌉ × case pack, ⌈MOQ ÷ case pack⌉ × case pack).
 *
 * @example
 * roundToSupplierTerms(17, 6, 0); // 18
 * roundToSupplierTerms(5, 6, 24); // 24
 */
export function roundToSupplierTerms(needUnits: number, casePackUnits: number, moqUnits: number): number {
  if (!Number.isFinite(needUnits) || needUnits <= 0) return 0;
  const pack = Number.isInteger(casePackUnits) && casePackUnits >= 1 ? casePackUnits : 1;
  const moq = Number.isFinite(moqUnits) && moqUnits > 0 ? moqUnits : 0;
  // A hair of floating-point error (16.000000001) must not buy a whole extra case.
  const cases = Math.ceil(needUnits / pack - 1e-9);
  const moqCases = Math.ceil(moq / pack - 1e-9);
  return Math.max(cases, moqCases) * pack;
}
