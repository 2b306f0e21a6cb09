/**
 * Provider-neutral review facts the review-app fakes seed from: about the demo catalogue's products
 * (app/demo/scenario/catalog.ts, Shopify ids 101…), spread over the days before the fake's "now",
 * with the cases a connector must handle (no e-mail, store reviews without a product, unverified
 * reviewers, Chinese text). The Judge.me and Yotpo fakes turn them into their own documented shapes.
 */
import { PRODUCT_SPECS } from "~/demo/scenario/catalog";
import { seededRandom } from "./http-kit";

export interface ReviewFact {
  /** Position in creation order, 0 = oldest. */
  index: number;
  createdAt: Date;
  rating: number;
  title: string;
  body: string;
  reviewerName: string;
  /** Null for reviews imported without an e-mail. */
  reviewerEmail: string | null;
  verifiedBuyer: boolean;
  countryCode: string | null;
  /** Null for store (shop) reviews. */
  product: { shopifyId: number; handle: string; title: string; sku: string } | null;
}

const FIRST_NAMES = [
  "Ava",
  "Liam",
  "Mia",
  "Noah",
  "Zoe",
  "Ethan",
  "Lena",
  "Omar",
  "Chloe",
  "Wei",
  "Priya",
  "Jonas",
];
const LAST_NAMES = [
  "Nguyen",
  "Smith",
  "Garcia",
  "Chen",
  "Müller",
  "Okafor",
  "Rossi",
  "Kim",
  "Dubois",
  "Patel",
];
const COUNTRIES = ["US", "US", "US", "GB", "DE", "CA", "AU", "FR", "CN", null];
const PRAISE = [
  ["Love it", "Exactly as pictured and arrived fast. Would buy again."],
  ["Great quality", "Feels well made, the colour is lovely in person."],
  ["Perfect gift", "Bought it for my sister and she wears it every day."],
  ["Five stars", "Comfortable, light and looks great."],
];
const MIXED = [
  ["Okay", "Nice design but the sizing runs a little small."],
  ["Decent", "Does the job. Packaging could be better."],
];
const COMPLAINTS = [
  ["Disappointed", "Broke after two weeks and customer service was slow to answer."],
  ["Not as described", "The colour looks nothing like the photos, returning it."],
];
const CHINESE = [["很喜欢", "质量很好，颜色和图片一样，物流也很快。"]];

/**
 * Returns `count` review facts, oldest first, the newest one hour before `now` and the oldest
 * `spanDays` before it. The same arguments always give the same facts.
 * @example seedReviewFacts({ now: new Date("2026-11-28T00:00:00Z"), count: 3 }).length // 3
 */
export function seedReviewFacts(options: {
  now: Date;
  count?: number;
  spanDays?: number;
  seed?: number;
}): ReviewFact[] {
  const count = options.count ?? 150;
  const spanMs = (options.spanDays ?? 120) * 86_400_000;
  const random = seededRandom(options.seed ?? 7);
  const newestMs = options.now.getTime() - 3_600_000;
  const facts: ReviewFact[] = [];
  for (let index = 0; index < count; index += 1) {
    const ageMs = count === 1 ? 0 : Math.round((spanMs * (count - 1 - index)) / (count - 1));
    const roll = random();
    const rating = roll < 0.6 ? 5 : roll < 0.75 ? 4 : roll < 0.85 ? 3 : roll < 0.93 ? 2 : 1;
    const pool = index % 17 === 5 ? CHINESE : rating >= 4 ? PRAISE : rating === 3 ? MIXED : COMPLAINTS;
    const [title, body] = pool[Math.floor(random() * pool.length)]!;
    const first = FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)]!;
    const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)]!;
    const specIndex = Math.floor(random() * PRODUCT_SPECS.length);
    const spec = PRODUCT_SPECS[specIndex]!;
    facts.push({
      index,
      createdAt: new Date(newestMs - ageMs),
      rating,
      title: title!,
      body: body!,
      reviewerName: `${first} ${last.charAt(0)}.`,
      // Every 11th review was imported without an e-mail address.
      reviewerEmail:
        index % 11 === 3
          ? null
          : `${first}.${last.normalize("NFD").replace(/[^A-Za-z]/g, "")}${index}@example.com`.toLowerCase(),
      verifiedBuyer: random() < 0.8,
      countryCode: COUNTRIES[Math.floor(random() * COUNTRIES.length)] ?? null,
      // Every 13th review is about the store, not a product.
      product:
        index % 13 === 7
          ? null
          : { shopifyId: 101 + specIndex, handle: spec.handle, title: spec.title, sku: spec.skuPrefix },
    });
  }
  return facts;
}
