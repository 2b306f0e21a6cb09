/**
 * The rows the fake Admin store keeps. Each carries `__typename` (so abstract types such as
 * `Node` resolve) and stores scalar fields under their Admin API names, so graphql-js's default
 * "read the property" resolution answers most fields without a resolver.
 */

export interface MoneyRecord {
  amount: string;
  currencyCode: string;
}

export interface ShopRecord {
  __typename: "Shop";
  id: string;
  name: string;
  email: string;
  contactEmail: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  url: string;
  createdAt: string;
  updatedAt: string;
  /** Locale the scenario declares; not an Admin field but kept for the demo. */
  locale: string;
}

export interface LocationRecord {
  __typename: "Location";
  id: string;
  legacyResourceId: string;
  name: string;
  isActive: boolean;
  isPrimary: boolean;
  fulfillsOnlineOrders: boolean;
  shipsInventory: boolean;
  hasActiveInventory: boolean;
  isFulfillmentService: boolean;
  deactivatedAt: string | null;
  createdAt: string;
  updatedAt: string;
  countryCode: string;
  provinceCode: string | null;
  /** Pulse's planning region from the scenario ("us-east"…); not an Admin field. */
  region: string;
}

export interface ProductRecord {
  __typename: "Product";
  id: string;
  legacyResourceId: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  createdAt: string;
  updatedAt: string;
  descriptionHtml: string;
  optionList: { name: string; values: string[] }[];
  variantIds: string[];
}

export interface VariantRecord {
  __typename: "ProductVariant";
  id: string;
  legacyResourceId: string;
  title: string;
  sku: string;
  price: string;
  compareAtPrice: string | null;
  barcode: string | null;
  position: number;
  selectedOptionList: { name: string; value: string }[];
  productId: string;
  inventoryItemId: string;
  createdAt: string;
  updatedAt: string;
  inventoryPolicy: "DENY" | "CONTINUE";
  taxable: boolean;
}

export interface InventoryItemRecord {
  __typename: "InventoryItem";
  id: string;
  legacyResourceId: string;
  sku: string;
  tracked: boolean;
  requiresShipping: boolean;
  unitCostAmount: string;
  variantId: string;
  createdAt: string;
  updatedAt: string;
  countryCodeOfOrigin: string | null;
  provinceCodeOfOrigin: string | null;
  harmonizedSystemCode: string | null;
}

export interface InventoryLevelRecord {
  __typename: "InventoryLevel";
  id: string;
  inventoryItemId: string;
  locationId: string;
  /** Named quantities (available, on_hand, incoming, committed, reserved, safety_stock, …). */
  quantities: Record<string, number>;
  /** When each named quantity last changed (InventoryQuantity.updatedAt). */
  quantityUpdatedAt: Record<string, string>;
  isActive: boolean;
  canDeactivate: boolean;
  deactivationAlert: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LineItemRecord {
  __typename: "LineItem";
  id: string;
  orderId: string;
  variantId: string | null;
  productId: string | null;
  quantity: number;
  currentQuantity: number;
  unitPrice: string;
  title: string;
  name: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
}

export interface OrderRecord {
  __typename: "Order";
  id: string;
  legacyResourceId: string;
  name: string;
  number: number;
  createdAt: string;
  processedAt: string;
  updatedAt: string;
  cancelledAt: string | null;
  closed: boolean;
  test: boolean;
  currencyCode: string;
  /** The fulfilling location (exposed as the order's fulfillment order assignment). */
  locationId: string;
  shippingCountryCode: string;
  lineItemList: LineItemRecord[];
}

export type MetafieldOwnerType = "SHOP" | "PRODUCT" | "PRODUCTVARIANT" | "LOCATION" | "ORDER";

export interface MetafieldRecord {
  __typename: "Metafield";
  id: string;
  legacyResourceId: string;
  ownerId: string;
  ownerType: MetafieldOwnerType;
  namespace: string;
  key: string;
  type: string;
  value: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MetafieldDefinitionRecord {
  __typename: "MetafieldDefinition";
  id: string;
  name: string;
  namespace: string;
  key: string;
  ownerType: string;
  typeName: string;
  description: string | null;
  pinnedPosition: number | null;
  createdAt: string;
}

/** One quantity change inside an adjustment group, as `InventoryAdjustmentGroup.changes` lists it. */
export interface InventoryChangeRecord {
  __typename: "InventoryChange";
  name: string;
  delta: number;
  inventoryItemId: string;
  locationId: string;
  ledgerDocumentUri: string | null;
  quantityAfterChange: number;
}

export interface InventoryAdjustmentGroupRecord {
  __typename: "InventoryAdjustmentGroup";
  id: string;
  createdAt: string;
  reason: string;
  referenceDocumentUri: string | null;
  /** Requested changes plus the ones Shopify derives (adjusting `available` also moves `on_hand`). */
  changeList: InventoryChangeRecord[];
  /** Which mutation produced it and with which idempotency key (for tests and the demo). */
  mutation: string;
  idempotencyKey: string | null;
}

/** A flat record of one requested change, as tests read them from `store.adjustments`. */
export interface RecordedAdjustment {
  groupId: string;
  mutation: "inventoryAdjustQuantities" | "inventorySetQuantities";
  name: string;
  inventoryItemId: string;
  locationId: string;
  delta: number;
  quantityAfterChange: number;
  changeFromQuantity: number | null;
  ledgerDocumentUri: string | null;
  reason: string;
  referenceDocumentUri: string | null;
  idempotencyKey: string | null;
  createdAt: string;
}

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED";

export interface BulkOperationRecord {
  __typename: "BulkOperation";
  id: string;
  type: "QUERY";
  status: BulkOperationStatus;
  query: string;
  groupObjects: boolean;
  createdAt: string;
  completedAt: string | null;
  errorCode: string | null;
  objectCount: string;
  rootObjectCount: string;
  fileSize: string | null;
  url: string | null;
  partialDataUrl: string | null;
  /** How many times a client has polled it; each poll moves it one step forward. */
  pollCount: number;
}

export interface InventoryTransferLineItemRecord {
  __typename: "InventoryTransferLineItem";
  id: string;
  inventoryItemId: string;
  totalQuantity: number;
}

export interface InventoryTransferRecord {
  __typename: "InventoryTransfer";
  id: string;
  name: string;
  status: "DRAFT";
  originLocationId: string | null;
  destinationLocationId: string | null;
  lineItemList: InventoryTransferLineItemRecord[];
  note: string | null;
  referenceName: string | null;
  tags: string[];
  dateCreated: string;
  idempotencyKey: string | null;
}
