import type { IncomingMention } from "~/integrations/sources/types";
import { hashAuthor } from "./authorHash";
import { htmlToText, postUrl, redactContactDetails } from "./privacy";

/** A mention after validation and the privacy rules, ready for matching and storage. */
export interface NormalizedMention {
  externalId: string;
  platform: string;
  authorHash: string;
  authorDisplay: string | null;
  authorReachFollowers: number;
  authorAccountAgeDays: number | null;
  text: string;
  title: string | null;
  url: string | null;
  postedAt: Date;
  countryCode: string | null;
  language: string | null;
  rating: number | null;
  verifiedBuyer: boolean | null;
  productRef: IncomingMention["productRef"];
}

export type NormalizeResult = { ok: true; value: NormalizedMention } | { ok: false; reason: string };

export interface NormalizeOptions {
  now: Date;
  authorSalt: string;
  /** Followers from which a public account's handle is kept for display. */
  publicInfluencerReach: number;
}

/** Stored text is capped: reviews are far shorter, and a pasted novel should not fill the database. */
export const MAX_TEXT_CHARS = 20_000;
export const MAX_EXTERNAL_ID_CHARS = 300;
/** Clock skew and time zones tolerated before a date counts as "in the future". */
export const FUTURE_TOLERANCE_MS = 24 * 3_600_000;
/** Nothing Pulse listens to was published before this. */
const EARLIEST_POSTED_AT = Date.UTC(1995, 0, 1);

const countryPattern = /^[A-Z]{2}$/;
const languagePattern = /^[a-z]{2,3}$/;

/**
 * Returns a mention that passed validation with the privacy rules applied (HTML removed, e-mails
 * and phone numbers cut from text and title, author hashed, display handle only for public accounts
 * at or above the reach threshold), or the reason it was rejected.
 *
 * @example
 * normalizeMention({ externalId: "1", platform: "reddit", authorHandle: "u1", text: "<b>hi</b>", postedAt: new Date() },
 *   { now: new Date(), authorSalt: "s", publicInfluencerReach: 10_000 }); // ok, text "hi"
 */
export function normalizeMention(mention: IncomingMention, options: NormalizeOptions): NormalizeResult {
  const externalId = typeof mention.externalId === "string" ? mention.externalId.trim() : "";
  if (!externalId)
    return { ok: false, reason: "externalId is empty: every mention needs the provider's id." };
  if (externalId.length > MAX_EXTERNAL_ID_CHARS)
    return { ok: false, reason: `externalId is longer than ${MAX_EXTERNAL_ID_CHARS} characters.` };
  const platform = typeof mention.platform === "string" ? mention.platform.trim().toLowerCase() : "";
  if (!platform) return { ok: false, reason: "platform is empty: say where the mention was published." };

  const postedAt = mention.postedAt instanceof Date ? mention.postedAt : new Date(Number.NaN);
  if (Number.isNaN(postedAt.getTime())) return { ok: false, reason: "postedAt is not a valid date." };
  if (postedAt.getTime() > options.now.getTime() + FUTURE_TOLERANCE_MS)
    return {
      ok: false,
      reason: `postedAt ${postedAt.toISOString()} is more than a day in the future; check the date's time zone.`,
    };
  if (postedAt.getTime() < EARLIEST_POSTED_AT)
    return { ok: false, reason: `postedAt ${postedAt.toISOString()} is before 1995; check the date format.` };

  const rawText = typeof mention.text === "string" ? mention.text : "";
  let text = redactContactDetails(htmlToText(rawText));
  if (text.length > MAX_TEXT_CHARS) text = text.slice(0, MAX_TEXT_CHARS);
  if (!text) return { ok: false, reason: "text is empty after removing HTML and contact details." };

  let rating: number | null = null;
  if (mention.rating !== null && mention.rating !== undefined) {
    if (!Number.isFinite(mention.rating) || mention.rating < 1 || mention.rating > 5)
      return { ok: false, reason: `rating ${String(mention.rating)} is not between 1 and 5.` };
    rating = Math.round(mention.rating);
  }

  const title = typeof mention.title === "string" ? redactContactDetails(htmlToText(mention.title)) : "";
  const handle = typeof mention.authorHandle === "string" ? mention.authorHandle.trim() : "";
  // No handle: the mention is its own author, so it is never merged with another anonymous one.
  const authorKey = handle || `anonymous:${platform}:${externalId}`;
  const followers = nonNegativeInteger(mention.authorFollowers) ?? 0;
  const isPublicInfluencer =
    mention.authorIsPublic === true && handle !== "" && followers >= options.publicInfluencerReach;
  const countryCode = mention.countryCode?.trim().toUpperCase() ?? "";
  const language = mention.language?.trim().toLowerCase().split(/[-_]/)[0] ?? "";

  return {
    ok: true,
    value: {
      externalId,
      platform: platform.slice(0, 50),
      authorHash: hashAuthor(options.authorSalt, authorKey),
      authorDisplay: isPublicInfluencer ? handle.slice(0, 200) : null,
      authorReachFollowers: followers,
      authorAccountAgeDays: nonNegativeInteger(mention.authorAccountAgeDays),
      text,
      title: title ? title.slice(0, 500) : null,
      url: postUrl(mention.url),
      postedAt,
      countryCode: countryPattern.test(countryCode) ? countryCode : null,
      language: languagePattern.test(language) ? language : null,
      rating,
      verifiedBuyer: typeof mention.verifiedBuyer === "boolean" ? mention.verifiedBuyer : null,
      productRef: mention.productRef ?? null,
    },
  };
}

function nonNegativeInteger(value: number | null | undefined): number | null {
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return null;
  // Follower counts beyond 2^31 do not exist; the column is a 32-bit integer.
  return Math.min(2_147_483_647, Math.floor(value));
}
