/** Placeholder for the orders search, replaced by {@link ordersBulkQuery} (bulk queries take no variables). */
export const ORDERS_SEARCH_PLACEHOLDER = "__PULSE_ORDERS_SEARCH__";

/**
 * The full-sync bulk query over orders, reduced to what daily sales need: when, whether cancelled,
 * which location fulfilled it, and per line the variant, units (ordered and still current after
 * refunds and edits) and unit price. No customer fields are read.
 *
 * Run with `groupObjects: true`, so each order's fulfillment-order and line-item lines follow it
 * directly and the importer can finish one order before reading the next (constant memory).
 */
export const ORDERS_BULK_QUERY = `#graphql
  query OrdersBulk {
    orders(query: "__PULSE_ORDERS_SEARCH__", sortKey: CREATED_AT) {
      edges {
        node {
          id
          createdAt
          updatedAt
          cancelledAt
          fulfillmentOrders {
            edges {
              node {
                id
                assignedLocation {
                  location {
                    id
                  }
                }
              }
            }
          }
          lineItems {
            edges {
              node {
                id
                quantity
                currentQuantity
                variant {
                  id
                }
                originalUnitPriceSet {
                  shopMoney {
                    amount
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

/**
 * The orders bulk query with a search filter (Shopify search syntax), e.g. `created_at:>='2026-09-29T00:00:00Z'`.
 *
 * @example
 * ordersBulkQuery("created_at:>='2026-09-29T00:00:00Z'");
 */
export function ordersBulkQuery(search: string): string {
  // The search sits inside a GraphQL string literal: escape it as JSON does (quotes, backslashes).
  const literal = JSON.stringify(search).slice(1, -1);
  return ORDERS_BULK_QUERY.replace(ORDERS_SEARCH_PLACEHOLDER, literal);
}
