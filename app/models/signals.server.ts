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

export function countWeeklySignals(shopId: string) {
  return db().signalWeekly.count({ where: { shopId } });
}
