/** A page of the shop's locations, including deactivated ones (a full sync marks those inactive). */
export const LOCATIONS = `#graphql
  query Locations($first: Int!, $after: String) {
    locations(first: $first, after: $after, includeInactive: true) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        isActive
        address {
          countryCode
          provinceCode
        }
      }
    }
  }
` as const;
