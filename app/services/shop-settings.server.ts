/**
 * The merchant-editable part of Pulse's inventory settings (`Shop.settings.inventory`): what the
 * Settings page shows and how a save is checked and stored. The domain
 * (app/domain/inventory/settings.ts) owns every rule; this module only turns form fields into
 * overrides, runs the domain's validators on the merged result and writes nothing unless they pass.
 */
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "~/db.server";
import {
  DEFAULT_INVENTORY_SETTINGS,
  mergeInventorySettings,
  validateInventorySettings,
  type InventorySettings,
  type InventorySettingsOverrides,
  type ReplenishmentParameters,
  type SettingsError,
} from "~/domain/inventory/settings";
import {
  AUTO_APPLY_FIELD,
  EDITABLE_SHOP_SETTINGS,
  overrideField,
  REGION_ROWS_FIELD,
  regionRowField,
  REPLENISHMENT_PARAMETERS,
  type EditableShopSetting,
} from "./shop-settings-fields";

/** Raw form fields as the browser posts them: field name → text. */
export type SettingsFormValues = Record<string, string>;

/** What the Settings page needs to render: stored values as text, and what empty fields inherit. */
export interface SettingsPageData {
  /** Form values of the stored overrides; "" where nothing is stored (the field inherits). */
  values: SettingsFormValues;
  /** Product ids with a stored override, in title order. */
  productOverrideIds: string[];
  regionRows: { code: string; region: string }[];
  /** The values in effect, for placeholders ("inherits 14") and the autonomy rules' numbers. */
  effective: InventorySettings;
  /** Pulse's own defaults, what an empty shop-wide field falls back to. */
  defaults: InventorySettings;
  /** Distinct supplier names (Product.vendor) of the catalogue, plus those with a stored override. */
  suppliers: string[];
  /** The shop's products for the picker; `vendor` tells which supplier override a product inherits. */
  products: { id: string; title: string; vendor: string }[];
  /** Problems with what is stored now (e.g. written before the rules tightened), per form field. */
  storedErrors: Record<string, string>;
  /** Changes when the stored settings change, so the page can start again from the saved values. */
  version: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** `Shop.settings.inventory` as stored, or {} when there is none (or it is not an object). */
function storedInventoryOf(settings: unknown): JsonObject {
  return isObject(settings) && isObject(settings.inventory) ? settings.inventory : {};
}

const asText = (value: unknown) =>
  value === undefined || value === null ? "" : typeof value === "string" ? value : JSON.stringify(value);

/**
 * Returns the Settings page's data for a shop: stored overrides as form values, the values in
 * effect, the catalogue's suppliers and products, and any problem with what is stored.
 *
 * @example
 * const page = await loadSettingsPage(shop.id);
 * page.values["shopDefaults.leadTimeDays"]; // "" when the shop inherits Pulse's 14 days
 */
export async function loadSettingsPage(shopId: string): Promise<SettingsPageData> {
  const [shop, products] = await Promise.all([
    db().shop.findUniqueOrThrow({ where: { id: shopId }, select: { settings: true, updatedAt: true } }),
    db().product.findMany({
      where: { shopId, deletedAt: null },
      select: { id: true, title: true, vendor: true },
      orderBy: { title: "asc" },
    }),
  ]);
  const stored = storedInventoryOf(shop.settings);
  const values: SettingsFormValues = {};
  for (const path of EDITABLE_SHOP_SETTINGS) {
    const [group, key] = path.split(".") as [string, string];
    values[path] = asText(isObject(stored[group]) ? stored[group][key] : undefined);
  }
  const autonomy = isObject(stored.autonomy) ? stored.autonomy : {};
  values[AUTO_APPLY_FIELD] = String(
    autonomy.autoApplyEnabled === true ||
      (autonomy.autoApplyEnabled === undefined && DEFAULT_INVENTORY_SETTINGS.autonomy.autoApplyEnabled),
  );

  const storedSuppliers = isObject(stored.suppliers) ? stored.suppliers : {};
  const storedProducts = isObject(stored.products) ? stored.products : {};
  const vendors = new Set(products.map((p) => p.vendor.trim()).filter(Boolean));
  for (const id of Object.keys(storedSuppliers)) vendors.add(id);
  const suppliers = [...vendors].sort((a, b) => a.localeCompare(b));
  for (const id of suppliers) {
    const override = isObject(storedSuppliers[id]) ? storedSuppliers[id] : {};
    for (const p of REPLENISHMENT_PARAMETERS) values[overrideField("suppliers", id, p)] = asText(override[p]);
  }
  const titleOrder = new Map(products.map((p, index) => [p.id, index]));
  const productOverrideIds = Object.keys(storedProducts).sort(
    (a, b) => (titleOrder.get(a) ?? Infinity) - (titleOrder.get(b) ?? Infinity) || a.localeCompare(b),
  );
  for (const id of productOverrideIds) {
    const override = isObject(storedProducts[id]) ? storedProducts[id] : {};
    for (const p of REPLENISHMENT_PARAMETERS) values[overrideField("products", id, p)] = asText(override[p]);
  }
  const regional = isObject(stored.regional) ? stored.regional : {};
  const regionRows = Object.entries(isObject(regional.regionByCountry) ? regional.regionByCountry : {}).map(
    ([code, region]) => ({ code, region: asText(region) }),
  );

  const merged = mergeInventorySettings(stored as InventorySettingsOverrides);
  const checked = safeValidate(stored);
  return {
    values,
    productOverrideIds,
    regionRows,
    effective: merged,
    defaults: DEFAULT_INVENTORY_SETTINGS,
    suppliers,
    products: products.map((p) => ({ id: p.id, title: p.title, vendor: p.vendor.trim() })),
    storedErrors: fieldErrorsOf(checked, regionRows),
    version: shop.updatedAt.toISOString(),
  };
}

/**
 * A number field: empty → null (inherit), a finite number → that number, anything else → the text
 * trimmed, so the domain's validator names what the merchant typed ("abc") in its message.
 */
const numberField = z
  .string()
  .max(100)
  .transform((raw): number | string | null => {
    const text = raw.trim();
    if (text === "") return null;
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  });

const shopFieldsSchema = z.object({
  ...(Object.fromEntries(EDITABLE_SHOP_SETTINGS.map((path) => [path, numberField.optional()])) as Record<
    EditableShopSetting,
    z.ZodOptional<typeof numberField>
  >),
  [AUTO_APPLY_FIELD]: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  [REGION_ROWS_FIELD]: z.coerce.number().int().min(0).max(500).optional(),
});

const OVERRIDE_FIELD = /^(suppliers|products)\.(.+)\.(leadTimeDays|serviceLevel|moqUnits|casePackUnits)$/;
const REGION_FIELD = /^regional\.regionByCountry\.(\d+)\.(code|region)$/;

/** A form save turned into changes: `null` means "remove the override" (inherit). */
interface SettingsPatch {
  shop: Partial<Record<EditableShopSetting, number | string | null>>;
  autoApplyEnabled?: boolean;
  overrides: {
    kind: "suppliers" | "products";
    id: string;
    values: Partial<Record<keyof ReplenishmentParameters, number | string | null>>;
  }[];
  /**
   * Whole replacement of regional.regionByCountry, with the form row each entry came from (errors
   * are shown on that row); undefined leaves the mapping as stored.
   */
  regionRows?: { code: string; region: string; row: number }[];
}

type ParsedForm =
  | { ok: true; patch: SettingsPatch; errors: Record<string, string> }
  | { ok: false; errors: Record<string, string> };

/**
 * Parses the posted fields into a patch, with field errors for what no setting could ever hold. A
 * malformed form (not what the page sends) fails outright; a duplicate region row is reported beside
 * the domain's own findings, so the merchant sees every problem at once.
 */
function parseSettingsForm(form: SettingsFormValues): ParsedForm {
  const errors: Record<string, string> = {};
  const parsed = shopFieldsSchema.safeParse(form);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      errors[field] =
        field === REGION_ROWS_FIELD
          ? "The regional mapping was not sent completely. Reload the page and try again."
          : field === AUTO_APPLY_FIELD
            ? "Turn automatic changes on or off."
            : "Enter a number of up to 100 characters.";
    }
    return { ok: false, errors };
  }
  const { [AUTO_APPLY_FIELD]: autoApplyEnabled, [REGION_ROWS_FIELD]: regionRowCount, ...shop } = parsed.data;

  const overrides = new Map<string, SettingsPatch["overrides"][number]>();
  for (const [name, raw] of Object.entries(form)) {
    const match = OVERRIDE_FIELD.exec(name);
    if (!match) continue;
    const [, kind, id, parameter] = match as unknown as [
      string,
      "suppliers" | "products",
      string,
      keyof ReplenishmentParameters,
    ];
    const value = numberField.safeParse(raw);
    if (!value.success || id.trim() === "" || id.length > 255) {
      errors[name] = "Enter a number of up to 100 characters.";
      continue;
    }
    const key = `${kind}\u0000${id}`;
    const entry = overrides.get(key) ?? { kind, id, values: {} };
    entry.values[parameter] = value.data;
    overrides.set(key, entry);
  }

  let regionRows: SettingsPatch["regionRows"];
  if (regionRowCount !== undefined) {
    regionRows = [];
    const seen = new Map<string, number>();
    for (let index = 0; index < regionRowCount; index += 1) {
      const code = (form[`regional.regionByCountry.${index}.code`] ?? "").trim().toUpperCase();
      const region = (form[`regional.regionByCountry.${index}.region`] ?? "").trim();
      if (code === "" && region === "") continue; // an empty row is no mapping
      if (seen.has(code)) {
        errors[regionRowField(index)] =
          `${code || "This code"} is already mapped in an earlier row. Keep one row per code.`;
        continue;
      }
      seen.set(code, index);
      regionRows.push({ code, region, row: index });
    }
    // Rows beyond the count are not part of the form: a stale or hand-made post.
    for (const name of Object.keys(form)) {
      const match = REGION_FIELD.exec(name);
      if (match && Number(match[1]) >= regionRowCount)
        errors[REGION_ROWS_FIELD] =
          "The regional mapping was not sent completely. Reload the page and try again.";
    }
  }
  return {
    ok: true,
    patch: { shop, autoApplyEnabled, overrides: [...overrides.values()], regionRows },
    errors,
  };
}

/** The stored overrides with the patch applied; groups and keys the form does not edit are kept. */
function applyPatch(stored: JsonObject, patch: SettingsPatch): JsonObject {
  const next: JsonObject = { ...stored };
  const group = (name: string): JsonObject => {
    const current = next[name];
    const copy = isObject(current) ? { ...current } : {};
    next[name] = copy;
    return copy;
  };
  for (const [path, value] of Object.entries(patch.shop)) {
    if (value === undefined) continue;
    const [groupName, key] = path.split(".") as [string, string];
    const target = group(groupName);
    if (value === null) delete target[key];
    else target[key] = value;
  }
  if (patch.autoApplyEnabled !== undefined) {
    // Like an empty field, the default (off) is stored as no override at all.
    const autonomy = group("autonomy");
    if (patch.autoApplyEnabled === DEFAULT_INVENTORY_SETTINGS.autonomy.autoApplyEnabled)
      delete autonomy.autoApplyEnabled;
    else autonomy.autoApplyEnabled = patch.autoApplyEnabled;
  }
  for (const { kind, id, values } of patch.overrides) {
    const set = group(kind);
    const override: JsonObject = isObject(set[id]) ? { ...set[id] } : {};
    for (const [parameter, value] of Object.entries(values)) {
      if (value === null) delete override[parameter];
      else if (value !== undefined) override[parameter] = value;
    }
    // A supplier or product with every field empty inherits everything: no override at all.
    if (Object.keys(override).length === 0) delete set[id];
    else set[id] = override;
  }
  if (patch.regionRows) {
    group("regional").regionByCountry = Object.fromEntries(patch.regionRows.map((r) => [r.code, r.region]));
  }
  // Leave no empty groups behind: an empty group means "all defaults" either way.
  for (const [name, value] of Object.entries(next)) {
    if (isObject(value) && Object.keys(value).length === 0 && !isObject(stored[name])) delete next[name];
  }
  return next;
}

/**
 * The domain's checks of the merged settings. A group stored as something other than an object
 * cannot be merged and is reported as it is (the planning run rejects it the same way).
 */
function safeValidate(overrides: JsonObject): SettingsError[] {
  const badGroups = Object.entries(overrides).filter(([, value]) => !isObject(value));
  if (badGroups.length > 0) {
    return badGroups.map(([group, value]) => ({
      code: "invalid_setting",
      scope: "shop",
      setting: group,
      value,
      message: `The setting group ${group} must be a set of values, not ${JSON.stringify(value)}. Change it in Pulse settings.`,
    }));
  }
  const result = validateInventorySettings(mergeInventorySettings(overrides as InventorySettingsOverrides));
  return result.ok ? [] : result.error;
}

/**
 * The form field a domain error belongs to: "shopDefaults.serviceLevel" stays, a supplier or product
 * override ("leadTimeDays" in scope "product:<id>") becomes "products.<id>.leadTimeDays", a regional
 * entry ("regional.regionByCountry.DE") becomes its row. Settings the page does not edit keep their
 * dotted path, so the page lists them in its banner.
 */
function fieldOf(error: SettingsError, regionRows: readonly { code: string; row?: number }[]): string {
  const [scopeKind, ...scopeId] = error.scope.split(":");
  if (scopeKind === "product" || scopeKind === "supplier") {
    return `${scopeKind}s.${scopeId.join(":")}.${error.setting}`;
  }
  const regionPrefix = "regional.regionByCountry.";
  if (error.setting.startsWith(regionPrefix)) {
    const index = regionRows.findIndex((r) => r.code === error.setting.slice(regionPrefix.length));
    if (index >= 0) return regionRowField(regionRows[index]!.row ?? index);
  }
  return error.setting;
}

function fieldErrorsOf(
  errors: readonly SettingsError[],
  regionRows: readonly { code: string; row?: number }[],
): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of errors) {
    const field = fieldOf(error, regionRows);
    byField[field] = byField[field] ? `${byField[field]} ${error.message}` : error.message;
  }
  return byField;
}

/** Flattens overrides to `path → value` for the audit trail's list of changes. */
function flatten(value: unknown, prefix = "", into: Record<string, unknown> = {}): Record<string, unknown> {
  if (isObject(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into[prefix] = value;
  }
  return into;
}

function changesBetween(before: JsonObject, after: JsonObject) {
  const a = flatten(before);
  const b = flatten(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .sort()
    .map((setting) => ({ setting, from: a[setting] ?? null, to: b[setting] ?? null }));
}

export type UpdateInventorySettingsResult =
  | { ok: true; changes: { setting: string; from: unknown; to: unknown }[] }
  | {
      ok: false;
      /** Messages by form field ("shopDefaults.serviceLevel", "products.<id>.moqUnits", …). */
      errors: Record<string, string>;
    };

/**
 * Saves the Settings form: parses the fields into inventory overrides, merges them over the stored
 * ones, and writes `Shop.settings.inventory` (other keys of `Shop.settings` untouched) plus an
 * AuditEvent only when the domain's validators accept the merged settings. Otherwise nothing is
 * written and the domain's messages come back by form field. Empty fields remove the override, so
 * the setting inherits (supplier → shop → Pulse's default).
 *
 * @example
 * await updateInventorySettings(shop.id, { "shopDefaults.leadTimeDays": "21" }, "merchant@example.com");
 * // { ok: true, changes: [{ setting: "shopDefaults.leadTimeDays", from: null, to: 21 }] }
 * await updateInventorySettings(shop.id, { "shopDefaults.serviceLevel": "1" });
 * // { ok: false, errors: { "shopDefaults.serviceLevel": "The setting shopDefaults.serviceLevel (shop) is 1; …" } }
 */
export async function updateInventorySettings(
  shopId: string,
  formValues: SettingsFormValues,
  actor = "merchant",
): Promise<UpdateInventorySettingsResult> {
  const parsed = parseSettingsForm(formValues);
  if (!parsed.ok) return parsed;
  const shop = await db().shop.findUniqueOrThrow({
    where: { id: shopId },
    select: { settings: true, updatedAt: true },
  });
  const stored = storedInventoryOf(shop.settings);
  const next = applyPatch(stored, parsed.patch);

  // A product override is only added for a product of this shop; stored ones for products since
  // deleted may stay until the merchant removes them.
  const storedProducts = isObject(stored.products) ? stored.products : {};
  const newProductIds = parsed.patch.overrides
    .filter((o) => o.kind === "products" && !(o.id in storedProducts))
    .map((o) => o.id);
  const errors: Record<string, string> = { ...parsed.errors };
  if (newProductIds.length > 0) {
    const known = await db().product.findMany({
      where: { shopId, id: { in: newProductIds } },
      select: { id: true },
    });
    const knownIds = new Set(known.map((p) => p.id));
    for (const id of newProductIds.filter((id) => !knownIds.has(id)))
      errors[`products.${id}`] =
        "This product is not in your catalogue. Remove the row and pick the product again.";
  }
  const regionRows = parsed.patch.regionRows ?? [];
  for (const [field, message] of Object.entries(fieldErrorsOf(safeValidate(next), regionRows)))
    errors[field] = errors[field] ? `${errors[field]} ${message}` : message;
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const changes = changesBetween(stored, next);
  if (changes.length === 0) return { ok: true, changes };
  const settings = { ...(isObject(shop.settings) ? shop.settings : {}), inventory: next };
  // Written only if the row is still the one read, so a save racing another never drops its change;
  // the audit event is part of the same transaction, so there is no change without its record.
  const written = await db().$transaction(async (tx) => {
    const updated = await tx.shop.updateMany({
      where: { id: shopId, updatedAt: shop.updatedAt },
      data: { settings: settings as Prisma.InputJsonValue },
    });
    if (updated.count === 0) return false;
    await tx.auditEvent.create({
      data: {
        shopId,
        actor,
        action: "settings.inventory_updated",
        subjectType: "Shop",
        subjectId: shopId,
        details: { changes } as Prisma.InputJsonValue,
      },
    });
    return true;
  });
  if (!written) {
    return {
      ok: false,
      errors: { form: "The settings changed while you were saving. Save again to apply your changes." },
    };
  }
  return { ok: true, changes };
}
