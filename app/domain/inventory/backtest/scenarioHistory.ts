/**
 * The simulated store as a replay history: customer demand (including what stock-outs lost), the
 * catalogue grouped by story, and sentiment weeks built from its mentions by our scorer and signal
 * engine (never from the generator's ground-truth stance).
 */
import type { Scenario } from "~/demo/scenario";
import type { ScoredMention, SignalSettings } from "~/domain/signals";
import type { IssueAspect } from "../planningInput";
import type { InventorySettings, ReplenishmentParameters } from "../settings";
import { sentimentWeeksFromMentions } from "./mentionSentimentWeeks";
import type { ReplayHistory } from "./replayDataset";
import type { ReplayGroup } from "./types";

export interface ScenarioHistoryOptions {
  /** Supplier terms per product id (the merchant's settings: lead time, case pack…). */
  productTerms?: ReadonlyMap<string, Partial<ReplenishmentParameters>>;
  settings?: InventorySettings;
  signalSettings?: Partial<SignalSettings>;
  issueAspectOf?: (aspect: string) => IssueAspect | null;
}

/**
 * Returns the replay history of a simulated store. `scored` are the scenario's mentions after our
 * scorer (same ids as the caller chose, product and variant ids as in the scenario).
 *
 * @example
 * replayHistoryFromScenario(scenario, scoreAll(scenario.mentions), { productTerms }).days; // 182
 */
export function replayHistoryFromScenario(
  scenario: Scenario,
  scored: readonly ScoredMention[],
  options: ScenarioHistoryOptions = {},
): ReplayHistory {
  const first = Date.parse(`${scenario.historyStart}T00:00:00Z`);
  const end = Date.parse(`${scenario.historyEnd}T00:00:00Z`);
  const groupOfProduct = new Map<string, ReplayGroup>();
  for (const p of scenario.products)
    groupOfProduct.set(p.id, { name: p.story, sentimentLed: p.sentimentLed });
  return {
    firstDay: scenario.historyStart,
    days: Math.round((end - first) / 86_400_000),
    variants: scenario.products.flatMap((p) =>
      p.variants.map((v) => ({
        variantId: v.id,
        productId: p.id,
        supplierId: p.vendor,
        sku: v.sku,
        title: `${p.title} – ${v.title}`,
      })),
    ),
    locations: scenario.locations.map((l) => ({ locationId: l.id, regionCode: l.region })),
    dailyUnits: scenario.dailyDemand.map((d) => ({
      variantId: d.variantId,
      locationId: d.locationId,
      day: d.date,
      units: d.demandUnits,
    })),
    sentiment: sentimentWeeksFromMentions(scored, {
      signalSettings: { timeZone: scenario.shop.timezone, ...options.signalSettings },
      ...(options.issueAspectOf ? { issueAspectOf: options.issueAspectOf } : {}),
    }),
    ...(options.settings ? { settings: options.settings } : {}),
    ...(options.productTerms ? { productTerms: options.productTerms } : {}),
    groupOfProduct,
  };
}
