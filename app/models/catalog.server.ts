import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

export interface ProductInput {
  shopifyId: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  status: string;
  tags: string[];
  shopifyUpdatedAt: Date | null;
  variants: {
    shopifyId: string;
    shopifyInventoryItemId: string;
    title: string;
    sku: string | null;
    priceMinor: number;
    selectedOptions: { name: string; value: string }[];
    position: number;
  }[];
}

/**
 * Upserts a product and its variants. Out-of-order safe: an update older than what is stored
 * (Shopify does not guarantee webhook order) is ignored. Returns false when it was ignored.
 */
export async function upsertProduct(shopId: string, input: ProductInput): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const existing = await tx.product.findUnique({
      where: { shopId_shopifyId: { shopId, shopifyId: input.shopifyId } },
    });
    if (
      existing?.shopifyUpdatedAt &&
      input.shopifyUpdatedAt &&
      existing.shopifyUpdatedAt > input.shopifyUpdatedAt
    ) {
      return false;
    }
    const data = {
      title: input.title,
      handle: input.handle,
      vendor: input.vendor,
      productType: input.productType,
      status: input.status,
      tags: input.tags as Prisma.InputJsonValue,
      shopifyUpdatedAt: input.shopifyUpdatedAt,
      deletedAt: null,
    };
    const product = await tx.product.upsert({
      where: { shopId_shopifyId: { shopId, shopifyId: input.shopifyId } },
      create: { shopId, shopifyId: input.shopifyId, ...data },
      update: data,
    });
    for (const variant of input.variants) {
      const variantData = {
        productId: product.id,
        shopifyInventoryItemId: variant.shopifyInventoryItemId,
        title: variant.title,
        sku: variant.sku,
        priceMinor: variant.priceMinor,
        selectedOptions: variant.selectedOptions as Prisma.InputJsonValue,
        position: variant.position,
        shopifyUpdatedAt: input.shopifyUpdatedAt,
      };
      await tx.variant.upsert({
        where: { shopId_shopifyId: { shopId, shopifyId: variant.shopifyId } },
        create: { shopId, shopifyId: variant.shopifyId, ...variantData },
        update: variantData,
      });
    }
    // Variants removed in Shopify are removed here too (their history goes with them).
    await tx.variant.deleteMany({
      where: { productId: product.id, shopifyId: { notIn: input.variants.map((v) => v.shopifyId) } },
    });
    return true;
  });
}

export function markProductDeleted(shopId: string, shopifyId: string, at: Date) {
  return db().product.updateMany({
    where: { shopId, shopifyId },
    data: { deletedAt: at, status: "ARCHIVED" },
  });
}

export function upsertLocation(
  shopId: string,
  input: {
    shopifyId: string;
    name: string;
    countryCode: string | null;
    provinceCode: string | null;
    isActive: boolean;
    region?: string;
  },
) {
  const data = {
    name: input.name,
    countryCode: input.countryCode,
    provinceCode: input.provinceCode,
    isActive: input.isActive,
    ...(input.region ? { region: input.region } : {}),
  };
  return db().location.upsert({
    where: { shopId_shopifyId: { shopId, shopifyId: input.shopifyId } },
    create: { shopId, shopifyId: input.shopifyId, ...data },
    update: data,
  });
}

export function deactivateLocation(shopId: string, shopifyId: string) {
  return db().location.updateMany({ where: { shopId, shopifyId }, data: { isActive: false } });
}

/**
 * Sets the `available` quantity reported by inventory_levels/update. Ignored when older than the
 * stored level (out-of-order delivery). Returns false when the variant or location is unknown yet.
 */
export async function setAvailableQuantity(
  shopId: string,
  input: { inventoryItemId: string; locationId: string; available: number; updatedAt: Date },
): Promise<boolean> {
  const [variant, location] = await Promise.all([
    db().variant.findUnique({
      where: { shopId_shopifyInventoryItemId: { shopId, shopifyInventoryItemId: input.inventoryItemId } },
    }),
    db().location.findUnique({ where: { shopId_shopifyId: { shopId, shopifyId: input.locationId } } }),
  ]);
  if (!variant || !location) return false;
  const existing = await db().inventoryLevel.findUnique({
    where: { variantId_locationId: { variantId: variant.id, locationId: location.id } },
  });
  if (existing?.shopifyUpdatedAt && existing.shopifyUpdatedAt > input.updatedAt) return true;
  const onHandDelta = existing ? input.available - existing.available : input.available;
  await db().inventoryLevel.upsert({
    where: { variantId_locationId: { variantId: variant.id, locationId: location.id } },
    create: {
      shopId,
      variantId: variant.id,
      locationId: location.id,
      available: input.available,
      onHand: input.available,
      shopifyUpdatedAt: input.updatedAt,
    },
    update: {
      available: input.available,
      onHand: { increment: onHandDelta },
      shopifyUpdatedAt: input.updatedAt,
    },
  });
  return true;
}

export function setUnitCost(shopId: string, inventoryItemId: string, unitCostMinor: number | null) {
  return db().variant.updateMany({
    where: { shopId, shopifyInventoryItemId: inventoryItemId },
    data: { unitCostMinor },
  });
}

/** Adds sold units to the day's row for a variant at a location (creating it). */
export async function addSales(
  shopId: string,
  line: {
    variantShopifyId: string;
    locationShopifyId: string | null;
    day: string;
    units: number;
    revenueMinor: number;
  },
): Promise<boolean> {
  const variant = await db().variant.findUnique({
    where: { shopId_shopifyId: { shopId, shopifyId: line.variantShopifyId } },
  });
  const location = line.locationShopifyId
    ? await db().location.findUnique({
        where: { shopId_shopifyId: { shopId, shopifyId: line.locationShopifyId } },
      })
    : await db().location.findFirst({ where: { shopId, isActive: true }, orderBy: { createdAt: "asc" } });
  if (!variant || !location) return false;
  await db().salesDaily.upsert({
    where: { variantId_locationId_day: { variantId: variant.id, locationId: location.id, day: line.day } },
    create: {
      shopId,
      variantId: variant.id,
      locationId: location.id,
      day: line.day,
      unitsSold: line.units,
      revenueMinor: line.revenueMinor,
    },
    update: { unitsSold: { increment: line.units }, revenueMinor: { increment: line.revenueMinor } },
  });
  return true;
}

export function getShop(shopId: string) {
  return db().shop.findUnique({ where: { id: shopId } });
}
