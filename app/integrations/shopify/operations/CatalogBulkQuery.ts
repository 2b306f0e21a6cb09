/**
 * The full-sync bulk query over the catalogue: products, their variants (options, SKU, price), each
 * variant's inventory item (cost, tracked) and its inventory levels with every named quantity Pulse
 * mirrors. Three connections nested two deep: within Shopify's bulk limits (5 connections, depth 2).
 *
 * In the JSONL, variant lines carry `__parentId` = the product id and level lines `__parentId` = the
 * variant id (the inventory item is an inline object of the variant line).
 * Sent as the `query` argument of bulkOperationRunQuery, never executed directly.
 */
export const CATALOG_BULK_QUERY = `#graphql
  query CatalogBulk {
    products {
      edges {
        node {
          id
          title
          handle
          vendor
          productType
          status
          tags
          updatedAt
          variants {
            edges {
              node {
                id
                title
                sku
                price
                position
                updatedAt
                selectedOptions {
                  name
                  value
                }
                inventoryItem {
                  id
                  tracked
                  unitCost {
                    amount
                  }
                  inventoryLevels {
                    edges {
                      node {
                        id
                        location {
                          id
                        }
                        quantities(
                          names: ["available", "on_hand", "incoming", "committed", "reserved", "safety_stock"]
                        ) {
                          name
                          quantity
                          updatedAt
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
` as const;
