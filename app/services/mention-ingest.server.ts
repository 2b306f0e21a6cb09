import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "~/db.server";
import { buildCatalogueIndex, type CatalogueIndex } from "~/domain/listening/catalogueIndex";
import { listeningSettingsOf } from "~/domain/listening/listeningSettings";
import { matchMention } from "~/domain/listening/matchMention";
import { normalizeMention, type NormalizedMention } from "~/domain/listening/normalizeMention";
import { textFingerprint } from "~/domain/listening/textFingerprint";
import type { IncomingMention, IngestResult } from "~/integrations/sources/types";
import { scoreMentionsJob } from "~/jobs/definitions/mention-scoring.server";
import { jobQueue } from "~/jobs/queue.server";
import { catalogueStamp, loadMatchingKeywords, loadMatchingProducts } from "~/models/keywords.server";
import {
  findFingerprintOriginals,
  findIngestTarget,
  findStoredExternalIds,
  insertMentionBatch,
  type FingerprintCandidate,
  type MentionInsertRow,
} from "~/models/mention-ingest.server";

/** Thrown for a call that cannot be right (a source of another shop): a bug in the caller, not bad data. */
export class IngestTargetError extends Error {
  readonly name = "IngestTargetError";
}

/**
 * A unique-key violation, from Prisma's typed API (P2002) or from a raw statement (P2010 carrying
 * the database's own code: SQLite 2067/1555, PostgreSQL 23505).
 */
function isDuplicateKeyError(error: unknown): boolean {
  if (isUniqueViolation(error)) return true;
  const known = error as { code?: unknown; meta?: { code?: unknown }; message?: unknown };
  if (known?.code !== "P2010") return false;
  return (
    ["2067", "1555", "23505"].includes(String(known.meta?.code)) ||
    /UNIQUE constraint failed|duplicate key value/.test(String(known.message))
  );
}

/**
 * Matching indexes of recent shops, reused while the catalogue stamp and the keywords are unchanged:
 * a 100k-row import arrives in a hundred batches, and loading and indexing the catalogue was a third
 * of each batch's time. Keywords are re-read every batch (few rows) so an edit applies at once.
 */
const indexCache = new Map<string, { key: string; index: CatalogueIndex }>();
const INDEX_CACHE_SHOPS = 20;

async function matchingIndex(shopId: string): Promise<CatalogueIndex> {
  const [stamp, keywords] = await Promise.all([catalogueStamp(shopId), loadMatchingKeywords(shopId)]);
  const key = `${stamp}#${JSON.stringify(keywords)}`;
  const cached = indexCache.get(shopId);
  if (cached?.key === key) return cached.index;
  const index = buildCatalogueIndex(await loadMatchingProducts(shopId), keywords);
  indexCache.delete(shopId);
  indexCache.set(shopId, { key, index });
  if (indexCache.size > INDEX_CACHE_SHOPS) indexCache.delete(indexCache.keys().next().value!);
  return index;
}

const newId = () => `c${randomUUID().replaceAll("-", "").slice(0, 24)}`;

/**
 * The pipeline every source feeds (connectors, file import, the signed ingest webhook). For one
 * batch: validates each mention and applies the privacy rules (HTML and contact details stripped,
 * author hashed with the shop's salt, display handle only for public influencers), matches it to
 * products, variants and keywords, skips (shop, source, externalId) already stored or repeated in
 * the batch, links near-duplicate text from another source or author to the earliest original,
 * stores the batch in one transaction, and enqueues scoring. Rejected mentions are reported with
 * their reason; the others are kept.
 *
 * Feed it batches of up to a few thousand mentions: each call costs a handful of bulk statements
 * (catalogue, existing ids, fingerprints, inserts of 500 rows), not one per mention.
 */
export async function ingestMentions(
  shopId: string,
  sourceId: string,
  mentions: IncomingMention[],
  options: { now?: Date } = {},
): Promise<IngestResult> {
  const now = options.now ?? new Date();
  const target = await findIngestTarget(shopId, sourceId);
  if (!target) throw new IngestTargetError(`Source ${sourceId} does not exist in shop ${shopId}.`);
  const settings = listeningSettingsOf(target.shop.settings);
  const index = await matchingIndex(shopId);

  const result: IngestResult = {
    received: mentions.length,
    inserted: 0,
    duplicates: 0,
    linkedNearDuplicates: 0,
    rejected: [],
  };
  const accepted: NormalizedMention[] = [];
  const seenInBatch = new Set<string>();
  for (const mention of mentions) {
    const normalized = normalizeMention(mention, {
      now,
      authorSalt: target.shop.authorSalt,
      publicInfluencerReach: settings.publicInfluencerReach,
    });
    if (!normalized.ok) {
      result.rejected.push({ externalId: String(mention?.externalId ?? ""), reason: normalized.reason });
      continue;
    }
    if (seenInBatch.has(normalized.value.externalId)) {
      result.duplicates++;
      continue;
    }
    seenInBatch.add(normalized.value.externalId);
    accepted.push(normalized.value);
  }

  // Another writer (the webhook while a sync runs) may store the same ids between the check and the
  // insert; the unique key then fails the transaction, and one more pass drops what it stored.
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await storeNew(shopId, sourceId, accepted, index);
      result.inserted = outcome.inserted;
      result.duplicates += outcome.duplicates;
      result.linkedNearDuplicates = outcome.linked;
      break;
    } catch (error) {
      if (attempt >= 3 || !isDuplicateKeyError(error)) throw error;
    }
  }

  if (result.inserted > 0) {
    await jobQueue().enqueue(scoreMentionsJob, { shopId }, { singletonKey: `score:${shopId}` });
  }
  return result;
}

async function storeNew(
  shopId: string,
  sourceId: string,
  accepted: readonly NormalizedMention[],
  index: ReturnType<typeof buildCatalogueIndex>,
): Promise<{ inserted: number; duplicates: number; linked: number }> {
  const stored = await findStoredExternalIds(
    shopId,
    sourceId,
    accepted.map((m) => m.externalId),
  );
  const fresh = accepted.filter((m) => !stored.has(m.externalId));
  const fingerprints = fresh.map((m) => textFingerprint(m.text));
  const originals = new Map<string, FingerprintCandidate[]>();
  const distinct = [...new Set(fingerprints.filter((f): f is string => f !== null))];
  for (const candidate of await findFingerprintOriginals(shopId, distinct)) {
    const list = originals.get(candidate.textFingerprint) ?? [];
    list.push(candidate);
    originals.set(candidate.textFingerprint, list);
  }

  let linked = 0;
  const rows: MentionInsertRow[] = fresh.map((mention, i) => {
    const id = newId();
    const fingerprint = fingerprints[i] ?? null;
    let duplicateOfId: string | null = null;
    if (fingerprint) {
      const list = originals.get(fingerprint) ?? [];
      // The same words from another source or another author: a cross-post or syndicated review.
      // The same author repeating themselves on one source is not linked (authenticity scoring sees it).
      const original = list.find((c) => c.sourceId !== sourceId || c.authorHash !== mention.authorHash);
      if (original) {
        duplicateOfId = original.id;
        linked++;
      } else {
        list.push({ id, textFingerprint: fingerprint, sourceId, authorHash: mention.authorHash });
        originals.set(fingerprint, list);
      }
    }
    const match = matchMention(mention, index);
    return {
      id,
      shopId,
      sourceId,
      externalId: mention.externalId,
      platform: mention.platform,
      authorHash: mention.authorHash,
      authorDisplay: mention.authorDisplay,
      authorReachFollowers: mention.authorReachFollowers,
      authorAccountAgeDays: mention.authorAccountAgeDays,
      language: mention.language,
      countryCode: mention.countryCode,
      text: mention.text,
      title: mention.title,
      url: mention.url,
      postedAt: mention.postedAt,
      rating: mention.rating,
      verifiedBuyer: mention.verifiedBuyer,
      productId: match.productId,
      variantId: match.variantId,
      matchConfidence: match.confidence,
      matchKind: match.matchKind,
      isCompetitor: match.isCompetitor,
      matchedKeywordIds: match.keywordIds.length > 0 ? match.keywordIds : null,
      textFingerprint: fingerprint,
      duplicateOfId,
    };
  });
  const inserted = await insertMentionBatch(rows);
  return { inserted, duplicates: accepted.length - fresh.length, linked };
}
