import type { QuantityName, ScenarioInventoryLevel, ScenarioProduct } from "~/demo/scenario/types";
import type { FakeAdminSeed } from "./store";

/** Ids of the fixture's objects, for tests to refer to. */
export const FIXTURE_IDS = {
  locations: {
    usEast: "gid://shopify/Location/1",
    usWest: "gid://shopify/Location/2",
    eu: "gid://shopify/Location/3",
  },
  products: {
    sunglasses: "gid://shopify/Product/101",
    tracker: "gid://shopify/Product/102",
    shelf: "gid://shopify/Product/103",
    necklace: "gid://shopify/Product/104",
    earbuds: "gid://shopify/Product/105",
  },
  variants: {
    sunglassesCoral: "gid://shopify/ProductVariant/1011",
    sunglassesOcean: "gid://shopify/ProductVariant/1012",
    sunglassesSand: "gid://shopify/ProductVariant/1013",
    tracker: "gid://shopify/ProductVariant/1021",
  },
  inventoryItems: {
    sunglassesCoral: "gid://shopify/InventoryItem/5011",
    sunglassesOcean: "gid://shopify/InventoryItem/5012",
    sunglassesSand: "gid://shopify/InventoryItem/5013",
    tracker: "gid://shopify/InventoryItem/5021",
    shelf: "gid://shopify/InventoryItem/5031",
    necklace: "gid://shopify/InventoryItem/5041",
    earbuds: "gid://shopify/InventoryItem/5051",
  },
} as const;

function product(
  n: number,
  title: string,
  status: ScenarioProduct["status"],
  updatedAt: string,
  variants: { title: string; sku: string; price: string }[],
): ScenarioProduct {
  const colourOption = variants.length > 1 || variants[0]!.title !== "Default Title";
  return {
    id: `gid://shopify/Product/${n}`,
    title,
    handle: title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
    vendor: "Tidewater Supply",
    productType: "Accessories",
    tags: ["fixture"],
    status,
    createdAt: "2026-01-05T10:00:00Z",
    updatedAt,
    options: [{ name: colourOption ? "Color" : "Title", values: variants.map((v) => v.title) }],
    variants: variants.map((v, index) => ({
      id: `gid://shopify/ProductVariant/${n * 10 + index + 1}`,
      title: v.title,
      sku: v.sku,
      price: v.price,
      unitCost: (Number(v.price) * 0.4).toFixed(2),
      selectedOptions: [{ name: colourOption ? "Color" : "Title", value: v.title }],
      inventoryItemId: `gid://shopify/InventoryItem/${n * 10 + index + 1 + 4000}`,
      position: index + 1,
    })),
    story: "ordinary",
    sentimentLed: false,
  };
}

function level(
  inventoryItemId: string,
  locationId: string,
  q: Partial<Record<QuantityName, number>>,
): ScenarioInventoryLevel {
  const available = q.available ?? 0;
  const committed = q.committed ?? 0;
  const reserved = q.reserved ?? 0;
  const safetyStock = q.safety_stock ?? 0;
  return {
    inventoryItemId,
    locationId,
    quantities: {
      available,
      committed,
      reserved,
      safety_stock: safetyStock,
      incoming: q.incoming ?? 0,
      on_hand: available + committed + reserved + safetyStock,
    },
    updatedAt: "2026-06-01T00:00:00Z",
  };
}

/**
 * A small store in the scenario's shape: 3 locations, 5 products (one DRAFT), 7 variants,
 * levels at every location except the shelf, which is not stocked in the EU, and 4 orders.
 * Returns a fresh copy each call so tests cannot leak state into each other.
 *
 * @example
 * const store = createFakeAdminStore(fixtureScenario());
 */
export function fixtureScenario(): FakeAdminSeed {
  const { locations: L, inventoryItems: I } = FIXTURE_IDS;
  return {
    shop: {
      domain: "pulse-fixture.myshopify.com",
      name: "Pulse Fixture Shop",
      email: "owner@pulse-fixture.example",
      timezone: "America/New_York",
      currencyCode: "USD",
      locale: "en",
    },
    locations: [
      { id: L.usEast, name: "US East warehouse", countryCode: "US", provinceCode: "NY", region: "us-east" },
      { id: L.usWest, name: "US West warehouse", countryCode: "US", provinceCode: "CA", region: "us-west" },
      { id: L.eu, name: "EU warehouse", countryCode: "DE", provinceCode: null, region: "eu" },
    ],
    products: [
      product(101, "Ocean-recycled sunglasses", "ACTIVE", "2026-06-10T12:00:00Z", [
        { title: "Coral", sku: "SUN-CORAL", price: "89.00" },
        { title: "Ocean", sku: "SUN-OCEAN", price: "89.00" },
        { title: "Sand", sku: "SUN-SAND", price: "89.00" },
      ]),
      product(102, "Smart fitness tracker", "ACTIVE", "2026-05-01T12:00:00Z", [
        { title: "Default Title", sku: "TRK-1", price: "129.00" },
      ]),
      product(103, "Modular home shelf", "DRAFT", "2026-06-20T12:00:00Z", [
        { title: "Default Title", sku: "SHELF-1", price: "240.00" },
      ]),
      product(104, "Shell pendant necklace", "ACTIVE", "2026-04-15T12:00:00Z", [
        { title: "Default Title", sku: "NECK-SHELL", price: "45.00" },
      ]),
      product(105, "Creator earbuds", "ARCHIVED", "2026-03-01T12:00:00Z", [
        { title: "Default Title", sku: "EAR-1", price: "79.00" },
      ]),
    ],
    inventoryLevels: [
      level(I.sunglassesCoral, L.usEast, { available: 12, committed: 2, safety_stock: 3, incoming: 20 }),
      level(I.sunglassesCoral, L.usWest, { available: 8 }),
      level(I.sunglassesCoral, L.eu, { available: 5 }),
      level(I.sunglassesOcean, L.usEast, { available: 30 }),
      level(I.sunglassesOcean, L.usWest, { available: 4 }),
      level(I.sunglassesOcean, L.eu, { available: 0 }),
      level(I.sunglassesSand, L.usEast, { available: 3 }),
      level(I.sunglassesSand, L.usWest, { available: 1 }),
      level(I.sunglassesSand, L.eu, { available: 9 }),
      level(I.tracker, L.usEast, { available: 40, reserved: 2 }),
      level(I.tracker, L.usWest, { available: 22 }),
      level(I.tracker, L.eu, { available: 10 }),
      level(I.shelf, L.usEast, { available: 6 }),
      level(I.shelf, L.usWest, { available: 2 }),
      level(I.necklace, L.usEast, { available: 50 }),
      level(I.necklace, L.usWest, { available: 50 }),
      level(I.necklace, L.eu, { available: 50 }),
      level(I.earbuds, L.usEast, { available: 0 }),
      level(I.earbuds, L.usWest, { available: 0 }),
      level(I.earbuds, L.eu, { available: 0 }),
    ],
    orders: [
      {
        id: "gid://shopify/Order/9001",
        name: "#1001",
        createdAt: "2026-06-01T09:00:00Z",
        processedAt: "2026-06-01T09:00:00Z",
        cancelledAt: null,
        locationId: L.usEast,
        shippingCountryCode: "US",
        lineItems: [
          { variantId: FIXTURE_IDS.variants.sunglassesCoral, quantity: 2, unitPrice: "89.00" },
          { variantId: FIXTURE_IDS.variants.tracker, quantity: 1, unitPrice: "129.00" },
        ],
      },
      {
        id: "gid://shopify/Order/9002",
        name: "#1002",
        createdAt: "2026-06-02T15:30:00Z",
        processedAt: "2026-06-02T15:30:00Z",
        cancelledAt: null,
        locationId: L.eu,
        shippingCountryCode: "DE",
        lineItems: [{ variantId: FIXTURE_IDS.variants.sunglassesSand, quantity: 1, unitPrice: "89.00" }],
      },
      {
        id: "gid://shopify/Order/9003",
        name: "#1003",
        createdAt: "2026-06-03T11:00:00Z",
        processedAt: "2026-06-03T11:00:00Z",
        cancelledAt: "2026-06-04T08:00:00Z",
        locationId: L.usWest,
        shippingCountryCode: "US",
        lineItems: [{ variantId: FIXTURE_IDS.variants.sunglassesOcean, quantity: 3, unitPrice: "89.00" }],
      },
      {
        id: "gid://shopify/Order/9004",
        name: "#1004",
        createdAt: "2026-06-05T18:45:00Z",
        processedAt: "2026-06-05T18:45:00Z",
        cancelledAt: null,
        locationId: L.usEast,
        shippingCountryCode: "US",
        lineItems: [{ variantId: FIXTURE_IDS.variants.tracker, quantity: 2, unitPrice: "119.00" }],
      },
    ],
  };
}
