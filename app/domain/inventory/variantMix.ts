/**
 * Variant mix: shift a product's planned quantities toward the variants people like.
 */
import { allocateLargestRemainder } from "./largestRemainder";
import type { InventorySettings } from "./settings";

export interface VariantMixInput {
  variantId: string;
  /** Variant-level weighted index (−1..1); null when the variant has no sentiment of its own. */
  weightedIndex: number | null;
  /** Expected units per day for the variant (all locations). */
  dailyDemandUnits: number;
  /** Units planned for the variant before the mix shift. */
  plannedUnits: number;
}

export interface VariantMixShift {
  variantId: string;
  /** Preference relative to the product's average (0 = average). */
  preferenceScore: number;
  /** Shift applied before any rescaling, e.g. +40 or −30. */
  shiftPercent: number;
  plannedUnits: number;
  shiftedUnits: number;
}

export interface VariantMix {
  shifts: VariantMixShift[];
  totalPlannedUnits: number;
  totalShiftedUnits: number;
  /** Shifted − planned; 0 when `conserveTotal` is set. */
  netChangeUnits: number;
  explanation: string;
}

/**
 * Returns planned quantities shifted by preference, derived from each variant's sentiment and sales.
 * Rules: preference = 0.6 × (variant index − product mean index) + 0.4 × (sales share × variant count − 1,
 * clipped to ±1); a variant above the product's mean preference gets up to +40%, one below up to −30%,
 * in full once it is `saturationScore` away from the mean (so three clearly liked colours of five get
 * +40% and the other two −30%). With `conserveTotal` the shifted plan is rescaled to the same total.
 *
 * @example
 * shiftVariantMix(fiveColours, DEFAULT_INVENTORY_SETTINGS.mix).shifts.map((s) => s.shiftPercent); // [40, 40, 40, -30, -30]
 */
export function shiftVariantMix(
  variants: readonly VariantMixInput[],
  settings: InventorySettings["mix"],
): VariantMix {
  const n = variants.length;
  const planned = variants.map((v) =>
    Number.isFinite(v.plannedUnits) && v.plannedUnits > 0 ? v.plannedUnits : 0,
  );
  const totalPlannedUnits = planned.reduce((a, b) => a + b, 0);
  if (n < 2) {
    return {
      shifts: variants.map((v, i) => ({
        variantId: v.variantId,
        preferenceScore: 0,
        shiftPercent: 0,
        plannedUnits: planned[i] as number,
        shiftedUnits: planned[i] as number,
      })),
      totalPlannedUnits,
      totalShiftedUnits: totalPlannedUnits,
      netChangeUnits: 0,
      explanation: "A single variant: nothing to rebalance.",
    };
  }
  const indexed = variants.map((v) =>
    v.weightedIndex !== null && Number.isFinite(v.weightedIndex) ? v.weightedIndex : null,
  );
  const known = indexed.filter((x): x is number => x !== null);
  const meanIndex = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 0;
  const demand = variants.map((v) =>
    Number.isFinite(v.dailyDemandUnits) && v.dailyDemandUnits > 0 ? v.dailyDemandUnits : 0,
  );
  const totalDemand = demand.reduce((a, b) => a + b, 0);
  const scores = variants.map((_, i) => {
    const sentiment = indexed[i] === null ? 0 : (indexed[i] as number) - meanIndex;
    const sales =
      totalDemand > 0 ? Math.max(-1, Math.min(1, ((demand[i] as number) / totalDemand) * n - 1)) : 0;
    return settings.sentimentWeight * sentiment + settings.salesWeight * sales;
  });
  const meanScore = scores.reduce((a, b) => a + b, 0) / n;
  const shiftFractions = scores.map((score) => {
    const distance = score - meanScore;
    const strength = Math.min(1, Math.abs(distance) / settings.saturationScore);
    return distance >= 0
      ? (settings.upShiftPercent / 100) * strength
      : -(settings.downShiftPercent / 100) * strength;
  });
  const raw = planned.map((p, i) => p * (1 + (shiftFractions[i] as number)));
  const rawTotal = raw.reduce((a, b) => a + b, 0);
  const target = settings.conserveTotal ? Math.round(totalPlannedUnits) : Math.round(rawTotal);
  const shifted = allocateLargestRemainder(raw, target);
  const totalShiftedUnits = shifted.reduce((a, b) => a + b, 0);
  const liked = variants.filter((_, i) => (shiftFractions[i] as number) > 0).length;
  return {
    shifts: variants.map((v, i) => ({
      variantId: v.variantId,
      preferenceScore: (scores[i] as number) - meanScore,
      shiftPercent: Math.round((shiftFractions[i] as number) * 1000) / 10,
      plannedUnits: planned[i] as number,
      shiftedUnits: shifted[i] as number,
    })),
    totalPlannedUnits,
    totalShiftedUnits,
    netChangeUnits: totalShiftedUnits - Math.round(totalPlannedUnits),
    explanation: settings.conserveTotal
      ? `${liked} of ${n} variants are better received than average and gain share; the product total stays ${target} units.`
      : `${liked} of ${n} variants are better received than average and gain share; the product total changes by ${totalShiftedUnits - Math.round(totalPlannedUnits)} units.`,
  };
}

export interface VariantPreference {
  /** Demand shift for restock planning, e.g. 0.4 (+40%) or −0.3 (−30%); 0 without clear evidence. */
  shiftFraction: number;
  /** Share of the variant's polarized mentions (positive + negative) that are positive; null without any. */
  positiveShare: number | null;
  /** Which side of the split the variant is on ("none" when no split is significant). */
  side: "better" | "worse" | "none";
  /** Evidence for the split: the two-group z of the most significant cut; 0 when untested. */
  z: number;
}

interface PolarizedCounts {
  id: string;
  positive: number;
  polarized: number;
}

type PreferenceRow = { weekStart: string; positiveShare: number; negativeShare: number; volume: number };

function polarizedCounts(
  byVariant: ReadonlyMap<string, readonly PreferenceRow[]>,
  variantIds: readonly string[],
  window: ReadonlySet<string>,
): PolarizedCounts[] {
  return variantIds.map((id) => {
    let positive = 0;
    let negative = 0;
    for (const row of byVariant.get(id) ?? []) {
      if (!window.has(row.weekStart) || !Number.isFinite(row.volume) || row.volume <= 0) continue;
      if (Number.isFinite(row.positiveShare)) positive += Math.max(0, row.positiveShare) * row.volume;
      if (Number.isFinite(row.negativeShare)) negative += Math.max(0, row.negativeShare) * row.volume;
    }
    return { id, positive, polarized: positive + negative };
  });
}

/** Two-proportion z (pooled variance) of the `better` ids against the rest; null without enough mentions. */
function splitZ(
  counts: readonly PolarizedCounts[],
  better: ReadonlySet<string>,
  minMentions: number,
): number | null {
  let topPositive = 0;
  let topN = 0;
  let restPositive = 0;
  let restN = 0;
  for (const c of counts) {
    if (better.has(c.id)) {
      topPositive += c.positive;
      topN += c.polarized;
    } else {
      restPositive += c.positive;
      restN += c.polarized;
    }
  }
  if (topN < Math.max(1e-9, minMentions) || restN < Math.max(1e-9, minMentions)) return null;
  const pooled = (topPositive + restPositive) / (topN + restN);
  const variance = pooled * (1 - pooled) * (1 / topN + 1 / restN);
  if (!(variance > 0)) return null;
  return (topPositive / topN - restPositive / restN) / Math.sqrt(variance);
}

/**
 * Returns a restock demand shift per variant from variant-level sentiment, only where the talk clearly
 * separates the variants people like from the rest.
 * Rules: over the last `preferenceWindowWeeks` weeks of variant rows, count each variant's positive
 * (positiveShare × volume) and negative (negativeShare × volume) mentions; order the variants by their
 * positive share and, of the cuts between neighbours that leave `preferenceMinMentions` polarized
 * mentions on each side, take the one whose two-proportion z (pooled variance) is largest. Pooling a
 * group (rather than testing each variant against the rest) lets three liked colours of five be
 * recognised together. From z ≥ `preferenceMinZ` the better-received group gets up to
 * +`upShiftPercent`% and the rest up to −`downShiftPercent`%, in full at z ≥ `preferenceFullZ`.
 * Products whose variants are talked about alike (talk following sales, random gaps) stay at 0.
 *
 * @example
 * variantPreferenceShifts(rowsByVariant, ["coral", "kelp"], DEFAULT_INVENTORY_SETTINGS.mix).get("kelp")?.shiftFraction; // −0.3 when Kelp is clearly liked less
 */
export function variantPreferenceShifts(
  byVariant: ReadonlyMap<string, readonly PreferenceRow[]>,
  variantIds: readonly string[],
  settings: InventorySettings["mix"],
): Map<string, VariantPreference> {
  const result = new Map<string, VariantPreference>();
  const windowWeeks = Math.max(0, Math.floor(settings.preferenceWindowWeeks));
  const weekStarts = new Set<string>();
  for (const id of variantIds) for (const row of byVariant.get(id) ?? []) weekStarts.add(row.weekStart);
  const sortedWeeks = [...weekStarts].sort();
  const current = polarizedCounts(byVariant, variantIds, new Set(sortedWeeks.slice(-windowWeeks)));
  for (const c of current)
    result.set(c.id, {
      shiftFraction: 0,
      positiveShare: c.polarized > 0 ? c.positive / c.polarized : null,
      side: "none",
      z: 0,
    });
  if (variantIds.length < 2 || windowWeeks === 0 || sortedWeeks.length < 2) return result;
  const ordered = current
    .filter((c) => c.polarized > 0)
    .sort((a, b) => b.positive / b.polarized - a.positive / a.polarized);
  let best: { z: number; better: Set<string> } | null = null;
  for (let cut = 1; cut < ordered.length; cut++) {
    const better = new Set(ordered.slice(0, cut).map((c) => c.id));
    const z = splitZ(current, better, settings.preferenceMinMentions);
    if (z !== null && (best === null || z > best.z)) best = { z, better };
  }
  if (best === null) return result;
  const z = best.z;
  const span = Math.max(1e-9, settings.preferenceFullZ - settings.preferenceMinZ);
  const strength = Math.max(0, Math.min(1, (z - settings.preferenceMinZ) / span));
  for (const c of ordered) {
    const isBetter = best.better.has(c.id);
    result.set(c.id, {
      shiftFraction:
        strength === 0
          ? 0
          : isBetter
            ? (settings.upShiftPercent / 100) * strength
            : -(settings.downShiftPercent / 100) * strength,
      positiveShare: c.positive / c.polarized,
      side: isBetter ? "better" : "worse",
      z,
    });
  }
  return result;
}

/**
 * Returns the part of a preference shift that sales have not shown yet.
 * Rule: with `growth` = the variant's sales rate now ÷ its rate before the variant talk began, the
 * remaining shift is (1 + shift) ÷ growth − 1, kept between 0 and the shift (a liked colour already
 * selling 40% more needs no further +40%; a less-liked one already selling less needs no further cut).
 *
 * @example
 * remainingPreferenceShift(0.4, 1.25); // 0.12
 */
export function remainingPreferenceShift(shift: number, growth: number): number {
  if (!Number.isFinite(shift) || shift === 0) return 0;
  if (!Number.isFinite(growth) || growth <= 0) return shift;
  const remaining = (1 + shift) / growth - 1;
  return shift > 0 ? Math.min(shift, Math.max(0, remaining)) : Math.max(shift, Math.min(0, remaining));
}
