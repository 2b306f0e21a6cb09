import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

/**
 * Mentions of a shop that have no score yet, or a score from another lexicon version, in id order
 * after `afterId` (a cursor, so a crashed run resumes where it stopped and a re-score walks them all).
 */
export function findMentionsToScore(
  shopId: string,
  lexiconVersion: string,
  afterId: string | null,
  limit: number,
) {
  return db().mention.findMany({
    where: {
      shopId,
      ...(afterId ? { id: { gt: afterId } } : {}),
      OR: [{ score: { is: null } }, { score: { is: { lexiconVersion: { not: lexiconVersion } } } }],
    },
    orderBy: { id: "asc" },
    take: limit,
    select: { id: true, text: true, postedAt: true },
  });
}

export interface MentionScoreInput {
  mentionId: string;
  scored: boolean;
  unscorableReason: string | null;
  polarity: number;
  label: string;
  intensity: number;
  aspects: Prisma.InputJsonValue;
  featureRequests: Prisma.InputJsonValue;
  lexiconVersion: string;
  language: string | null;
}

/**
 * Stores a batch of scores (replacing earlier ones) and the detected languages in one transaction.
 * Bulk statements, not one upsert per mention: with Prisma's driver adapters each statement costs
 * a query compilation, and a batch is hundreds of mentions.
 */
export async function saveMentionScores(
  shopId: string,
  scores: MentionScoreInput[],
  scoredAt: Date,
): Promise<void> {
  const ids = scores.map((s) => s.mentionId);
  const idsByLanguage = new Map<string | null, string[]>();
  for (const score of scores) {
    const group = idsByLanguage.get(score.language) ?? [];
    group.push(score.mentionId);
    idsByLanguage.set(score.language, group);
  }
  await db().$transaction([
    db().mentionScore.deleteMany({ where: { mentionId: { in: ids } } }),
    db().mentionScore.createMany({
      data: scores.map(({ language: _, ...score }) => ({ ...score, shopId, scoredAt })),
    }),
    ...[...idsByLanguage].map(([language, group]) =>
      db().mention.updateMany({ where: { id: { in: group } }, data: { language } }),
    ),
  ]);
}

/**
 * The mentions that count toward a shop's own sentiment: a near-duplicate (the same text cross-posted)
 * is linked to its original and not counted again; competitor mentions are kept apart for share of
 * voice, not mixed into the shop's own sentiment.
 */
export const countedMentionWhere = {
  duplicateOfId: null,
  isCompetitor: false,
} satisfies Prisma.MentionWhereInput;

/** What aggregation and planning read of a mention and its score. */
export const mentionWithScoreSelect = {
  id: true,
  productId: true,
  variantId: true,
  platform: true,
  countryCode: true,
  authorHash: true,
  authorReachFollowers: true,
  authorAccountAgeDays: true,
  postedAt: true,
  text: true,
  score: {
    select: {
      scored: true,
      polarity: true,
      label: true,
      aspects: true,
      featureRequests: true,
      authenticity: true,
    },
  },
} satisfies Prisma.MentionSelect;

/**
 * Scored mentions of a shop posted at or after `from`, with what aggregation needs. Mentions by
 * `excludeAuthorHashes` are left out, as if already deleted (customers/redact computes the signals
 * without a customer before it deletes their mentions).
 *
 * @example
 * const stored = await loadScoredMentions(shopId, weekStart, { excludeAuthorHashes: [miaHash] });
 */
export function loadScoredMentions(
  shopId: string,
  from: Date,
  options: { excludeAuthorHashes?: readonly string[] } = {},
) {
  const excluded = options.excludeAuthorHashes ?? [];
  return db().mention.findMany({
    where: {
      shopId,
      postedAt: { gte: from },
      score: { isNot: null },
      ...countedMentionWhere,
      ...(excluded.length > 0 ? { authorHash: { notIn: [...excluded] } } : {}),
    },
    orderBy: { postedAt: "asc" },
    select: mentionWithScoreSelect,
  });
}

/** Writes changed authenticity scores and their reasons. */
export async function saveAuthenticity(
  updates: { mentionId: string; authenticity: number; reasons: Prisma.InputJsonValue }[],
): Promise<void> {
  for (let i = 0; i < updates.length; i += 200) {
    await db().$transaction(
      updates.slice(i, i + 200).map((u) =>
        db().mentionScore.update({
          where: { mentionId: u.mentionId },
          data: { authenticity: u.authenticity, authenticityReasons: u.reasons },
        }),
      ),
    );
  }
}
