/**
 * The replay: a store's days played again under one policy. Each review day the policy sees only
 * what a merchant would have seen then (its own past sales and stock-outs, its stock and orders in
 * transit, sentiment weeks that had ended), the planning run proposes, every proposal a person
 * would act on is applied, orders arrive after the lead time, and customers buy what is on the shelf.
 */
import { buildRecommendations } from "../buildRecommendations";
import { dayNumberFromIsoDate, MS_PER_DAY, MS_PER_HOUR } from "../calendar";
import type { InventoryRecord, PlanningInput, SalesHistory, SentimentWeek } from "../planningInput";
import type { ReplayDataset, ReplayOptions, ReplayPolicy, ReplayRun, SeriesTrace } from "./types";

interface PendingOrder {
  arrivalDay: number;
  units: number;
}

interface SeriesState {
  trace: SeriesTrace;
  leadTimeDays: number;
  stock: number;
  pipeline: PendingOrder[];
  /** Sales history shown to the policy: units sold and whether the day was uncensored. */
  unitsSold: Float64Array;
  inStock: boolean[];
}

const KEY_SEPARATOR = "\u0000";

function cleanUnits(value: number | undefined): number {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Returns the sentiment rows a policy may read on `dayNumber`: weeks that ended before it.
 *
 * @example
 * sentimentKnownOn(rows, dayNumberFromIsoDate("2026-11-23")!); // rows with weekStart ≤ 2026-11-16
 */
export function sentimentKnownOn(rows: readonly SentimentWeek[], dayNumber: number): SentimentWeek[] {
  return rows.filter((row) => {
    const start = dayNumberFromIsoDate(row.weekStart);
    return start !== null && start + 7 <= dayNumber;
  });
}

/**
 * Removes `units` from the orders still in transit, latest arrival first (the order a buyer would
 * cancel), and returns how many were removed.
 */
function cancelIncoming(pipeline: PendingOrder[], units: number): number {
  let left = Math.max(0, Math.floor(units));
  const byLatest = [...pipeline].sort((a, b) => b.arrivalDay - a.arrivalDay);
  for (const order of byLatest) {
    if (left <= 0) break;
    const cut = Math.min(order.units, left);
    order.units -= cut;
    left -= cut;
  }
  for (let i = pipeline.length - 1; i >= 0; i--)
    if ((pipeline[i] as PendingOrder).units <= 0) pipeline.splice(i, 1);
  return Math.max(0, Math.floor(units)) - left;
}

/**
 * Returns the day-by-day trace of every series under one policy.
 * Rules: day d starts with the arrivals due on d; on review days (every 7 days from day 0) the
 * planning run (`buildRecommendations`, the same code the app runs) sees sales of days < d, where a
 * day that ended with an empty shelf is marked out of stock (censored demand), today's shelf as
 * available, orders in transit as incoming, and sentiment weeks ended by d; its restock proposals are
 * ordered (arriving d + lead time) and its reduce proposals cancel incoming units; then sales =
 * min(demand, shelf).
 *
 * @example
 * const run = replayPolicy(dataset, "pulse");
 * run.traces[0].soldUnits.every((s, d) => s <= run.traces[0].demandUnits[d]); // true
 */
export function replayPolicy(
  dataset: ReplayDataset,
  policy: ReplayPolicy,
  options: ReplayOptions = {},
): ReplayRun {
  const firstDayNumber = dayNumberFromIsoDate(dataset.firstDay);
  if (firstDayNumber === null)
    throw new RangeError(`replayPolicy: firstDay ${dataset.firstDay} is not a date`);
  const days = Math.max(0, Math.floor(dataset.days));
  const reviewEvery = Math.max(1, Math.floor(options.reviewEveryDays ?? 7));
  const applySpeculative = options.applySpeculative ?? true;
  const applyReduce = options.applyReduce ?? true;

  const states: SeriesState[] = dataset.series.map((s) => {
    const demand = new Float64Array(days);
    for (let d = 0; d < days; d++) demand[d] = Math.round(cleanUnits(s.demandUnits[d]));
    const opening = Math.round(cleanUnits(s.openingStockUnits));
    return {
      trace: {
        variantId: s.variantId,
        productId: s.productId,
        locationId: s.locationId,
        demandUnits: demand,
        soldUnits: new Float64Array(days),
        receivedUnits: new Float64Array(days),
        orderedUnits: new Float64Array(days),
        cancelledUnits: new Float64Array(days),
        openingStockUnits: new Float64Array(days),
        closingStockUnits: new Float64Array(days),
        outstandingUnits: 0,
        initialStockUnits: opening,
      },
      leadTimeDays: Math.max(1, Math.round(Number.isFinite(s.leadTimeDays) ? s.leadTimeDays : 1)),
      stock: opening,
      pipeline: [],
      unitsSold: new Float64Array(days),
      inStock: new Array<boolean>(days).fill(true),
    };
  });
  const stateByKey = new Map<string, SeriesState>();
  for (const state of states) {
    stateByKey.set(state.trace.variantId + KEY_SEPARATOR + state.trace.locationId, state);
  }
  const notes = new Set<string>();

  for (let d = 0; d < days; d++) {
    for (const state of states) {
      let received = 0;
      for (let i = state.pipeline.length - 1; i >= 0; i--) {
        const order = state.pipeline[i] as PendingOrder;
        if (order.arrivalDay === d) {
          received += order.units;
          state.pipeline.splice(i, 1);
        }
      }
      state.stock += received;
      state.trace.receivedUnits[d] = received;
    }

    if (d % reviewEvery === 0)
      review(dataset, states, stateByKey, policy, firstDayNumber, d, notes, {
        applySpeculative,
        applyReduce,
        onReview: options.onReview,
        foresightFromDay: Math.max(0, Math.floor(options.foresightFromDay ?? 0)),
      });

    for (const state of states) {
      const { trace } = state;
      trace.openingStockUnits[d] = state.stock;
      const sold = Math.min(trace.demandUnits[d] as number, state.stock);
      state.stock -= sold;
      trace.soldUnits[d] = sold;
      trace.closingStockUnits[d] = state.stock;
      state.unitsSold[d] = sold;
      // A day that ended with an empty shelf may have turned customers away: its sales are a floor,
      // not demand, so the policy must not learn from it (what Shopify's stock levels would show).
      state.inStock[d] = state.stock > 0;
    }
  }
  for (const state of states) {
    state.trace.outstandingUnits = state.pipeline.reduce((sum, order) => sum + order.units, 0);
  }
  return { policy, firstDay: dataset.firstDay, days, traces: states.map((s) => s.trace), notes: [...notes] };
}

/**
 * Returns the mean daily demand of a series over days [d, d + days) of the replay; days past its end
 * count at the mean of its last 28 days.
 */
function knownDemandPerDay(
  stateByKey: ReadonlyMap<string, SeriesState>,
  variantId: string,
  locationId: string,
  d: number,
  days: number,
): number | null {
  const state = stateByKey.get(variantId + KEY_SEPARATOR + locationId);
  if (!state || days <= 0) return null;
  const demand = state.trace.demandUnits;
  let units = 0;
  const end = Math.min(demand.length, d + days);
  for (let day = d; day < end; day++) units += demand[day] as number;
  const missing = d + days - end;
  if (missing > 0) {
    const tailFrom = Math.max(0, demand.length - 28);
    let tail = 0;
    for (let day = tailFrom; day < demand.length; day++) tail += demand[day] as number;
    units += demand.length > tailFrom ? (tail / (demand.length - tailFrom)) * missing : 0;
  }
  return units / days;
}

function review(
  dataset: ReplayDataset,
  states: readonly SeriesState[],
  stateByKey: ReadonlyMap<string, SeriesState>,
  policy: ReplayPolicy,
  firstDayNumber: number,
  d: number,
  notes: Set<string>,
  options: {
    applySpeculative: boolean;
    applyReduce: boolean;
    onReview: ReplayOptions["onReview"];
    foresightFromDay: number;
  },
): void {
  const dayNumber = firstDayNumber + d;
  const sales: SalesHistory[] = [];
  const inventory: InventoryRecord[] = [];
  for (const state of states) {
    const { variantId, locationId } = state.trace;
    if (d > 0) {
      sales.push({
        variantId,
        locationId,
        firstDay: dataset.firstDay,
        unitsSold: state.unitsSold.subarray(0, d),
        inStock: state.inStock.slice(0, d),
      });
    }
    inventory.push({
      variantId,
      locationId,
      availableUnits: state.stock,
      incomingUnits: state.pipeline.reduce((sum, order) => sum + order.units, 0),
    });
  }
  const input: PlanningInput = {
    variants: dataset.variants,
    locations: dataset.locations,
    inventory,
    sales,
    sentiment: policy === "pulse" ? sentimentKnownOn(dataset.sentiment, dayNumber) : [],
    pastDecisions: [],
  };
  // Reviews happen early in the morning of day d: history ends yesterday, as in the weekly job.
  const now = new Date(dayNumber * MS_PER_DAY + 6 * MS_PER_HOUR);
  const result = buildRecommendations(input, dataset.settings, now, {
    policy: policy === "pulse" ? "pulse" : "blind",
    ...(policy === "foresight" && d >= options.foresightFromDay
      ? {
          demandOutlook: (variantId, locationId, horizon) =>
            knownDemandPerDay(stateByKey, variantId, locationId, d, horizon),
        }
      : {}),
  });
  if (!result.ok) {
    throw new RangeError(
      `replayPolicy: the shop settings cannot be used: ${result.error.map((e) => e.message).join(" ")}`,
    );
  }
  options.onReview?.({ day: d, policy, batch: result.value });
  for (const note of result.value.notes) notes.add(note);
  for (const error of result.value.settingsErrors) notes.add(error.message);
  for (const proposal of result.value.proposals) {
    if (
      proposal.disposition === "suppressed" ||
      proposal.variantId === null ||
      proposal.locationId === null
    ) {
      continue;
    }
    const state = stateByKey.get(proposal.variantId + KEY_SEPARATOR + proposal.locationId);
    if (!state) continue;
    if (proposal.kind === "restock" && (options.applySpeculative || !proposal.speculative)) {
      const units = Math.max(0, Math.round(proposal.deltaUnits));
      if (units > 0) {
        state.pipeline.push({ arrivalDay: d + state.leadTimeDays, units });
        state.trace.orderedUnits[d] = (state.trace.orderedUnits[d] as number) + units;
      }
    } else if (proposal.kind === "reduce" && options.applyReduce) {
      const cancelled = cancelIncoming(state.pipeline, -proposal.deltaUnits);
      state.trace.cancelledUnits[d] = (state.trace.cancelledUnits[d] as number) + cancelled;
    }
  }
}
