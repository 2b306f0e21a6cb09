/**
 * One planning run: from plain rows to proposals per variant × location × cycle, each with the numbers
 * behind it and the guardrail that decided who acts on it.
 */
import {
  dayNumberFromIsoDate,
  dayNumberOfInstant,
  isoDateFromDayNumber,
  MS_PER_HOUR,
  planningCycleId,
} from "./calendar";
import { forecastDemand, forecastUnitsOverDays, type DemandForecast } from "./demandForecast";
import { assessElasticity, type ElasticityAssessment } from "./elasticity";
import { applyGuardrails, type GuardrailCandidate, type GuardrailHistory } from "./guardrails";
import { proposalIdempotencyKey } from "./idempotencyKey";
import { serviceLevelZ } from "./inverseNormalCdf";
import type { PlanningInput, SalesHistory, SentimentWeek, VariantRecord } from "./planningInput";
import {
  productLiftHistory,
  productSentimentProfile,
  variantLiftShares,
  type InventoryReviewAlert,
  type ProductLiftHistory,
  type ProductSentimentProfile,
  type ProductSentimentRows,
} from "./productSentiment";
import { STOCK_CHANGING_KINDS, type Explanation, type Proposal, type ProposalKind } from "./proposal";
import { planTransfers, prePositionUnits } from "./regionalStocking";
import { cancellableExcessUnits, overstockKeepUnits, roundToSupplierTerms } from "./reorderPolicy";
import { demandVelocity } from "./demandVelocity";
import { sentimentAwarePolicy, sentimentBlindPolicy, type ReplenishmentPlan } from "./replenishmentPolicy";
import { err, ok, type Result } from "./result";
import { regionalMultiplier, shopLiftPrior, shopVolumeLiftPrior } from "./sentimentLift";
import {
  resolveReplenishmentParameters,
  validateShopSettings,
  type InventorySettings,
  type ResolvedReplenishmentParameters,
  type SettingsError,
} from "./settings";
import {
  groupSupplierOrderDrafts,
  splitSupplierQuantity,
  type SupplierOrderDraft,
  type SupplierOrderLine,
} from "./supplierSplit";
import { remainingPreferenceShift, shiftVariantMix, variantPreferenceShifts } from "./variantMix";
import { weeklyDemandOnGrid } from "./weeklySeries";

export interface RecommendationBatch {
  cycleId: string;
  /** ISO instant of `now`. */
  generatedAt: string;
  policy: "pulse" | "blind";
  proposals: Proposal[];
  alerts: InventoryReviewAlert[];
  supplierOrderDrafts: SupplierOrderDraft[];
  /** Product or supplier overrides that could not be used; the variants they cover were skipped. */
  settingsErrors: SettingsError[];
  /** Rows that could not be planned (sales of unknown variants…), in plain words. */
  notes: string[];
}

export interface BuildRecommendationsOptions {
  /** "blind" plans from sales alone (the backtest's comparison policy). Default "pulse". */
  policy?: "pulse" | "blind";
  /**
   * Units per day a variant will sell at a location over the next `days` days, replacing the
   * forecast's level where it returns a number. Only the backtest's perfect-foresight bound sets it
   * (it reads the replayed demand); the app never does.
   */
  demandOutlook?: (variantId: string, locationId: string, days: number) => number | null;
}

const KEY_SEPARATOR = "\u0000";
const key = (a: string, b: string) => a + KEY_SEPARATOR + b;

const RESTOCK_FORMULA =
  "Order when stock plus incoming falls to the reorder point (expected demand over the lead time × sentiment multiplier + safety stock, where safety stock = z(service level) × σ(daily demand) × √lead time × sentiment risk factor); then order up to the demand over lead time + review period plus safety stock, in whole cases and at least the minimum order quantity.";
const SAFETY_STOCK_FORMULA =
  "Safety stock = z(service level) × σ(daily demand, out-of-stock days excluded) × √(lead time in days) × sentiment risk factor (rising negative share and volatility raise it).";
const REDUCE_FORMULA =
  "Stock plus incoming above the larger of the order-up-to level and the overstock cover limit is excess; cut incoming supplier units by that excess.";
const TRANSFER_FORMULA =
  "Move units from a location whose region is cooling and that holds more than its order-up-to level to a location whose region is heating and needs stock: min(need, surplus, units on the shelf).";
const PRE_POSITION_FORMULA =
  "Sentiment in this region is rising before sales: send a fraction of the extra stock the sentiment lift implies (lifted order-up-to − sales-only order-up-to), marked speculative.";
const SUPPLIER_FORMULA =
  "Horizon quantity = forecast over the planning horizon × sentiment multiplier + safety stock − stock and incoming, shifted toward well-received variants; order the base share now (whole cases, at least the MOQ) and hold the flexible share back until sentiment is confirmed by sales.";

interface LocationPlan {
  locationId: string;
  regionCode: string | null;
  availableUnits: number;
  incomingUnits: number;
  positionUnits: number;
  currentSafetyStockUnits: number;
  forecast: DemandForecast;
  /** Units per in-stock day over the velocity window (out-of-stock days left out). */
  velocityUnitsPerDay: number;
  plan: ReplenishmentPlan;
  blindPlan: ReplenishmentPlan;
  multiplier: number;
  regionalChangePoints: number;
  elasticity: ElasticityAssessment | null;
  assumptions: string[];
}

interface PastIndex {
  lastAdjustedAtMs: Map<string, number>;
  range: Map<string, [number, number]>;
  delta24h: Map<string, number>;
}

function indexPastDecisions(input: PlanningInput, now: Date): PastIndex {
  const index: PastIndex = { lastAdjustedAtMs: new Map(), range: new Map(), delta24h: new Map() };
  const nowMs = now.getTime();
  for (const d of input.pastDecisions) {
    const at = Date.parse(d.decidedAt);
    if (!Number.isFinite(at) || at > nowMs) continue;
    if (STOCK_CHANGING_KINDS.has(d.kind as ProposalKind)) {
      index.lastAdjustedAtMs.set(
        d.variantId,
        Math.max(index.lastAdjustedAtMs.get(d.variantId) ?? -Infinity, at),
      );
    }
    const place = d.locationId ?? "all";
    if (Number.isFinite(d.proposedUnits)) {
      const k = d.variantId + KEY_SEPARATOR + place + KEY_SEPARATOR + d.kind;
      const r = index.range.get(k);
      index.range.set(
        k,
        r
          ? [Math.min(r[0], d.proposedUnits), Math.max(r[1], d.proposedUnits)]
          : [d.proposedUnits, d.proposedUnits],
      );
    }
    if (nowMs - at <= 24 * MS_PER_HOUR && Number.isFinite(d.deltaUnits)) {
      const k = key(d.variantId, place);
      index.delta24h.set(k, (index.delta24h.get(k) ?? 0) + Math.abs(d.deltaUnits));
    }
  }
  return index;
}

function guardrailHistory(
  past: PastIndex,
  variantId: string,
  locationId: string | null,
  kind: ProposalKind,
): GuardrailHistory {
  const place = locationId ?? "all";
  const range = past.range.get(variantId + KEY_SEPARATOR + place + KEY_SEPARATOR + kind);
  return {
    lastAdjustedAtMs: past.lastAdjustedAtMs.get(variantId) ?? null,
    historicalMinUnits: range ? range[0] : null,
    historicalMaxUnits: range ? range[1] : null,
    deltaUnitsLast24h: past.delta24h.get(key(variantId, place)) ?? 0,
  };
}

/**
 * Returns a variant's in-stock sales rate (all its locations) on `today` over its rate on `sinceDay`;
 * 1 when it sold nothing before.
 */
function salesGrowthSince(
  histories: readonly SalesHistory[],
  sinceDay: number,
  today: number,
  velocityWindowDays: number,
): number {
  const rate = (end: number) =>
    histories.reduce((sum, h) => sum + demandVelocity(h, velocityWindowDays, end).unitsPerDay, 0);
  const before = rate(sinceDay);
  return before > 0 ? rate(today) / before : 1;
}

function round2(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : 0;
}

/**
 * Returns the proposals of one planning cycle, or the shop-level settings errors that prevent planning.
 * `now` is the clock: the cycle is its ISO week, history ends the day before it, cooldowns count from it.
 *
 * @example
 * const result = buildRecommendations(input, DEFAULT_INVENTORY_SETTINGS, new Date("2025-04-07T06:00:00Z"));
 * if (result.ok) result.value.proposals.filter((p) => p.kind === "restock");
 */
export function buildRecommendations(
  input: PlanningInput,
  settings: InventorySettings,
  now: Date,
  options: BuildRecommendationsOptions = {},
): Result<RecommendationBatch, SettingsError[]> {
  if (!(now instanceof Date) || !Number.isFinite(now.getTime())) {
    throw new TypeError("buildRecommendations needs a valid `now` Date (the clock is passed in).");
  }
  const shopErrors = validateShopSettings(settings);
  if (shopErrors.length > 0) return err(shopErrors);

  const policy = options.policy ?? "pulse";
  const today = dayNumberOfInstant(now);
  const cycleId = planningCycleId(now);
  const notes: string[] = [];
  const settingsErrors = new Map<string, SettingsError>();

  const variantById = new Map<string, VariantRecord>();
  for (const v of input.variants) variantById.set(v.variantId, v);
  const regionOf = new Map<string, string>();
  for (const l of input.locations) regionOf.set(l.locationId, l.regionCode);

  const inventoryByKey = new Map<string, PlanningInput["inventory"][number]>();
  const locationsByVariant = new Map<string, Set<string>>();
  const addLocation = (variantId: string, locationId: string) => {
    let set = locationsByVariant.get(variantId);
    if (!set) locationsByVariant.set(variantId, (set = new Set()));
    set.add(locationId);
  };
  for (const row of input.inventory) {
    inventoryByKey.set(key(row.variantId, row.locationId), row);
    if (variantById.has(row.variantId)) addLocation(row.variantId, row.locationId);
  }
  const salesByKey = new Map<string, SalesHistory>();
  const historiesByProduct = new Map<string, SalesHistory[]>();
  let unknownVariantSales = 0;
  for (const history of input.sales) {
    const variant = variantById.get(history.variantId);
    if (!variant) {
      unknownVariantSales++;
      continue;
    }
    salesByKey.set(key(history.variantId, history.locationId), history);
    addLocation(history.variantId, history.locationId);
    const list = historiesByProduct.get(variant.productId);
    if (list) list.push(history);
    else historiesByProduct.set(variant.productId, [history]);
  }
  if (unknownVariantSales > 0) {
    notes.push(
      `${unknownVariantSales} sales histories belong to variants not in the catalogue and were not planned.`,
    );
  }

  const sentimentByProduct = new Map<string, ProductSentimentRows>();
  if (policy === "pulse") {
    for (const row of input.sentiment) {
      let rows = sentimentByProduct.get(row.productId);
      if (!rows)
        sentimentByProduct.set(
          row.productId,
          (rows = { product: [], byVariant: new Map(), byRegion: new Map() }),
        );
      const push = (map: Map<string, SentimentWeek[]>, id: string) => {
        const list = map.get(id);
        if (list) list.push(row);
        else map.set(id, [row]);
      };
      if (row.variantId) push(rows.byVariant, row.variantId);
      else if (row.regionCode) push(rows.byRegion, row.regionCode);
      else rows.product.push(row);
    }
  }

  // Pass 1: what each product's own history says about sentiment leading sales, pooled into a prior.
  const liftHistories = new Map<string, ProductLiftHistory>();
  for (const [productId, rows] of sentimentByProduct) {
    const history = productLiftHistory(
      rows.product,
      historiesByProduct.get(productId) ?? [],
      today,
      settings,
    );
    if (history) liftHistories.set(productId, history);
  }
  const prior = shopLiftPrior(
    [...liftHistories.values()].map((h) => h.evidence),
    settings.lift,
  );
  const volumePrior = shopVolumeLiftPrior(
    [...liftHistories.values()].map((h) => h.volumeEvidence),
    settings.lift,
  );

  const variantsByProduct = new Map<string, VariantRecord[]>();
  for (const v of input.variants) {
    const list = variantsByProduct.get(v.productId);
    if (list) list.push(v);
    else variantsByProduct.set(v.productId, [v]);
  }

  const past = indexPastDecisions(input, now);
  const proposals: Proposal[] = [];
  const alerts: InventoryReviewAlert[] = [];
  const supplierLines: SupplierOrderLine[] = [];
  const horizonDays = settings.supplier.horizonDays;

  for (const [productId, variants] of variantsByProduct) {
    const rows = sentimentByProduct.get(productId);
    const liftHistory = liftHistories.get(productId);
    const profile: ProductSentimentProfile | null =
      rows && liftHistory
        ? productSentimentProfile(productId, rows, liftHistory, prior, today, settings, now, volumePrior)
        : null;
    if (profile) alerts.push(...profile.alerts);
    const variantShares =
      rows && liftHistory && profile && profile.lift.multiplier > 1
        ? variantLiftShares(
            rows.byVariant,
            new Map(
              variants.map((v) => [
                v.variantId,
                weeklyDemandOnGrid(
                  (historiesByProduct.get(productId) ?? []).filter((h) => h.variantId === v.variantId),
                  liftHistory.series.firstWeekStartDay,
                  liftHistory.series.weeks,
                ),
              ]),
            ),
            liftHistory.series,
            Math.max(1, profile.lift.volumeLagWeeks),
          )
        : new Map<string, number>();
    // Restock preference between variants: a clear gap in how the variants are received.
    const preferences =
      rows && profile
        ? variantPreferenceShifts(
            rows.byVariant,
            variants.map((v) => v.variantId),
            settings.mix,
          )
        : null;
    let preferenceStartDay: number | null = null;
    if (rows)
      for (const list of rows.byVariant.values())
        for (const row of list) {
          const d = dayNumberFromIsoDate(row.weekStart);
          if (d !== null && (preferenceStartDay === null || d < preferenceStartDay)) preferenceStartDay = d;
        }
    const tier = profile?.tier ?? null;
    const productWarnings = profile ? profile.lift.warnings : [];
    const productFlags = profile ? profile.lift.flags : [];
    const noSentimentAssumption =
      policy === "pulse" && !profile
        ? ["No product-wide sentiment for complete weeks: planned from sales alone."]
        : [];

    const emit = (
      candidate: GuardrailCandidate & {
        variant: VariantRecord | null;
        locationId: string | null;
        toLocationId?: string | null;
      },
      explanation: Explanation,
      extra: { dueAt?: string | null; warnings?: string[]; flags?: string[] } = {},
    ) => {
      const history = candidate.variant
        ? guardrailHistory(
            past,
            candidate.variant.variantId,
            candidate.toLocationId ?? candidate.locationId,
            candidate.kind,
          )
        : {
            lastAdjustedAtMs: null,
            historicalMinUnits: null,
            historicalMaxUnits: null,
            deltaUnitsLast24h: 0,
          };
      const outcome = applyGuardrails(candidate, history, settings, now);
      const variantId = candidate.variant?.variantId ?? null;
      proposals.push({
        idempotencyKey: proposalIdempotencyKey({
          cycleId,
          kind: candidate.kind,
          variantId,
          productId,
          locationId: candidate.locationId,
          toLocationId: candidate.toLocationId ?? null,
        }),
        cycleId,
        kind: candidate.kind,
        productId,
        variantId,
        locationId: candidate.locationId,
        toLocationId: candidate.toLocationId ?? null,
        supplierId: candidate.variant?.supplierId ?? null,
        currentUnits: round2(candidate.currentUnits),
        proposedUnits: round2(outcome.proposedUnits),
        deltaUnits: round2(outcome.deltaUnits),
        speculative: candidate.speculative,
        tier,
        dueAt: extra.dueAt ?? null,
        disposition: outcome.disposition,
        decisiveRule: outcome.decisiveRule,
        rulesApplied: outcome.rulesApplied,
        warnings: extra.warnings ?? productWarnings,
        flags: extra.flags ?? productFlags,
        explanation,
      });
    };

    // Product-level tasks: aspects route complaints; the tier asks marketing or product for a look.
    if (profile) {
      const taskActions = new Map<
        ProposalKind,
        { actions: string[]; dueAt: string | null; mentions: number }
      >();
      const addTask = (kind: ProposalKind, action: string, dueAt: string | null, mentions: number) => {
        const task = taskActions.get(kind) ?? { actions: [], dueAt: null, mentions: 0 };
        task.actions.push(action);
        task.dueAt = task.dueAt ?? dueAt;
        task.mentions += mentions;
        taskActions.set(kind, task);
      };
      for (const task of profile.tasks) addTask(task.kind, task.action, task.dueAt, task.negativeMentions);
      if (tier === "marketing_focus")
        addTask(
          "marketing_task",
          "Sentiment moved ≥ 10 points this week: focus marketing on this product.",
          null,
          0,
        );
      if (tier === "product_line_review")
        addTask("product_task", "Sentiment moved ≥ 30 points this week: review the product line.", null, 0);
      for (const [kind, task] of [...taskActions.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        emit(
          {
            kind,
            variant: null,
            locationId: null,
            currentUnits: 0,
            proposedUnits: 0,
            referenceUnits: 0,
            stepUnits: 1,
            isNewProductLine: false,
            speculative: false,
          },
          {
            inputs: {
              indexChangePoints: round2(profile.indexChangePoints),
              negativeMentions: task.mentions,
              tier,
            },
            formula:
              "Design complaints → marketing content; function → product fix; service → support within 24 h; a 10-point weekly move → marketing focus, 30 points → product line review.",
            result: { action: task.actions.join(" "), dueAt: task.dueAt },
            assumptions: [],
          },
          { dueAt: task.dueAt, warnings: [], flags: [] },
        );
      }
    }

    const mixInputs: {
      variant: VariantRecord;
      params: ResolvedReplenishmentParameters;
      plannedUnits: number;
      dailyDemand: number;
      incoming: number;
      multiplier: number;
      assumptions: string[];
    }[] = [];

    for (const variant of variants) {
      const params = resolveReplenishmentParameters(settings, productId, variant.supplierId);
      if (!params.ok) {
        for (const e of params.error) settingsErrors.set(`${e.scope}|${e.setting}`, e);
        continue;
      }
      const p = params.value;
      const z = serviceLevelZ(
        p.serviceLevel,
        p.source.serviceLevel === "shop"
          ? "shop"
          : `${p.source.serviceLevel}:${p.source.serviceLevel === "product" ? productId : variant.supplierId}`,
      );
      if (!z.ok) {
        settingsErrors.set(`${z.error.scope}|serviceLevel`, z.error);
        continue;
      }
      const variantAssumptions: string[] = [...noSentimentAssumption];
      if (p.source.leadTimeDays === "shop") {
        variantAssumptions.push(
          variant.supplierId
            ? `No lead time set for this product or supplier ${variant.supplierId}: used the shop default of ${p.leadTimeDays} days.`
            : `No supplier or lead time recorded: used the shop default lead time of ${p.leadTimeDays} days.`,
        );
      }
      const locationIds = [...(locationsByVariant.get(variant.variantId) ?? [])].sort();
      const lift = profile?.lift ?? null;
      // The part of the lift above or below 1 that this variant carries (its share of the praise
      // over its share of sales; 1 without enough variant-level talk).
      const liftShare = variantShares.get(variant.variantId) ?? 1;
      const rawPreferenceShift = preferences?.get(variant.variantId)?.shiftFraction ?? 0;
      // Only the part of the shift sales have not shown yet: growth since the variant talk began.
      const preferenceShift =
        rawPreferenceShift !== 0 && preferenceStartDay !== null
          ? remainingPreferenceShift(
              rawPreferenceShift,
              salesGrowthSince(
                (historiesByProduct.get(productId) ?? []).filter((h) => h.variantId === variant.variantId),
                preferenceStartDay,
                today,
                settings.forecast.velocityWindowDays,
              ),
            )
          : rawPreferenceShift;
      const maxReview = Math.max(
        settings.elasticity.defaultReviewPeriodDays,
        ...Object.values(settings.elasticity.reviewPeriodDays),
      );
      const forecastHorizon = Math.max(horizonDays, Math.ceil(p.leadTimeDays + maxReview));
      const plans: LocationPlan[] = [];

      for (const locationId of locationIds) {
        const assumptions = [...variantAssumptions];
        const inventory = inventoryByKey.get(key(variant.variantId, locationId));
        const history = salesByKey.get(key(variant.variantId, locationId));
        if (!inventory)
          assumptions.push(
            "Sales recorded but no inventory record at this location: assumed 0 available and 0 incoming.",
          );
        let available = inventory ? inventory.availableUnits : 0;
        if (!Number.isFinite(available)) {
          assumptions.push("Available quantity was not a number: assumed 0.");
          available = 0;
        } else if (available < 0) {
          assumptions.push(`Available is ${available}: oversold units are counted as backorders to cover.`);
        } else if (available === 0 && inventory) {
          assumptions.push("Nothing available at this location now.");
        }
        let incoming = inventory ? inventory.incomingUnits : 0;
        if (!Number.isFinite(incoming) || incoming < 0) {
          if (inventory) assumptions.push(`Incoming quantity ${String(incoming)} is not usable: assumed 0.`);
          incoming = 0;
        }
        const rawSafety = inventory?.safetyStockUnits;
        const currentSafetyStockUnits =
          typeof rawSafety === "number" && Number.isFinite(rawSafety) && rawSafety > 0 ? rawSafety : 0;
        const forecast = forecastDemand(
          history ?? {
            variantId: variant.variantId,
            locationId,
            firstDay: isoDateFromDayNumber(today),
            unitsSold: [],
            inStock: [],
          },
          today,
          forecastHorizon,
          settings.forecast,
        );
        assumptions.push(...forecast.assumptions);
        const regionCode = regionOf.get(locationId) ?? null;
        if (regionCode === null && profile && profile.regionalChangePoints.size > 0) {
          assumptions.push("Location has no region: used the product-wide sentiment.");
        }
        const regionalChange = profile
          ? regionCode !== null
            ? profile.regionalChangePoints.get(regionCode)
            : undefined
          : undefined;
        let multiplier = 1;
        if (lift) {
          const productOrRegion =
            regionalChange === undefined
              ? lift.multiplier
              : regionalMultiplier(lift, regionalChange, settings.lift);
          multiplier = Math.min(
            settings.lift.maxMultiplier,
            Math.max(settings.lift.minMultiplier, 1 + (productOrRegion - 1) * liftShare),
          );
          if (preferenceShift !== 0)
            multiplier = Math.min(
              settings.lift.maxMultiplier,
              Math.max(settings.lift.minMultiplier, multiplier * (1 + preferenceShift)),
            );
        }
        const position = available + incoming;
        const context = {
          forecast,
          leadTimeDays: p.leadTimeDays,
          serviceLevelZ: z.value,
          reviewPeriodDays: settings.elasticity.defaultReviewPeriodDays,
          inventoryPositionUnits: position,
          casePackUnits: p.casePackUnits,
          moqUnits: p.moqUnits,
        };
        const blindPlan = sentimentBlindPolicy(context);
        const elasticity = profile
          ? assessElasticity(
              profile.volatility,
              profile.propagationSpeed,
              forecast.meanDailyUnits * multiplier,
              blindPlan.safetyStockUnits +
                (forecast.meanDailyUnits * settings.elasticity.defaultReviewPeriodDays) / 2,
              settings.elasticity,
            )
          : null;
        const outlook = options.demandOutlook?.(
          variant.variantId,
          locationId,
          p.leadTimeDays + settings.elasticity.defaultReviewPeriodDays,
        );
        const plan =
          typeof outlook === "number" && Number.isFinite(outlook) && forecast.meanDailyUnits > 0
            ? // The forecast's shape (weekdays, interval) scaled to the known level, nothing else changed.
              sentimentAwarePolicy(context, {
                demandMultiplier: Math.max(0, outlook) / forecast.meanDailyUnits,
                // Knowing the level does not make daily sales swing more.
                sigmaMultiplier: 1,
                riskFactor: 1,
                reviewPeriodDays: settings.elasticity.defaultReviewPeriodDays,
              })
            : profile && elasticity
              ? sentimentAwarePolicy(context, {
                  demandMultiplier: multiplier,
                  riskFactor: elasticity.elasticityClass === "traditional" ? 1 : profile.riskFactor,
                  reviewPeriodDays: elasticity.reviewPeriodDays,
                })
              : blindPlan;
        plans.push({
          locationId,
          regionCode,
          availableUnits: available,
          incomingUnits: incoming,
          positionUnits: position,
          currentSafetyStockUnits,
          forecast,
          velocityUnitsPerDay: history
            ? demandVelocity(history, settings.forecast.velocityWindowDays, today).unitsPerDay
            : 0,
          plan,
          blindPlan,
          multiplier,
          regionalChangePoints: regionalChange ?? profile?.lift.pendingChangePoints ?? 0,
          elasticity,
          assumptions,
        });
      }

      // Transfers move stock between regions before buying more of it.
      const transferredIn = new Map<string, number>();
      const transferredOut = new Map<string, number>();
      if (profile && profile.regionalChangePoints.size > 0) {
        const transfers = planTransfers(
          plans.map((lp) => ({
            locationId: lp.locationId,
            inventoryPositionUnits: lp.positionUnits,
            availableUnits: lp.availableUnits,
            reorderPointUnits: lp.plan.reorderPointUnits,
            orderUpToUnits: lp.plan.orderUpToUnits,
            needUnits: lp.plan.needUnits,
            regionalChangePoints: lp.regionalChangePoints,
          })),
          settings.regional,
        );
        for (const t of transfers) {
          const destination = plans.find((lp) => lp.locationId === t.toLocationId) as LocationPlan;
          transferredIn.set(t.toLocationId, (transferredIn.get(t.toLocationId) ?? 0) + t.units);
          transferredOut.set(t.fromLocationId, (transferredOut.get(t.fromLocationId) ?? 0) + t.units);
          emit(
            {
              kind: "transfer",
              variant,
              locationId: t.fromLocationId,
              toLocationId: t.toLocationId,
              currentUnits: destination.positionUnits,
              proposedUnits: destination.positionUnits + t.units,
              referenceUnits: destination.blindPlan.orderUpToUnits,
              stepUnits: 1,
              isNewProductLine: variant.isNewProductLine === true,
              speculative: false,
            },
            {
              inputs: {
                fromLocationId: t.fromLocationId,
                toLocationId: t.toLocationId,
                destinationPositionUnits: round2(destination.positionUnits),
                destinationNeedUnits: round2(destination.plan.needUnits),
                destinationRegionalChangePoints: round2(destination.regionalChangePoints),
              },
              formula: TRANSFER_FORMULA,
              result: { transferUnits: t.units, reason: t.reason },
              assumptions: destination.assumptions,
            },
          );
        }
      }

      let variantPlannedUnits = 0;
      let variantDailyDemand = 0;
      let variantIncoming = 0;
      for (const lp of plans) {
        const { plan, blindPlan, forecast } = lp;
        const inputs = {
          locationId: lp.locationId,
          regionCode: lp.regionCode,
          availableUnits: round2(lp.availableUnits),
          incomingUnits: round2(lp.incomingUnits),
          inventoryPositionUnits: round2(lp.positionUnits),
          forecastMethod: forecast.method,
          dailyDemandUnits: round2(forecast.meanDailyUnits),
          sigmaDailyDemandUnits: round2(forecast.sigmaDailyUnits),
          excludedOutOfStockDays: forecast.excludedOutOfStockDays,
          leadTimeDays: p.leadTimeDays,
          leadTimeSource: p.source.leadTimeDays,
          serviceLevel: p.serviceLevel,
          serviceLevelZ: round2(z.value),
          sentimentMultiplier: round2(plan.demandMultiplier),
          variantPreferenceShiftPercent: round2(preferenceShift * 100),
          sentimentRiskFactor: round2(plan.riskFactor),
          validityIndexPercent: profile?.lift.validity.validityIndexPercent ?? null,
          validityStatus: profile?.lift.validity.status ?? null,
          elasticityCoefficient: lp.elasticity ? round2(lp.elasticity.coefficient) : null,
          elasticityClass: lp.elasticity?.elasticityClass ?? null,
          reviewPeriodDays: plan.reviewPeriodDays,
          casePackUnits: p.casePackUnits,
          moqUnits: p.moqUnits,
        };
        const needAfterTransfer = Math.max(0, plan.needUnits - (transferredIn.get(lp.locationId) ?? 0));
        const orderUnits = roundToSupplierTerms(needAfterTransfer, p.casePackUnits, p.moqUnits);
        const restockResult = {
          reorderPointUnits: round2(plan.reorderPointUnits),
          orderUpToUnits: round2(plan.orderUpToUnits),
          safetyStockUnits: round2(plan.safetyStockUnits),
          needUnits: round2(needAfterTransfer),
          orderUnits,
          salesOnlyReorderPointUnits: round2(blindPlan.reorderPointUnits),
          salesOnlyOrderUnits: blindPlan.orderUnits,
        };
        const isNewProductLine = variant.isNewProductLine === true;
        if (orderUnits > 0) {
          emit(
            {
              kind: "restock",
              variant,
              locationId: lp.locationId,
              currentUnits: lp.positionUnits,
              proposedUnits: lp.positionUnits + orderUnits,
              referenceUnits: blindPlan.orderUpToUnits,
              stepUnits: p.casePackUnits,
              isNewProductLine,
              speculative: false,
            },
            { inputs, formula: RESTOCK_FORMULA, result: restockResult, assumptions: lp.assumptions },
          );
        } else if (
          profile &&
          !profile.lift.influencerDriven &&
          profile.lift.validity.status !== "over_reaction"
        ) {
          const speculativeNeed = prePositionUnits(
            {
              regionalChangePoints: lp.regionalChangePoints,
              liftedOrderUpToUnits: plan.orderUpToUnits,
              blindOrderUpToUnits: blindPlan.orderUpToUnits,
              inventoryPositionUnits: lp.positionUnits,
            },
            settings.regional,
          );
          // Smaller on purpose: whole cases but no MOQ top-up, which would turn a hedge into a bet.
          const units = roundToSupplierTerms(speculativeNeed, p.casePackUnits, 0);
          if (units > 0) {
            emit(
              {
                kind: "restock",
                variant,
                locationId: lp.locationId,
                currentUnits: lp.positionUnits,
                proposedUnits: lp.positionUnits + units,
                referenceUnits: blindPlan.orderUpToUnits,
                stepUnits: p.casePackUnits,
                isNewProductLine,
                speculative: true,
              },
              {
                inputs: {
                  ...inputs,
                  regionalChangePoints: round2(lp.regionalChangePoints),
                  prePositionFraction: settings.regional.prePositionFraction,
                },
                formula: PRE_POSITION_FORMULA,
                result: {
                  ...restockResult,
                  salesOnlyOrderUpToUnits: round2(blindPlan.orderUpToUnits),
                  prePositionUnits: units,
                },
                assumptions: lp.assumptions,
              },
            );
          }
        }

        const proposedSafety = Math.ceil(plan.safetyStockUnits - 1e-9);
        if (proposedSafety !== lp.currentSafetyStockUnits) {
          emit(
            {
              kind: "safety_stock",
              variant,
              locationId: lp.locationId,
              currentUnits: lp.currentSafetyStockUnits,
              proposedUnits: proposedSafety,
              referenceUnits: blindPlan.safetyStockUnits,
              stepUnits: 1,
              isNewProductLine,
              speculative: false,
            },
            {
              inputs,
              formula: SAFETY_STOCK_FORMULA,
              result: {
                safetyStockUnits: proposedSafety,
                salesOnlySafetyStockUnits: round2(blindPlan.safetyStockUnits),
              },
              assumptions: lp.assumptions,
            },
          );
        }

        const dailyDemand = forecast.meanDailyUnits * plan.demandMultiplier;
        const positionAfterTransfers = lp.positionUnits - (transferredOut.get(lp.locationId) ?? 0);
        // Cancelling is hard to undo (a new order waits a whole lead time), so the overstock test reads
        // the more generous of the forecast and the in-stock velocity: a quiet week on a slow seller
        // drags Holt-Winters down, not what customers will want over the next eight weeks.
        const coverDailyDemand =
          Math.max(forecast.meanDailyUnits, lp.velocityUnitsPerDay) * plan.demandMultiplier;
        const keepUnits = overstockKeepUnits(
          plan.orderUpToUnits,
          coverDailyDemand,
          settings.overstock.maxCoverDays,
          p.casePackUnits,
        );
        const excess = cancellableExcessUnits(
          positionAfterTransfers,
          keepUnits,
          lp.incomingUnits,
          p.casePackUnits,
        );
        if (forecast.method !== "no_data" && excess > 0) {
          const proposedIncoming = Math.max(0, lp.incomingUnits - excess);
          if (proposedIncoming < lp.incomingUnits) {
            emit(
              {
                kind: "reduce",
                variant,
                locationId: lp.locationId,
                currentUnits: lp.incomingUnits,
                proposedUnits: proposedIncoming,
                referenceUnits: lp.incomingUnits,
                stepUnits: 1,
                isNewProductLine,
                speculative: false,
              },
              {
                inputs: {
                  ...inputs,
                  maxCoverDays: settings.overstock.maxCoverDays,
                  velocityUnitsPerDay: round2(lp.velocityUnitsPerDay),
                },
                formula: REDUCE_FORMULA,
                result: {
                  keepUnits: round2(keepUnits),
                  excessUnits: excess,
                  proposedIncomingUnits: proposedIncoming,
                },
                assumptions: lp.assumptions,
              },
            );
          }
        }

        variantPlannedUnits +=
          forecastUnitsOverDays(forecast, horizonDays) * plan.demandMultiplier +
          plan.safetyStockUnits -
          lp.positionUnits;
        variantDailyDemand += dailyDemand;
        variantIncoming += lp.incomingUnits;
      }
      if (variant.supplierId && plans.length > 0) {
        mixInputs.push({
          variant,
          params: p,
          plannedUnits: Math.max(0, variantPlannedUnits),
          dailyDemand: variantDailyDemand,
          incoming: variantIncoming,
          multiplier: plans.reduce((s, lp) => s + lp.multiplier, 0) / plans.length,
          assumptions: variantAssumptions,
        });
      }
    }

    // Supplier orders for the horizon, with the product's mix shifted toward well-received variants.
    if (mixInputs.length > 0) {
      const mix = profile
        ? shiftVariantMix(
            mixInputs.map((m) => ({
              variantId: m.variant.variantId,
              weightedIndex: profile.variantIndex.get(m.variant.variantId) ?? null,
              dailyDemandUnits: m.dailyDemand,
              plannedUnits: m.plannedUnits,
            })),
            settings.mix,
          )
        : null;
      mixInputs.forEach((m, i) => {
        const shift = mix?.shifts[i];
        const horizonUnits = shift ? shift.shiftedUnits : m.plannedUnits;
        const split = splitSupplierQuantity(
          horizonUnits,
          settings.supplier.basePercent,
          m.params.casePackUnits,
          m.params.moqUnits,
        );
        if (split.baseUnits <= 0) return;
        const supplierId = m.variant.supplierId as string;
        emit(
          {
            kind: "supplier_order",
            variant: m.variant,
            locationId: null,
            currentUnits: m.incoming,
            proposedUnits: m.incoming + split.baseUnits,
            referenceUnits: m.plannedUnits,
            stepUnits: m.params.casePackUnits,
            isNewProductLine: m.variant.isNewProductLine === true,
            speculative: false,
          },
          {
            inputs: {
              supplierId,
              horizonDays,
              plannedHorizonUnits: round2(m.plannedUnits),
              mixShiftPercent: shift ? shift.shiftPercent : 0,
              mixPreferenceScore: shift ? round2(shift.preferenceScore) : 0,
              basePercent: settings.supplier.basePercent,
              casePackUnits: m.params.casePackUnits,
              moqUnits: m.params.moqUnits,
              sentimentMultiplier: round2(m.multiplier),
            },
            formula: SUPPLIER_FORMULA,
            result: {
              horizonUnits: split.horizonUnits,
              baseUnits: split.baseUnits,
              flexUnits: split.flexUnits,
              mixExplanation: mix ? mix.explanation : null,
            },
            assumptions: m.assumptions,
          },
        );
        const last = proposals[proposals.length - 1] as Proposal;
        if (last.disposition !== "suppressed") {
          supplierLines.push({
            supplierId,
            productId,
            variantId: m.variant.variantId,
            sku: m.variant.sku ?? null,
            title: m.variant.title ?? null,
            baseUnits: Math.max(0, last.deltaUnits),
            flexUnits: split.flexUnits,
            casePackUnits: m.params.casePackUnits,
            moqUnits: m.params.moqUnits,
          });
        }
      });
    }
  }

  return ok({
    cycleId,
    generatedAt: now.toISOString(),
    policy,
    proposals,
    alerts,
    supplierOrderDrafts: groupSupplierOrderDrafts(supplierLines, cycleId),
    settingsErrors: [...settingsErrors.values()],
    notes,
  });
}
