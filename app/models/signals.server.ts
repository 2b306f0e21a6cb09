import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

/**
 * Replaces a shop's weekly signals for the given weeks with freshly computed rows, in one transaction,
 * so a reader never sees a half-written week.
 */
export async function replaceWeeklySignals(
  shopId: string,
  weeks: string[],
  rows: Prisma.SignalWeeklyCreateManyInput[],
): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.signalWeekly.deleteMany({ where: { shopId, week: { in: weeks } } });
    for (let i = 0; i < rows.length; i += 500) {
      await tx.signalWeekly.createMany({ data: rows.slice(i, i + 500) });
    }
  });
}

/**
 * Deletes a shop's weekly signals of the ISO weeks before `week` (exclusive) and returns how many
 * rows went. Weeks are zero-padded (`2026-W05`), so string order is week order across years.
 */
export async function deleteWeeklySignalsBefore(shopId: string, week: string): Promise<number> {
  const result = await db().signalWeekly.deleteMany({ where: { shopId, week: { lt: week } } });
  return result.count;
}

export function countWeeklySignals(shopId: string) {
  return db().signalWeekly.count({ where: { shopId } });
}

/** Product-level weekly rows (all platforms, all regions) of a shop from `fromWeek` on. */
export function listProductWeeks(shopId: string, fromWeek: string) {
  return db().signalWeekly.findMany({
    where: { shopId, variantId: null, platform: "all", region: "all", week: { gte: fromWeek } },
    orderBy: { week: "asc" },
    include: { product: { select: { id: true, title: true, handle: true } } },
  });
}

/** Weekly rows of one product: the product-level series and its per-variant series. */
export function listProductSignals(shopId: string, productId: string) {
  return db().signalWeekly.findMany({
    where: { shopId, productId, platform: "all", region: "all" },
    orderBy: { week: "asc" },
    include: { variant: { select: { id: true, title: true } } },
  });
}

export function findProduct(shopId: string, productId: string) {
  return db().product.findFirst({
    where: { shopId, id: productId },
    select: { id: true, title: true, vendor: true },
  });
}

/** Influencer authors' public display handles, for the authors a signal names by hash. */
export async function displayHandles(shopId: string, authorHashes: string[]): Promise<Map<string, string>> {
  if (authorHashes.length === 0) return new Map();
  const rows = await db().mention.findMany({
    where: { shopId, authorHash: { in: authorHashes }, authorDisplay: { not: null } },
    select: { authorHash: true, authorDisplay: true },
    distinct: ["authorHash"],
  });
  return new Map(rows.map((r) => [r.authorHash, r.authorDisplay!]));
}
