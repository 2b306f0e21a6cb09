import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

export interface AlertWrite {
  dedupeKey: string;
  productId: string | null;
  kind: string;
  severity: string;
  week: string;
  message: string;
  details: Prisma.InputJsonValue;
}

/**
 * Creates each alert once per dedupe key; an alert still "open" gets the latest figures, one a person
 * has already handled (acknowledged, dismissed…) is left alone. Returns how many were created and updated.
 */
export async function upsertAlerts(
  shopId: string,
  alerts: readonly AlertWrite[],
): Promise<{ created: number; updated: number; keptHandled: number }> {
  const counts = { created: 0, updated: 0, keptHandled: 0 };
  for (const alert of alerts) {
    const existing = await db().alert.findUnique({
      where: { shopId_dedupeKey: { shopId, dedupeKey: alert.dedupeKey } },
      select: { status: true },
    });
    if (!existing) {
      await db().alert.upsert({
        where: { shopId_dedupeKey: { shopId, dedupeKey: alert.dedupeKey } },
        create: { shopId, ...alert },
        update: {},
      });
      counts.created++;
    } else if (existing.status === "open") {
      await db().alert.update({
        where: { shopId_dedupeKey: { shopId, dedupeKey: alert.dedupeKey } },
        data: { severity: alert.severity, message: alert.message, details: alert.details },
      });
      counts.updated++;
    } else {
      counts.keptHandled++;
    }
  }
  return counts;
}

export function listAlerts(shopId: string, options: { status?: string } = {}) {
  return db().alert.findMany({
    where: { shopId, ...(options.status ? { status: options.status } : {}) },
    orderBy: [{ week: "desc" }, { dedupeKey: "asc" }],
  });
}
