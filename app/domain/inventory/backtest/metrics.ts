/**
 * The backtest's four figures (stock-out days, lost sales, overstock, turns) and the targets of the
 * product definition they are judged against.
 */
import type {
  GroupComparison,
  MetricSums,
  ReplayDataset,
  ReplayMetrics,
  ReplayOptions,
  ReplayRun,
  SeriesTrace,
} from "./types";

const EMPTY_SUMS: MetricSums = {
  stockoutDays: 0,
  lostUnits: 0,
  overstockUnits: 0,
  soldUnits: 0,
  stockUnitDays: 0,
  days: 0,
};

/**
 * Returns the raw sums of one series' trace.
 * Rules: a stock-out day opened with an empty shelf or turned customers away (sold < demand); lost
 * units = Σ (demand − sold); overstock = at each week end, shelf units above `overstockCoverDays` ×
 * the mean daily demand of the trailing `coverWindowDays` days (what customers wanted, so a stock-out
 * does not shrink the yardstick), summed over the week ends. Only days from `measureFromDay` count.
 *
 * @example
 * seriesSums(trace).lostUnits; // Σ demand − Σ sold
 */
export function seriesSums(trace: SeriesTrace, options: ReplayOptions = {}): MetricSums {
  const coverWindow = Math.max(1, Math.floor(options.coverWindowDays ?? 28));
  const coverDays = options.overstockCoverDays ?? 56;
  const days = trace.demandUnits.length;
  const from = Math.max(0, Math.floor(options.measureFromDay ?? 0));
  let stockoutDays = 0;
  let lostUnits = 0;
  let overstockUnits = 0;
  let soldUnits = 0;
  let stockUnitDays = 0;
  let windowDemand = 0;
  for (let d = 0; d < days; d++) {
    const demand = trace.demandUnits[d] as number;
    const sold = trace.soldUnits[d] as number;
    windowDemand += demand;
    if (d >= coverWindow) windowDemand -= trace.demandUnits[d - coverWindow] as number;
    if (d < from) continue;
    if ((trace.openingStockUnits[d] as number) <= 0 || sold < demand) stockoutDays++;
    lostUnits += demand - sold;
    soldUnits += sold;
    stockUnitDays += trace.closingStockUnits[d] as number;
    if (d % 7 === 6) {
      const meanDailyDemand = windowDemand / Math.min(d + 1, coverWindow);
      overstockUnits += Math.max(0, (trace.closingStockUnits[d] as number) - coverDays * meanDailyDemand);
    }
  }
  return {
    stockoutDays,
    lostUnits,
    overstockUnits,
    soldUnits,
    stockUnitDays,
    days: Math.max(0, days - from),
  };
}

/**
 * Returns the sum of several series' sums (days is the common length, not a sum).
 *
 * @example
 * addSums([a, b]).lostUnits; // a.lostUnits + b.lostUnits
 */
export function addSums(sums: readonly MetricSums[]): MetricSums {
  return sums.reduce(
    (total, s) => ({
      stockoutDays: total.stockoutDays + s.stockoutDays,
      lostUnits: total.lostUnits + s.lostUnits,
      overstockUnits: total.overstockUnits + s.overstockUnits,
      soldUnits: total.soldUnits + s.soldUnits,
      stockUnitDays: total.stockUnitDays + s.stockUnitDays,
      days: Math.max(total.days, s.days),
    }),
    EMPTY_SUMS,
  );
}

/**
 * Returns the reported figures of a sum.
 * Rule: turns = units sold ÷ average units on the shelf (Σ closing stock ÷ days), × 365 ÷ days to
 * make it yearly; 0 when nothing was held. Figures are rounded to 2 decimals.
 *
 * @example
 * metricsOf({ stockoutDays: 3, lostUnits: 10, overstockUnits: 0, soldUnits: 182, stockUnitDays: 1820, days: 182 }).turns; // 36.5
 */
export function metricsOf(sums: MetricSums): ReplayMetrics {
  const averageStock = sums.days > 0 ? sums.stockUnitDays / sums.days : 0;
  const turns = averageStock > 0 && sums.days > 0 ? (sums.soldUnits / averageStock) * (365 / sums.days) : 0;
  return {
    stockoutDays: sums.stockoutDays,
    lostUnits: round2(sums.lostUnits),
    overstockUnits: round2(sums.overstockUnits),
    turns: round2(turns),
  };
}

function round2(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/** Sums per group of one run, in first-seen group order. */
export function groupSums(
  run: ReplayRun,
  dataset: Pick<ReplayDataset, "groupOfProduct">,
  options: ReplayOptions = {},
): Map<string, MetricSums> {
  const byGroup = new Map<string, MetricSums[]>();
  for (const trace of run.traces) {
    const name = dataset.groupOfProduct.get(trace.productId)?.name ?? "other";
    const list = byGroup.get(name) ?? [];
    list.push(seriesSums(trace, options));
    byGroup.set(name, list);
  }
  return new Map([...byGroup].map(([name, list]) => [name, addSums(list)]));
}

/**
 * Returns, per group, the figures of both policies side by side (groups in the order of
 * `groupOfProduct`'s first appearance in the dataset's series).
 *
 * @example
 * compareRuns(dataset, pulseRun, blindRun).find((g) => g.name === "noise")?.blind.stockoutDays;
 */
export function compareRuns(
  dataset: Pick<ReplayDataset, "groupOfProduct">,
  pulse: ReplayRun,
  blind: ReplayRun,
  options: ReplayOptions = {},
): GroupComparison[] {
  const pulseSums = groupSums(pulse, dataset, options);
  const blindSums = groupSums(blind, dataset, options);
  const led = new Map<string, boolean>();
  for (const group of dataset.groupOfProduct.values()) led.set(group.name, group.sentimentLed);
  return [...pulseSums.keys()].map((name) => ({
    name,
    sentimentLed: led.get(name) ?? false,
    pulse: metricsOf(pulseSums.get(name) as MetricSums),
    blind: metricsOf(blindSums.get(name) ?? EMPTY_SUMS),
  }));
}

/** Sums over a subset of groups, for "sentiment-led" and "total" lines. */
export function combinedSums(
  run: ReplayRun,
  dataset: Pick<ReplayDataset, "groupOfProduct">,
  include: (group: { name: string; sentimentLed: boolean }) => boolean,
  options: ReplayOptions = {},
): MetricSums {
  const led = new Map<string, boolean>();
  for (const group of dataset.groupOfProduct.values()) led.set(group.name, group.sentimentLed);
  const sums = groupSums(run, dataset, options);
  return addSums(
    [...sums].filter(([name]) => include({ name, sentimentLed: led.get(name) ?? false })).map(([, s]) => s),
  );
}

/**
 * Returns the relative reduction (0.3 = 30% fewer) of `pulse` against `blind`; 0 when both are 0,
 * −1 (i.e. "worse by everything") when blind is 0 and pulse is not.
 *
 * @example
 * reduction(70, 100); // 0.3
 */
export function reduction(pulse: number, blind: number): number {
  if (blind === 0) return pulse === 0 ? 0 : -1;
  return (blind - pulse) / blind;
}

export interface TargetVerdict {
  stockoutDaysReduction: number;
  overstockUnitsReduction: number;
  stockoutTargetMet: boolean;
  overstockTargetMet: boolean;
}

/**
 * Returns whether Pulse meets the targets on the sentiment-led groups combined.
 * Rule (product definition): ≥ 30% fewer stock-out days and ≥ 20% fewer overstock units than blind.
 *
 * @example
 * sentimentLedVerdict(pulseSums, blindSums).stockoutTargetMet;
 */
export function sentimentLedVerdict(
  pulse: MetricSums,
  blind: MetricSums,
  targets = { stockoutDaysReduction: 0.3, overstockUnitsReduction: 0.2 },
): TargetVerdict {
  const stockoutDaysReduction = reduction(pulse.stockoutDays, blind.stockoutDays);
  const overstockUnitsReduction = reduction(pulse.overstockUnits, blind.overstockUnits);
  return {
    stockoutDaysReduction,
    overstockUnitsReduction,
    stockoutTargetMet: stockoutDaysReduction >= targets.stockoutDaysReduction,
    overstockTargetMet: overstockUnitsReduction >= targets.overstockUnitsReduction,
  };
}

export interface NoiseVerdict {
  /** Worst relative deterioration over the four figures (0.05 = 5% worse). */
  worstDeterioration: number;
  withinBound: boolean;
}

/**
 * Returns how much worse than blind Pulse is on a group where sentiment is pure noise.
 * Rule: for stock-out days, lost units and overstock, (pulse − blind) ÷ blind; for turns,
 * (blind − pulse) ÷ blind; the bound holds when none exceeds 5%. A blind figure of 0 only counts when
 * Pulse's figure exceeds `absoluteSlack` (one unit or day), so 0 against 0.4 units is not "infinitely worse".
 *
 * @example
 * noiseVerdict(pulseMetrics, blindMetrics).withinBound; // true when Pulse is at most 5% worse anywhere
 */
export function noiseVerdict(
  pulse: ReplayMetrics,
  blind: ReplayMetrics,
  bound = 0.05,
  absoluteSlack = 1,
): NoiseVerdict {
  const worse = (p: number, b: number): number => {
    if (b === 0) return p > absoluteSlack ? 1 : 0;
    return (p - b) / b;
  };
  const worstDeterioration = Math.max(
    worse(pulse.stockoutDays, blind.stockoutDays),
    worse(pulse.lostUnits, blind.lostUnits),
    worse(pulse.overstockUnits, blind.overstockUnits),
    blind.turns > 0 ? (blind.turns - pulse.turns) / blind.turns : 0,
  );
  return { worstDeterioration, withinBound: worstDeterioration <= bound };
}

/**
 * Returns the overstock units (as seriesSums counts them, from `options.measureFromDay`) that the
 * shelf held on that day would cause on its own, with nothing arriving afterwards: stock no decision
 * taken from that day can remove, because the replay has neither returns nor transfers (a cancel only
 * cuts units still in transit). Read it against the blind policy's overstock over the same days: the
 * difference is the part any policy could have avoided.
 * Rule: from `measureFromDay`, shelf = opening shelf of that day, minus what customers buy; its
 * overstock is counted by seriesSums itself (same cover window and limit).
 *
 * @example
 * committedOverstockUnits(blindRun.traces[0], { measureFromDay: 105 }); // ≤ seriesSums(…).overstockUnits
 */
export function committedOverstockUnits(trace: SeriesTrace, options: ReplayOptions = {}): number {
  const days = trace.demandUnits.length;
  const from = Math.max(0, Math.floor(options.measureFromDay ?? 0));
  if (from >= days) return 0;
  // The same overstock rule as the run's own figures, on the shelf that nothing refills after `from`.
  const closingStockUnits = new Float64Array(days);
  let shelf = trace.openingStockUnits[from] as number;
  for (let d = from; d < days; d++) {
    shelf -= Math.min(shelf, trace.demandUnits[d] as number);
    closingStockUnits[d] = shelf;
  }
  return seriesSums({ ...trace, closingStockUnits }, options).overstockUnits;
}
