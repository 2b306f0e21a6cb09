import { env } from "~/config/env.server";
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

/** Rows per INSERT statement (each statement carries its rows as one JSON parameter). */
export const MENTION_INSERT_CHUNK = 500;

/** A mention row as the pipeline writes it: every column given. */
export interface MentionInsertRow {
  id: string;
  shopId: string;
  sourceId: string;
  externalId: string;
  platform: string;
  authorHash: string;
  authorDisplay: string | null;
  authorReachFollowers: number;
  authorAccountAgeDays: number | null;
  language: string | null;
  countryCode: string | null;
  text: string;
  title: string | null;
  url: string | null;
  postedAt: Date;
  rating: number | null;
  verifiedBuyer: boolean | null;
  productId: string | null;
  variantId: string | null;
  matchConfidence: number | null;
  matchKind: string;
  isCompetitor: boolean;
  matchedKeywordIds: string[] | null;
  textFingerprint: string | null;
  duplicateOfId: string | null;
}

/** Column → PostgreSQL type, in insert order (text unless stated). */
const MENTION_COLUMNS: [keyof MentionInsertRow | "createdAt", string][] = [
  ["id", "text"],
  ["shopId", "text"],
  ["sourceId", "text"],
  ["externalId", "text"],
  ["platform", "text"],
  ["authorHash", "text"],
  ["authorDisplay", "text"],
  ["authorReachFollowers", "integer"],
  ["authorAccountAgeDays", "integer"],
  ["language", "text"],
  ["countryCode", "text"],
  ["text", "text"],
  ["title", "text"],
  ["url", "text"],
  ["postedAt", "timestamp(3)"],
  ["rating", "integer"],
  ["verifiedBuyer", "boolean"],
  ["productId", "text"],
  ["variantId", "text"],
  ["matchConfidence", "double precision"],
  ["matchKind", "text"],
  ["isCompetitor", "boolean"],
  ["matchedKeywordIds", "jsonb"],
  ["textFingerprint", "text"],
  ["duplicateOfId", "text"],
  ["createdAt", "timestamp(3)"],
];

const columnList = MENTION_COLUMNS.map(([name]) => `"${name}"`).join(", ");
const SQLITE_INSERT = `INSERT INTO "Mention" (${columnList}) SELECT ${MENTION_COLUMNS.map(
  ([name]) => `json_extract(value, '$.${name}')`,
).join(", ")} FROM json_each(?)`;
const POSTGRES_INSERT = `INSERT INTO "Mention" (${columnList}) SELECT ${columnList} FROM jsonb_to_recordset($1::jsonb) AS rows(${MENTION_COLUMNS.map(
  ([name, type]) => `"${name}" ${type}`,
).join(", ")})`;

/**
 * One chunk as the JSON document its INSERT reads. Values are written the way Prisma stores them,
 * so Prisma reads these rows back like its own: on SQLite, dates as ISO text with "+00:00", booleans
 * as 0/1 and JSON columns as JSON text; on PostgreSQL, jsonb_to_recordset casts to the column types.
 */
function chunkDocument(rows: readonly MentionInsertRow[], createdAt: Date, postgres: boolean): string {
  const date = (d: Date) => (postgres ? d.toISOString() : d.toISOString().replace("Z", "+00:00"));
  const flag = (b: boolean | null) => (b === null ? null : postgres ? b : b ? 1 : 0);
  return JSON.stringify(
    rows.map((row) => ({
      ...row,
      postedAt: date(row.postedAt),
      createdAt: date(createdAt),
      verifiedBuyer: flag(row.verifiedBuyer),
      isCompetitor: flag(row.isCompetitor),
      matchedKeywordIds:
        row.matchedKeywordIds === null
          ? null
          : postgres
            ? row.matchedKeywordIds
            : JSON.stringify(row.matchedKeywordIds),
    })),
  );
}

/**
 * Inserts mentions inside one transaction, {@link MENTION_INSERT_CHUNK} rows per statement: either
 * the whole batch is stored or none of it. Raw INSERT … SELECT over a JSON parameter instead of
 * createMany: through Prisma's driver adapters createMany costs ~2.5 ms per row (SQLite's 999
 * bound-parameter limit splits it into dozens of statements, each compiled), this ~0.4 ms.
 */
export async function insertMentionBatch(
  rows: readonly MentionInsertRow[],
  createdAt = new Date(),
): Promise<number> {
  if (rows.length === 0) return 0;
  const postgres = env().databaseProvider === "postgresql";
  const statements = [];
  for (let i = 0; i < rows.length; i += MENTION_INSERT_CHUNK) {
    const document = chunkDocument(rows.slice(i, i + MENTION_INSERT_CHUNK), createdAt, postgres);
    statements.push(db().$executeRawUnsafe(postgres ? POSTGRES_INSERT : SQLITE_INSERT, document));
  }
  const results = await db().$transaction(statements);
  return results.reduce((sum, count) => sum + count, 0);
}

/** Deletes a shop's mentions posted before `before` (scores cascade); returns how many. */
export async function deleteMentionsPostedBefore(shopId: string, before: Date): Promise<number> {
  const result = await db().mention.deleteMany({ where: { shopId, postedAt: { lt: before } } });
  return result.count;
}

/** Installed shops with their settings and time zone (for the retention purge). */
export function listInstalledShopSettings() {
  return db().shop.findMany({
    where: { uninstalledAt: null },
    select: { id: true, settings: true, timezone: true },
  });
}

/** A shop's mentions written by any of the author hashes (for customers/data_request). */
export function findMentionsByAuthorHashes(shopId: string, authorHashes: readonly string[]) {
  return db().mention.findMany({
    where: { shopId, authorHash: { in: [...authorHashes] } },
    orderBy: { postedAt: "asc" },
    select: { id: true, text: true, title: true, platform: true, postedAt: true, url: true, rating: true },
  });
}

/**
 * When the earliest of a shop's mentions by any of the author hashes was posted (where the weekly
 * signals they count in start); null when there are none.
 *
 * @example
 * const from = await earliestMentionPostedAtByAuthorHashes(shopId, [miaHash]); // Date | null
 */
export async function earliestMentionPostedAtByAuthorHashes(
  shopId: string,
  authorHashes: readonly string[],
): Promise<Date | null> {
  if (authorHashes.length === 0) return null;
  const earliest = await db().mention.aggregate({
    where: { shopId, authorHash: { in: [...authorHashes] } },
    _min: { postedAt: true },
  });
  return earliest._min.postedAt;
}

/**
 * Deletes a shop's mentions by any of the author hashes (customers/redact; their scores cascade) and
 * returns how many went. Repeating it deletes nothing more.
 *
 * @example
 * const { deleted } = await deleteMentionsByAuthorHashes(shopId, [miaHash]);
 */
export async function deleteMentionsByAuthorHashes(
  shopId: string,
  authorHashes: readonly string[],
): Promise<{ deleted: number }> {
  const result = await db().mention.deleteMany({ where: { shopId, authorHash: { in: [...authorHashes] } } });
  return { deleted: result.count };
}
