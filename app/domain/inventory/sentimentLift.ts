/**
 * Sentiment lift: how much a change in the weighted sentiment index moves sales a few weeks later,
 * learned per product and shrunk toward the shop when the product's own history says little.
 */
import type { InventorySettings } from "./settings";
import { assessValidity, type ValidityAssessment } from "./validityIndex";

/** Sufficient statistics of the lagged regression of sales change on sentiment change. */
export interface LiftEvidence {
  lagWeeks: number;
  /** Σ Δsentiment × Δlog-sales over the aligned weeks. */
  sumCrossProducts: number;
  /** Σ Δsentiment² (index points²): how much sentiment moved, i.e. how much there is to learn from. */
  sumSquaredSentimentChanges: number;
  pairs: number;
  correlation: number;
}

/** Sales change of week w as a log ratio; +1 unit keeps weeks with no sales finite. */
function salesLogChange(demand: ArrayLike<number>, w: number, back: number): number {
  return Math.log(((demand[w] as number) + 1) / ((demand[w - back] as number) + 1));
}

/**
 * Returns the lag (1..maxLagWeeks) at which past sentiment changes best explain later sales changes,
 * with the sums needed to estimate and shrink the slope.
 * Rule: for each lag L pair Δindex(week − L) in points with Δlog-sales(week); keep the L with the
 * highest correlation.
 *
 * @example
 * learnLiftEvidence(indexByWeek, demandByWeek, 3).lagWeeks; // 2 when sales follow sentiment two weeks later
 */
export function learnLiftEvidence(
  weightedIndex: ArrayLike<number>,
  weeklyDemandUnits: ArrayLike<number>,
  maxLagWeeks: number,
): LiftEvidence {
  const weeks = Math.min(weightedIndex.length, weeklyDemandUnits.length);
  let best: LiftEvidence = {
    lagWeeks: 1,
    sumCrossProducts: 0,
    sumSquaredSentimentChanges: 0,
    pairs: 0,
    correlation: 0,
  };
  for (let lag = 1; lag <= maxLagWeeks; lag++) {
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    let pairs = 0;
    for (let w = lag + 1; w < weeks; w++) {
      const x = ((weightedIndex[w - lag] as number) - (weightedIndex[w - lag - 1] as number)) * 100;
      const y = salesLogChange(weeklyDemandUnits, w, 1);
      sxy += x * y;
      sxx += x * x;
      syy += y * y;
      pairs++;
    }
    const correlation = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    const candidate = {
      lagWeeks: lag,
      sumCrossProducts: sxy,
      sumSquaredSentimentChanges: sxx,
      pairs,
      correlation,
    };
    if (best.pairs === 0 || correlation > best.correlation) best = candidate;
  }
  return best;
}

/**
 * Returns the shop-wide prior slope (sales fraction per index point) pooled over products, itself
 * shrunk toward the configured fallback when the whole shop has little sentiment movement.
 *
 * @example
 * shopLiftPrior([evidenceA, evidenceB], DEFAULT_INVENTORY_SETTINGS.lift); // e.g. 0.008
 */
export function shopLiftPrior(
  evidence: readonly LiftEvidence[],
  settings: InventorySettings["lift"],
): number {
  let sxy = 0;
  let sxx = 0;
  for (const e of evidence) {
    sxy += e.sumCrossProducts;
    sxx += e.sumSquaredSentimentChanges;
  }
  const prior =
    (sxy + settings.priorStrengthPoints2 * settings.fallbackLiftPerPoint) /
    (sxx + settings.priorStrengthPoints2);
  return clamp(Number.isFinite(prior) ? prior : settings.fallbackLiftPerPoint, 0, settings.maxLiftPerPoint);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** The lift applied to one product's forecast now, with everything that shaped it. */
export interface SentimentLift {
  lagWeeks: number;
  /** Product's own slope (sales fraction per index point) before shrinkage. */
  ownLiftPerPoint: number;
  priorLiftPerPoint: number;
  /** Slope used: own evidence and prior blended by how much sentiment moved. */
  liftPerPoint: number;
  /** 0..1: weight of the product's own evidence. */
  confidence: number;
  correlation: number;
  /** Index change (points) over the last `lagWeeks` weeks: not yet visible in sales. */
  pendingChangePoints: number;
  validity: ValidityAssessment;
  influencerDriven: boolean;
  /** Fraction of the raw lift kept after validity and influencer damping. */
  dampingFactor: number;
  /** Multiplier on the baseline forecast, within [minMultiplier, maxMultiplier]. */
  multiplier: number;
  warnings: string[];
  flags: string[];
}

/** Index series, demand series (same grid) and influencer shares of one product. */
export interface LiftObservations {
  weightedIndex: ArrayLike<number>;
  weeklyDemandUnits: ArrayLike<number>;
  kolShare: ArrayLike<number>;
}

/**
 * Returns the sentiment multiplier for one product's forecast now.
 * Rules: slope = (Σxy + k × prior) ÷ (Σx² + k), clipped to [0, max] (a product whose sentiment barely
 * moved borrows the shop's slope); raw multiplier = 1 + slope × pending index change; the part above
 * or below 1 is damped by the validity index (over-reaction ×0.2, lagging ×0.5) and, for an
 * influencer-driven rise sales have not confirmed, ×0 by default (ignored until sales confirm it: the seed's KOL case); the result is capped.
 *
 * @example
 * sentimentLift(observations, learnLiftEvidence(...), 0.005, DEFAULT_INVENTORY_SETTINGS).multiplier; // 1.12
 */
export function sentimentLift(
  observations: LiftObservations,
  evidence: LiftEvidence,
  priorLiftPerPoint: number,
  settings: Pick<InventorySettings, "lift" | "validity">,
): SentimentLift {
  const s = settings.lift;
  const { weightedIndex: index, weeklyDemandUnits: demand, kolShare } = observations;
  const weeks = Math.min(index.length, demand.length);
  const k = s.priorStrengthPoints2;
  const sxx = evidence.sumSquaredSentimentChanges;
  const ownLiftPerPoint = sxx > 0 ? evidence.sumCrossProducts / sxx : 0;
  const posterior = (evidence.sumCrossProducts + k * priorLiftPerPoint) / (sxx + k);
  const liftPerPoint = clamp(
    Number.isFinite(posterior) ? posterior : priorLiftPerPoint,
    0,
    s.maxLiftPerPoint,
  );
  const confidence = sxx + k > 0 ? sxx / (sxx + k) : 0;
  const lag = evidence.lagWeeks;
  const last = weeks - 1;
  const at = (w: number): number =>
    w >= 0 && w < weeks ? (index[w] as number) : w < 0 && weeks > 0 ? (index[0] as number) : 0;
  const pendingChangePoints = weeks > 0 ? (at(last) - at(last - lag)) * 100 : 0;

  // Validity: the sentiment change that should by now have reached sales (aligned by the lag)
  // against the sales change over the same number of weeks.
  const window = s.validityWindowWeeks;
  const alignedSentimentPoints = weeks > 0 ? (at(last - lag) - at(last - lag - window)) * 100 : 0;
  const salesChangePercent = weeks > window ? (Math.exp(salesLogChange(demand, last, window)) - 1) * 100 : 0;
  const validity = assessValidity(alignedSentimentPoints, salesChangePercent, settings);

  const warnings: string[] = [];
  const flags: string[] = [];
  let dampingFactor = 1;
  if (validity.status === "over_reaction") {
    dampingFactor *= s.overReactionDamping;
    warnings.push(
      `Sentiment over-reacted: it moved ${alignedSentimentPoints.toFixed(1)} points while sales moved ${salesChangePercent.toFixed(1)}% (validity ${validity.validityIndexPercent?.toFixed(0)}%, above ${settings.validity.overReactionAbovePercent}%); sentiment lift damped to ${Math.round(s.overReactionDamping * 100)}%.`,
    );
  } else if (validity.status === "lagging_or_distorted") {
    dampingFactor *= s.laggingDamping;
    flags.push(
      `Review: sentiment and sales disagree (validity ${validity.validityIndexPercent?.toFixed(0)}%, below ${settings.validity.inSyncFromPercent}%); sentiment lift held to ${Math.round(s.laggingDamping * 100)}%.`,
    );
  }
  let influencerDriven = false;
  // Weeks inside the pending window cannot have reached sales yet, so an influencer-carried move
  // there is unconfirmed by definition, whatever the validity of earlier weeks says.
  if (Math.abs(pendingChangePoints) >= s.noiseThresholdPoints) {
    for (let w = Math.max(0, last - lag + 1); w <= last; w++) {
      if ((kolShare[w] as number) >= s.kolShareThreshold) influencerDriven = true;
    }
    if (influencerDriven) {
      dampingFactor *= s.kolDamping;
      warnings.push(
        `The recent ${pendingChangePoints.toFixed(1)}-point sentiment move is carried by influencer (KOL) accounts and sales have not confirmed it; ${s.kolDamping === 0 ? "it is ignored until sales follow" : `lift damped to ${Math.round(s.kolDamping * 100)}%`}.`,
      );
    }
  }
  const rawMultiplier = 1 + liftPerPoint * pendingChangePoints;
  const multiplier = clamp(1 + (rawMultiplier - 1) * dampingFactor, s.minMultiplier, s.maxMultiplier);
  return {
    lagWeeks: lag,
    ownLiftPerPoint: Number.isFinite(ownLiftPerPoint) ? ownLiftPerPoint : 0,
    priorLiftPerPoint,
    liftPerPoint,
    confidence,
    correlation: evidence.correlation,
    pendingChangePoints,
    validity,
    influencerDriven,
    dampingFactor,
    multiplier: Number.isFinite(multiplier) ? multiplier : 1,
    warnings,
    flags,
  };
}

/**
 * Returns the multiplier for one region: the product's learned slope and damping applied to the
 * region's own pending index change (regions heat and cool at different times).
 *
 * @example
 * regionalMultiplier(lift, 15, DEFAULT_INVENTORY_SETTINGS.lift); // 1 + slope × 15 × damping, capped
 */
export function regionalMultiplier(
  lift: SentimentLift,
  regionalPendingChangePoints: number,
  settings: InventorySettings["lift"],
): number {
  const raw =
    lift.liftPerPoint * (Number.isFinite(regionalPendingChangePoints) ? regionalPendingChangePoints : 0);
  return clamp(1 + raw * lift.dampingFactor, settings.minMultiplier, settings.maxMultiplier);
}
