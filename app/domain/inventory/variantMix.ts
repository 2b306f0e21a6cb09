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
