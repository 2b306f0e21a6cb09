import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

// Bulk writes of a store snapshot (the demo seed today; the bulk-operation full sync reuses them).
// createMany in chunks keeps each statement under SQLite's bound-parameter limit.
const CHUNK = 500;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export const insertLocations = (rows: Prisma.LocationCreateManyInput[]) =>
  inChunks(rows, (chunk) => db().location.createMany({ data: chunk }));
export const insertProducts = (rows: Prisma.ProductCreateManyInput[]) =>
  inChunks(rows, (chunk) => db().product.createMany({ data: chunk }));
export const insertVariants = (rows: Prisma.VariantCreateManyInput[]) =>
  inChunks(rows, (chunk) => db().variant.createMany({ data: chunk }));
export const insertInventoryLevels = (rows: Prisma.InventoryLevelCreateManyInput[]) =>
  inChunks(rows, (chunk) => db().inventoryLevel.createMany({ data: chunk }));
export const insertSalesDaily = (rows: Prisma.SalesDailyCreateManyInput[]) =>
  inChunks(rows, (chunk) => db().salesDaily.createMany({ data: chunk }));
export const insertSources = (rows: Prisma.SourceCreateManyInput[]) =>
  inChunks(rows, (chunk) => db().source.createMany({ data: chunk }));
export const insertKeywords = (rows: Prisma.KeywordCreateManyInput[]) =>
  inChunks(rows, (chunk) => db().keyword.createMany({ data: chunk }));
export const insertMentions = (rows: Prisma.MentionCreateManyInput[]) =>
  inChunks(rows, (chunk) => db().mention.createMany({ data: chunk }));

export function createShop(data: Prisma.ShopCreateInput) {
  return db().shop.create({ data });
}

export function storeSession(data: Prisma.SessionCreateInput) {
  return db().session.upsert({ where: { id: data.id }, create: data, update: data });
}

export async function countShopRows(
  domain: string,
): Promise<{ exists: boolean; products: number; mentions: number }> {
  const shop = await db().shop.findUnique({ where: { domain }, select: { id: true } });
  if (!shop) return { exists: false, products: 0, mentions: 0 };
  const [products, mentions] = await Promise.all([
    db().product.count({ where: { shopId: shop.id } }),
    db().mention.count({ where: { shopId: shop.id } }),
  ]);
  return { exists: true, products, mentions };
}
