import { gid } from "../gid";
import { IDEMPOTENCY_MISMATCH_ERROR, withIdempotency } from "../idempotency";
import type { InventoryTransferRecord } from "../records";
import type { ResolverMap } from "./context";

interface TransferPayload {
  inventoryTransfer: InventoryTransferRecord | null;
  userErrors: { field: string[] | null; message: string; code: string }[];
}

/**
 * `inventoryTransferCreate`: a DRAFT transfer between two locations. Drafts move no stock
 * (Shopify only moves quantities once a shipment is received), so levels stay as they are.
 */
export const transferMutationResolvers: ResolverMap = {
  Mutation: {
    inventoryTransferCreate: (_s, args, ctx, info) =>
      withIdempotency<TransferPayload>(
        ctx,
        info,
        args,
        () => ({ inventoryTransfer: null, userErrors: [{ ...IDEMPOTENCY_MISMATCH_ERROR }] }),
        (key) => {
          const input = args["input"] as Record<string, unknown>;
          const origin = (input["originLocationId"] as string | null | undefined) ?? null;
          const destination = (input["destinationLocationId"] as string | null | undefined) ?? null;
          const lineItems = input["lineItems"] as { inventoryItemId: string; quantity: number }[];
          const errors: TransferPayload["userErrors"] = [];
          for (const [field, id] of [
            ["originLocationId", origin],
            ["destinationLocationId", destination],
          ] as const) {
            if (id !== null && !ctx.store.locations.has(id)) {
              errors.push({
                field: ["input", field],
                message: "The location could not be found.",
                code: "LOCATION_NOT_FOUND",
              });
            }
          }
          if (origin !== null && origin === destination) {
            errors.push({
              field: ["input", "destinationLocationId"],
              message: "The origin location cannot be the same as the destination location.",
              code: "TRANSFER_ORIGIN_CANNOT_BE_THE_SAME_AS_DESTINATION",
            });
          }
          const seen = new Set<string>();
          lineItems.forEach((line, index) => {
            const path = ["input", "lineItems", String(index)];
            if (!ctx.store.inventoryItems.has(line.inventoryItemId)) {
              errors.push({
                field: [...path, "inventoryItemId"],
                message: "The inventory item could not be found.",
                code: "ITEM_NOT_FOUND",
              });
            }
            if (seen.has(line.inventoryItemId)) {
              errors.push({
                field: [...path, "inventoryItemId"],
                message: "The inventory item is listed twice.",
                code: "DUPLICATE_ITEM",
              });
            }
            seen.add(line.inventoryItemId);
            if (line.quantity <= 0) {
              errors.push({
                field: [...path, "quantity"],
                message: "The quantity must be greater than 0.",
                code: "INVALID_QUANTITY",
              });
            }
          });
          if (errors.length > 0) return { inventoryTransfer: null, userErrors: errors };
          const number = ctx.store.inventoryTransfers.size + 1;
          const transfer: InventoryTransferRecord = {
            __typename: "InventoryTransfer",
            id: gid("InventoryTransfer", ctx.store.nextNumericId()),
            name: `#T${String(number).padStart(4, "0")}`,
            status: "DRAFT",
            originLocationId: origin,
            destinationLocationId: destination,
            lineItemList: lineItems.map((line) => ({
              __typename: "InventoryTransferLineItem",
              id: gid("InventoryTransferLineItem", ctx.store.nextNumericId()),
              inventoryItemId: line.inventoryItemId,
              totalQuantity: line.quantity,
            })),
            note: (input["note"] as string | null | undefined) ?? null,
            referenceName: (input["referenceName"] as string | null | undefined) ?? null,
            tags: (input["tags"] as string[] | null | undefined) ?? [],
            dateCreated: (input["dateCreated"] as string | null | undefined) ?? ctx.store.now().toISOString(),
            idempotencyKey: key,
          };
          ctx.store.inventoryTransfers.set(transfer.id, transfer);
          return { inventoryTransfer: transfer, userErrors: [] };
        },
      ),
  },
};
