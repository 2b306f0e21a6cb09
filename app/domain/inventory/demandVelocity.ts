/**
 * Daily sales velocity that does not mistake a stock-out for a lack of demand.
 */
import { dayNumberFromIsoDate } from "./calendar";
import type { SalesHistory } from "./planningInput";

/** Velocity of one variant at one location over a window. */
export interface DemandVelocity {
  /** Units sold per in-stock day; 0 when no in-stock day was observed. */
  unitsPerDay: number;
  inStockDays: number;
  /** Days in the window that were out of stock and therefore not counted. */
  excludedOutOfStockDays: number;
  /** Days in the window before the history starts or after it ends. */
  missingDays: number;
  /** Values that were negative or not numbers and were counted as 0 units. */
  invalidValues: number;
}

/** Returns units sold on a day index of a history, 0 for a negative or non-numeric entry. */
export function cleanUnits(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Returns units sold per in-stock day over the `windowDays` days ending the day before `todayDayNumber`.
 * Rule: velocity = units sold on in-stock days ÷ number of in-stock days; out-of-stock days are left
 * out because what sold on them was capped by the shelf, not by demand.
 *
 * @example
 * demandVelocity(
 *   { variantId: "v", locationId: "l", firstDay: "2025-01-01", unitsSold: [4, 0, 6], inStock: [true, false, true] },
 *   3, 20089,
 * ); // unitsPerDay 5, inStockDays 2, excludedOutOfStockDays 1
 */
export function demandVelocity(
  history: SalesHistory,
  windowDays: number,
  todayDayNumber: number,
): DemandVelocity {
  const firstDay = dayNumberFromIsoDate(history.firstDay);
  const result: DemandVelocity = {
    unitsPerDay: 0,
    inStockDays: 0,
    excludedOutOfStockDays: 0,
    missingDays: 0,
    invalidValues: 0,
  };
  if (firstDay === null) {
    result.missingDays = windowDays;
    return result;
  }
  let units = 0;
  for (let day = todayDayNumber - windowDays; day < todayDayNumber; day++) {
    const index = day - firstDay;
    if (index < 0 || index >= history.unitsSold.length) {
      result.missingDays++;
      continue;
    }
    if (history.inStock[index] === false) {
      result.excludedOutOfStockDays++;
      continue;
    }
    const raw = history.unitsSold[index];
    if (raw === undefined || !Number.isFinite(raw) || raw < 0) result.invalidValues++;
    units += cleanUnits(raw);
    result.inStockDays++;
  }
  result.unitsPerDay = result.inStockDays > 0 ? units / result.inStockDays : 0;
  return result;
}
