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

/**
 * Returns the inventory position a reduce proposal keeps: the larger of one case pack above the
 * order-up-to level and the overstock cover limit.
 * Rule: keep = max(order-up-to + case pack, cover daily demand × max cover days). The case pack is
 * there because an order rounded up to whole cases sits up to one case above the order-up-to level by
 * design; reading that rounding as excess would cancel the order the week after it was placed.
 *
 * @example
 * overstockKeepUnits(18.9, 0.5, 56, 4); // max(22.9, 28) = 28
 */
export function overstockKeepUnits(
  orderUpTo: number,
  coverDailyUnits: number,
  maxCoverDays: number,
  casePackUnits: number,
): number {
  const pack = Number.isInteger(casePackUnits) && casePackUnits >= 1 ? casePackUnits : 1;
  const upTo = Number.isFinite(orderUpTo) && orderUpTo > 0 ? orderUpTo : 0;
  const cover =
    Number.isFinite(coverDailyUnits) && coverDailyUnits > 0 && Number.isFinite(maxCoverDays)
      ? coverDailyUnits * Math.max(0, maxCoverDays)
      : 0;
  return Math.max(upTo + pack, cover);
}

/**
 * Returns the incoming units a reduce proposal cancels: the excess of the position over `keepUnits`,
 * in whole cases (suppliers cancel what they ship: cases), never more than is incoming.
 * Rule: cancel = min(incoming, ⌊(position − keep) ÷ case pack⌋ × case pack), at least 0.
 *
 * @example
 * cancellableExcessUnits(40, 28, 24, 4); // 12
 * cancellableExcessUnits(30, 28, 24, 4); // 0: less than a case above the keep level
 */
export function cancellableExcessUnits(
  inventoryPositionUnits: number,
  keepUnits: number,
  incomingUnits: number,
  casePackUnits: number,
): number {
  const pack = Number.isInteger(casePackUnits) && casePackUnits >= 1 ? casePackUnits : 1;
  const excess = inventoryPositionUnits - keepUnits;
  if (!Number.isFinite(excess) || excess < pack || !(incomingUnits > 0)) return 0;
  return Math.min(Math.floor(incomingUnits), Math.floor(excess / pack + 1e-9) * pack);
}
