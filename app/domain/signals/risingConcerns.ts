import type { AspectDriver } from "./weeklySignalRow";

/** A negative aspect whose mentions grew by a stated percentage ("comfort concerns +35% this week"). */
export interface RisingConcern {
  aspect: string;
  mentions: number;
  previousWeekMentions: number;
  changePercent: number;
}

/**
 * Returns topic growth for concerns: negative-aspect drivers whose week-over-week growth passed the
 * minimum-count guard and reached `minChangePercent`, fastest-growing first.
 *
 * @example
 * risingConcerns([{ aspect: "comfort", stance: "negative", mentions: 27, previousWeekMentions: 20,
 *   growth: { status: "ok", changePercent: 35 } }]);
 * // [{ aspect: "comfort", mentions: 27, previousWeekMentions: 20, changePercent: 35 }]
 */
export function risingConcerns(drivers: readonly AspectDriver[], minChangePercent = 0): RisingConcern[] {
  const concerns: RisingConcern[] = [];
  for (const driver of drivers) {
    if (driver.stance !== "negative" || driver.growth.status !== "ok") continue;
    if (driver.growth.changePercent < minChangePercent) continue;
    concerns.push({
      aspect: driver.aspect,
      mentions: driver.mentions,
      previousWeekMentions: driver.previousWeekMentions,
      changePercent: driver.growth.changePercent,
    });
  }
  return concerns.sort((a, b) => b.changePercent - a.changePercent || a.aspect.localeCompare(b.aspect));
}
