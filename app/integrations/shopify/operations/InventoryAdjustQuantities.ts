/**
 * Adjusts named quantities (≤ 250 changes a call). Since 2026-04 the `@idempotent` key is required:
 * a retried or replayed call with the same key and arguments returns the first answer and changes
 * nothing again. Every change carries `changeFromQuantity` (compare-and-swap), and names other than
 * `available` a `ledgerDocumentUri`.
 */
export const INVENTORY_ADJUST_QUANTITIES = `#graphql
  mutation InventoryAdjustQuantities($input: InventoryAdjustQuantitiesInput!, $idempotencyKey: String!) {
    inventoryAdjustQuantities(input: $input) @idempotent(key: $idempotencyKey) {
      inventoryAdjustmentGroup {
        id
        createdAt
        reason
        referenceDocumentUri
        changes {
          name
          delta
          quantityAfterChange
          ledgerDocumentUri
          item {
            id
          }
          location {
            id
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
