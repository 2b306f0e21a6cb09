import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

/** Source columns the app may show or use; credentials are read only by {@link findSourceForRun}. */
const sourcePublicColumns = {
  id: true,
  shopId: true,
  kind: true,
  name: true,
  status: true,
  statusReason: true,
  config: true,
  backfillDays: true,
  pollEveryMinutes: true,
  nextRunAt: true,
  lastRunAt: true,
  lastSuccessAt: true,
  lastError: true,
  lastCounts: true,
  quota: true,
  createdAt: true,
} satisfies Prisma.SourceSelect;

export type SourceRow = Prisma.SourceGetPayload<{ select: typeof sourcePublicColumns }> & {
  hasCredentials: boolean;
};

function withoutSecret<T extends { credentialsEncrypted: string | null }>(
  row: T,
): Omit<T, "credentialsEncrypted"> & { hasCredentials: boolean } {
  const { credentialsEncrypted, ...rest } = row;
  return { ...rest, hasCredentials: credentialsEncrypted !== null };
}

/** A shop's sources, oldest first, without their credentials. */
export async function listSourceRows(shopId: string): Promise<SourceRow[]> {
  const rows = await db().source.findMany({
    where: { shopId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { ...sourcePublicColumns, credentialsEncrypted: true },
  });
  return rows.map(withoutSecret);
}

/** One source of a shop without its credentials, or null. */
export async function findSourceRow(shopId: string, sourceId: string): Promise<SourceRow | null> {
  const row = await db().source.findFirst({
    where: { id: sourceId, shopId },
    select: { ...sourcePublicColumns, credentialsEncrypted: true },
  });
  return row ? withoutSecret(row) : null;
}

/** One source with its encrypted credentials and cursor, for a sync run or a connection test. */
export function findSourceForRun(shopId: string, sourceId: string) {
  return db().source.findFirst({
    where: { id: sourceId, shopId },
    include: { shop: { select: { domain: true } } },
  });
}

/** Mentions stored per source of a shop. */
export async function countMentionsBySource(shopId: string): Promise<Map<string, number>> {
  const groups = await db().mention.groupBy({ by: ["sourceId"], where: { shopId }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.sourceId, g._count._all]));
}

export function insertSource(data: Prisma.SourceUncheckedCreateInput) {
  return db().source.create({ data, select: { id: true } });
}

/** Updates a source of a shop; false when it does not exist (or belongs to another shop). */
export async function updateSourceRow(
  shopId: string,
  sourceId: string,
  data: Prisma.SourceUncheckedUpdateManyInput,
): Promise<boolean> {
  const result = await db().source.updateMany({ where: { id: sourceId, shopId }, data });
  return result.count > 0;
}

/** Deletes a source and (by cascade) its mentions, imports and receipts. */
export async function deleteSourceRow(shopId: string, sourceId: string): Promise<boolean> {
  const result = await db().source.deleteMany({ where: { id: sourceId, shopId } });
  return result.count > 0;
}

/** Polling sources due to run: active, with a next run time that has passed. */
export function findDueSources(kinds: readonly string[], now: Date, limit: number) {
  return db().source.findMany({
    where: {
      status: "active",
      kind: { in: [...kinds] },
      nextRunAt: { lte: now },
      shop: { uninstalledAt: null },
    },
    orderBy: { nextRunAt: "asc" },
    take: limit,
    select: { id: true, shopId: true },
  });
}

/** Every source with stored credentials (for the key rotation), in id order after `afterId`. */
export function findSourcesWithCredentials(afterId: string | null, limit: number) {
  return db().source.findMany({
    where: { credentialsEncrypted: { not: null }, ...(afterId ? { id: { gt: afterId } } : {}) },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, credentialsEncrypted: true },
  });
}

/**
 * Writes re-encrypted credentials in one transaction, each only if the stored value is still the
 * one that was read (a merchant saving new credentials meanwhile wins).
 */
export async function replaceSourceCredentials(
  updates: { id: string; from: string; to: string }[],
): Promise<number> {
  if (updates.length === 0) return 0;
  const results = await db().$transaction(
    updates.map((u) =>
      db().source.updateMany({
        where: { id: u.id, credentialsEncrypted: u.from },
        data: { credentialsEncrypted: u.to },
      }),
    ),
  );
  return results.reduce((sum, r) => sum + r.count, 0);
}
