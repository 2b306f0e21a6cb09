/**
 * The weekly planning cycle of one shop: load the store's mirror (variants, locations, stock, sales,
 * weekly signals, settings), run the inventory engine, and store its proposals, alerts and supplier
 * order drafts idempotently, so a re-run of the same cycle updates what nobody has acted on yet and
 * never touches what a person approved.
 */
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { localDay } from "~/domain/calendar/local-day";
import {
  buildRecommendations,
  dayNumberFromIsoDate,
  isoDateFromDayNumber,
  mergeInventorySettings,
  planningCycleId,
  validateShopSettings,
  type InventoryReviewAlert,
  type InventorySettings,
  type InventorySettingsOverrides,
  type IssueAspect,
  type PastDecision,
  type PlanningInput,
  type Proposal,
  type SalesHistory,
  type SentimentWeek,
  type SettingsError,
  type SupplierOrderDraft,
  type SupplierOrderLine,
} from "~/domain/inventory";
import { weekStartOfIsoWeek } from "~/domain/inventory/backtest";
import { defaultAspectTaxonomy } from "~/domain/sentiment";
import { isoWeek, platformWeight, reachWeight } from "~/domain/signals";
import {
  supplierOrderCsvFile,
  supplierOrderPdfFile,
  type ExportFile,
  type SupplierOrderPdfLabels,
} from "~/integrations/export/supplier-order";
import { upsertAlerts, type AlertWrite } from "~/models/alerts.server";
import {
  findPlanningShop,
  listPastDecisions,
  listPlanningInventory,
  listPlanningLocations,
  listPlanningSignals,
  listPlanningVariants,
  listSalesDailySince,
} from "~/models/planning.server";
import {
  listRecommendations,
  upsertProposedRecommendations,
  type RecommendationUpsertCounts,
  type RecommendationWrite,
} from "~/models/recommendations.server";
import { recordAuditEvent } from "~/models/shops.server";
import { findSupplierOrderDraft, upsertSupplierOrderDrafts } from "~/models/supplier-orders.server";
import { approveRecommendation, type ApprovalError } from "~/services/approvals.server";
import { enqueueWriteOutbox } from "~/services/recommendation-review.server";

/** Weeks of sales loaded: enough for the forecast's lookback and the lift's sentiment history. */
const SALES_HISTORY_DAYS = 26 * 7;

/**
 * The actor of approvals an autonomy rule made: the weekly digest counts applied recommendations
 * decided by it as "applied automatically" (app/models/digest-runs.server.ts).
 */
export const AUTONOMY_ACTOR = "pulse";

export const NO_SIGNALS_ASSUMPTION =
  "No weekly sentiment signals have been computed for this shop yet: every proposal is planned from sales alone.";

export type PlanningCycleResult =
  | {
      ok: true;
      cycleId: string;
      recommendations: RecommendationUpsertCounts;
      /** Proposals the guardrails held back (too small, cooldown): not stored. */
      suppressed: number;
      /** Recommendations of this cycle approved by the merchant's autonomy rule (actor "pulse"). */
      autoApplied: number;
      alerts: { created: number; updated: number; keptHandled: number };
      supplierOrderDrafts: { created: number; updated: number; keptSent: number };
      plannedWithoutSentiment: boolean;
      notes: string[];
      settingsErrors: SettingsError[];
    }
  | {
      ok: false;
      reason: "shop_not_found" | "shop_uninstalled" | "invalid_settings";
      errors: SettingsError[];
    };

const settingsShape = z
  .object({ inventory: z.record(z.string(), z.unknown()).optional() })
  .passthrough()
  .nullable()
  .optional();

/**
 * Returns the shop's inventory settings: the defaults with `Shop.settings.inventory` merged group by
 * group, or the errors that make them unusable (checked by the domain's validateShopSettings).
 *
 * @example
 * inventorySettingsOf({ inventory: { shopDefaults: { leadTimeDays: 21 } } }); // ok, lead time 21 days
 */
export function inventorySettingsOf(
  raw: unknown,
): { ok: true; value: InventorySettings } | { ok: false; error: SettingsError[] } {
  const parsed = settingsShape.safeParse(raw);
  const inventory = parsed.success ? (parsed.data?.inventory ?? {}) : undefined;
  if (!inventory) {
    return {
      ok: false,
      error: [
        {
          code: "invalid_setting",
          scope: "shop",
          setting: "inventory",
          value: raw,
          message:
            "The shop settings are not an object with an inventory section. Save the settings page again.",
        },
      ],
    };
  }
  const badGroups = Object.entries(inventory).filter(
    ([, value]) => value === null || typeof value !== "object" || Array.isArray(value),
  );
  if (badGroups.length > 0) {
    return {
      ok: false,
      error: badGroups.map(([group, value]) => ({
        code: "invalid_setting" as const,
        scope: "shop",
        setting: group,
        value,
        message: `The setting group ${group} must be a set of values, not ${JSON.stringify(value)}. Change it in Pulse settings.`,
      })),
    };
  }
  const base = mergeInventorySettings(inventory as InventorySettingsOverrides);
  // Shop defaults are merged field by field too: a shop that only set a lead time keeps the other defaults.
  const settings: InventorySettings = {
    ...base,
    shopDefaults: {
      ...mergeInventorySettings().shopDefaults,
      ...(inventory.shopDefaults as Partial<InventorySettings["shopDefaults"]> | undefined),
    },
  };
  const errors = validateShopSettings(settings);
  return errors.length > 0 ? { ok: false, error: errors } : { ok: true, value: settings };
}

/** Scorer issue types → the teams complaints are routed to (design → marketing, function → product…). */
const ISSUE_ASPECT_BY_TYPE: Record<string, IssueAspect | undefined> = {
  marketing: "design",
  "product-fix": "function",
  support: "service",
};
const ISSUE_TYPE_BY_ASPECT = new Map(defaultAspectTaxonomy.map((a) => [a.id, a.issueType] as const));

/**
 * Returns the issue family of a scorer aspect id, or null when complaints about it are not routed.
 *
 * @example
 * issueAspectOf("comfort"); // "function"
 */
export function issueAspectOf(aspect: string): IssueAspect | null {
  return ISSUE_ASPECT_BY_TYPE[ISSUE_TYPE_BY_ASPECT.get(aspect) ?? ""] ?? null;
}

/** What a stored SignalWeekly row offers the engine. */
export interface StoredSignalRow {
  productId: string | null;
  variantId: string | null;
  region: string;
  week: string;
  volume: number;
  positiveShare: number;
  negativeShare: number;
  weightedIndex: number;
  details: unknown;
}

const signalDetailShape = z
  .object({
    drivers: z
      .array(
        z.object({ aspect: z.string(), stance: z.string(), mentions: z.number().finite() }).passthrough(),
      )
      .optional(),
    influencers: z
      .array(
        z
          .object({
            platform: z.string(),
            reachFollowers: z.number().finite(),
            mentions: z.number().finite(),
          })
          .passthrough(),
      )
      .optional(),
  })
  .passthrough();

// The signal service stores the row's SignalDetail under `details.detail`, and volatility and kolShare
// beside it (app/domain/signals/weekSpread.ts); rows stored before those were added lack them.
const detailsShape = signalDetailShape.extend({
  volatility: z.number().finite().optional(),
  kolShare: z.number().finite().optional(),
  detail: signalDetailShape.nullable().optional(),
});

/**
 * Returns the engine's sentiment weeks from stored weekly signal rows (platform "all").
 * Rules: weekStart = Monday of the ISO week; product-wide rows (region "all") and variant rows are
 * kept, regional rows only when their region is a location's region; volatility and kolShare come
 * from the row's details when the signal job stored them (every row it writes since they were added),
 * else — a row computed before — kolShare is estimated from the listed influencers' platform- and
 * reach-weighted mentions against the row's volume (each other mention counted at weight 1 × platform
 * weight 0.3) and volatility is 0; `volatilityMissingWeeks` counts those rows, in all and per product
 * (reported as an assumption on that product's recommendations).
 *
 * @example
 * sentimentWeeksFromSignalRows(rows, new Set(["us-east"])).weeks.length;
 */
export function sentimentWeeksFromSignalRows(
  rows: readonly StoredSignalRow[],
  locationRegions: ReadonlySet<string>,
): {
  weeks: SentimentWeek[];
  volatilityMissing: boolean;
  volatilityMissingWeeks: number;
  volatilityMissingWeeksByProduct: Map<string, number>;
} {
  const weeks: SentimentWeek[] = [];
  let volatilityMissingWeeks = 0;
  const volatilityMissingWeeksByProduct = new Map<string, number>();
  for (const row of rows) {
    if (!row.productId) continue;
    if (row.region !== "all" && (row.variantId || !locationRegions.has(row.region))) continue;
    let weekStart: string;
    try {
      weekStart = weekStartOfIsoWeek(row.week);
    } catch {
      continue;
    }
    const parsed = detailsShape.safeParse(row.details ?? {});
    const details = parsed.success ? parsed.data : {};
    const detail = details.detail ?? details;
    let kolShare = details.kolShare;
    if (kolShare === undefined && detail.influencers && row.volume > 0) {
      let kolWeight = 0;
      let kolMentions = 0;
      for (const influencer of detail.influencers) {
        kolWeight +=
          influencer.mentions * platformWeight(influencer.platform) * reachWeight(influencer.reachFollowers);
        kolMentions += influencer.mentions;
      }
      const otherWeight = Math.max(0, row.volume - kolMentions) * 0.3 * reachWeight(0);
      kolShare = kolWeight + otherWeight > 0 ? kolWeight / (kolWeight + otherWeight) : 0;
    }
    if (details.volatility === undefined) {
      volatilityMissingWeeks++;
      volatilityMissingWeeksByProduct.set(
        row.productId,
        (volatilityMissingWeeksByProduct.get(row.productId) ?? 0) + 1,
      );
    }
    const negativeAspectMentions: Partial<Record<IssueAspect, number>> = {};
    for (const driver of detail.drivers ?? []) {
      if (driver.stance !== "negative") continue;
      const aspect = issueAspectOf(driver.aspect);
      if (aspect) negativeAspectMentions[aspect] = (negativeAspectMentions[aspect] ?? 0) + driver.mentions;
    }
    weeks.push({
      productId: row.productId,
      variantId: row.variantId,
      regionCode: row.region === "all" ? null : row.region,
      weekStart,
      weightedIndex: finiteOr(row.weightedIndex, 0),
      negativeShare: finiteOr(row.negativeShare, 0),
      positiveShare: finiteOr(row.positiveShare, 0),
      volume: finiteOr(row.volume, 0),
      volatility: finiteOr(details.volatility ?? 0, 0),
      kolShare: finiteOr(kolShare ?? 0, 0),
      negativeAspectMentions: Object.keys(negativeAspectMentions).length > 0 ? negativeAspectMentions : null,
    });
  }
  return {
    weeks,
    volatilityMissing: volatilityMissingWeeks > 0,
    volatilityMissingWeeks,
    volatilityMissingWeeksByProduct,
  };
}

/**
 * The assumption note on a product's recommendations when some of its weekly signal rows were
 * computed before volatility was stored: only those weeks used volatility 0; the next signal
 * recompute of their weeks fills it.
 *
 * @example
 * volatilityMissingAssumption(3, 40); // "3 of 40 weekly signal rows carry no daily volatility yet…"
 */
export function volatilityMissingAssumption(missingWeeks: number, totalWeeks: number): string {
  return `${missingWeeks} of ${totalWeeks} weekly signal rows carry no daily volatility yet (computed before it was stored): the sentiment risk factor used volatility 0 for them.`;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

/** The shop's wall-clock time expressed as a UTC instant: the engine counts days in UTC. */
function shopWallClock(instant: Date, timeZone: string): Date {
  const day = localDay(instant, timeZone);
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return new Date(
    `${day}T${String(get("hour")).padStart(2, "0")}:${String(get("minute")).padStart(2, "0")}:${String(get("second")).padStart(2, "0")}Z`,
  );
}

/** Replaces every non-finite number in a JSON-like value by null: a stored row never holds NaN. */
function finiteJson(value: unknown): Prisma.InputJsonValue {
  const walk = (v: unknown): unknown => {
    if (typeof v === "number") return Number.isFinite(v) ? v : null;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v === undefined ? null : v;
  };
  return walk(value) as Prisma.InputJsonValue;
}

function finiteInt(value: number): number {
  return Number.isFinite(value) ? Math.round(value) : 0;
}

const QUANTITY_NAME: Record<Proposal["kind"], string> = {
  restock: "incoming",
  reduce: "incoming",
  safety_stock: "safety_stock",
  transfer: "available",
  supplier_order: "incoming",
  marketing_task: "none",
  product_task: "none",
  support_task: "none",
};

/**
 * The current and proposed value of the quantity the write will change. The engine reasons in
 * inventory position (on shelf + incoming), but a restock or reduce at a location changes Shopify's
 * `incoming` quantity: the write's changeFromQuantity must be that quantity as it is now, or Shopify
 * (rightly) answers CHANGE_FROM_QUANTITY_STALE. The position stays in the explanation.
 */
function writtenQuantities(
  proposal: Proposal,
  incomingNow: ReadonlyMap<string, number>,
): { current: number; proposed: number } {
  if (
    (proposal.kind === "restock" || proposal.kind === "reduce") &&
    proposal.variantId &&
    proposal.locationId
  ) {
    const incoming = incomingNow.get(`${proposal.variantId}|${proposal.locationId}`) ?? 0;
    return { current: incoming, proposed: Math.max(0, incoming + finiteInt(proposal.deltaUnits)) };
  }
  return { current: finiteInt(proposal.currentUnits), proposed: finiteInt(proposal.proposedUnits) };
}

/** Returns the stored form of a proposal (transfers: locationId is the destination). */
function recommendationWrite(
  proposal: Proposal,
  extraAssumptions: readonly string[],
  incomingNow: ReadonlyMap<string, number>,
): RecommendationWrite {
  const isTransfer = proposal.kind === "transfer";
  const isTask = QUANTITY_NAME[proposal.kind] === "none";
  const written = writtenQuantities(proposal, incomingNow);
  return {
    cycle: proposal.cycleId,
    idempotencyKey: proposal.idempotencyKey,
    kind: proposal.kind,
    productId: proposal.productId,
    variantId: proposal.variantId,
    locationId: isTransfer ? proposal.toLocationId : proposal.locationId,
    fromLocationId: isTransfer ? proposal.locationId : null,
    quantityName: QUANTITY_NAME[proposal.kind],
    currentQuantity: isTask ? null : written.current,
    proposedQuantity: isTask ? null : written.proposed,
    deltaUnits: isTask ? null : written.proposed - written.current,
    tier: proposal.tier,
    rule: proposal.decisiveRule,
    explanation: finiteJson({
      ...proposal.explanation,
      assumptions: [...extraAssumptions, ...proposal.explanation.assumptions],
      units: {
        current: proposal.currentUnits,
        proposed: proposal.proposedUnits,
        delta: proposal.deltaUnits,
      },
      disposition: proposal.disposition,
      rulesApplied: proposal.rulesApplied,
      warnings: proposal.warnings,
      flags: proposal.flags,
      speculative: proposal.speculative,
      supplierId: proposal.supplierId,
      dueAt: proposal.dueAt,
    }),
  };
}

const SEVERITY: Record<string, string> = {
  product_line_review: "high",
  replenishment_plan: "medium",
  marketing_focus: "low",
};

function alertWrite(alert: InventoryReviewAlert, productTitle: string | undefined): AlertWrite {
  const scope = alert.variantId ?? "all";
  const region = alert.regionCode ?? "all";
  const week = isoWeek(new Date(`${alert.weekStart}T12:00:00Z`), "UTC");
  return {
    dedupeKey: `inventory_review:${alert.productId}:${scope}:${region}:${week}`,
    productId: alert.productId,
    kind: alert.kind,
    severity: SEVERITY[alert.tier ?? ""] ?? "low",
    week,
    // Fallback text for logs and the digest; the UI renders its own sentence from details in the shop's locale.
    message: `Inventory review for ${productTitle ?? "a product"} (week ${week}): ${alert.reasons.join(" ")}`,
    details: finiteJson(alert),
  };
}

function supplierDraftWrite(draft: SupplierOrderDraft) {
  return {
    cycle: draft.cycleId,
    supplier: draft.supplierId,
    lines: finiteJson(draft.lines),
    baseUnits: finiteInt(draft.totalBaseUnits),
    flexUnits: finiteInt(draft.totalFlexUnits),
  };
}

/** Loads everything a planning run reads for a shop, as the engine's plain input. */
async function loadPlanningInput(
  shopId: string,
  today: string,
  nowShop: Date,
  timeZone: string,
): Promise<{
  input: PlanningInput;
  signalRows: number;
  /** Per product: [sentiment weeks read from rows stored before volatility was, all its sentiment weeks]. */
  volatilityMissingByProduct: Map<string, [missingWeeks: number, weeks: number]>;
  productTitles: Map<string, string>;
}> {
  const todayNumber = dayNumberFromIsoDate(today) as number;
  const firstDay = isoDateFromDayNumber(todayNumber - SALES_HISTORY_DAYS);
  const [variants, locations, inventory, sales, signals, past] = await Promise.all([
    listPlanningVariants(shopId),
    listPlanningLocations(shopId),
    listPlanningInventory(shopId),
    listSalesDailySince(shopId, firstDay),
    listPlanningSignals(shopId),
    listPastDecisions(shopId, new Date(nowShop.getTime() - 30 * 86_400_000)),
  ]);
  const histories = new Map<string, { units: number[] }>();
  for (const row of sales) {
    const day = dayNumberFromIsoDate(row.day);
    if (day === null || day >= todayNumber) continue;
    const key = `${row.variantId}\u0000${row.locationId}`;
    let history = histories.get(key);
    if (!history) histories.set(key, (history = { units: new Array<number>(SALES_HISTORY_DAYS).fill(0) }));
    const index = day - (todayNumber - SALES_HISTORY_DAYS);
    if (index >= 0 && index < SALES_HISTORY_DAYS) {
      history.units[index] =
        (history.units[index] as number) + Math.max(0, row.unitsSold - row.unitsRefunded);
    }
  }
  const salesHistories: SalesHistory[] = [...histories].map(([key, h]) => {
    const [variantId, locationId] = key.split("\u0000") as [string, string];
    // SalesDaily does not record stock-outs, so every day counts as in stock (stated in the ADR).
    return { variantId, locationId, firstDay, unitsSold: h.units, inStock: [] };
  });
  const regions = new Set(locations.map((l) => l.region));
  const sentiment = sentimentWeeksFromSignalRows(signals, regions);
  const productTitles = new Map(variants.map((v) => [v.productId, v.product.title]));
  const pastDecisions = pastDecisionsOf(past, timeZone);
  return {
    input: {
      variants: variants.map((v) => ({
        variantId: v.id,
        productId: v.productId,
        supplierId: v.product.vendor.trim() || null,
        sku: v.sku,
        title: v.title === "Default Title" ? v.product.title : `${v.product.title} – ${v.title}`,
      })),
      locations: locations.map((l) => ({ locationId: l.id, regionCode: l.region })),
      inventory: inventory.map((i) => ({
        variantId: i.variantId,
        locationId: i.locationId,
        availableUnits: i.available,
        incomingUnits: i.incoming,
        safetyStockUnits: i.safetyStock,
      })),
      sales: salesHistories,
      sentiment: sentiment.weeks,
      pastDecisions,
    },
    signalRows: signals.length,
    volatilityMissingByProduct: new Map(
      [...sentiment.volatilityMissingWeeksByProduct].map(([productId, missing]) => [
        productId,
        [missing, sentiment.weeks.filter((w) => w.productId === productId).length],
      ]),
    ),
    productTitles,
  };
}

/**
 * Runs one planning cycle for a shop at `now` (the cycle is the shop-local ISO week) and stores the
 * result. Re-running within the same week updates proposed rows only. When the merchant turned
 * auto-apply on, the routine changes the guardrails marked auto_apply are approved as "pulse"
 * through the ordinary approval (outbox write, one write job) and counted in `autoApplied`.
 *
 * @example
 * const result = await runPlanningCycle(shop.id, new Date());
 * if (result.ok) console.log(result.recommendations.created);
 */
export async function runPlanningCycle(shopId: string, now: Date): Promise<PlanningCycleResult> {
  const shop = await findPlanningShop(shopId);
  if (!shop) return { ok: false, reason: "shop_not_found", errors: [] };
  if (shop.uninstalledAt) return { ok: false, reason: "shop_uninstalled", errors: [] };
  const settings = inventorySettingsOf(shop.settings);
  if (!settings.ok) {
    await recordAuditEvent({
      shopId,
      actor: "pulse",
      action: "planning.settings_invalid",
      subjectType: "Shop",
      subjectId: shopId,
      details: finiteJson({ errors: settings.error }),
    });
    return { ok: false, reason: "invalid_settings", errors: settings.error };
  }
  const nowShop = shopWallClock(now, shop.timezone);
  const today = localDay(now, shop.timezone);
  const { input, signalRows, volatilityMissingByProduct, productTitles } = await loadPlanningInput(
    shopId,
    today,
    nowShop,
    shop.timezone,
  );
  const result = buildRecommendations(input, settings.value, nowShop);
  if (!result.ok) return { ok: false, reason: "invalid_settings", errors: result.error };
  const batch = result.value;
  const plannedWithoutSentiment = signalRows === 0;
  // Only a product whose sentiment came (partly) from rows stored before volatility carries the note.
  const extraAssumptionsOf = (proposal: Proposal): string[] => {
    if (plannedWithoutSentiment) return [NO_SIGNALS_ASSUMPTION];
    const missing = proposal.productId ? volatilityMissingByProduct.get(proposal.productId) : undefined;
    return missing ? [volatilityMissingAssumption(missing[0], missing[1])] : [];
  };

  const stored = batch.proposals.filter((p) => p.disposition !== "suppressed");
  const incomingNow = new Map(
    input.inventory.map((r) => [`${r.variantId}|${r.locationId}`, r.incomingUnits]),
  );
  const recommendations = await upsertProposedRecommendations(
    shopId,
    batch.cycleId,
    stored.map((p) => recommendationWrite(p, extraAssumptionsOf(p), incomingNow)),
  );
  const autoApplied = await approveRoutineProposals(shopId, batch.cycleId, stored, now);
  const alerts = await upsertAlerts(
    shopId,
    batch.alerts.map((a) => alertWrite(a, productTitles.get(a.productId))),
  );
  const supplierOrderDrafts = await upsertSupplierOrderDrafts(
    shopId,
    batch.supplierOrderDrafts.map(supplierDraftWrite),
  );
  await recordAuditEvent({
    shopId,
    actor: "pulse",
    action: "planning.cycle_completed",
    subjectType: "Shop",
    subjectId: shopId,
    details: finiteJson({
      cycleId: batch.cycleId,
      recommendations,
      suppressed: batch.proposals.length - stored.length,
      autoApplied,
      alerts,
      supplierOrderDrafts,
      plannedWithoutSentiment,
    }),
  });
  return {
    ok: true,
    cycleId: batch.cycleId,
    recommendations,
    suppressed: batch.proposals.length - stored.length,
    autoApplied,
    alerts,
    supplierOrderDrafts,
    plannedWithoutSentiment,
    notes: plannedWithoutSentiment ? [NO_SIGNALS_ASSUMPTION, ...batch.notes] : batch.notes,
    settingsErrors: batch.settingsErrors,
  };
}

/**
 * Approves, as AUTONOMY_ACTOR, the stored recommendations of this cycle whose proposal the guardrails
 * marked auto_apply (only possible when the merchant turned auto-apply on) and that are still
 * proposed, through the same approval a person uses (status change and outbox write in one
 * transaction). Queues the write-outbox job once and records one audit event naming each change and
 * the rule that allowed it. Returns how many were approved; a re-run finds them decided and approves
 * nothing again.
 */
async function approveRoutineProposals(
  shopId: string,
  cycleId: string,
  proposals: readonly Proposal[],
  now: Date,
): Promise<number> {
  const routine = new Map(
    proposals.filter((p) => p.disposition === "auto_apply").map((p) => [p.idempotencyKey, p] as const),
  );
  if (routine.size === 0) return 0;
  const undecided = (await listRecommendations(shopId, { cycle: cycleId })).filter(
    (r) => r.status === "proposed" && routine.has(r.idempotencyKey),
  );
  const applied: {
    recommendationId: string;
    kind: string;
    productId: string | null;
    variantId: string | null;
    locationId: string | null;
    deltaUnits: number | null;
    rule: string;
    ruleDetail: string | null;
    queuedWrite: string | null;
  }[] = [];
  const notApplied: { recommendationId: string; error: ApprovalError; message: string }[] = [];
  for (const row of undecided) {
    const proposal = routine.get(row.idempotencyKey) as Proposal;
    const result = await approveRecommendation(shopId, row.id, AUTONOMY_ACTOR, { now: () => now });
    if (!result.ok) {
      // Left proposed for a person (e.g. the variant or location vanished since the sync).
      notApplied.push({ recommendationId: row.id, error: result.error, message: result.message });
      continue;
    }
    applied.push({
      recommendationId: row.id,
      kind: row.kind,
      productId: row.productId,
      variantId: row.variantId,
      locationId: row.locationId,
      deltaUnits: row.deltaUnits,
      rule: proposal.decisiveRule,
      ruleDetail: proposal.rulesApplied.find((hit) => hit.rule === proposal.decisiveRule)?.detail ?? null,
      queuedWrite: result.value.queuedWrite,
    });
  }
  if (applied.some((a) => a.queuedWrite !== null)) await enqueueWriteOutbox(shopId);
  if (applied.length > 0 || notApplied.length > 0) {
    await recordAuditEvent({
      shopId,
      actor: AUTONOMY_ACTOR,
      action: "planning.auto_applied",
      subjectType: "Shop",
      subjectId: shopId,
      details: finiteJson({ cycleId, applied, notApplied }),
    });
  }
  return applied.length;
}

/**
 * Returns decided recommendations as the guardrails read them (cooldown, historical range, 24-hour
 * swing), in the engine's units: restock plans in inventory position (shelf + incoming) while the
 * stored quantity is what Shopify is written (incoming), so `explanation.units` wins when present.
 *
 * @example
 * pastDecisionsOf([{ variantId: "v", locationId: "l", kind: "restock", decidedAt, appliedAt: null,
 *   proposedQuantity: 72, deltaUnits: 72, explanation: { units: { proposed: 107, delta: 72 } } }], "UTC")[0]?.proposedUnits; // 107
 */
export function pastDecisionsOf(
  rows: readonly {
    variantId: string | null;
    locationId: string | null;
    kind: string;
    decidedAt: Date | null;
    appliedAt: Date | null;
    proposedQuantity: number | null;
    deltaUnits: number | null;
    explanation: unknown;
  }[],
  timeZone: string,
): PastDecision[] {
  return rows.flatMap((d) => {
    const decidedAt = d.appliedAt ?? d.decidedAt;
    if (!decidedAt || !d.variantId) return [];
    return [
      {
        variantId: d.variantId,
        locationId: d.locationId,
        kind: d.kind,
        decidedAt: shopWallClock(decidedAt, timeZone).toISOString(),
        proposedUnits: engineUnits(d.explanation, "proposed") ?? d.proposedQuantity ?? Number.NaN,
        deltaUnits: engineUnits(d.explanation, "delta") ?? d.deltaUnits ?? 0,
      },
    ];
  });
}

/** A stored explanation's `units.proposed` / `units.delta` (the engine's units), when present and finite. */
function engineUnits(explanation: unknown, field: "proposed" | "delta"): number | undefined {
  const units =
    explanation && typeof explanation === "object"
      ? (explanation as { units?: Record<string, unknown> }).units
      : undefined;
  const value = units?.[field];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The cycle id a run at `now` would use for a shop in `timeZone`. */
export function planningCycleOf(now: Date, timeZone: string): string {
  return planningCycleId(shopWallClock(now, timeZone));
}

const storedLine = z
  .object({
    supplierId: z.string(),
    productId: z.string(),
    variantId: z.string(),
    sku: z.string().nullable(),
    title: z.string().nullable(),
    baseUnits: z.number().finite(),
    flexUnits: z.number().finite(),
    casePackUnits: z.number().finite(),
    moqUnits: z.number().finite(),
  })
  .passthrough();

/**
 * Returns a stored supplier order draft as a CSV or PDF file, or null when the shop has no such
 * draft. PDF labels come from the caller's locale.
 *
 * @example
 * await exportSupplierOrderDraft(shopId, draftId, "csv"); // { filename: "supplier-order-….csv", … }
 */
export async function exportSupplierOrderDraft(
  shopId: string,
  draftId: string,
  format: "csv" | "pdf",
  pdfLabels?: (draft: SupplierOrderDraft) => SupplierOrderPdfLabels,
): Promise<ExportFile | null> {
  const row = await findSupplierOrderDraft(shopId, draftId);
  if (!row) return null;
  const lines = z.array(storedLine).safeParse(row.lines);
  const draft: SupplierOrderDraft = {
    supplierId: row.supplier,
    cycleId: row.cycle,
    lines: lines.success ? (lines.data as SupplierOrderLine[]) : [],
    totalBaseUnits: row.baseUnits,
    totalFlexUnits: row.flexUnits,
  };
  if (format === "csv") return supplierOrderCsvFile(draft);
  if (!pdfLabels)
    throw new TypeError("exportSupplierOrderDraft: PDF export needs labels in the shop's locale.");
  return supplierOrderPdfFile(draft, pdfLabels(draft));
}
