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
  /**
   * Variance of log weekly sales around the fitted line (level regressions only): how far one
   * week's sales stray from what the talk predicted, i.e. the noise a validity check must allow for.
   */
  residualVariance?: number;
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
 * Returns the evidence a product's own slope may use: unchanged when the lagged correlation reaches
 * `minOwnCorrelation` and is significant for that many weeks, otherwise the cross products are zeroed
 * while the squared changes stay: weeks in which sentiment moved without sales following are evidence
 * of *no* relation, so the slope is pulled toward 0, not toward the shop. Fewer than `minPairs` weeks
 * are too few to judge: not trusted either (a lift must be earned by the product's own history).
 * Rule: trusted = pairs ≥ minPairs and (sentiment never moved (Σx² = 0), or correlation ≥ both
 * minCorrelation and the significance threshold for that many pairs).
 *
 * @example
 * trustedLiftEvidence({ ...evidence, pairs: 8, correlation: 0.1 }, DEFAULT_INVENTORY_SETTINGS.lift).sumCrossProducts; // 0
 */
export function trustedLiftEvidence(
  evidence: LiftEvidence,
  settings: Pick<InventorySettings["lift"], "minOwnCorrelation" | "minPairsForOwnSlope">,
): LiftEvidence {
  // Too few weeks to judge: no slope of its own and none borrowed. In the replay, products in their
  // first weeks of sentiment borrowed the shop's slope, and the noise product's orders moved with it.
  if (evidence.pairs < settings.minPairsForOwnSlope) return { ...evidence, sumCrossProducts: 0 };
  // Sentiment that never moved teaches nothing either way: that product borrows the shop's slope.
  if (!(evidence.sumSquaredSentimentChanges > 0)) return evidence;
  if (evidence.correlation >= Math.max(settings.minOwnCorrelation, significantCorrelation(evidence.pairs))) {
    return evidence;
  }
  return { ...evidence, sumCrossProducts: 0 };
}

/**
 * The smallest correlation over `pairs` weekly pairs that a one-sided test at 95% would not put down
 * to chance: r ≥ t / √(t² + n − 2) with t = 1.645. Why: the lag is chosen as the best of several, so on
 * pure noise the best lag's correlation is often 0.3–0.5 over ten weeks; a fixed threshold lets noise
 * through on short histories and is needlessly strict on long ones.
 *
 * @example
 * significantCorrelation(10); // ≈ 0.50
 */
export function significantCorrelation(pairs: number): number {
  if (pairs <= 2) return 1;
  const t = 1.645;
  return t / Math.sqrt(t * t + pairs - 2);
}

/**
 * Returns the positive-mention volume of each week on a log scale in "volume points"
 * (100 × ln(1 + positive share × volume)), so a change of 10 points is about 10% more positive talk.
 * Why: most stories that lead sales are more people saying good things, not the same people saying
 * better things; the weighted index (mean polarity) barely moves when praise simply grows.
 *
 * @example
 * positiveVolumePoints([0.5, 0.5], [20, 40])[1] - positiveVolumePoints([0.5, 0.5], [20, 40])[0]; // ≈ 66
 */
export function positiveVolumePoints(
  positiveShare: ArrayLike<number>,
  volume: ArrayLike<number>,
): Float64Array {
  const weeks = Math.min(positiveShare.length, volume.length);
  const points = new Float64Array(weeks);
  for (let w = 0; w < weeks; w++) {
    const share = positiveShare[w] as number;
    const count = volume[w] as number;
    const positive =
      Number.isFinite(share) && Number.isFinite(count) ? Math.max(0, share) * Math.max(0, count) : 0;
    points[w] = Math.log1p(positive) * 100;
  }
  return points;
}

/**
 * Returns the lagged evidence that positive-mention volume leads sales, as a regression of the log of
 * weekly sales on the volume points `lag` weeks earlier, both centred (levels with an intercept, not
 * week-over-week changes). Keeps the lag with the highest correlation among the lags with at least
 * `minPairs` aligned weeks (all lags when none has that many).
 * Why levels: a story that builds steadily (talk +30% every week) has a constant week-over-week change,
 * so a regression on changes sees no variation in x and weekly sales noise (±20% on slow sellers,
 * doubled by differencing) hides the relation; on levels the same story gives a correlation near 1,
 * while talk that wanders around a flat sales line gives one near 0.
 *
 * @example
 * learnVolumeEvidence(positiveShare, volume, demandByWeek, 3, 4).lagWeeks; // 2 when sales follow two weeks later
 */
export function learnVolumeEvidence(
  positiveShare: ArrayLike<number>,
  volume: ArrayLike<number>,
  weeklyDemandUnits: ArrayLike<number>,
  maxLagWeeks: number,
  minPairs = 1,
): LiftEvidence {
  const points = positiveVolumePoints(positiveShare, volume);
  const weeks = Math.min(points.length, weeklyDemandUnits.length);
  let best: LiftEvidence = {
    lagWeeks: 1,
    sumCrossProducts: 0,
    sumSquaredSentimentChanges: 0,
    pairs: 0,
    correlation: 0,
  };
  for (let lag = 1; lag <= maxLagWeeks; lag++) {
    const pairs = weeks - lag;
    if (pairs <= 0) continue;
    let mx = 0;
    let my = 0;
    for (let w = lag; w < weeks; w++) {
      mx += points[w - lag] as number;
      my += Math.log((weeklyDemandUnits[w] as number) + 1);
    }
    mx /= pairs;
    my /= pairs;
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let w = lag; w < weeks; w++) {
      const x = (points[w - lag] as number) - mx;
      const y = Math.log((weeklyDemandUnits[w] as number) + 1) - my;
      sxy += x * y;
      sxx += x * x;
      syy += y * y;
    }
    const correlation = sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
    const residualVariance =
      pairs > 2 ? Math.max(0, syy - (sxx > 0 ? (sxy * sxy) / sxx : 0)) / (pairs - 2) : undefined;
    // Lags with fewer than `minPairs` weeks compete only when no lag has enough: on 2–3 weeks any
    // correlation is near ±1, and the lag with the fewest weeks would always win.
    const enough = pairs >= minPairs;
    const bestEnough = best.pairs >= minPairs;
    if (
      best.pairs === 0 ||
      (enough && !bestEnough) ||
      (enough === bestEnough && correlation > best.correlation)
    ) {
      best = {
        lagWeeks: lag,
        sumCrossProducts: sxy,
        sumSquaredSentimentChanges: sxx,
        pairs,
        correlation,
        ...(residualVariance !== undefined ? { residualVariance } : {}),
      };
    }
  }
  return best;
}

/**
 * The lift settings with the volume term's minimum weeks in place of the index's: the volume term is
 * judged by the same significance rule, from `volumeMinPairsForOwnSlope` aligned weeks.
 */
function volumeTrustSettings(settings: InventorySettings["lift"]): InventorySettings["lift"] {
  return { ...settings, minPairsForOwnSlope: settings.volumeMinPairsForOwnSlope };
}

/**
 * Returns the shop-wide prior slope of the volume term, pooled like shopLiftPrior with the volume
 * settings (prior strength, fallback, cap).
 *
 * @example
 * shopVolumeLiftPrior([], DEFAULT_INVENTORY_SETTINGS.lift); // 0 (the fallback)
 */
export function shopVolumeLiftPrior(
  evidence: readonly LiftEvidence[],
  settings: InventorySettings["lift"],
): number {
  return shopLiftPrior(evidence, {
    ...volumeTrustSettings(settings),
    priorStrengthPoints2: settings.volumePriorStrengthPoints2,
    fallbackLiftPerPoint: settings.volumeFallbackLiftPerPoint,
    maxLiftPerPoint: settings.volumeMaxLiftPerPoint,
  });
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
  for (const raw of evidence) {
    const e = trustedLiftEvidence(raw, settings);
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
  /** Whether the product's own correlation was high enough for its slope to count (see trustedLiftEvidence). */
  ownSlopeTrusted: boolean;
  /** Volume term: slope used (sales log change per volume point), 0 without volume observations. */
  volumeLiftPerPoint: number;
  /** Change in positive-mention volume (volume points) over the last `volumeLagWeeks` weeks. */
  pendingVolumeChangePoints: number;
  volumeLagWeeks: number;
  volumeCorrelation: number;
  /** Validity of the volume term: implied sales change (from the aligned volume change) against actual. */
  volumeValidity: ValidityAssessment | null;
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
  /** Both present: the volume term is used (see positiveVolumePoints). */
  positiveShare?: ArrayLike<number>;
  volume?: ArrayLike<number>;
}

/** The volume term's evidence and shop prior (see learnVolumeEvidence, shopVolumeLiftPrior). */
export interface VolumeLiftInput {
  evidence: LiftEvidence;
  priorLiftPerPoint: number;
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
  rawEvidence: LiftEvidence,
  priorLiftPerPoint: number,
  settings: Pick<InventorySettings, "lift" | "validity">,
  volumeInput: VolumeLiftInput | null = null,
): SentimentLift {
  const s = settings.lift;
  const { weightedIndex: index, weeklyDemandUnits: demand, kolShare } = observations;
  const weeks = Math.min(index.length, demand.length);
  const evidence = trustedLiftEvidence(rawEvidence, s);
  const ownSlopeTrusted = evidence === rawEvidence;
  const volumeEvidenceTrusted =
    volumeInput !== null &&
    trustedLiftEvidence(volumeInput.evidence, volumeTrustSettings(s)) === volumeInput.evidence;
  const k = s.priorStrengthPoints2;
  const sxx = evidence.sumSquaredSentimentChanges;
  const ownLiftPerPoint = sxx > 0 ? evidence.sumCrossProducts / sxx : 0;
  const posterior = (evidence.sumCrossProducts + k * priorLiftPerPoint) / (sxx + k);
  // Enough weeks and no correlation: the product's own history says its sentiment does not lead its
  // sales, so it does not borrow the shop's slope either (pure noise must not move orders).
  const liftPerPoint = ownSlopeTrusted
    ? clamp(Number.isFinite(posterior) ? posterior : priorLiftPerPoint, 0, s.maxLiftPerPoint)
    : 0;
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
  // Each term is damped by its own validity: the index of a story carried by more people talking
  // (not by better words) wanders on small samples, and its validity must not mute the volume term.
  let indexDamping = 1;
  if (validity.status === "over_reaction") {
    indexDamping = s.overReactionDamping;
    warnings.push(
      `Sentiment over-reacted: it moved ${alignedSentimentPoints.toFixed(1)} points while sales moved ${salesChangePercent.toFixed(1)}% (validity ${validity.validityIndexPercent?.toFixed(0)}%, above ${settings.validity.overReactionAbovePercent}%); sentiment lift damped to ${Math.round(s.overReactionDamping * 100)}%.`,
    );
  } else if (validity.status === "lagging_or_distorted") {
    indexDamping = s.laggingDamping;
    flags.push(
      `Review: sentiment and sales disagree (validity ${validity.validityIndexPercent?.toFixed(0)}%, below ${settings.validity.inSyncFromPercent}%); sentiment lift held to ${Math.round(s.laggingDamping * 100)}%.`,
    );
  }
  // Volume term: more positive talk now → more sales `lag` weeks later, learned and shrunk like the index.
  const volume = volumeEvidenceTrusted ? volumeTerm(observations, volumeInput, weeks, settings) : null;
  const volumeLag = volume?.lagWeeks ?? lag;
  let influencerDriven = false;
  let kolFactor = 1;
  // Weeks inside the pending window cannot have reached sales yet, so an influencer-carried move
  // there is unconfirmed by definition, whatever the validity of earlier weeks says.
  const pendingVolume = volume?.pendingChangePoints ?? 0;
  if (
    Math.abs(pendingChangePoints) >= s.noiseThresholdPoints ||
    Math.abs(pendingVolume) >= s.noiseThresholdPoints
  ) {
    for (let w = Math.max(0, last - Math.max(lag, volumeLag) + 1); w <= last; w++) {
      if ((kolShare[w] as number) >= s.kolShareThreshold) influencerDriven = true;
    }
    if (influencerDriven) {
      kolFactor = s.kolDamping;
      warnings.push(
        `The recent sentiment move (${pendingChangePoints.toFixed(1)} index points, ${pendingVolume.toFixed(0)} volume points) is carried by influencer (KOL) accounts and sales have not confirmed it; ${s.kolDamping === 0 ? "it is ignored until sales follow" : `lift damped to ${Math.round(s.kolDamping * 100)}%`}.`,
      );
    }
  }
  const indexRaw = liftPerPoint * pendingChangePoints;
  let volumeRaw = 0;
  if (volume) {
    volumeRaw = Math.exp(volume.liftPerPoint * volume.pendingChangePoints) - 1;
    warnings.push(...volume.warnings);
    flags.push(...volume.flags);
  }
  const dampedLift = (indexRaw * indexDamping + volumeRaw * (volume?.dampingFactor ?? 1)) * kolFactor;
  const undampedLift = indexRaw + volumeRaw;
  // The share of the raw lift kept (1 when there is none to damp), for explanations and regions.
  const dampingFactor =
    Math.abs(undampedLift) > 1e-12 ? Math.max(0, dampedLift / undampedLift) : indexDamping * kolFactor;
  const multiplier = clamp(1 + dampedLift, s.minMultiplier, s.maxMultiplier);
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
    ownSlopeTrusted,
    volumeLiftPerPoint: volume?.liftPerPoint ?? 0,
    pendingVolumeChangePoints: pendingVolume,
    volumeLagWeeks: volumeLag,
    volumeCorrelation: volume?.correlation ?? 0,
    volumeValidity: volume?.validity ?? null,
    multiplier: Number.isFinite(multiplier) ? multiplier : 1,
    warnings,
    flags,
  };
}

interface VolumeTerm {
  lagWeeks: number;
  liftPerPoint: number;
  correlation: number;
  pendingChangePoints: number;
  validity: ValidityAssessment;
  dampingFactor: number;
  warnings: string[];
  flags: string[];
}

/**
 * The volume term of the lift. Rules: slope = (Σxy + k_v × prior) ÷ (Σx² + k_v) on trusted evidence,
 * clipped to [0, volumeMaxLiftPerPoint]; pending = volume points now − `lag` weeks ago; its validity
 * compares the sales change the aligned volume change implied (exp(slope × Δ) − 1, in %) with the sales
 * change that happened: over-reaction ×overReactionDamping, lagging ×laggingDamping.
 */
function volumeTerm(
  observations: LiftObservations,
  input: VolumeLiftInput | null,
  weeks: number,
  settings: Pick<InventorySettings, "lift" | "validity">,
): VolumeTerm | null {
  const { positiveShare, volume } = observations;
  if (!input || !positiveShare || !volume || weeks === 0) return null;
  const s = settings.lift;
  const points = positiveVolumePoints(positiveShare, volume);
  const n = Math.min(weeks, points.length);
  if (n === 0) return null;
  const evidence = input.evidence;
  const trusted = trustedLiftEvidence(evidence, volumeTrustSettings(s)) === evidence;
  const k = s.volumePriorStrengthPoints2;
  const posterior =
    (evidence.sumCrossProducts + k * input.priorLiftPerPoint) / (evidence.sumSquaredSentimentChanges + k);
  const liftPerPoint = trusted
    ? clamp(Number.isFinite(posterior) ? posterior : input.priorLiftPerPoint, 0, s.volumeMaxLiftPerPoint)
    : 0;
  const lag = evidence.lagWeeks;
  const last = n - 1;
  const at = (w: number): number => points[Math.max(0, Math.min(last, w))] as number;
  const pendingChangePoints = at(last) - at(last - lag);
  const window = s.validityWindowWeeks;
  const alignedChange = at(last - lag) - at(last - lag - window);
  const impliedSalesPercent = (Math.exp(liftPerPoint * alignedChange) - 1) * 100;
  const salesChangePercent =
    n > window ? (Math.exp(salesLogChange(observations.weeklyDemandUnits, last, window)) - 1) * 100 : 0;
  // The implied sales change is on the sales scale already, so "in sync" means 80–120% of it came true.
  const assessed = assessValidity(impliedSalesPercent, salesChangePercent, settings);
  // A shortfall within the week-to-week noise of sales is not a verdict: on a product selling 40 a
  // week, sales move ±20% from one week to the next on their own. The noise of a change over the
  // window is √2 × the residual spread of the fit (at least the Poisson spread of the weekly count).
  const recent = observations.weeklyDemandUnits;
  let recentUnits = 0;
  for (let w = Math.max(0, last - window); w <= last; w++) recentUnits += Math.max(0, recent[w] as number);
  const meanWeeklyUnits = recentUnits / (Math.min(last, window) + 1);
  const poissonVariance = 1 / Math.max(1, meanWeeklyUnits);
  const noise = 1.645 * Math.sqrt(2 * Math.max(evidence.residualVariance ?? 0, poissonVariance));
  const shortfall = Math.log1p(impliedSalesPercent / 100) - Math.log1p(salesChangePercent / 100);
  const withinNoise =
    (assessed.status === "over_reaction" || assessed.status === "lagging_or_distorted") &&
    Math.abs(shortfall) <= noise;
  const validity: ValidityAssessment = withinNoise ? { ...assessed, status: "in_sync" } : assessed;
  const warnings: string[] = [];
  const flags: string[] = [];
  let dampingFactor = 1;
  if (validity.status === "over_reaction") {
    dampingFactor = s.overReactionDamping;
    warnings.push(
      `Positive talk grew without sales following (it implied ${impliedSalesPercent.toFixed(0)}% more sales, sales moved ${salesChangePercent.toFixed(0)}%, beyond their week-to-week noise of ±${(noise * 100).toFixed(0)}%); volume lift damped to ${Math.round(s.overReactionDamping * 100)}%.`,
    );
  } else if (validity.status === "lagging_or_distorted") {
    // Sales outran what the talk implied: the volume term under- rather than over-states demand, so it
    // is flagged, not damped (damping would only make the forecast lag further).
    flags.push(
      `Review: sales moved ${salesChangePercent.toFixed(0)}% where positive-talk volume implied ${impliedSalesPercent.toFixed(0)}% (validity ${validity.validityIndexPercent?.toFixed(0)}%).`,
    );
  }
  // A burst (more than `volumeBurstPoints` within the lag: a viral post, a giveaway, a bot wave) is a
  // spike, not demand building: treated like an influencer move, ignored until sales confirm it.
  if (pendingChangePoints > s.volumeBurstPoints) {
    dampingFactor *= s.kolDamping;
    warnings.push(
      `Positive talk jumped ${pendingChangePoints.toFixed(0)} volume points (more than ${s.volumeBurstPoints}) within ${lag} week(s): treated as a spike and ${s.kolDamping === 0 ? "ignored until sales follow" : `damped to ${Math.round(s.kolDamping * 100)}%`}.`,
    );
  }
  return {
    lagWeeks: lag,
    liftPerPoint,
    correlation: evidence.correlation,
    pendingChangePoints: Math.abs(pendingChangePoints) >= s.noiseThresholdPoints ? pendingChangePoints : 0,
    validity,
    dampingFactor,
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
