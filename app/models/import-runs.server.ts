import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

/** Columns of an import run the UI and the service read. */
const importRunColumns = {
  id: true,
  sourceId: true,
  fileName: true,
  format: true,
  status: true,
  mapping: true,
  rowsRead: true,
  rowsImported: true,
  rowsDuplicate: true,
  rowsFailed: true,
  errors: true,
  error: true,
  startedAt: true,
  finishedAt: true,
} satisfies Prisma.ImportRunSelect;

export type ImportRunRow = Prisma.ImportRunGetPayload<{ select: typeof importRunColumns }>;

export function insertImportRun(data: {
  shopId: string;
  sourceId: string;
  fileName: string;
  format: string;
  mapping: Prisma.InputJsonValue;
  startedAt: Date;
}): Promise<ImportRunRow> {
  return db().importRun.create({ data: { ...data, status: "running" }, select: importRunColumns });
}

/** Updates a run of the shop; false when the run is not the shop's. */
export async function updateImportRun(
  shopId: string,
  runId: string,
  data: Prisma.ImportRunUpdateManyMutationInput,
): Promise<boolean> {
  const { count } = await db().importRun.updateMany({ where: { id: runId, shopId }, data });
  return count === 1;
}

export function findImportRun(shopId: string, runId: string): Promise<ImportRunRow | null> {
  return db().importRun.findFirst({ where: { id: runId, shopId }, select: importRunColumns });
}

export function listRecentImportRuns(shopId: string, take: number): Promise<ImportRunRow[]> {
  return db().importRun.findMany({
    where: { shopId },
    orderBy: { startedAt: "desc" },
    take,
    select: importRunColumns,
  });
}

/** The shop's file-import source (the oldest, should there be several). */
export function findFileImportSource(shopId: string) {
  return db().source.findFirst({
    where: { shopId, kind: "file_import" },
    orderBy: { createdAt: "asc" },
    select: { id: true, status: true },
  });
}

/** Records an import's outcome as the source's last run, for the sources list's health column. */
export async function recordSourceImport(
  shopId: string,
  sourceId: string,
  outcome: { at: Date; succeeded: boolean; error: string | null; counts: Prisma.InputJsonValue },
): Promise<void> {
  await db().source.updateMany({
    where: { id: sourceId, shopId },
    data: {
      lastRunAt: outcome.at,
      ...(outcome.succeeded ? { lastSuccessAt: outcome.at } : {}),
      lastError: outcome.error,
      lastCounts: outcome.counts,
    },
  });
}

/** The shop's timezone (dates without a zone are read in it); null when the shop is gone. */
export function findShopForImport(shopId: string) {
  return db().shop.findUnique({ where: { id: shopId }, select: { id: true, timezone: true } });
}
