/**
 * The named quantities of one item at one location, read again when Shopify answers
 * CHANGE_FROM_QUANTITY_STALE so the proposal goes back to the person with the quantity as it is now.
 */
export const INVENTORY_LEVEL_QUANTITIES = `#graphql
  query InventoryLevelQuantities($inventoryItemId: ID!, $locationId: ID!, $names: [String!]!) {
    inventoryItem(id: $inventoryItemId) {
      id
      inventoryLevel(locationId: $locationId) {
        id
        quantities(names: $names) {
          name
          quantity
          updatedAt
        }
      }
    }
  }
` as const;
