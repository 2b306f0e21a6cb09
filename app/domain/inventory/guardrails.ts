/**
 * Guardrails against over-reaction and the autonomy policy: what is suppressed, what is capped, what
 * a person must approve and what may apply itself. Every outcome names the rule that decided it.
 */
import { MS_PER_HOUR } from "./calendar";
import {
  STOCK_CHANGING_KINDS,
  type Disposition,
  type GuardrailRule,
  type GuardrailRuleHit,
  type ProposalKind,
} from "./proposal";
import type { InventorySettings } from "./settings";

export interface GuardrailCandidate {
  kind: ProposalKind;
  currentUnits: number;
  proposedUnits: number;
  /**
   * The level sales alone would justify (e.g. the sentiment-blind order-up-to); the relative cap is
   * taken on the larger of this and the current units, so restocking an empty shelf is not blocked.
   */
  referenceUnits: number;
  /** Changes are whole multiples of this (case pack); a capped change is rounded down to it. */
  stepUnits: number;
  isNewProductLine: boolean;
  speculative: boolean;
}

export interface GuardrailHistory {
  /** Last applied stock change of this variant at any location (ms since epoch); null if none. */
  lastAdjustedAtMs: number | null;
  /** Range of earlier proposed values of this variant × location × kind; null when there are none. */
  historicalMinUnits: number | null;
  historicalMaxUnits: number | null;
  /** Σ |delta| already decided for this variant × location in the 24 hours before now. */
  deltaUnitsLast24h: number;
}

export interface GuardrailOutcome {
  proposedUnits: number;
  deltaUnits: number;
  disposition: Disposition;
  decisiveRule: GuardrailRule;
  rulesApplied: GuardrailRuleHit[];
}

type GuardrailSettings = Pick<InventorySettings, "guardrails" | "autonomy">;

/**
 * Returns the capped proposal and who acts on it.
 * Rules, in order: (1) max change: |change| ≤ min(5000 units, 300% of max(current, sales-only
 * level)), also on held proposals so no stored row exceeds a cap; (2) cooldown: a variant changed
 * less than 48 h ago is not changed again; (3) min
 * magnitude: changes under max(1 unit, 5% of current) are noise; (4) autonomy: tasks, new product
 * lines, supplier orders, swings over 40% in a day, speculative moves and — unless the merchant
 * enabled auto-apply — everything else need a person; auto-apply only for changes under 15% whose
 * value lies within the variant's historical range.
 *
 * @example
 * applyGuardrails({ kind: "restock", currentUnits: 100, proposedUnits: 110, referenceUnits: 100, stepUnits: 1,
 *   isNewProductLine: false, speculative: false },
 *   { lastAdjustedAtMs: null, historicalMinUnits: 90, historicalMaxUnits: 120, deltaUnitsLast24h: 0 },
 *   DEFAULT_INVENTORY_SETTINGS, new Date()).decisiveRule; // "autonomy_off"
 */
export function applyGuardrails(
  candidate: GuardrailCandidate,
  history: GuardrailHistory,
  settings: GuardrailSettings,
  now: Date,
): GuardrailOutcome {
  const g = settings.guardrails;
  const a = settings.autonomy;
  const current = finite(candidate.currentUnits);
  let proposed = finite(candidate.proposedUnits);
  const rulesApplied: GuardrailRuleHit[] = [];
  const isTask = !STOCK_CHANGING_KINDS.has(candidate.kind) && candidate.kind !== "supplier_order";
  const decide = (disposition: Disposition, rule: GuardrailRule, detail: string): GuardrailOutcome => {
    rulesApplied.push({ rule, detail });
    return {
      proposedUnits: proposed,
      deltaUnits: proposed - current,
      disposition,
      decisiveRule: rule,
      rulesApplied,
    };
  };

  if (isTask) return decide("needs_approval", "task_needs_person", "Tasks are assigned by a person.");

  const reference = Math.max(Math.abs(current), finite(candidate.referenceUnits), 1);
  const maxChange = Math.min(g.maxChangeUnitsPerDecision, (g.maxChangePercentPerDecision / 100) * reference);
  const delta = proposed - current;
  if (Math.abs(delta) > maxChange) {
    const step = candidate.stepUnits >= 1 && Number.isFinite(candidate.stepUnits) ? candidate.stepUnits : 1;
    const cappedSize = Math.floor(maxChange / step) * step;
    proposed = current + Math.sign(delta) * cappedSize;
    rulesApplied.push({
      rule: "max_change_per_decision",
      detail: `Change of ${Math.round(delta)} units capped to ${cappedSize} (at most ${g.maxChangeUnitsPerDecision} units and ${g.maxChangePercentPerDecision}% of ${Math.round(reference)} per decision).`,
    });
  }

  if (STOCK_CHANGING_KINDS.has(candidate.kind) && history.lastAdjustedAtMs !== null) {
    const hoursSince = (now.getTime() - history.lastAdjustedAtMs) / MS_PER_HOUR;
    if (hoursSince >= 0 && hoursSince < g.minIntervalHours) {
      return decide(
        "suppressed",
        "cooldown",
        `This variant was adjusted ${hoursSince.toFixed(1)} h ago; the minimum interval is ${g.minIntervalHours} h.`,
      );
    }
  }

  const change = Math.abs(proposed - current);
  const minMagnitude = Math.max(g.minMagnitudeUnits, (g.minMagnitudePercent / 100) * Math.abs(current));
  if (change < minMagnitude) {
    return decide(
      "suppressed",
      "min_magnitude",
      `A change of ${change.toFixed(1)} units is below the minimum of ${minMagnitude.toFixed(1)} (${g.minMagnitudeUnits} unit, ${g.minMagnitudePercent}% of current).`,
    );
  }

  if (candidate.isNewProductLine)
    return decide("needs_approval", "new_product_line", "New product lines always need a person.");
  if (candidate.kind === "supplier_order") {
    return decide(
      "needs_approval",
      "supplier_order_needs_person",
      "Supplier orders commit money with a supplier: a person approves them.",
    );
  }
  const base = Math.max(Math.abs(current), 1);
  const changePercent = (change / base) * 100;
  const daySwingPercent = ((change + Math.max(0, finite(history.deltaUnitsLast24h))) / base) * 100;
  if (daySwingPercent > a.humanRequiredDailySwingPercent) {
    return decide(
      "needs_approval",
      "daily_swing_needs_person",
      `Together with today's earlier changes this moves ${daySwingPercent.toFixed(0)}% in a day (over ${a.humanRequiredDailySwingPercent}%).`,
    );
  }
  if (!a.autoApplyEnabled)
    return decide("needs_approval", "autonomy_off", "Auto-apply is off: every change waits for a person.");
  if (candidate.speculative) {
    return decide(
      "needs_approval",
      "speculative_needs_person",
      "Pre-positioning ahead of sales is speculative.",
    );
  }
  if (changePercent >= a.autoApplyMaxChangePercent) {
    return decide(
      "needs_approval",
      "above_auto_apply_limit",
      `A ${changePercent.toFixed(1)}% change is not under the auto-apply limit of ${a.autoApplyMaxChangePercent}%.`,
    );
  }
  const { historicalMinUnits: min, historicalMaxUnits: max } = history;
  if (min === null || max === null || proposed < min || proposed > max) {
    return decide(
      "needs_approval",
      "outside_historical_range",
      min === null || max === null
        ? "No earlier decisions to compare with."
        : `${Math.round(proposed)} is outside the historical range ${Math.round(min)}–${Math.round(max)}.`,
    );
  }
  return decide(
    "auto_apply",
    "routine_within_range",
    `Routine: ${changePercent.toFixed(1)}% change, within the historical range ${Math.round(min)}–${Math.round(max)}.`,
  );
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}
