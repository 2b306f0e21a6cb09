import { db, isUniqueViolation } from "~/db.server";

/** What the ingest route needs to know about a source before reading the body. */
export function findIngestSource(sourceId: string) {
  return db().source.findUnique({
    where: { id: sourceId },
    select: { id: true, shopId: true, kind: true, status: true },
  });
}

export async function hasIngestReceipt(sourceId: string, digest: string): Promise<boolean> {
  const found = await db().ingestReceipt.findUnique({
    where: { sourceId_digest: { sourceId, digest } },
    select: { id: true },
  });
  return found !== null;
}

/** Claims a delivery; null when the same signature was claimed first (by a concurrent request). */
export async function claimIngestReceipt(data: {
  shopId: string;
  sourceId: string;
  digest: string;
  receivedAt: Date;
  mentions: number;
}): Promise<string | null> {
  try {
    return (await db().ingestReceipt.create({ data, select: { id: true } })).id;
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Releases a claim whose ingest failed, so the sender's retry is not refused as a replay. */
export async function releaseIngestReceipt(id: string): Promise<void> {
  await db().ingestReceipt.deleteMany({ where: { id } });
}
