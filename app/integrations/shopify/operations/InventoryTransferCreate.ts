/** Creates a DRAFT transfer between two locations (moves no stock until shipped and received). */
export const INVENTORY_TRANSFER_CREATE = `#graphql
  mutation InventoryTransferCreate($input: InventoryTransferCreateInput!, $idempotencyKey: String!) {
    inventoryTransferCreate(input: $input) @idempotent(key: $idempotencyKey) {
      inventoryTransfer {
        id
        name
        status
        totalQuantity
      }
      userErrors {
        field
        message
        code
      }
    }
  }
` as const;
