/**
 * One backtest: the same dataset replayed with Pulse's policy and the sentiment-blind one, compared
 * per group, for the sentiment-led groups together, and in total.
 */
import {
  combinedSums,
  compareRuns,
  metricsOf,
  noiseVerdict,
  sentimentLedVerdict,
  type NoiseVerdict,
  type TargetVerdict,
} from "./metrics";
import { replayPolicy } from "./replay";
import type { GroupComparison, ReplayDataset, ReplayMetrics, ReplayOptions, ReplayRun } from "./types";

export interface BacktestResult {
  groups: GroupComparison[];
  sentimentLed: { pulse: ReplayMetrics; blind: ReplayMetrics; verdict: TargetVerdict } | null;
  total: { pulse: ReplayMetrics; blind: ReplayMetrics };
  /** Verdict of the "not more than 5% worse" bound for each group named as noise. */
  noise: Map<string, NoiseVerdict>;
  /** The perfect-foresight bound's run, when asked for (see ReplayPolicy). */
  runs: { pulse: ReplayRun; blind: ReplayRun; foresight?: ReplayRun };
}

/**
 * Returns the comparison of both policies on one dataset. Groups whose name is in `noiseGroups`
 * (sentiment is pure noise there) get the 5% bound checked; `foresightBound` also replays the
 * perfect-foresight bound (from `foresightFromDay`).
 *
 * @example
 * const result = runBacktest(dataset, { noiseGroups: ["noise"] });
 * result.sentimentLed?.verdict.stockoutTargetMet;
 */
export function runBacktest(
  dataset: ReplayDataset,
  options: ReplayOptions & { noiseGroups?: readonly string[]; foresightBound?: boolean } = {},
): BacktestResult {
  const pulse = replayPolicy(dataset, "pulse", options);
  const blind = replayPolicy(dataset, "blind", options);
  const foresight = options.foresightBound ? replayPolicy(dataset, "foresight", options) : undefined;
  const groups = compareRuns(dataset, pulse, blind, options);
  const ledPulse = combinedSums(pulse, dataset, (g) => g.sentimentLed, options);
  const ledBlind = combinedSums(blind, dataset, (g) => g.sentimentLed, options);
  const anyLed = groups.some((g) => g.sentimentLed);
  const noise = new Map<string, NoiseVerdict>();
  for (const name of options.noiseGroups ?? []) {
    const group = groups.find((g) => g.name === name);
    if (group) noise.set(name, noiseVerdict(group.pulse, group.blind));
  }
  return {
    groups,
    sentimentLed: anyLed
      ? {
          pulse: metricsOf(ledPulse),
          blind: metricsOf(ledBlind),
          verdict: sentimentLedVerdict(ledPulse, ledBlind),
        }
      : null,
    total: {
      pulse: metricsOf(combinedSums(pulse, dataset, () => true, options)),
      blind: metricsOf(combinedSums(blind, dataset, () => true, options)),
    },
    noise,
    runs: { pulse, blind, ...(foresight ? { foresight } : {}) },
  };
}
