/** The shop's name, contact email, timezone and currency, read once on install. */
export const SHOP_PROFILE = `#graphql
  query ShopProfile {
    shop {
      id
      name
      email
      myshopifyDomain
      ianaTimezone
      currencyCode
    }
  }
` as const;
