/**
 * The Settings page's form contract, shared by the page (app/routes/app.settings.tsx) and the service
 * that reads the posted form (shop-settings.server.ts): which settings are editable and the field
 * names they travel under (the domain's dotted setting paths, which are also the keys errors come
 * back under). No server code here, so the browser bundle can import it.
 */
import type { ReplenishmentParameters } from "~/domain/inventory/settings";

/** The replenishment parameters, in the order the page shows them. */
export const REPLENISHMENT_PARAMETERS = [
  "leadTimeDays",
  "serviceLevel",
  "moqUnits",
  "casePackUnits",
] as const satisfies readonly (keyof ReplenishmentParameters)[];

/**
 * Shop-wide settings the page edits, as `group.key` (the domain's dotted setting path, which is also
 * the form field's name). Everything else in the inventory settings (forecast, lift, risk, mix…) is
 * tuned by Pulse and kept as stored.
 */
export const EDITABLE_SHOP_SETTINGS = [
  "shopDefaults.leadTimeDays",
  "shopDefaults.serviceLevel",
  "shopDefaults.moqUnits",
  "shopDefaults.casePackUnits",
  "autonomy.autoApplyMaxChangePercent",
  "guardrails.minIntervalHours",
  "guardrails.minMagnitudePercent",
  "guardrails.minMagnitudeUnits",
  "guardrails.maxChangeUnitsPerDecision",
  "guardrails.maxChangePercentPerDecision",
  "supplier.basePercent",
  "supplier.horizonDays",
  "alerts.negativeShareRisePercent",
  "alerts.positiveShareDropPercent",
  "alerts.marketingFocusPoints",
  "alerts.replenishmentPlanPoints",
  "alerts.productLineReviewPoints",
  "overstock.maxCoverDays",
] as const;
export type EditableShopSetting = (typeof EDITABLE_SHOP_SETTINGS)[number];

/** The auto-apply switch: a checkbox, sent as "true" or "false". */
export const AUTO_APPLY_FIELD = "autonomy.autoApplyEnabled";
/** Number of region rows sent; rows are `regional.regionByCountry.<i>.code` and `.region`. */
export const REGION_ROWS_FIELD = "regional.regionByCountry.rows";
/** Field-error key of a whole region row (the domain checks code and region together). */
export const regionRowField = (index: number) => `regional.regionByCountry.${index}`;
/** Form field of a per-supplier or per-product replenishment parameter. */
export const overrideField = (
  kind: "suppliers" | "products",
  id: string,
  parameter: keyof ReplenishmentParameters,
) => `${kind}.${id}.${parameter}`;
