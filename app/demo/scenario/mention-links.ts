/**
 * Platform-shaped external ids and URLs for mentions, so connectors, dedup and the UI see the
 * same shapes they get from the real platforms.
 */
import type { Prng } from "./prng";
import type { MentionPlatform } from "./types";

const BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BASE36 = "0123456789abcdefghijklmnopqrstuvwxyz";

function randomString(rng: Prng, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i += 1) out += alphabet.charAt(rng.int(0, alphabet.length - 1));
  return out;
}

function numericId(rng: Prng, length: number): string {
  return `${rng.int(1, 9)}${randomString(rng, "0123456789", length - 1)}`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9 ]+/g, " ")
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 6)
      .join("_") || "post"
  );
}

/**
 * Returns an external id and URL in the platform's own format.
 * @example
 * mentionLink(createPrng(1), { platform: "reddit", authorHandle: "jo", text: "Installation was a nightmare",
 *   subreddit: "HomeImprovement", shopDomain: "pulse-demo.myshopify.com", productHandle: "modu-modular-home-shelf",
 *   productNumericId: "107" }).url; // "https://www.reddit.com/r/HomeImprovement/comments/…/installation_was_a_nightmare/"
 */
export function mentionLink(
  rng: Prng,
  input: {
    platform: MentionPlatform;
    authorHandle: string;
    text: string;
    subreddit: string;
    shopDomain: string;
    productHandle: string | null;
    productNumericId: string | null;
  },
): { externalId: string; url: string } {
  switch (input.platform) {
    case "instagram": {
      const shortcode = randomString(rng, BASE64URL, 11);
      return { externalId: numericId(rng, 18), url: `https://www.instagram.com/p/${shortcode}/` };
    }
    case "tiktok": {
      const videoId = numericId(rng, 19);
      return { externalId: videoId, url: `https://www.tiktok.com/@${input.authorHandle}/video/${videoId}` };
    }
    case "reddit": {
      const postId = randomString(rng, BASE36, 7);
      return {
        externalId: `t3_${postId}`,
        url: `https://www.reddit.com/r/${input.subreddit}/comments/${postId}/${slug(input.text)}/`,
      };
    }
    case "youtube": {
      const videoId = randomString(rng, BASE64URL, 11);
      const commentId = `Ugx${randomString(rng, BASE64URL, 23)}`;
      return { externalId: commentId, url: `https://www.youtube.com/watch?v=${videoId}&lc=${commentId}` };
    }
    case "judgeme": {
      const reviewId = numericId(rng, 9);
      const path = input.productHandle ? `/products/${input.productHandle}` : "";
      return { externalId: reviewId, url: `https://${input.shopDomain}${path}#judgeme-review-${reviewId}` };
    }
    case "shop_reviews": {
      const reviewId = numericId(rng, 10);
      return {
        externalId: reviewId,
        url: `https://shop.app/products/${input.productNumericId ?? "0"}/reviews/${reviewId}`,
      };
    }
  }
}
