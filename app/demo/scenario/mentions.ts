/**
 * Mentions realised from the story plan: each batch's exact count, with random platform (from the
 * batch's mix), day and hour, author, reach, country, language, variant and text. Ground truth
 * (product, variant, intended stance, aspects, feature requests, author kind) is kept on each
 * mention so the scorer and the tests can be checked against it.
 */
import { addDays, zonedTimeToIso } from "./calendar";
import type { CatalogEntry, ProductKey } from "./catalog";
import {
  AuthorRegistry,
  botHandle,
  customerHandle,
  customerReachFollowers,
  microCreatorReachFollowers,
  type Author,
} from "./authors";
import { COUNTRY_MIX_BY_REGION, REGION_KEYS, type RegionKey } from "./locations";
import { mentionLink } from "./mention-links";
import {
  botBurstBase,
  composeCreatorShowcase,
  composeMentionText,
  mutateBotText,
  type MentionText,
} from "./mention-text";
import type { Prng } from "./prng";
import { COMPETITORS, type MentionBatch } from "./story-plan";
import type { MentionPlatform, ScenarioMention } from "./types";

/** People post in the evening more than at night. */
const POST_HOUR_WEIGHTS = [
  0.4, 0.25, 0.15, 0.1, 0.1, 0.15, 0.35, 0.6, 0.8, 0.9, 1.0, 1.1, 1.2, 1.1, 1.0, 1.0, 1.1, 1.3, 1.5, 1.7, 1.8,
  1.7, 1.3, 0.8,
];
const POST_HOURS = POST_HOUR_WEIGHTS.map((weight, hour) => ({ hour, weight }));

/** Share of customer mentions written in Simplified Chinese (products with a Chinese alias). */
const CHINESE_SHARE = 0.09;

const SUBREDDITS: Partial<Record<ProductKey, string[]>> & { default: string[]; industry: string[] } = {
  sunglasses: ["sunglasses", "ZeroWaste", "BuyItForLife"],
  pendant: ["jewelry", "femalefashionadvice"],
  anklet: ["jewelry", "femalefashionadvice"],
  ring: ["jewelry", "RingsAndThings"],
  earrings: ["jewelry", "femalefashionadvice"],
  tracker: ["Swimming", "wearables", "running"],
  shelf: ["HomeImprovement", "InteriorDesign", "malelivingspace"],
  earbuds: ["headphones", "gadgets"],
  mug: ["Coffee", "ZeroWaste"],
  default: ["BuyItForLife", "frugalmalefashion", "goodvalue"],
  industry: ["sustainability", "ZeroWaste", "femalefashionadvice", "eyewear"],
};

const DEFAULT_REGION_WEIGHTS: Record<RegionKey, number> = { "us-east": 0.45, "us-west": 0.3, eu: 0.25 };

function competitorFor(productKey: ProductKey | null): string {
  if (productKey === "tracker") return COMPETITORS.wearables;
  if (productKey === "earbuds") return COMPETITORS.audio;
  return COMPETITORS.eyewear;
}

/**
 * Returns the mentions for the plan's batches, oldest first.
 * @example
 * const mentions = buildMentions({ batches, catalog, windowStartDate: "2026-08-31", timeZone: "America/New_York",
 *   shopDomain: "pulse-demo.myshopify.com", rng });
 * mentions.length === totalMentions(batches); // true
 */
export function buildMentions(input: {
  batches: readonly MentionBatch[];
  catalog: readonly CatalogEntry[];
  /** First local date of the 12-week mention window. */
  windowStartDate: string;
  timeZone: string;
  shopDomain: string;
  rng: Prng;
}): ScenarioMention[] {
  const { batches, catalog, windowStartDate, timeZone, shopDomain, rng } = input;
  const entryByKey = new Map(catalog.map((entry) => [entry.spec.key, entry]));
  const registry = new AuthorRegistry();
  const burstBases = new Map<string, string>();
  const usedIds = new Set<string>();
  const mentions: ScenarioMention[] = [];

  for (const batch of batches) {
    const entry = batch.productKey === null ? undefined : entryByKey.get(batch.productKey);
    for (let i = 0; i < batch.count; i += 1) {
      const platform: MentionPlatform =
        typeof batch.platform === "string"
          ? batch.platform
          : rng.pickWeighted(Object.entries(batch.platform) as [MentionPlatform, number][], ([, w]) => w)[0];

      // When: a random day of the batch's week and an evening-leaning hour, or the pinned window.
      const dayInWeek = batch.timing ? batch.timing.dayOfWeekIndex : rng.int(0, 6);
      const date = addDays(windowStartDate, batch.week * 7 + dayInWeek);
      const secondOfDay = batch.timing
        ? Math.floor((batch.timing.startHour + rng.next() * batch.timing.spanHours) * 3600)
        : rng.pickWeighted(POST_HOURS, (h) => h.weight).hour * 3600 + rng.int(0, 3599);
      const postedAt = zonedTimeToIso(date, secondOfDay, timeZone);

      // Which variant, if the mention names one (single-variant products never do).
      const spec = entry?.spec;
      let variantIndex = -1;
      if (spec && spec.variants.length > 1 && batch.variantWeights !== null) {
        if (rng.chance(batch.variantProbability ?? 0.55)) {
          const weights = batch.variantWeights;
          const chosen = rng.pickWeighted(spec.variants, (v) =>
            weights ? (weights[v.value] ?? 0) : v.demandShare,
          );
          variantIndex = spec.variants.indexOf(chosen);
        }
      }
      const variantSpec = spec?.variants[variantIndex];
      const scenarioVariant = entry?.product.variants[variantIndex];

      const language: "en" | "zh" =
        batch.authorKind === "customer" &&
        (batch.productKey === null || spec?.aliasZh !== undefined) &&
        rng.chance(batch.productKey === null ? CHINESE_SHARE * 0.6 : CHINESE_SHARE)
          ? "zh"
          : "en";

      const regionWeights = spec?.regionWeights ?? DEFAULT_REGION_WEIGHTS;
      const country = () => {
        const region = rng.pickWeighted(REGION_KEYS, (r) => regionWeights[r]);
        return rng.pickWeighted(COUNTRY_MIX_BY_REGION[region], (c) => c.weight).countryCode;
      };

      // Who.
      let author: Author;
      if (batch.author) {
        author = batch.author;
      } else if (batch.authorKind === "bot") {
        // Spam accounts are days old with hardly any followers.
        author = {
          handle: botHandle(rng),
          reachFollowers: rng.int(3, 240),
          accountAgeDays: rng.int(1, 14),
          countryCode: rng.pick(["US", "US", "GB"]),
        };
      } else if (batch.authorKind === "creator") {
        author = {
          handle: customerHandle(rng, language),
          reachFollowers: microCreatorReachFollowers(rng),
          accountAgeDays: rng.int(500, 3000),
          countryCode: country(),
        };
      } else {
        author = registry.customer(rng, platform, 0.1, () => ({
          handle: customerHandle(rng, language),
          reachFollowers: customerReachFollowers(rng, platform),
          accountAgeDays: Math.round(Math.exp(rng.between(Math.log(45), Math.log(4200)))),
          countryCode: country(),
        }));
      }

      // What.
      const productName = spec ? rng.pick(spec.mentionNames) : "";
      let written: MentionText;
      if (batch.topic === "creator-eco-showcase" && spec) {
        written = composeCreatorShowcase(rng, {
          productName: spec.title,
          colour: variantSpec?.value ?? "Coral",
          hashtags: spec.hashtags,
        });
      } else if (batch.topic === "bot-promo" && spec) {
        const burstKey = batch.burstId ?? spec.key;
        let base = burstBases.get(burstKey);
        if (base === undefined) {
          base = botBurstBase(rng, productName, spec.hashtags);
          burstBases.set(burstKey, base);
        }
        written = { text: mutateBotText(rng, base), aspects: ["price"], featureRequests: [] };
      } else {
        written = composeMentionText(rng, {
          topic: batch.topic,
          stance: batch.stance,
          language,
          platform,
          productName,
          ...(spec?.aliasZh === undefined ? {} : { productNameZh: spec.aliasZh }),
          ...(variantSpec
            ? { variantValue: variantSpec.value, variantIsColour: spec?.optionIsColour ?? false }
            : {}),
          ...(variantSpec?.valueZh === undefined ? {} : { variantValueZh: variantSpec.valueZh }),
          hashtags: spec?.hashtags ?? ["#sustainablefashion", "#oceanplastic", "#ecofriendly"],
          ...(batch.requiredHashtags ? { requiredHashtags: batch.requiredHashtags } : {}),
          ...(batch.creatorHandle ? { creatorHandle: `@${batch.creatorHandle}` } : {}),
          competitor: competitorFor(batch.productKey),
        });
      }

      // Where it lives.
      let link = { externalId: "", url: "" };
      for (let attempt = 0; attempt < 5; attempt += 1) {
        link = mentionLink(rng, {
          platform,
          authorHandle: author.handle,
          text: written.text,
          subreddit: rng.pick(SUBREDDITS[batch.productKey ?? "industry"] ?? SUBREDDITS.default),
          shopDomain,
          productHandle: spec?.handle ?? null,
          productNumericId: entry ? (entry.product.id.split("/").pop() ?? null) : null,
        });
        if (!usedIds.has(`${platform}:${link.externalId}`)) break;
      }
      usedIds.add(`${platform}:${link.externalId}`);

      const mention: ScenarioMention = {
        externalId: link.externalId,
        platform,
        authorHandle: author.handle,
        authorReachFollowers: author.reachFollowers,
        authorAccountAgeDays: author.accountAgeDays,
        language,
        countryCode: author.countryCode,
        text: written.text,
        url: link.url,
        postedAt,
        productId: entry?.product.id ?? null,
        variantId: scenarioVariant && variantSpec ? scenarioVariant.id : null,
        authorKind: batch.authorKind,
        intendedStance: batch.stance,
        aspects: written.aspects,
      };
      if (written.featureRequests.length > 0) mention.featureRequests = written.featureRequests;
      mentions.push(mention);
    }
  }

  const ordered = mentions.map((mention, index) => ({ mention, index }));
  ordered.sort((a, b) =>
    a.mention.postedAt < b.mention.postedAt
      ? -1
      : a.mention.postedAt > b.mention.postedAt
        ? 1
        : a.index - b.index,
  );
  return ordered.map(({ mention }) => mention);
}
