import type { Prisma } from "@prisma/client";
import { analyze, lexiconVersion } from "~/domain/sentiment";
import { findMentionsToScore, saveMentionScores } from "~/models/mentions.server";

export interface ScoringRun {
  scored: number;
  unscorable: number;
  /** The earliest post date among the mentions scored, where the signal recompute must start. */
  earliestPostedAt: Date | null;
}

/**
 * Scores a shop's unscored mentions (and any scored with an older lexicon version) in batches.
 * Idempotent and resumable: each batch is written in one transaction and the next batch starts after
 * the last id written, so a crash loses at most the batch in flight and never scores a mention twice.
 */
export async function scoreMentionBacklog(
  shopId: string,
  options: { now: () => Date; batchSize?: number; maxMentions?: number },
): Promise<ScoringRun> {
  const batchSize = options.batchSize ?? 250;
  const run: ScoringRun = { scored: 0, unscorable: 0, earliestPostedAt: null };
  let cursor: string | null = null;
  for (;;) {
    const batch = await findMentionsToScore(shopId, lexiconVersion, cursor, batchSize);
    if (batch.length === 0) break;
    const scores = batch.map((mention) => {
      const result = analyze(mention.text);
      if (!result.scored) run.unscorable += 1;
      return {
        mentionId: mention.id,
        scored: result.scored,
        unscorableReason: result.unscorableReason ?? null,
        polarity: result.polarity,
        label: result.label,
        intensity: result.intensity,
        aspects: result.aspects.map((a) => ({
          aspect: a.aspect,
          polarity: a.polarity,
          issueType: a.issueType,
          evidence: a.evidence,
        })) as Prisma.InputJsonValue,
        featureRequests: result.featureRequests.map((f) => ({
          phrase: f.phrase,
          normalized: f.normalized,
          clusterKey: f.clusterKey,
        })) as Prisma.InputJsonValue,
        lexiconVersion: result.lexiconVersion,
        language: result.language,
      };
    });
    await saveMentionScores(shopId, scores, options.now());
    run.scored += batch.length;
    for (const mention of batch) {
      if (!run.earliestPostedAt || mention.postedAt < run.earliestPostedAt)
        run.earliestPostedAt = mention.postedAt;
    }
    cursor = batch[batch.length - 1]!.id;
    if (options.maxMentions !== undefined && run.scored >= options.maxMentions) break;
  }
  return run;
}
