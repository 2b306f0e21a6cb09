import {
  DEFAULT_ACCOUNT_BURST_SETTINGS,
  findNewAccountBursts,
  type AccountBurstSettings,
} from "./accountBursts";
import { detectLinkSpam } from "./linkSpam";
import {
  DEFAULT_NEAR_DUPLICATE_SETTINGS,
  findNearDuplicates,
  type NearDuplicateSettings,
} from "./nearDuplicates";
import { textTokens } from "./textTokens";
import type { ScoredMention } from "./types";

/**
 * Why a mention earned less trust. Codes with numbers, not sentences: the UI renders them from the
 * locale files.
 */
export type AuthenticityReason =
  | { code: "near-duplicate"; otherAuthors: number }
  | { code: "new-account-burst"; burstMentions: number; accountAgeDays: number }
  | { code: "link-spam"; links: number }
  | { code: "extreme-without-detail"; words: number; polarity: number };

/** Trust in one mention: 1 = nothing suspicious, towards 0 = likely inauthentic. */
export interface AuthenticityAssessment {
  /** 0..1 */
  score: number;
  reasons: AuthenticityReason[];
}

/** Settings for {@link assessAuthenticity}; every field has a default. */
export interface AuthenticitySettings {
  nearDuplicate: NearDuplicateSettings;
  accountBurst: AccountBurstSettings;
  /** |polarity| above this with at most `noDetailMaxWords` words is praise or abuse with nothing behind it. */
  noDetailMinAbsPolarity: number;
  noDetailMaxWords: number;
  /**
   * How much of the trust each finding removes (0..1). Findings multiply: a duplicated, linked post
   * from a burst of new accounts keeps 0.5 × 0.5 × 0.6 of its weight.
   */
  penalty: {
    /** for one other author; grows by `nearDuplicatePerDoubling` each time the author count doubles */
    nearDuplicate: number;
    nearDuplicatePerDoubling: number;
    nearDuplicateMax: number;
    newAccountBurst: number;
    linkSpam: number;
    extremeWithoutDetail: number;
  };
}

export const DEFAULT_AUTHENTICITY_SETTINGS: AuthenticitySettings = {
  nearDuplicate: DEFAULT_NEAR_DUPLICATE_SETTINGS,
  accountBurst: DEFAULT_ACCOUNT_BURST_SETTINGS,
  noDetailMinAbsPolarity: 0.8,
  noDetailMaxWords: 3,
  penalty: {
    nearDuplicate: 0.4,
    nearDuplicatePerDoubling: 0.1,
    nearDuplicateMax: 0.85,
    newAccountBurst: 0.5,
    linkSpam: 0.4,
    extremeWithoutDetail: 0.25,
  },
};

/** What the assessment reads from a mention. */
export type AuthenticityInput = Pick<
  ScoredMention,
  "id" | "shopId" | "productId" | "authorHash" | "authorAccountAgeDays" | "postedAt" | "polarity" | "text"
>;

/**
 * Returns an authenticity assessment for every mention, keyed by id. Near-duplicates and bursts are
 * relative to the batch, so pass one shop's mentions over a window wide enough to see a campaign
 * (e.g. the last 30 days), not one mention at a time. Low-trust mentions are meant to be
 * down-weighted and shown, never dropped.
 *
 * @example
 * const result = assessAuthenticity([{ id: "m1", shopId: "s", authorHash: "a", postedAt: new Date(0),
 *   polarity: 0.95, text: "AMAZING!!!" }]);
 * result.get("m1"); // { score: 0.75, reasons: [{ code: "extreme-without-detail", words: 1, polarity: 0.95 }] }
 */
export function assessAuthenticity(
  mentions: readonly AuthenticityInput[],
  settings: Partial<AuthenticitySettings> = {},
): Map<string, AuthenticityAssessment> {
  const resolved: AuthenticitySettings = {
    ...DEFAULT_AUTHENTICITY_SETTINGS,
    ...settings,
    penalty: { ...DEFAULT_AUTHENTICITY_SETTINGS.penalty, ...settings.penalty },
  };
  const { penalty } = resolved;
  const otherAuthorsById = findNearDuplicates(mentions, resolved.nearDuplicate);
  const burstSizeById = findNewAccountBursts(mentions, resolved.accountBurst);

  const assessments = new Map<string, AuthenticityAssessment>();
  for (const mention of mentions) {
    const reasons: AuthenticityReason[] = [];
    let trust = 1;

    const otherAuthors = otherAuthorsById.get(mention.id);
    if (otherAuthors !== undefined) {
      const duplicatePenalty = Math.min(
        penalty.nearDuplicateMax,
        penalty.nearDuplicate + penalty.nearDuplicatePerDoubling * Math.log2(otherAuthors),
      );
      trust *= 1 - clampUnit(duplicatePenalty);
      reasons.push({ code: "near-duplicate", otherAuthors });
    }

    const burstMentions = burstSizeById.get(mention.id);
    if (burstMentions !== undefined) {
      trust *= 1 - clampUnit(penalty.newAccountBurst);
      reasons.push({
        code: "new-account-burst",
        burstMentions,
        accountAgeDays: mention.authorAccountAgeDays ?? 0,
      });
    }

    const linkSpam = detectLinkSpam(mention.text);
    if (linkSpam.isSpam) {
      trust *= 1 - clampUnit(penalty.linkSpam);
      reasons.push({ code: "link-spam", links: linkSpam.links });
    }

    const polarity = Number.isFinite(mention.polarity) ? mention.polarity : 0;
    if (Math.abs(polarity) > resolved.noDetailMinAbsPolarity) {
      const words = textTokens(mention.text).length;
      if (words <= resolved.noDetailMaxWords) {
        trust *= 1 - clampUnit(penalty.extremeWithoutDetail);
        reasons.push({ code: "extreme-without-detail", words, polarity });
      }
    }

    assessments.set(mention.id, { score: clampUnit(trust), reasons });
  }
  return assessments;
}

function clampUnit(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(1, Math.max(0, value));
}
