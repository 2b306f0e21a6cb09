/**
 * The simulated store: plain data produced by the seeded scenario generator and consumed by
 * the demo seeder (database), the fake Admin API (its in-memory store) and the backtest.
 * Shopify ids are GIDs in the shape the Admin API returns (gid://shopify/Product/1001).
 */

export type MentionPlatform = "instagram" | "tiktok" | "reddit" | "youtube" | "judgeme" | "shop_reviews";

export interface ScenarioShop {
  domain: string; // pulse-demo.myshopify.com
  name: string;
  email: string;
  timezone: string; // IANA, e.g. America/New_York
  currencyCode: string; // USD
  locale: string; // en
}

export interface ScenarioLocation {
  id: string; // gid://shopify/Location/N
  name: string; // "US East warehouse"
  countryCode: string; // US, DE …
  provinceCode: string | null;
  region: string; // our planning region: "us-east" | "us-west" | "eu"
}

export interface ScenarioVariant {
  id: string; // gid://shopify/ProductVariant/N
  title: string; // "Coral" or "Default Title"
  sku: string;
  price: string; // decimal string, shop currency
  unitCost: string; // decimal string
  selectedOptions: { name: string; value: string }[];
  inventoryItemId: string; // gid://shopify/InventoryItem/N
  position: number;
}

export interface ScenarioProduct {
  id: string; // gid://shopify/Product/N
  title: string;
  handle: string;
  vendor: string; // also the supplier name used by supplier orders
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  createdAt: string; // ISO
  updatedAt: string; // ISO
  options: { name: string; values: string[] }[];
  variants: ScenarioVariant[];
  /** Which story of the product definition this product tells (for docs and backtest grouping). */
  story:
    | "eco-sunglasses"
    | "ocean-jewelry"
    | "fitness-tracker"
    | "modular-shelf"
    | "kol-spike-electronics"
    | "noise"
    | "ordinary";
  /** Whether the story has sentiment leading demand (backtest's "sentimentLed"). */
  sentimentLed: boolean;
  /** Chinese name used by Chinese mentions, if any. */
  aliasZh?: string;
}

export type QuantityName = "available" | "on_hand" | "incoming" | "committed" | "reserved" | "safety_stock";

export interface ScenarioInventoryLevel {
  inventoryItemId: string;
  locationId: string;
  quantities: Record<QuantityName, number>;
  updatedAt: string;
}

export interface ScenarioOrderLine {
  variantId: string;
  quantity: number;
  unitPrice: string;
}

export interface ScenarioOrder {
  id: string; // gid://shopify/Order/N
  name: string; // "#1001"
  createdAt: string; // ISO
  processedAt: string;
  cancelledAt: string | null;
  locationId: string; // fulfilling location
  shippingCountryCode: string;
  lineItems: ScenarioOrderLine[];
}

/** Daily demand the generator simulated, including demand lost to stock-outs (for the backtest). */
export interface ScenarioDailyDemand {
  date: string; // YYYY-MM-DD in the shop's timezone
  variantId: string;
  locationId: string;
  demandUnits: number; // what customers wanted
  soldUnits: number; // what stock allowed
  inStock: boolean;
}

export interface ScenarioMention {
  externalId: string; // unique per platform
  platform: MentionPlatform;
  authorHandle: string;
  authorReachFollowers: number;
  authorAccountAgeDays: number;
  language: "en" | "zh";
  countryCode: string;
  text: string;
  url: string;
  postedAt: string; // ISO
  productId: string | null; // the product it is about (ground truth), null for industry chatter
  variantId: string | null;
  /** Ground truth tag for tests: bot burst, creator, ordinary customer. */
  authorKind: "customer" | "creator" | "bot";
  /** Ground truth: the stance the generator wrote the text with (for scorer evaluation and tests). */
  intendedStance?: "positive" | "neutral" | "negative";
  /** Ground truth: aspects the text talks about (sentiment taxonomy names: comfort, design, installation…). */
  aspects?: string[];
  /** Ground truth: feature requests the text makes, normalised ("polarized lenses", "swim mode"). */
  featureRequests?: string[];
}

export interface ScenarioKeyword {
  term: string; // "#oceanjewelry", "eco sunglasses"
  kind: "product" | "competitor" | "industry";
  productId: string | null;
  language: "en" | "zh";
}

export interface Scenario {
  seed: number;
  shop: ScenarioShop;
  /** Inclusive start and exclusive end of the simulated order history (26 weeks). */
  historyStart: string; // ISO date
  historyEnd: string; // ISO date = "today" of the scenario
  locations: ScenarioLocation[];
  products: ScenarioProduct[];
  inventoryLevels: ScenarioInventoryLevel[];
  orders: ScenarioOrder[];
  dailyDemand: ScenarioDailyDemand[];
  mentions: ScenarioMention[];
  keywords: ScenarioKeyword[];
}
