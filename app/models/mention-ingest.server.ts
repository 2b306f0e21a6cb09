import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

/** The shop and source an ingest writes into; null when the source is not the shop's. */
export function findIngestTarget(shopId: string, sourceId: string) {
  return db().source.findFirst({
    where: { id: sourceId, shopId },
    select: { id: true, shop: { select: { id: true, authorSalt: true, settings: true } } },
  });
}

/** Ids per IN list: SQLite through the driver adapter binds at most 999 parameters per statement. */
const IN_LIST_CHUNK = 500;

/** The external ids among `externalIds` already stored for the source (one query per 500 ids). */
export async function findStoredExternalIds(
  shopId: string,
  sourceId: string,
  externalIds: readonly string[],
): Promise<Set<string>> {
  const stored = new Set<string>();
  for (let i = 0; i < externalIds.length; i += IN_LIST_CHUNK) {
    const rows = await db().mention.findMany({
      where: { shopId, sourceId, externalId: { in: externalIds.slice(i, i + IN_LIST_CHUNK) } },
      select: { externalId: true },
    });
    for (const row of rows) stored.add(row.externalId);
  }
  return stored;
}

export interface FingerprintCandidate {
  id: string;
  textFingerprint: string;
  sourceId: string;
  authorHash: string;
}

/**
 * Stored originals (not themselves duplicates) carrying any of the fingerprints, earliest posted
 * first: the mention a new near-duplicate links to.
 */
export async function findFingerprintOriginals(
  shopId: string,
  fingerprints: readonly string[],
): Promise<FingerprintCandidate[]> {
  const found: FingerprintCandidate[] = [];
  for (let i = 0; i < fingerprints.length; i += IN_LIST_CHUNK) {
    const rows = await db().mention.findMany({
      where: {
        shopId,
        duplicateOfId: null,
        textFingerprint: { in: fingerprints.slice(i, i + IN_LIST_CHUNK) },
      },
      orderBy: [{ postedAt: "asc" }, { id: "asc" }],
      select: { id: true, textFingerprint: true, sourceId: true, authorHash: true },
    });
    for (const row of rows)
      if (row.textFingerprint) found.push({ ...row, textFingerprint: row.textFingerprint });
  }
  return found;
}

/** Rows per INSERT: well under SQLite's bound-parameter limit with every column set. */
export const MENTION_INSERT_CHUNK = 500;

/**
 * Inserts mentions in chunks of {@link MENTION_INSERT_CHUNK} inside one transaction: either the
 * whole batch is stored or none of it.
 */
export async function insertMentionBatch(rows: Prisma.MentionCreateManyInput[]): Promise<number> {
  if (rows.length === 0) return 0;
  const statements = [];
  for (let i = 0; i < rows.length; i += MENTION_INSERT_CHUNK) {
    statements.push(db().mention.createMany({ data: rows.slice(i, i + MENTION_INSERT_CHUNK) }));
  }
  const results = await db().$transaction(statements);
  return results.reduce((sum, r) => sum + r.count, 0);
}

/** Deletes a shop's mentions posted before `before` (scores cascade); returns how many. */
export async function deleteMentionsPostedBefore(shopId: string, before: Date): Promise<number> {
  const result = await db().mention.deleteMany({ where: { shopId, postedAt: { lt: before } } });
  return result.count;
}

/** Installed shops with their settings (for the retention purge). */
export function listInstalledShopSettings() {
  return db().shop.findMany({ where: { uninstalledAt: null }, select: { id: true, settings: true } });
}

/** A shop's mentions written by any of the author hashes (for customers/data_request). */
export function findMentionsByAuthorHashes(shopId: string, authorHashes: readonly string[]) {
  return db().mention.findMany({
    where: { shopId, authorHash: { in: [...authorHashes] } },
    orderBy: { postedAt: "asc" },
    select: { id: true, text: true, title: true, platform: true, postedAt: true, url: true, rating: true },
  });
}

/** Deletes a shop's mentions by any of the author hashes (customers/redact); returns how many. */
export async function deleteMentionsByAuthorHashes(
  shopId: string,
  authorHashes: readonly string[],
): Promise<number> {
  const result = await db().mention.deleteMany({ where: { shopId, authorHash: { in: [...authorHashes] } } });
  return result.count;
}
