import { shiftIsoWeek } from "./isoWeek";
import { signalKey, splitSignalKey } from "./signalKey";

/**
 * Returns the row keys to recompute after new mentions touched `touchedKeys`: the touched weeks
 * themselves plus, in the same series, the following `baselineWeeks` weeks, whose baseline (and,
 * for the next week, week-over-week change and growth) include the touched week.
 *
 * @example
 * affectedSignalKeys(["s\u001fp\u001f\u001fall\u001fall\u001f2026-W47"], 2);
 * // keys for 2026-W47, 2026-W48 and 2026-W49 of that series
 */
export function affectedSignalKeys(touchedKeys: Iterable<string>, baselineWeeks: number): Set<string> {
  const affected = new Set<string>();
  const followingWeeks = Math.max(1, Math.floor(baselineWeeks));
  for (const key of touchedKeys) {
    const { seriesKey, isoWeek } = splitSignalKey(key);
    affected.add(key);
    for (let delta = 1; delta <= followingWeeks; delta++)
      affected.add(signalKey(seriesKey, shiftIsoWeek(isoWeek, delta)));
  }
  return affected;
}
