/**
 * Mention texts built from phrase banks with combinatorial variety (opener × clause × supporting
 * clause × closer × platform decoration), in English and Simplified Chinese. Every text is built
 * for an intended stance and records the aspects and feature requests it expresses, so tests and
 * the scorer's evaluation have ground truth.
 */
import type { Prng } from "./prng";
import type { MentionPlatform } from "./types";

export type Stance = "positive" | "neutral" | "negative";

/** Aspect names of the sentiment engine's default taxonomy. */
export type Aspect =
  | "comfort"
  | "price"
  | "design"
  | "colour"
  | "quality"
  | "fit"
  | "battery"
  | "installation"
  | "shipping"
  | "function";

export type MentionTopic =
  | "sunglasses-comfort"
  | "sunglasses-design"
  | "sunglasses-polarized"
  | "sunglasses-question"
  | "creator-eco-showcase"
  | "jewelry-hashtag"
  | "tracker-swim-hr"
  | "tracker-general"
  | "tracker-swim-mode"
  | "shelf-design"
  | "shelf-installation"
  | "shelf-general"
  | "earbuds-general"
  | "kol-review"
  | "kol-fan"
  | "bot-promo"
  | "mug-general"
  | "review-general"
  | "industry";

interface Clause {
  text: string;
  aspects: Aspect[];
  featureRequests?: string[];
}

type StanceBank = Partial<Record<Stance, readonly Clause[]>>;

const c = (text: string, aspects: Aspect[], featureRequests?: string[]): Clause =>
  featureRequests ? { text, aspects, featureRequests } : { text, aspects };

// ——— English phrase banks ———————————————————————————————————————————————————————————————

const EN_TOPICS: Record<MentionTopic, StanceBank> = {
  "sunglasses-comfort": {
    negative: [
      c("the nose pads pinch after about an hour", ["comfort"]),
      c("nose pads pinch like crazy", ["comfort"]),
      c("they're really tight on the temples", ["comfort"]),
      c("way too tight on the temples for my head", ["comfort", "fit"]),
      c("the nose pads pinch and leave red marks", ["comfort"]),
      c("comfortable for twenty minutes, then my temples start to ache", ["comfort"]),
      c("love how they look but the nose pads pinch", ["comfort", "design"]),
      c("the frame squeezes behind my ears on long drives", ["comfort", "fit"]),
      c("had to take them off halfway through a hike, too tight on the temples", ["comfort"]),
      c("they pinch my nose so badly I can't wear them all day", ["comfort"]),
      c("pressure on the temples gives me a headache", ["comfort"]),
      c("the {product} look great but pinch the bridge of my nose", ["comfort", "design"]),
    ],
  },
  "sunglasses-design": {
    positive: [
      c("the {colour} frames are gorgeous", ["design", "colour"]),
      c("can't believe the {product} are made from ocean plastic, they look so good", ["design"]),
      c("the design is so clean and light", ["design"]),
      c("{colour} is the perfect shade for the beach", ["colour", "design"]),
      c("best-looking sunglasses I own and they're recycled", ["design"]),
      c("the matte finish on the {colour} pair is beautiful", ["design", "colour"]),
      c("people keep asking where my {product} are from", ["design"]),
      c("love that every pair pulls plastic out of the ocean", ["design"]),
      c("light, sturdy, and the {colour} looks even better in person", ["design", "quality", "colour"]),
      c("such an innovative design for recycled frames", ["design"]),
      c("the {colour} {product} go with everything", ["design", "colour"]),
      c("lightweight frames and a really smart design", ["design"]),
    ],
  },
  "sunglasses-polarized": {
    neutral: [
      c("wish it came polarized", ["function"], ["polarized lenses"]),
      c("please make a polarised version", ["function"], ["polarized lenses"]),
      c("is there a polarized option?", ["function"], ["polarized lenses"]),
      c("any plans for polarized lenses on the {product}?", ["function"], ["polarized lenses"]),
      c("do you have the {product} in polarized?", ["function"], ["polarized lenses"]),
      c("need a polarized version for fishing trips", ["function"], ["polarized lenses"]),
    ],
    positive: [
      c("love them, only wish it came polarized", ["design", "function"], ["polarized lenses"]),
      c(
        "would instantly buy a second pair if there was a polarized version",
        ["function"],
        ["polarized lenses"],
      ),
      c(
        "great pair, the only thing missing is polarized lenses for the water",
        ["function"],
        ["polarized lenses"],
      ),
      c("please make a polarised version, I'd buy every colour", ["function"], ["polarized lenses"]),
    ],
  },
  "sunglasses-question": {
    neutral: [
      c("does the {colour} pair come with a case?", ["design"]),
      c("how do the {product} fit on a wider face?", ["fit"]),
      c("ordered the {colour} ones, waiting on shipping", ["shipping"]),
      c("are the {product} UV400?", ["function"]),
      c("comparing the {product} with my old {competitor} pair", []),
      c("how long does delivery usually take?", ["shipping"]),
      c("is the {colour} more orange or pink in real life?", ["colour"]),
    ],
    positive: [
      c("arrived in two days and the packaging was plastic-free", ["shipping"]),
      c("fair price for recycled frames", ["price"]),
    ],
  },
  "creator-eco-showcase": {
    positive: [
      c("the design is genuinely beautiful", ["design"]),
      c("the {colour} frames photograph so well", ["design", "colour"]),
      c("light, well made and made from ocean-recycled plastic", ["design", "quality"]),
      c("finally an eco pair with a design I actually want to wear", ["design"]),
    ],
  },
  "jewelry-hashtag": {
    positive: [
      c("obsessed with my {product}", ["design"]),
      c("the blue on this {product} is unreal", ["colour", "design"]),
      c("beach vibes all year with my {product}", ["design"]),
      c("my {product} matches every summer outfit", ["design"]),
      c("got so many compliments on the {product} today", ["design"]),
      c("the shell details on the {product} are so delicate", ["design", "quality"]),
      c("new favourite piece: the {product}", ["design"]),
      c("wore the {product} to the beach and it still looks brand new", ["quality"]),
      c("the {product} is the prettiest thing I've bought this year", ["design"]),
      c("stacking my {product} with everything lately", ["design"]),
    ],
    neutral: [
      c("anyone know if the {product} is waterproof?", ["quality"]),
      c("styling the {product} three ways", ["design"]),
      c("thinking about getting the {product} as a gift", []),
      c("saw the {product} everywhere on my feed, is it worth it?", ["price"]),
    ],
    negative: [
      c("the {product} tarnished after a week", ["quality"]),
      c("the clasp on my {product} broke on day three", ["quality"]),
      c("the shell on my {product} chipped already", ["quality"]),
      c("the {product} looks cheaper than in the photos", ["design", "quality"]),
    ],
  },
  "tracker-swim-hr": {
    negative: [
      c("heart rate is all over the place when swimming", ["function"]),
      c("swim heart rate readings are useless", ["function"]),
      c("it showed 185 bpm during easy laps", ["function"]),
      c("HR during pool sessions is way off compared to my chest strap", ["function"]),
      c("heart-rate accuracy in the water is terrible", ["function"]),
      c("the swim HR data makes no sense at all", ["function"]),
      c("open-water swim heart rate randomly drops to 60", ["function"]),
      c("great on land, but the heart rate while swimming is wildly inaccurate", ["function"]),
      c("swim heart rate is inaccurate on every single session", ["function"]),
    ],
  },
  "tracker-general": {
    positive: [
      c("battery lasts a full week", ["battery"]),
      c("sleep tracking is spot on", ["function"]),
      c("step count matches my phone almost exactly", ["function"]),
      c("super light, I forget I'm wearing the {product}", ["comfort"]),
      c("the {colour} band looks sharp", ["design", "colour"]),
      c("running heart rate is surprisingly accurate", ["function"]),
      c("the app is clean and syncs fast", ["function"]),
    ],
    neutral: [
      c("does the {product} sync with Apple Health?", ["function"]),
      c("how is the GPS on the {product}?", ["function"]),
      c("switching from {competitor}, anything I should know?", []),
      c("is the {colour} band easy to swap?", ["design"]),
    ],
    negative: [
      c("the strap irritates my wrist", ["comfort"]),
      c("battery drains in two days with GPS on", ["battery"]),
      c("the band clasp came loose twice", ["quality"]),
    ],
  },
  "tracker-swim-mode": {
    neutral: [
      c("please add a proper swim mode", ["function"], ["swim mode"]),
      c("wish it had a real swim mode with lap counting", ["function"], ["swim mode"]),
      c("is a swim mode coming to the {product}?", ["function"], ["swim mode"]),
      c("would love an open-water swim mode", ["function"], ["swim mode"]),
    ],
  },
  "shelf-design": {
    positive: [
      c("looks so clean on the wall", ["design"]),
      c("the {colour} modules are gorgeous", ["design", "colour"]),
      c("finally a shelf that looks like furniture", ["design"]),
      c("styling my {product} with plants and books", ["design"]),
      c("love how you can rearrange the modules", ["design", "function"]),
      c("minimal, warm and beautiful", ["design"]),
      c("the {colour} finish is even nicer in person", ["design", "colour"]),
      c("my living room finally feels finished thanks to the {product}", ["design"]),
      c("obsessed with this shelf setup", ["design"]),
    ],
    neutral: [
      c("rearranged the {product} again this weekend", ["design"]),
      c("which finish goes with light floors, {colour} or another?", ["colour"]),
    ],
    negative: [
      c("looks nice but wobbles a little", ["quality"]),
      c("pretty, but the {colour} finish scratches easily", ["quality"]),
    ],
  },
  "shelf-installation": {
    negative: [
      c("installation was a nightmare", ["installation"]),
      c("the assembly instructions are useless", ["installation"]),
      c("the wall anchors it ships with are junk", ["installation", "quality"]),
      c("took me three hours to assemble", ["installation"]),
      c("the holes didn't line up during assembly", ["installation", "quality"]),
      c("you need two people to install it and nobody tells you that", ["installation"]),
      c("the mounting rail is a pain to level", ["installation"]),
      c("installing the {product} on drywall was a disaster", ["installation"]),
    ],
  },
  "shelf-general": {
    positive: [
      c("solid once it's finally on the wall", ["quality"]),
      c("sturdy and looks great once installed", ["quality", "design"]),
      c("holds all my records without sagging", ["quality"]),
    ],
    neutral: [
      c("what anchors did you use for drywall?", ["installation"]),
      c("how much weight does each module hold?", ["function"]),
      c("thinking about the {colour} finish for my office", ["colour"]),
      c("does the {product} work in a rental without drilling?", ["installation"]),
    ],
  },
  "earbuds-general": {
    positive: [
      c("sound is crisp and the bass is punchy", ["quality"]),
      c("noise cancelling is great for the price", ["function", "price"]),
      c("battery gets me through a whole workday", ["battery"]),
      c("the {colour} case looks really premium", ["design", "colour"]),
      c("they stay put during runs", ["fit"]),
    ],
    neutral: [
      c("how do the {product} compare to {competitor} buds?", []),
      c("is there an app for EQ on the {product}?", ["function"]),
      c("does the {colour} case show scratches?", ["design"]),
    ],
    negative: [
      c("the left bud keeps disconnecting", ["function"]),
      c("the case scratches way too easily", ["quality"]),
      c("they fall out when I run", ["fit"]),
    ],
  },
  "kol-review": {
    positive: [
      c("I've tested a lot of earbuds this year and the {product} genuinely surprised me", ["quality"]),
      c("for the money, the {product} are the best sounding buds I've reviewed", ["quality", "price"]),
    ],
  },
  "kol-fan": {
    positive: [
      c("bought the {product} after {creator}'s video and wow", ["quality"]),
      c("{creator} was right, the {product} sound amazing", ["quality"]),
      c("watched {creator}'s review and ordered the {colour} pair", ["colour"]),
      c("trusting {creator} on this one, the {product} are great", ["quality"]),
      c("thanks {creator}, the {product} are exactly as good as you said", ["quality"]),
      c("came here from {creator}, the bass on the {product} is insane", ["quality"]),
    ],
    neutral: [
      c("saw {creator}'s video, are the {product} worth it over {competitor}?", []),
      c("{creator} made me curious about the {product}", []),
    ],
    negative: [c("got the {product} because of {creator} and mine keep disconnecting", ["function"])],
  },
  "bot-promo": {
    positive: [
      c("{product} is the BEST deal of the year", ["price"]),
      c("{product} = best purchase ever, don't miss out", ["price"]),
      c("everyone needs the {product} right now", []),
    ],
  },
  "mug-general": {
    positive: [
      c("keeps my coffee hot for hours", ["function"]),
      c("love the bamboo lid on the {product}", ["design"]),
      c("the {colour} one looks great on my desk", ["design", "colour"]),
      c("fits perfectly in my car cup holder", ["fit"]),
    ],
    neutral: [
      c("does the {product} fit under an espresso machine?", ["fit"]),
      c("hand wash only for the {product}?", ["quality"]),
    ],
    negative: [
      c("the lid on my {product} leaks in my bag", ["quality"]),
      c("coffee goes lukewarm way too fast", ["function"]),
      c("the bamboo on the {colour} one started cracking", ["quality"]),
    ],
  },
  "review-general": {
    positive: [
      c("great quality for the price", ["quality", "price"]),
      c("exactly as described", ["quality"]),
      c("the {product} arrived fast and well packed", ["shipping"]),
      c("my second {product}, still love it", ["quality"]),
      c("really well made", ["quality"]),
      c("looks even better than the photos", ["design"]),
      c("worth every penny", ["price"]),
    ],
    neutral: [
      c("decent, nothing special", ["quality"]),
      c("does what it says", ["function"]),
      c("took about a week to arrive, fine otherwise", ["shipping"]),
      c("the {product} is okay for the price", ["price"]),
    ],
    negative: [
      c("arrived with a small tear", ["quality", "shipping"]),
      c("colour faded after one wash", ["quality", "colour"]),
      c("smaller than expected", ["fit"]),
      c("took three weeks to arrive", ["shipping"]),
      c("the {product} fell apart within a month", ["quality"]),
    ],
  },
  industry: {
    positive: [
      c("love that ocean plastic sunglasses are everywhere this summer", []),
      c("recycled ocean plastic is finally looking good in fashion", ["design"]),
      c("sustainable fashion brands are getting so much better at design", ["design"]),
      c("{competitor} just launched a recycled line and it's nice to see the trend grow", []),
    ],
    neutral: [
      c("is recycled ocean plastic actually better or just marketing?", []),
      c("anyone compared {competitor} with other eco eyewear brands?", []),
      c("what counts as sustainable fashion anyway?", []),
      c("ocean-inspired jewelry seems to be the trend of the season", []),
      c("looking for eco-friendly sunglasses recommendations", []),
    ],
    negative: [
      c("most sustainable fashion is just greenwashing", []),
      c("{competitor}'s eco line feels overpriced", ["price"]),
      c("tired of every brand claiming ocean plastic without proof", []),
    ],
  },
};

/** Openers that fit any post; product openers below only fit posts about one of our products. */
const EN_OPENERS: Record<Stance, readonly string[]> = {
  positive: [
    "Honestly,",
    "Okay so",
    "Not gonna lie,",
    "Update:",
    "Obsessed.",
    "Can confirm:",
    "Ok wow.",
    "Love this:",
  ],
  neutral: ["Quick question:", "Curious:", "For reference:", "Hey all,", "Random thought:", "So,"],
  negative: [
    "Hmm.",
    "Not thrilled.",
    "Bit disappointed.",
    "PSA:",
    "Ugh.",
    "Mixed feelings.",
    "Real talk:",
    "Hate to say it but",
  ],
};

const EN_PRODUCT_OPENERS: Record<Stance, readonly string[]> = {
  positive: [
    "Finally tried the {product}.",
    "Got the {product} last week.",
    "Just got my {product}!",
    "Two weeks in and",
  ],
  neutral: ["Anyone else have the {product}?", "Thinking about getting the {product}."],
  negative: ["Week two with the {product}:", "Returned my {product}."],
};

const EN_SUPPORT: Record<Stance, readonly Clause[]> = {
  positive: [
    c("Shipping was quick too.", ["shipping"]),
    c("Packaging was plastic-free, nice touch.", ["shipping"]),
    c("Price felt fair.", ["price"]),
    c("Support answered my question within a day.", ["shipping"]),
    c("Quality feels solid.", ["quality"]),
  ],
  neutral: [
    c("Shipping took about a week.", ["shipping"]),
    c("Paid full price.", ["price"]),
    c("Had it for a month now.", []),
    c("Bought it on sale.", ["price"]),
  ],
  negative: [
    c("And shipping took forever.", ["shipping"]),
    c("For this price I expected more.", ["price"]),
    c("The box arrived crushed, too.", ["shipping"]),
    c("Support hasn't replied yet.", ["shipping"]),
  ],
};

const EN_CLOSERS: Record<Stance, readonly string[]> = {
  positive: [
    "Would buy again.",
    "10/10.",
    "Highly recommend.",
    "Already eyeing a second one.",
    "Worth it.",
    "Gifted one to my sister too.",
    "Five stars.",
    "So happy with it.",
  ],
  neutral: [
    "Thanks in advance!",
    "Any tips?",
    "Will update.",
    "Still deciding.",
    "Let me know.",
    "Curious what you think.",
  ],
  negative: [
    "Expected better.",
    "Might return it.",
    "Hope they fix this.",
    "Not buying again.",
    "Really disappointing.",
    "Two stars.",
  ],
};

const EN_EMOJI: Record<Stance, readonly string[]> = {
  positive: ["😍", "🌊", "✨", "🙌", "💙", "😎", "🔥", "🐚", "💯"],
  neutral: ["🤔", "👀", "🙂"],
  negative: ["😕", "😤", "👎", "🙃", "😬"],
};

const REVIEW_TITLES: Record<Stance, readonly string[]> = {
  positive: ["Love it!", "Great buy.", "Perfect.", "Beautiful.", "So good."],
  neutral: ["It's fine.", "Okay.", "Decent."],
  negative: ["Disappointed.", "Not great.", "Meh."],
};

// ——— Simplified Chinese phrase banks ——————————————————————————————————————————————————

const ZH_TOPICS: Partial<Record<MentionTopic, StanceBank>> = {
  "sunglasses-comfort": {
    negative: [
      c("{zh}很好看，但是鼻托有点夹", ["comfort", "design"]),
      c("戴久了太阳穴有点紧", ["comfort"]),
      c("鼻托夹得鼻子疼", ["comfort"]),
      c("好看是好看，就是戴着不太舒服，镜腿太紧", ["comfort", "fit"]),
      c("戴一个小时鼻梁就被压红了", ["comfort"]),
    ],
  },
  "sunglasses-design": {
    positive: [
      c("{colour}太好看了", ["colour", "design"]),
      c("海洋回收塑料做的，很环保，设计也好看", ["design"]),
      c("颜值很高，很轻", ["design"]),
      c("{zh}设计很有创意，朋友都问在哪买的", ["design"]),
    ],
  },
  "sunglasses-polarized": {
    neutral: [
      c("希望出偏光款", ["function"], ["polarized lenses"]),
      c("有偏光版本吗？", ["function"], ["polarized lenses"]),
      c("要是有偏光镜片就完美了", ["function"], ["polarized lenses"]),
    ],
    positive: [c("很喜欢，就是希望出偏光款", ["design", "function"], ["polarized lenses"])],
  },
  "sunglasses-question": {
    neutral: [c("{colour}实物是什么颜色？", ["colour"]), c("脸大的人戴合适吗？", ["fit"])],
    positive: [c("物流很快，包装也环保", ["shipping"])],
  },
  "jewelry-hashtag": {
    positive: [
      c("{zh}好精致，很有海洋感", ["design"]),
      c("蓝色太美了，夏天必备", ["colour", "design"]),
      c("贝壳细节很好看", ["design"]),
      c("戴上{zh}心情都变好了", ["design"]),
    ],
    neutral: [c("{zh}防水吗？", ["quality"]), c("想买{zh}送朋友", [])],
    negative: [c("戴了一周就掉色了", ["quality", "colour"]), c("扣子不太牢", ["quality"])],
  },
  "tracker-swim-hr": {
    negative: [
      c("游泳时心率不准", ["function"]),
      c("游泳模式下心率乱跳", ["function"]),
      c("在泳池里测的心率完全不对", ["function"]),
    ],
  },
  "tracker-general": {
    positive: [
      c("续航很长，睡眠监测准", ["battery", "function"]),
      c("戴着很轻，{colour}很好看", ["comfort", "colour"]),
    ],
    neutral: [c("能连苹果健康吗？", ["function"])],
    negative: [c("表带戴久了手腕痒", ["comfort"])],
  },
  "tracker-swim-mode": {
    neutral: [
      c("希望加一个游泳模式", ["function"], ["swim mode"]),
      c("有没有游泳模式？", ["function"], ["swim mode"]),
    ],
  },
  "shelf-design": {
    positive: [c("放在客厅很好看，设计感很强", ["design"]), c("{colour}很高级", ["colour", "design"])],
    neutral: [c("{colour}和浅色地板搭吗？", ["colour"])],
    negative: [c("好看但是有点晃", ["quality"])],
  },
  "shelf-installation": {
    negative: [
      c("安装太麻烦了，说明书看不懂", ["installation"]),
      c("墙上安装很费劲", ["installation"]),
      c("配的膨胀螺丝质量很差", ["installation", "quality"]),
    ],
  },
  "shelf-general": {
    positive: [c("装好以后很结实", ["quality"])],
    neutral: [c("每层能放多重的东西？", ["function"])],
  },
  "earbuds-general": {
    positive: [c("音质很好，低音很足", ["quality"]), c("降噪效果不错，性价比高", ["function", "price"])],
    neutral: [c("和{competitor}比怎么样？", [])],
    negative: [c("连接不稳定，左耳经常断", ["function"])],
  },
  "kol-fan": {
    positive: [c("看了{creator}的视频入的，音质确实好", ["quality"])],
    neutral: [c("{creator}推荐的，值得买吗？", [])],
  },
  "mug-general": {
    positive: [c("保温效果很好", ["function"]), c("竹盖子很好看", ["design"])],
    neutral: [c("能放进车里的杯架吗？", ["fit"])],
    negative: [c("保温效果一般，盖子漏水", ["function", "quality"])],
  },
  "review-general": {
    positive: [
      c("性价比高，物流快", ["price", "shipping"]),
      c("质量不错，会回购", ["quality"]),
      c("包装很好，和图片一样", ["shipping", "design"]),
      c("{zh}做工很好", ["quality"]),
    ],
    neutral: [c("还行吧，一般般", ["quality"]), c("还没用，先看看", [])],
    negative: [
      c("做工差，掉色", ["quality", "colour"]),
      c("用了一周就坏了", ["quality"]),
      c("物流太慢了", ["shipping"]),
    ],
  },
  industry: {
    positive: [c("海洋回收塑料做的时尚单品越来越多了", [])],
    neutral: [c("环保时尚到底是不是营销？", []), c("有推荐的环保太阳镜品牌吗？", [])],
    negative: [c("很多环保品牌都是在漂绿", [])],
  },
};

const ZH_OPENERS: Record<Stance, readonly string[]> = {
  positive: ["收到了，", "用了两周，", "说实话，", "", "第二次买了，"],
  neutral: ["请问", "", "想问一下，"],
  negative: ["说实话，", "用了几天，", "", "有点失望，"],
};

const ZH_CLOSERS: Record<Stance, readonly string[]> = {
  positive: ["推荐！", "会回购。", "很满意。", "", "👍"],
  neutral: ["", "谢谢！", "求解答。"],
  negative: ["有点失望。", "不推荐。", "", "差评。"],
};

// ——— Composition ————————————————————————————————————————————————————————————————————————

/** What a text is about and how it should read. */
export interface MentionTextRequest {
  topic: MentionTopic;
  stance: Stance;
  language: "en" | "zh";
  platform: MentionPlatform;
  /** How the product is named (an English name, or the Chinese alias). */
  productName: string;
  productNameZh?: string;
  /** The variant's option value when the mention is about one variant ("Coral", "M"). */
  variantValue?: string;
  variantValueZh?: string;
  /** True when the variant value is a colour or finish; sizes read differently. */
  variantIsColour?: boolean;
  hashtags: readonly string[];
  /** Hashtags that must appear (the jewelry story's #oceanjewelry). */
  requiredHashtags?: readonly string[];
  creatorHandle?: string;
  competitor?: string;
}

export interface MentionText {
  text: string;
  aspects: Aspect[];
  featureRequests: string[];
}

function clausesFor(bank: StanceBank | undefined, stance: Stance): readonly Clause[] {
  return bank?.[stance] ?? [];
}

function fill(template: string, request: MentionTextRequest, language: "en" | "zh"): string {
  const colour =
    language === "zh" ? (request.variantValueZh ?? request.variantValue ?? "") : (request.variantValue ?? "");
  return template
    .replaceAll("{product}", request.productName)
    .replaceAll("{zh}", request.productNameZh ?? request.productName)
    .replaceAll("{colour}", colour)
    .replaceAll("{creator}", request.creatorHandle ?? "a creator")
    .replaceAll("{competitor}", request.competitor ?? "other brands");
}

function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function endSentence(sentence: string): string {
  return /[.!?…]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** An English phrase naming the variant, for clauses that do not already carry it. */
function variantPhraseEn(request: MentionTextRequest, rng: Prng): string {
  const value = request.variantValue ?? "";
  if (request.variantIsColour) {
    return rng.pick([
      `Got the ${value} one.`,
      `(${value})`,
      `Mine's ${value}.`,
      `${value} colourway.`,
      `Went with ${value}.`,
    ]);
  }
  return rng.pick([`Size ${value}.`, `(size ${value})`, `Ordered size ${value}.`, `I got the ${value}.`]);
}

function pickClause(request: MentionTextRequest, rng: Prng, bank: StanceBank | undefined): Clause {
  const candidates = clausesFor(bank, request.stance);
  if (candidates.length === 0) throw new Error(`No ${request.stance} clause for topic ${request.topic}`);
  // Clauses naming a colour only fit mentions about a colour variant.
  const usable = candidates.filter((clause) => !clause.text.includes("{colour}") || request.variantIsColour);
  return rng.pick(usable.length > 0 ? usable : candidates);
}

/**
 * Returns an English or Chinese mention text for the request, with the aspects and feature
 * requests it expresses. Colour/size words always appear when the request names a variant.
 * @example
 * composeMentionText(createPrng(1), { topic: "sunglasses-comfort", stance: "negative", language: "en",
 *   platform: "reddit", productName: "Tidewater sunglasses", hashtags: [] }).text;
 * // e.g. "Ugh. The nose pads pinch after about an hour. Might return it."
 */
export function composeMentionText(rng: Prng, request: MentionTextRequest): MentionText {
  return request.language === "zh" ? composeZh(rng, request) : composeEn(rng, request);
}

function composeEn(rng: Prng, request: MentionTextRequest): MentionText {
  const { stance, platform } = request;
  const main = pickClause(request, rng, EN_TOPICS[request.topic]);
  const aspects = new Set<Aspect>(main.aspects);
  const sentences: string[] = [];

  const isReview = platform === "judgeme" || platform === "shop_reviews";
  if (isReview && rng.chance(0.35)) sentences.push(rng.pick(REVIEW_TITLES[stance]));
  let opener = "";
  if (rng.chance(0.55)) {
    const aboutProduct = request.productName !== "" && rng.chance(0.35);
    opener = fill(rng.pick(aboutProduct ? EN_PRODUCT_OPENERS[stance] : EN_OPENERS[stance]), request, "en");
  }

  let mainText = fill(main.text, request, "en");
  const variantNamed =
    request.variantValue === undefined || mainText.toLowerCase().includes(request.variantValue.toLowerCase());
  const runOnOpener = opener !== "" && !/[.!?:]$/.test(opener);
  let variantPrefix = "";
  if (!variantNamed) {
    const phrase = variantPhraseEn(request, rng);
    // After a run-on opener ("Okay so …") a separate sentence would dangle: use the bracket form.
    if (phrase.startsWith("(") || runOnOpener) mainText = `${mainText} (${request.variantValue})`;
    else variantPrefix = phrase;
  }
  // A clause written in lower case continues a run-on opener ("Okay so the design…"); a clause
  // starting with a name or an acronym keeps its capital.
  const continuesOpener = runOnOpener && /^[a-z]/.test(main.text);
  mainText = endSentence(continuesOpener ? mainText : capitalise(mainText));
  if (opener) sentences.push(opener);
  if (variantPrefix) sentences.push(variantPrefix);
  sentences.push(mainText);

  if (rng.chance(0.3)) {
    const support = rng.pick(EN_SUPPORT[stance]);
    support.aspects.forEach((aspect) => aspects.add(aspect));
    sentences.push(support.text);
  }
  if (rng.chance(0.45)) sentences.push(rng.pick(EN_CLOSERS[stance]));

  let text = sentences.join(" ");
  if (platform === "reddit" && rng.chance(0.3)) text = text.toLowerCase();
  const social = platform === "instagram" || platform === "tiktok";
  if ((social && rng.chance(0.6)) || (platform === "youtube" && rng.chance(0.2))) {
    text = `${text} ${rng.shuffle(request.hashtags).slice(0, rng.int(1, 3)).join(" ")}`;
  }
  if (social ? rng.chance(0.6) : rng.chance(0.15)) {
    text = `${text} ${rng.pick(EN_EMOJI[stance]).repeat(rng.int(1, 3))}`;
  }
  return finish(text, request, aspects, main.featureRequests);
}

function composeZh(rng: Prng, request: MentionTextRequest): MentionText {
  const { stance } = request;
  const bank = ZH_TOPICS[request.topic] ?? ZH_TOPICS["review-general"];
  const main = pickClause(
    request,
    rng,
    clausesFor(bank, stance).length > 0 ? bank : ZH_TOPICS["review-general"],
  );
  const aspects = new Set<Aspect>(main.aspects);
  let body = fill(main.text, request, "zh");
  const variantWord = request.variantValueZh ?? request.variantValue;
  if (variantWord !== undefined && !body.includes(variantWord)) {
    // Ring sizes are 号, clothing sizes 码, anything else (500 ml) a 款 (model).
    const sizeWord = /^\d+$/.test(variantWord) ? "号" : /^X{0,3}[SML]$/.test(variantWord) ? "码" : "款";
    body = request.variantIsColour ? `买的${variantWord}，${body}` : `买的${variantWord}${sizeWord}，${body}`;
  }
  if (!body.includes(request.productNameZh ?? request.productName) && rng.chance(0.5)) {
    body = `${request.productNameZh ?? request.productName}，${body}`;
  }
  let text = `${rng.pick(ZH_OPENERS[stance])}${body}`;
  const closer = rng.pick(ZH_CLOSERS[stance]);
  if (!/[。！？!?]$/.test(text))
    text += closer === "" ? rng.pick(["。", "！", "", "～"]) : rng.pick(["。", "！", "～"]);
  // An opener and a closer saying the same thing ("有点失望…有点失望") reads like a bot.
  if (!text.includes(closer.replace(/[。！]$/, ""))) text += closer;
  if ((request.platform === "instagram" || request.platform === "tiktok") && rng.chance(0.4)) {
    text = `${text} ${rng.pick(request.hashtags)}`;
  }
  return finish(text, request, aspects, main.featureRequests);
}

function finish(
  text: string,
  request: MentionTextRequest,
  aspects: Set<Aspect>,
  featureRequests: string[] | undefined,
): MentionText {
  let finalText = text.trim();
  for (const tag of request.requiredHashtags ?? []) {
    if (!finalText.toLowerCase().includes(tag.toLowerCase())) finalText = `${finalText} ${tag}`;
  }
  return {
    text: finalText,
    aspects: [...aspects],
    featureRequests: featureRequests ? [...featureRequests] : [],
  };
}

// ——— Creators and bots ——————————————————————————————————————————————————————————————————

const CREATOR_INTROS = [
  "New in my sustainable swaps series:",
  "My favourite eco find this month:",
  "Low-waste summer essentials, part 3:",
  "Not sponsored, just impressed:",
  "Ocean-friendly accessories I actually use:",
];
const CREATOR_CTAS = [
  "Full review on my channel.",
  "Link in bio.",
  "Not an ad, I bought them myself.",
  "Tell me which colour you'd pick!",
  "Saving this for my summer list.",
];

/**
 * Returns a sustainability creator's post praising the eco sunglasses' design.
 * @example
 * composeCreatorShowcase(createPrng(3), { productName: "Tidewater sunglasses", colour: "Coral",
 *   hashtags: ["#ecosunglasses"] }).aspects; // includes "design"
 */
export function composeCreatorShowcase(
  rng: Prng,
  input: { productName: string; colour: string; hashtags: readonly string[] },
): MentionText {
  const bank = EN_TOPICS["creator-eco-showcase"].positive ?? [];
  const first = rng.pick(bank);
  const second = rng.pick(bank.filter((clause) => clause !== first));
  const fillCreator = (t: string) =>
    t.replaceAll("{colour}", input.colour).replaceAll("{product}", input.productName);
  const text = [
    rng.pick(CREATOR_INTROS),
    `the ${input.productName} in ${input.colour}.`,
    endSentence(capitalise(fillCreator(first.text))),
    endSentence(capitalise(fillCreator(second?.text ?? first.text))),
    rng.pick(CREATOR_CTAS),
    input.hashtags.join(" "),
    rng.pick(["🌊", "🌍", "♻️", "😎"]),
  ].join(" ");
  return { text, aspects: [...new Set([...first.aspects, ...(second?.aspects ?? [])])], featureRequests: [] };
}

/**
 * Returns the shared base of a bot burst: one promotional text the bots then vary slightly.
 * @example
 * botBurstBase(createPrng(5), "Aura earbuds", ["#earbuds"]); // e.g. "🔥 Aura earbuds is the BEST deal of the year!!! …"
 */
export function botBurstBase(rng: Prng, productName: string, hashtags: readonly string[]): string {
  const clause = rng.pick(EN_TOPICS["bot-promo"].positive ?? []);
  const hook = rng.pick(["🔥", "💥", "⚡", "🚨"]);
  const cta = rng.pick([
    "Get yours now 👉 link in bio",
    "Shop now before it sells out!!",
    "DM for discount code",
  ]);
  return `${hook} ${capitalise(clause.text.replaceAll("{product}", productName))}!!! ${cta} ${hashtags.join(" ")}`;
}

/**
 * Returns a near-duplicate of a bot burst's base text (punctuation, emoji and a tracking tag
 * differ), the way spam accounts dodge exact-duplicate filters.
 * @example
 * mutateBotText(createPrng(6), "Buy now!!! #deal"); // e.g. "Buy now!! #deal ✅ ref77"
 */
export function mutateBotText(rng: Prng, base: string): string {
  let text = base;
  if (rng.chance(0.4)) text = text.replace("!!!", rng.pick(["!!", "!!!!", "!"]));
  if (rng.chance(0.3)) text = text.toUpperCase();
  if (rng.chance(0.5)) text = `${text} ${rng.pick(["✅", "💯", "🛒", "👇"]).repeat(rng.int(1, 3))}`;
  if (rng.chance(0.6)) text = `${text} ref${rng.int(10, 99)}`;
  return text;
}
