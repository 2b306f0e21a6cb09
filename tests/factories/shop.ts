import { db } from "~/db.server";

let counter = 0;

/** A shop row with sensible defaults; pass overrides for what the test is about. */
export function createTestShop(overrides: { domain?: string; timezone?: string } = {}) {
  counter += 1;
  return db().shop.create({
    data: {
      domain: overrides.domain ?? `factory-shop-${counter}.myshopify.com`,
      name: "Factory Shop",
      timezone: overrides.timezone ?? "UTC",
      currencyCode: "USD",
    },
  });
}

/** An offline session for a shop, as the OAuth/token exchange would store it. */
export function createTestSession(shop: string, overrides: { id?: string; isOnline?: boolean } = {}) {
  return db().session.create({
    data: {
      id: overrides.id ?? `offline_${shop}`,
      shop,
      state: "state",
      isOnline: overrides.isOnline ?? false,
      scope: "read_products,write_inventory",
      accessToken: "shpat_test",
    },
  });
}
