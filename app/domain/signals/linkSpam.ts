import { LINK_PATTERN, textTokens } from "./textTokens";

/** Words that, next to a link, mark a post as selling rather than reviewing. */
const PROMO_PATTERN =
  /\b(?:promo|coupon|discount code|use code|giveaway|dm me|dm for|link in bio|click here|buy now|shop now|order now|get yours|limited offer|free shipping|earn \$|cheap|% off)\b|(?:优惠|折扣|领券|私信|加微信|点击链接)/iu;

/** What a link-spam check found in one text. */
export interface LinkSpamFinding {
  links: number;
  isSpam: boolean;
}

/**
 * Returns how many links a text carries and whether it reads as link spam: two or more links, or a
 * link with promotional wording, or a link with fewer than four words of its own.
 *
 * @example
 * detectLinkSpam("Use code SAVE50 at https://deals.example.com"); // { links: 1, isSpam: true }
 * detectLinkSpam("My full review with photos is here: https://blog.example.com/review it held up well over a month"); // { links: 1, isSpam: false }
 */
export function detectLinkSpam(text: string): LinkSpamFinding {
  const links = text.includes(".") ? (text.match(LINK_PATTERN)?.length ?? 0) : 0;
  if (links === 0) return { links, isSpam: false };
  const ownWords = textTokens(text).filter((token) => token !== "⟨link⟩").length;
  const isSpam = links >= 2 || ownWords < 4 || PROMO_PATTERN.test(text);
  return { links, isSpam };
}
