/**
 * What the engine proposes: one row per variant × location × planning cycle × kind, carrying the
 * numbers that justify it and the guardrail that decided who acts on it.
 */
import type { ResponseTier } from "./alerts";

export type ProposalKind =
  | "restock"
  | "reduce"
  | "safety_stock"
  | "transfer"
  | "supplier_order"
  | "marketing_task"
  | "product_task"
  | "support_task";

/** Kinds that change a stock quantity and therefore obey cooldown and magnitude guardrails. */
export const STOCK_CHANGING_KINDS: ReadonlySet<ProposalKind> = new Set([
  "restock",
  "reduce",
  "safety_stock",
  "transfer",
]);

/** Who acts: applied by the autonomy policy, waiting for a person, or held back by a guardrail. */
export type Disposition = "auto_apply" | "needs_approval" | "suppressed";

export type GuardrailRule =
  | "cooldown"
  | "max_change_per_decision"
  | "min_magnitude"
  | "task_needs_person"
  | "new_product_line"
  | "supplier_order_needs_person"
  | "daily_swing_needs_person"
  | "autonomy_off"
  | "speculative_needs_person"
  | "above_auto_apply_limit"
  | "outside_historical_range"
  | "routine_within_range";

export interface GuardrailRuleHit {
  rule: GuardrailRule;
  detail: string;
}

/** Plain values only, so the UI and the digest can render and store it as JSON. */
export type ExplanationValue = number | string | boolean | null;

/** Why a proposal says what it says, in numbers a merchant can check. */
export interface Explanation {
  inputs: Record<string, ExplanationValue>;
  /** The rule in plain words. */
  formula: string;
  result: Record<string, ExplanationValue>;
  /** What was assumed because data or settings were missing or odd. */
  assumptions: string[];
}

export interface Proposal {
  /** cycle + variant + location + kind: re-running a cycle updates the row, never duplicates it. */
  idempotencyKey: string;
  cycleId: string;
  kind: ProposalKind;
  productId: string;
  /** Null for product-level tasks. */
  variantId: string | null;
  /** Null for product- or supplier-level proposals; the source location of a transfer. */
  locationId: string | null;
  /** Destination of a transfer. */
  toLocationId: string | null;
  supplierId: string | null;
  /** The number as it is now (inventory position, safety stock, incoming, units on order). */
  currentUnits: number;
  proposedUnits: number;
  deltaUnits: number;
  /** Pre-positioning ahead of sales: smaller, and never applied without a person. */
  speculative: boolean;
  tier: ResponseTier | null;
  /** ISO instant a task is due; null otherwise. */
  dueAt: string | null;
  disposition: Disposition;
  /** The guardrail that decided the disposition. */
  decisiveRule: GuardrailRule;
  rulesApplied: GuardrailRuleHit[];
  /** Something the merchant should know before approving (over-reaction, influencer spike). */
  warnings: string[];
  /** Asks for a human look (validity lagging or distorted). */
  flags: string[];
  explanation: Explanation;
}
