import type { Prisma } from "@prisma/client";
import {
  assessAuthenticity,
  createWeeklySignalAccumulator,
  isoWeek,
  isoWeekFromOrdinal,
  isoWeekOrdinal,
  type AspectPolarity,
  type FeatureRequestMention,
  type ScoredMention,
  type SentimentLabel,
} from "~/domain/signals";
import { planningRegionByCountry } from "~/domain/inventory";
import { getShop } from "~/models/catalog.server";
import { loadScoredMentions, saveAuthenticity } from "~/models/mentions.server";
import { listPlanningLocations } from "~/models/planning.server";
import { replaceWeeklySignals } from "~/models/signals.server";
import { inventorySettingsOf } from "~/services/planning.server";

const DAY_MS = 86_400_000;
/** Weeks of history loaded before the first recomputed week: the 8-week baseline plus last week. */
const HISTORY_WEEKS = 9;

export interface SignalRun {
  fromWeek: string | null;
  /** How many ISO weeks' rows were replaced (fromWeek through the current week). */
  weeks: number;
  mentions: number;
  rows: number;
  authenticityChanged: number;
}

/**
 * Recomputes a shop's weekly signals from `from` on (the earliest new or re-scored mention; null for
 * everything): reloads the scored mentions of those weeks plus nine weeks of history, re-assesses
 * authenticity over that window (duplicates and bursts are relative to other mentions, so a new
 * mention can change an older one's trust), aggregates, and replaces the affected weeks' rows.
 * When mentions were deleted (customers/redact) and none are left from `from` on, the weeks from
 * `from` on are still cleared, so no row keeps counting what was deleted.
 *
 * `excludeAuthorHashes` computes as if those authors' mentions were already gone: customers/redact
 * recomputes first and deletes after, so whichever step fails, the mentions are still there for
 * Shopify's retry to find the weeks by (see `redactCustomer`).
 *
 * @example
 * const run = await recomputeWeeklySignals(shopId, { from: new Date("2026-11-09T00:00:00Z"), now: () => new Date() });
 * // run.fromWeek === "2026-W46"; run.weeks: that week through the current one
 */
export async function recomputeWeeklySignals(
  shopId: string,
  options: { from: Date | null; now: () => Date; excludeAuthorHashes?: readonly string[] },
): Promise<SignalRun> {
  const nothing: SignalRun = { fromWeek: null, weeks: 0, mentions: 0, rows: 0, authenticityChanged: 0 };
  const shop = await getShop(shopId);
  if (!shop) return nothing;
  const timeZone = shop.timezone;
  const historyStart = options.from
    ? new Date(options.from.getTime() - HISTORY_WEEKS * 7 * DAY_MS)
    : new Date(0);
  const stored = await loadScoredMentions(shopId, historyStart, {
    excludeAuthorHashes: options.excludeAuthorHashes,
  });
  if (stored.length === 0 && !options.from) return nothing;

  const from = options.from ?? stored[0]!.postedAt;
  const fromOrdinal = isoWeekOrdinal(isoWeek(from, timeZone));
  const currentOrdinal = isoWeekOrdinal(isoWeek(options.now(), timeZone));
  const weeks = Array.from({ length: Math.max(0, currentOrdinal - fromOrdinal + 1) }, (_, i) =>
    isoWeekFromOrdinal(fromOrdinal + i),
  );

  const mentions: ScoredMention[] = stored.flatMap((m) =>
    m.score && m.score.scored
      ? [
          {
            id: m.id,
            shopId,
            productId: m.productId,
            variantId: m.variantId,
            platform: m.platform,
            country: m.countryCode,
            authorHash: m.authorHash,
            authorReachFollowers: m.authorReachFollowers,
            authorAccountAgeDays: m.authorAccountAgeDays,
            postedAt: m.postedAt,
            polarity: m.score.polarity,
            label: m.score.label as SentimentLabel,
            aspects: (m.score.aspects ?? []) as unknown as AspectPolarity[],
            featureRequests: (m.score.featureRequests ?? []) as unknown as FeatureRequestMention[],
            text: m.text,
            authenticity: m.score.authenticity,
          },
        ]
      : [],
  );

  // Trust is re-assessed over the whole window and stored where it changed.
  const assessments = assessAuthenticity(mentions);
  const changed: { mentionId: string; authenticity: number; reasons: Prisma.InputJsonValue }[] = [];
  for (const mention of mentions) {
    const assessment = assessments.get(mention.id);
    if (!assessment) continue;
    if (Math.abs((mention.authenticity ?? 1) - assessment.score) > 1e-9) {
      changed.push({
        mentionId: mention.id,
        authenticity: assessment.score,
        reasons: assessment.reasons as unknown as Prisma.InputJsonValue,
      });
    }
    mention.authenticity = assessment.score;
  }
  await saveAuthenticity(changed);

  // Per-platform and per-region rows are kept; their cross (platform × region) is not: it multiplies
  // the rows about sixfold and no screen or decision reads it. Regions are the shop's planning
  // regions (derived from its locations, then its own mapping), so planning's regional split reads them.
  const regionByCountry = await shopRegionByCountry(shopId, shop.settings);
  const accumulator = createWeeklySignalAccumulator({
    timeZone,
    platformRegionCross: false,
    regionByCountry,
  });
  accumulator.addBatch(mentions);
  const rows: Prisma.SignalWeeklyCreateManyInput[] = [];
  for (const row of accumulator.rows()) {
    if (isoWeekOrdinal(row.isoWeek) < fromOrdinal) continue;
    rows.push({
      shopId,
      scopeKey: row.key,
      productId: row.productId,
      variantId: row.variantId,
      platform: row.platform,
      region: row.region,
      week: row.isoWeek,
      volume: row.volume,
      positiveShare: row.positiveShare,
      neutralShare: row.neutralShare,
      negativeShare: row.negativeShare,
      weightedIndex: row.sentimentIndex,
      indexChange: row.baseline.status === "ok" ? row.baseline.indexChange : null,
      baselineStatus: row.baseline.status,
      details: {
        counts: {
          positive: row.positiveMentions,
          neutral: row.neutralMentions,
          negative: row.negativeMentions,
        },
        lowTrustMentions: row.lowTrustMentions,
        meanAuthenticity: row.meanAuthenticity,
        // Planning reads both (inventory elasticity and risk); volatility exists on platform "all" rows only.
        ...(row.volatility === null ? {} : { volatility: row.volatility }),
        kolShare: row.kolShare,
        baseline: row.baseline,
        weekOverWeek: row.weekOverWeek,
        detail: row.detail,
      } as unknown as Prisma.InputJsonValue,
    });
  }
  await replaceWeeklySignals(shopId, weeks, rows);
  return {
    fromWeek: isoWeekFromOrdinal(fromOrdinal),
    weeks: weeks.length,
    mentions: mentions.length,
    rows: rows.length,
    authenticityChanged: changed.length,
  };
}

/**
 * The country → planning region mapping of a shop: derived from its active locations, with the
 * mapping saved in its inventory settings on top. Settings that cannot be used (the planning page
 * reports them) leave the derived mapping alone rather than stopping the signal run.
 */
async function shopRegionByCountry(shopId: string, rawSettings: unknown): Promise<Record<string, string>> {
  const locations = await listPlanningLocations(shopId);
  const settings = inventorySettingsOf(rawSettings);
  const configured = settings.ok ? settings.value.regional.regionByCountry : {};
  return planningRegionByCountry(locations, configured);
}
