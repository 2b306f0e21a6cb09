import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { gid } from "../gid";
import { IDEMPOTENCY_MISMATCH_ERROR, withIdempotency } from "../idempotency";
import {
  ADJUSTABLE_QUANTITY_NAMES,
  ADJUSTMENT_REASONS,
  QUANTITY_LIMIT,
  SETTABLE_QUANTITY_NAMES,
  impliedChanges,
  isDocumentUri,
} from "../quantity-rules";
import type { InventoryAdjustmentGroupRecord, InventoryChangeRecord, InventoryLevelRecord } from "../records";
import type { Args, ResolverContext, ResolverMap } from "./context";

interface UserError {
  field: string[] | null;
  message: string;
  code: string;
}

interface AdjustmentPayload {
  inventoryAdjustmentGroup: InventoryAdjustmentGroupRecord | null;
  userErrors: UserError[];
}

/** One requested change after validation: which level, which name, by how much. */
interface PlannedChange {
  level: InventoryLevelRecord;
  name: string;
  delta: number;
  changeFromQuantity: number | null;
  ledgerDocumentUri: string | null;
}

/**
 * `changeFromQuantity` is nullable in the schema but must be present (Shopify's prose rule
 * since 2026-04), so graphql-js cannot enforce it: a coerced input object simply lacks the key
 * when the client left it out. Shopify refuses the whole request.
 */
function requireChangeFromQuantity(entries: Record<string, unknown>[], listName: string): void {
  const missing = entries.findIndex((entry) => !("changeFromQuantity" in entry));
  if (missing >= 0) {
    throw new GraphQLError(
      `changeFromQuantity must be provided for every entry of input.${listName} (pass null to skip the compare-and-swap check); missing at input.${listName}[${missing}].`,
      { extensions: { code: "BAD_REQUEST" } },
    );
  }
}

/** Finds the level for an item and location or explains, in Shopify's codes, why there is none. */
function locateLevel(
  ctx: ResolverContext,
  inventoryItemId: string,
  locationId: string,
  path: string[],
): { level: InventoryLevelRecord } | { error: UserError } {
  if (!ctx.store.inventoryItems.has(inventoryItemId)) {
    return {
      error: {
        field: [...path, "inventoryItemId"],
        message: "The specified inventory item could not be found.",
        code: "INVALID_INVENTORY_ITEM",
      },
    };
  }
  if (!ctx.store.locations.has(locationId)) {
    return {
      error: {
        field: [...path, "locationId"],
        message: "The specified location could not be found.",
        code: "INVALID_LOCATION",
      },
    };
  }
  const level = ctx.store.levelFor(inventoryItemId, locationId);
  if (!level) {
    // Shopify's message for an item not stocked at the location. The 2026-10 schema has no
    // ITEM_NOT_STOCKED_AT_LOCATION value in this mutation's error code enum, so the code
    // Shopify can actually return here is INVALID_LOCATION.
    return {
      error: {
        field: [...path, "locationId"],
        message: "The specified inventory item is not stocked at the location.",
        code: "INVALID_LOCATION",
      },
    };
  }
  return { level };
}

function validateReasonAndReference(input: Record<string, unknown>): UserError[] {
  const errors: UserError[] = [];
  if (!(ADJUSTMENT_REASONS as readonly string[]).includes(input["reason"] as string)) {
    errors.push({
      field: ["input", "reason"],
      message: `The specified reason is invalid. Valid values: ${ADJUSTMENT_REASONS.join(", ")}.`,
      code: "INVALID_REASON",
    });
  }
  const reference = input["referenceDocumentUri"] as string | null | undefined;
  if (reference != null && !isDocumentUri(reference)) {
    errors.push({
      field: ["input", "referenceDocumentUri"],
      message: "The reference document URI must be a valid URI with a scheme and content.",
      code: "INVALID_REFERENCE_DOCUMENT",
    });
  }
  return errors;
}

/** Applies planned changes (all or nothing was decided before) and records the group. */
function commit(
  ctx: ResolverContext,
  info: GraphQLResolveInfo,
  input: Record<string, unknown>,
  planned: PlannedChange[],
  idempotencyKey: string | null,
): InventoryAdjustmentGroupRecord {
  const at = ctx.store.now().toISOString();
  const groupId = gid("InventoryAdjustmentGroup", ctx.store.nextNumericId());
  const changeList: InventoryChangeRecord[] = [];
  for (const change of planned) {
    for (const implied of impliedChanges(change.name, change.delta)) {
      const level = change.level;
      level.quantities[implied.name] = (level.quantities[implied.name] ?? 0) + implied.delta;
      level.quantityUpdatedAt[implied.name] = at;
      level.updatedAt = at;
      changeList.push({
        __typename: "InventoryChange",
        name: implied.name,
        delta: implied.delta,
        inventoryItemId: level.inventoryItemId,
        locationId: level.locationId,
        ledgerDocumentUri: implied.name === change.name ? change.ledgerDocumentUri : null,
        quantityAfterChange: level.quantities[implied.name]!,
      });
    }
    ctx.store.adjustments.push({
      groupId,
      mutation: info.fieldName as "inventoryAdjustQuantities" | "inventorySetQuantities",
      name: change.name,
      inventoryItemId: change.level.inventoryItemId,
      locationId: change.level.locationId,
      delta: change.delta,
      quantityAfterChange: change.level.quantities[change.name]!,
      changeFromQuantity: change.changeFromQuantity,
      ledgerDocumentUri: change.ledgerDocumentUri,
      reason: input["reason"] as string,
      referenceDocumentUri: (input["referenceDocumentUri"] as string | null | undefined) ?? null,
      idempotencyKey,
      createdAt: at,
    });
  }
  const group: InventoryAdjustmentGroupRecord = {
    __typename: "InventoryAdjustmentGroup",
    id: groupId,
    createdAt: at,
    reason: input["reason"] as string,
    referenceDocumentUri: (input["referenceDocumentUri"] as string | null | undefined) ?? null,
    changeList,
    mutation: info.fieldName,
    idempotencyKey,
  };
  ctx.store.adjustmentGroups.set(group.id, group);
  return group;
}

function outOfRange(value: number, path: string[], field: string): UserError | null {
  if (value > QUANTITY_LIMIT) {
    return {
      field: [...path, field],
      message: `The quantity can't be higher than ${QUANTITY_LIMIT}.`,
      code: "INVALID_QUANTITY_TOO_HIGH",
    };
  }
  if (value < -QUANTITY_LIMIT) {
    return {
      field: [...path, field],
      message: `The quantity can't be lower than -${QUANTITY_LIMIT}.`,
      code: "INVALID_QUANTITY_TOO_LOW",
    };
  }
  return null;
}

function adjustQuantities(ctx: ResolverContext, info: GraphQLResolveInfo, args: Args): AdjustmentPayload {
  const input = args["input"] as Record<string, unknown>;
  const changes = input["changes"] as Record<string, unknown>[];
  requireChangeFromQuantity(changes, "changes");
  return withIdempotency<AdjustmentPayload>(
    ctx,
    info,
    args,
    () => ({ inventoryAdjustmentGroup: null, userErrors: [{ ...IDEMPOTENCY_MISMATCH_ERROR }] }),
    (key) => {
      const name = input["name"] as string;
      const errors = validateReasonAndReference(input);
      if (!(ADJUSTABLE_QUANTITY_NAMES as readonly string[]).includes(name)) {
        errors.push({
          field: ["input", "name"],
          message: `The quantity name '${name}' is not valid. Valid values: ${ADJUSTABLE_QUANTITY_NAMES.join(", ")}.`,
          code: "INVALID_QUANTITY_NAME",
        });
        // Per-change rules depend on the name; with an unknown name only that is reported.
        return { inventoryAdjustmentGroup: null, userErrors: errors };
      }
      // Validate every change against running quantities (a later change to the same level
      // sees the earlier one), then apply all or nothing.
      const running = new Map<InventoryLevelRecord, Record<string, number>>();
      const planned: PlannedChange[] = [];
      changes.forEach((change, index) => {
        const path = ["input", "changes", String(index)];
        const located = locateLevel(
          ctx,
          change["inventoryItemId"] as string,
          change["locationId"] as string,
          path,
        );
        if ("error" in located) {
          errors.push(located.error);
          return;
        }
        const ledger = (change["ledgerDocumentUri"] as string | null | undefined) ?? null;
        if (name !== "available" && ledger === null) {
          errors.push({
            field: [...path, "ledgerDocumentUri"],
            message: `A ledger document URI is required for the quantity name '${name}'.`,
            code: "INVALID_LEDGER_DOCUMENT",
          });
        } else if (ledger !== null && /^gid:\/\/shopify\//i.test(ledger)) {
          errors.push({
            field: [...path, "ledgerDocumentUri"],
            message: "The ledger document URI can't be a Shopify resource (gid://shopify/…).",
            code: "INTERNAL_LEDGER_DOCUMENT",
          });
        } else if (ledger !== null && !isDocumentUri(ledger)) {
          errors.push({
            field: [...path, "ledgerDocumentUri"],
            message: "The ledger document URI must be a valid URI with a scheme and content.",
            code: "INVALID_LEDGER_DOCUMENT",
          });
        }
        const quantities = running.get(located.level) ?? { ...located.level.quantities };
        running.set(located.level, quantities);
        const current = quantities[name] ?? 0;
        const changeFromQuantity = change["changeFromQuantity"] as number | null;
        if (changeFromQuantity !== null && changeFromQuantity !== current) {
          errors.push({
            field: [...path, "changeFromQuantity"],
            message: `The quantity has changed since it was read: changeFromQuantity is ${changeFromQuantity} but the current ${name} quantity is ${current}.`,
            code: "CHANGE_FROM_QUANTITY_STALE",
          });
        }
        const delta = change["delta"] as number;
        for (const implied of impliedChanges(name, delta))
          quantities[implied.name] = (quantities[implied.name] ?? 0) + implied.delta;
        const range = outOfRange(quantities[name]!, path, "delta");
        if (range) errors.push(range);
        planned.push({ level: located.level, name, delta, changeFromQuantity, ledgerDocumentUri: ledger });
      });
      if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
      return { inventoryAdjustmentGroup: commit(ctx, info, input, planned, key), userErrors: [] };
    },
  );
}

function setQuantities(ctx: ResolverContext, info: GraphQLResolveInfo, args: Args): AdjustmentPayload {
  const input = args["input"] as Record<string, unknown>;
  const quantities = input["quantities"] as Record<string, unknown>[];
  requireChangeFromQuantity(quantities, "quantities");
  return withIdempotency<AdjustmentPayload>(
    ctx,
    info,
    args,
    () => ({ inventoryAdjustmentGroup: null, userErrors: [{ ...IDEMPOTENCY_MISMATCH_ERROR }] }),
    (key) => {
      const name = input["name"] as string;
      const errors = validateReasonAndReference(input);
      if (!(SETTABLE_QUANTITY_NAMES as readonly string[]).includes(name)) {
        errors.push({
          field: ["input", "name"],
          message: `The quantity name '${name}' is not valid. The only accepted values are: available, on_hand.`,
          code: "INVALID_NAME",
        });
        return { inventoryAdjustmentGroup: null, userErrors: errors };
      }
      const seen = new Set<InventoryLevelRecord>();
      const planned: PlannedChange[] = [];
      quantities.forEach((entry, index) => {
        const path = ["input", "quantities", String(index)];
        const located = locateLevel(
          ctx,
          entry["inventoryItemId"] as string,
          entry["locationId"] as string,
          path,
        );
        if ("error" in located) {
          errors.push(located.error);
          return;
        }
        if (seen.has(located.level)) {
          errors.push({
            field: path,
            message: "The combination of inventoryItemId and locationId must be unique.",
            code: "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR",
          });
          return;
        }
        seen.add(located.level);
        const target = entry["quantity"] as number;
        if (target < 0) {
          errors.push({
            field: [...path, "quantity"],
            message: "The quantity can't be negative.",
            code: "INVALID_QUANTITY_NEGATIVE",
          });
        }
        const range = outOfRange(target, path, "quantity");
        if (range) errors.push(range);
        const current = located.level.quantities[name] ?? 0;
        const changeFromQuantity = entry["changeFromQuantity"] as number | null;
        if (changeFromQuantity !== null && changeFromQuantity !== current) {
          errors.push({
            field: [...path, "changeFromQuantity"],
            message: `The quantity has changed since it was read: changeFromQuantity is ${changeFromQuantity} but the current ${name} quantity is ${current}.`,
            code: "CHANGE_FROM_QUANTITY_STALE",
          });
        }
        planned.push({
          level: located.level,
          name,
          delta: target - current,
          changeFromQuantity,
          ledgerDocumentUri: null,
        });
      });
      if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
      return { inventoryAdjustmentGroup: commit(ctx, info, input, planned, key), userErrors: [] };
    },
  );
}

/** `inventoryAdjustQuantities` and `inventorySetQuantities` with Shopify's prose rules enforced. */
export const inventoryMutationResolvers: ResolverMap = {
  Mutation: {
    inventoryAdjustQuantities: (_s, args, ctx, info) => adjustQuantities(ctx, info, args),
    inventorySetQuantities: (_s, args, ctx, info) => setQuantities(ctx, info, args),
  },
};
