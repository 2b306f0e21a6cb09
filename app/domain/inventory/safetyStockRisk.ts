/**
 * Reads the safety-stock risk factor off a weekly sentiment series.
 */
import { sentimentRiskFactor } from "./safetyStock";
import type { InventorySettings } from "./settings";
import type { WeeklySentimentSeries } from "./weeklySeries";

/**
 * Returns the risk factor from the latest week: its rise in negative share over the week before and
 * its volatility (see sentimentRiskFactor). A single week has no rise to measure, only volatility.
 *
 * @example
 * safetyStockRiskFromSeries(series, DEFAULT_INVENTORY_SETTINGS.risk); // 1.35
 */
export function safetyStockRiskFromSeries(
  series: WeeklySentimentSeries,
  settings: InventorySettings["risk"],
): number {
  const last = series.weeks - 1;
  const prev = Math.max(0, last - 1);
  return sentimentRiskFactor(
    series.negativeShare[prev] as number,
    series.negativeShare[last] as number,
    series.volatility[last] as number,
    settings,
  );
}
