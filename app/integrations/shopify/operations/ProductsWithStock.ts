/**
 * A page of variants (ordered by product title, then variant title) with the stock of each per
 * location. The home page groups them back into products.
 *
 * Why variants and not products { variants { … } }: nesting three connections (products × variants ×
 * levels) costs more than the 1,000-point single-query limit at any useful page size. Paging variants
 * stays under it with 25 variants and up to 10 locations each.
 */
export const PRODUCTS_WITH_STOCK = `#graphql
  query ProductsWithStock($first: Int!, $after: String, $query: String) {
    productVariants(first: $first, after: $after, query: $query, sortKey: FULL_TITLE) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        title
        sku
        product {
          id
          title
          status
          vendor
        }
        inventoryItem {
          id
          tracked
          inventoryLevels(first: 10) {
            nodes {
              location {
                id
                name
              }
              quantities(names: ["available", "incoming", "committed", "safety_stock"]) {
                name
                quantity
              }
            }
          }
        }
      }
    }
  }
` as const;
