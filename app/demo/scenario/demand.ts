/**
 * Customer demand of the simulated store: what customers would buy per variant, warehouse and
 * day if stock allowed. Baseline × weekday pattern × seasonality × regional share × the story's
 * sentiment driver (lagged) × a shared daily shock; the realised count is Poisson around it.
 */
import type { ProductSpec, VariantSpec } from "./catalog";
import type { RegionKey } from "./locations";
import type { DemandDriver } from "./story-plan";

/** Sunday … Saturday. Weekends sell more, as online stores see; the mean is normalised to 1. */
const WEEKDAY_RAW = [1.22, 0.88, 0.86, 0.9, 0.95, 1.04, 1.3];
const WEEKDAY_MEAN = WEEKDAY_RAW.reduce((a, b) => a + b, 0) / WEEKDAY_RAW.length;

/**
 * Returns the demand factor for a weekday (0 = Sunday); weekends are above 1.
 * @example
 * weekdayFactor(6) > weekdayFactor(2); // true
 */
export function weekdayFactor(dayOfWeek: number): number {
  return (WEEKDAY_RAW[dayOfWeek] ?? WEEKDAY_MEAN) / WEEKDAY_MEAN;
}

/**
 * Returns the calendar seasonality of a product over the history (day 0 = late May, last day =
 * late November): beanies rise into winter, beach towels fade after summer, the rest is flat.
 * @example
 * seasonalFactor("beanie", 181, 182) > seasonalFactor("beanie", 0, 182); // true
 */
export function seasonalFactor(
  productKey: ProductSpec["key"],
  dayIndex: number,
  historyDays: number,
): number {
  const progress = historyDays <= 1 ? 0 : dayIndex / (historyDays - 1);
  if (productKey === "beanie") return 0.6 + 0.9 * progress;
  if (productKey === "towel") return 1.4 - 0.8 * progress;
  return 1;
}

/**
 * Returns the driver's value `lagDays` before `dayIndex`, interpolated between week midpoints;
 * before the mention window it holds the first week's value (the story has not started yet).
 * @example
 * laggedDriverValue({ weekly: [10, 20], lagDays: 7, response: () => 1 }, 0, 0); // 10
 */
export function laggedDriverValue(
  driver: DemandDriver,
  dayIndex: number,
  windowStartDayIndex: number,
): number {
  const first = driver.weekly[0] ?? 0;
  const last = driver.weekly[driver.weekly.length - 1] ?? first;
  // Position in weeks, measured from the midpoint of the window's first week.
  const weeksIn = (dayIndex - driver.lagDays - windowStartDayIndex - 3) / 7;
  if (weeksIn <= 0) return first;
  if (weeksIn >= driver.weekly.length - 1) return last;
  const lower = Math.floor(weeksIn);
  const fraction = weeksIn - lower;
  return (driver.weekly[lower] ?? first) * (1 - fraction) + (driver.weekly[lower + 1] ?? last) * fraction;
}

/**
 * Returns the story's demand multiplier for one variant on one day (1 when the product is not
 * sentiment-led or the variant is not moved by the story).
 * @example
 * storyMultiplier(undefined, "Coral", 150, 98); // 1
 */
export function storyMultiplier(
  driver: DemandDriver | undefined,
  variantValue: string,
  dayIndex: number,
  windowStartDayIndex: number,
): number {
  if (!driver) return 1;
  if (driver.variantValues && !driver.variantValues.includes(variantValue)) return 1;
  const first = driver.weekly[0] ?? 1;
  return driver.response(laggedDriverValue(driver, dayIndex, windowStartDayIndex), first === 0 ? 1 : first);
}

/**
 * Returns the expected units customers want for a variant in a region on a day, before the
 * daily shock and the Poisson draw.
 * @example
 * expectedDemandUnits({ spec, variant, region: "eu", dayIndex: 10, dayOfWeek: 6, historyDays: 182,
 *   driver: undefined, windowStartDayIndex: 98 }); // ≈ baseDailyUnits × share × 0.25 × 1.27
 */
export function expectedDemandUnits(input: {
  spec: ProductSpec;
  variant: VariantSpec;
  region: RegionKey;
  dayIndex: number;
  dayOfWeek: number;
  historyDays: number;
  driver: DemandDriver | undefined;
  windowStartDayIndex: number;
}): number {
  const { spec, variant, region, dayIndex } = input;
  return (
    spec.baseDailyUnits *
    variant.demandShare *
    spec.regionWeights[region] *
    weekdayFactor(input.dayOfWeek) *
    seasonalFactor(spec.key, dayIndex, input.historyDays) *
    storyMultiplier(input.driver, variant.value, dayIndex, input.windowStartDayIndex)
  );
}
