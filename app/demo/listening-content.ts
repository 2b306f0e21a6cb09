/**
 * What the demo's listening fakes (Judge.me, Yotpo, Reddit, YouTube) hold: a few dozen reviews,
 * posts, videos and comments per platform about the simulated store's products, written along the
 * scenario's stories (the eco sunglasses pinch and people ask for a polarized version, the fitness
 * tracker's battery, the shelf's assembly, the earbuds' creator spike), some in Chinese, some copied
 * word for word to another platform so near-duplicate linking shows, a store review with an e-mail
 * address in the text for the privacy rules — and new items "written" while the demo runs.
 *
 * Plain data only: scripts/lib/listening-fakes.ts turns it into each fake's documented shapes.
 */
import type { Scenario, ScenarioProduct } from "./scenario";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The products the texts talk about, by the keys used below. */
const PRODUCT_TITLES = {
  sunglasses: "Tidewater Eco Sunglasses",
  pendant: "Sea Glass Drop Pendant",
  anklet: "Cowrie Shell Anklet",
  ring: "Ocean Blue Wave Ring",
  earrings: "Shell Hoop Earrings",
  tracker: "Stride Smart Fitness Tracker",
  shelf: "Modu Modular Home Shelf",
  earbuds: "Aura Wireless Earbuds",
  mug: "Canopy Bamboo Travel Mug",
  tee: "Organic Cotton Crew Tee",
  weekender: "Waxed Canvas Weekender",
  yogaMat: "Cork Yoga Mat",
  beanie: "Merino Rib Beanie",
  bottle: "Trailhead Insulated Bottle",
  towel: "Turkish Linen Beach Towel",
} as const;
type ProductKey = keyof typeof PRODUCT_TITLES;

/** The product a review is attached to, as the review apps know it (Shopify's numeric id). */
export interface DemoReviewProduct {
  shopifyId: number;
  handle: string;
  title: string;
  sku: string;
}

export interface DemoReview {
  /** Position in the seeded list (the fakes derive their ids from it). */
  index: number;
  postedAt: Date;
  rating: number;
  title: string;
  body: string;
  reviewerName: string;
  reviewerEmail: string | null;
  verifiedBuyer: boolean;
  countryCode: string | null;
  /** Null for a review of the store itself. */
  product: DemoReviewProduct | null;
}

export interface DemoRedditPost {
  id: string;
  author: string;
  subreddit: string;
  title: string;
  selftext: string;
  postedAt: Date;
}

export interface DemoYoutubeVideo {
  videoId: string;
  channelId: string;
  channelTitle: string;
  title: string;
  description: string;
  publishedAt: Date;
}

export interface DemoYoutubeComment {
  id: string;
  videoId: string;
  author: string;
  authorChannelId: string;
  text: string;
  publishedAt: Date;
  likeCount: number;
}

export interface DemoListeningContent {
  judgeme: DemoReview[];
  yotpo: DemoReview[];
  reddit: DemoRedditPost[];
  youtube: { videos: DemoYoutubeVideo[]; comments: DemoYoutubeComment[] };
}

/** One review row: days before the anchor, product, stars, title, body, reviewer, country. */
type ReviewRow = [number, ProductKey | null, number, string, string, string, string | null];

// Copied word for word to Reddit and YouTube below (cross-posts): near-duplicate links.
const POLARIZED_WISH = {
  title: "Wish it came polarized",
  body: "Great pair, the only thing missing is polarized lenses for the water. Please make a polarized version of the Tidewater Eco Sunglasses!",
};
const SHELF_ASSEMBLY = {
  title: "Confusing assembly",
  body: "The Modu Modular Home Shelf looks great in Walnut but the assembly instructions are confusing, it took me two hours and one module went on backwards.",
};
const FISHING_TRIPS = {
  title: "Need polarized",
  body: "Need a polarized version for fishing trips, the glare off the water is brutal. Otherwise I love the Ocean Blue Tidewater sunglasses.",
};

const JUDGEME_ROWS: ReviewRow[] = [
  [
    1,
    "earbuds",
    5,
    "Saw them on YouTube",
    "Bought the Aura Wireless Earbuds after a creator review and they live up to it, the Pearl White case looks premium.",
    "Ethan K.",
    "US",
  ],
  [
    2,
    "sunglasses",
    3,
    "Gorgeous but they pinch",
    "Love the Coral colour but the nose pads pinch after about an hour. Had to take them off halfway through a drive.",
    "Megan R.",
    "US",
  ],
  [
    3,
    "pendant",
    5,
    "Catches the light",
    "The Sea Glass Drop Pendant catches the light beautifully. I wear it every day with my #oceanjewelry stack.",
    "Olivia N.",
    "US",
  ],
  [
    4,
    "sunglasses",
    2,
    "Too tight on the temples",
    "The Ocean Blue frames look great but they are way too tight on the temples for my head. The pressure gives me a headache by lunch.",
    "Daniel K.",
    "US",
  ],
  [
    5,
    "tracker",
    2,
    "Battery drains fast",
    "The Stride Smart Fitness Tracker battery barely lasts two days with heart rate on, not the seven days advertised.",
    "Omar S.",
    "US",
  ],
  [6, "sunglasses", 4, POLARIZED_WISH.title, POLARIZED_WISH.body, "Hannah L.", "AU"],
  [
    6,
    "mug",
    4,
    "Keeps coffee warm",
    "The Canopy Bamboo Travel Mug keeps coffee warm for my whole commute and the Slate colour is nice.",
    "Priya K.",
    "GB",
  ],
  [7, "earrings", 5, "很轻很舒服", "贝壳耳环很轻，银色款戴一整天都不累，包装也很精致。", "Lin H.", "CN"],
  [
    8,
    "sunglasses",
    3,
    "很喜欢但有点夹",
    "环保太阳镜的珊瑚色很好看，但是戴久了鼻托有点夹，希望以后出偏光版本。",
    "Wei C.",
    "CN",
  ],
  [
    9,
    "sunglasses",
    5,
    "Sand goes with everything",
    "The Sand pair goes with everything and knowing they are made from ocean plastic makes me love them even more.",
    "Priya P.",
    "GB",
  ],
  [9, "shelf", 3, SHELF_ASSEMBLY.title, SHELF_ASSEMBLY.body, "Jonas R.", "DE"],
  [
    10,
    "anklet",
    5,
    "Beach essential",
    "The Cowrie Shell Anklet is exactly what I wanted for summer, the shells feel sturdy and the clasp is easy.",
    "Maya G.",
    "US",
  ],
  [
    11,
    "tracker",
    4,
    "Good sleep tracking",
    "Sleep tracking on the Stride tracker is surprisingly accurate and the Glacier White band stays clean.",
    "Ava N.",
    "GB",
  ],
  [
    12,
    "sunglasses",
    5,
    "Light and pretty",
    "Super light, I forget I'm wearing them. Coral is even brighter in person.",
    "Sofia M.",
    "US",
  ],
  [
    13,
    "earbuds",
    3,
    "Case lid is loose",
    "Sound is great but the Aura earbuds case lid feels loose and the Black finish scratches easily.",
    "Liam C.",
    "CA",
  ],
  [
    14,
    "ring",
    4,
    "Runs small",
    "Beautiful Ocean Blue Wave Ring but it runs half a size small, order a size 8 if you are between sizes.",
    "Emma D.",
    "FR",
  ],
  [
    15,
    "sunglasses",
    3,
    "Nose pads leave marks",
    "The nose pads pinch and leave red marks after a few hours at the beach. The Coral colour is beautiful though.",
    "Jake T.",
    "US",
  ],
  [
    16,
    "tracker",
    2,
    "Strap cracked",
    "The Graphite strap cracked after three weeks of gym sessions. The tracker itself works fine.",
    "Noah S.",
    "US",
  ],
  [
    17,
    "weekender",
    5,
    "Fits everything",
    "The Waxed Canvas Weekender fits a long weekend of clothes and still slides under the plane seat.",
    "Mia R.",
    "AU",
  ],
  [
    18,
    "shelf",
    5,
    "Solid oak",
    "The Oak finish is gorgeous and the modules click together firmly. Ordering two more.",
    "Chloe D.",
    "US",
  ],
  [
    19,
    "sunglasses",
    4,
    "Would buy polarized",
    "Would instantly buy a second pair if there was a polarized version. Ocean Blue is lovely.",
    "Lena M.",
    "DE",
  ],
  [
    20,
    "earrings",
    5,
    "Gold hoops",
    "The Shell Hoop Earrings in Gold are light enough to wear all day and the shell detail is lovely.",
    "Zoe K.",
    "US",
  ],
  [
    21,
    null,
    5,
    "Fast shipping",
    "Fast shipping and lovely packaging, everything arrived wrapped in recycled paper.",
    "Maya S.",
    "US",
  ],
  [
    22,
    "tee",
    5,
    "Soft tee",
    "The Organic Cotton Crew Tee is so soft and the M fits true to size after washing.",
    "Liam N.",
    "US",
  ],
  [
    23,
    "beanie",
    5,
    "Warm, not itchy",
    "The Merino Rib Beanie is warm without being itchy, even on my sensitive forehead.",
    "Jonas M.",
    "DE",
  ],
  [
    24,
    "sunglasses",
    1,
    "Arrived scratched",
    "My pair arrived with a scratch across the left lens. Email me at jake.turner@example.com or call 555-201-7788 about a replacement please.",
    "Jake T.",
    "US",
  ],
  [
    25,
    "sunglasses",
    2,
    "Kelp Green looks dull",
    "The Kelp Green looks much duller than the photos, more brown than green. Returning them for the Sand ones.",
    "Chris B.",
    "CA",
  ],
  [
    27,
    "yogaMat",
    4,
    "Grippy",
    "The Cork Yoga Mat grips even when I sweat, a bit heavy to carry to class though.",
    "Zoe P.",
    "US",
  ],
  [
    29,
    null,
    2,
    "Slow support",
    "Had to email customer service three times about a missing order before anyone answered.",
    "Chris N.",
    "US",
  ],
  [
    30,
    "bottle",
    4,
    "Cold all day",
    "The Trailhead Insulated Bottle 750 ml kept water cold through a whole day of hiking.",
    "Ethan S.",
    "US",
  ],
  [
    33,
    "towel",
    5,
    "Packs small",
    "The Turkish Linen Beach Towel dries fast and packs small for travel.",
    "Ava K.",
    "US",
  ],
];

const YOTPO_ROWS: ReviewRow[] = [
  [
    1,
    "earbuds",
    5,
    "Worth the hype",
    "The Aura Wireless Earbuds are worth the hype, noise cancelling is great on the train.",
    "Sam W.",
    "US",
  ],
  [
    2,
    "sunglasses",
    2,
    "Too tight for hikes",
    "Had to take them off halfway through a hike, too tight on the temples. Such a shame because the Sand colour is perfect.",
    "Rosa L.",
    "US",
  ],
  [
    3,
    "tracker",
    2,
    "Battery is the weak spot",
    "The Stride Smart Fitness Tracker needs charging every other day, the battery is the weak spot.",
    "Kai M.",
    "US",
  ],
  [
    4,
    "pendant",
    5,
    "Lovely gift",
    "Gave the Sea Glass Drop Pendant to my mum and she has not taken it off since.",
    "Grace T.",
    "GB",
  ],
  [5, "sunglasses", 4, FISHING_TRIPS.title, FISHING_TRIPS.body, "Tom H.", "US"],
  [6, "yogaMat", 4, "防滑好", "软木瑜伽垫防滑效果很好，就是有点重，带去上课不太方便。", "Chen Y.", "CN"],
  [
    7,
    "shelf",
    2,
    "Missing screws",
    "My Modu Modular Home Shelf arrived with screws missing for one module and the instructions were hard to follow.",
    "Peter G.",
    "US",
  ],
  [
    8,
    "sunglasses",
    5,
    "Compliments everywhere",
    "Got so many compliments on my Coral Tidewater Eco Sunglasses at the beach this weekend.",
    "Isla F.",
    "AU",
  ],
  [
    9,
    "anklet",
    4,
    "Cute but short",
    "The Cowrie Shell Anklet is cute but the chain is a little short for me.",
    "Nina R.",
    "US",
  ],
  [
    10,
    "earbuds",
    4,
    "Good fit",
    "Good fit and good battery, the Pearl White case does pick up marks.",
    "Leo B.",
    "CA",
  ],
  [
    11,
    "sunglasses",
    3,
    "Comfort could be better",
    "Comfortable for twenty minutes, then my temples start to ache. They look fantastic though.",
    "Ruth A.",
    "US",
  ],
  [
    12,
    "tracker",
    4,
    "Accurate steps",
    "Step counting matches my phone and the Graphite colour looks sharp at work.",
    "Max D.",
    "DE",
  ],
  [
    13,
    "ring",
    5,
    "Perfect fit",
    "The Ocean Blue Wave Ring in size 7 fits perfectly and the blue enamel is vivid.",
    "Elena V.",
    "US",
  ],
  [
    14,
    "sunglasses",
    4,
    "想要偏光",
    "太阳镜颜色很正，海洋蓝特别好看，就是没有偏光镜片，开车有点刺眼。",
    "Zhang L.",
    "CN",
  ],
  [
    15,
    "mug",
    3,
    "Lid leaks",
    "The Canopy Bamboo Travel Mug lid leaks a little if you tip it over in a bag.",
    "Ben K.",
    "GB",
  ],
  [
    16,
    "earrings",
    5,
    "Everyday hoops",
    "The Shell Hoop Earrings in Silver are my new everyday pair. #oceanjewelry",
    "Amara O.",
    "US",
  ],
  [
    18,
    "sunglasses",
    2,
    "Charcoal looks flat",
    "The Charcoal colour looks flat and grey in person, nothing like the photos.",
    "Owen P.",
    "US",
  ],
  [
    19,
    null,
    5,
    "Great store",
    "Great store, fast delivery to Canada and a nice handwritten note in the box.",
    "Claire M.",
    "CA",
  ],
  [
    20,
    "shelf",
    5,
    "Clean look",
    "The Matte White Modu shelf looks clean in our hallway and holds a lot of books.",
    "Hugo L.",
    "FR",
  ],
  [
    24,
    "tee",
    4,
    "Shrinks a bit",
    "The Organic Cotton Crew Tee shrank a little in the dryer, size up to L if unsure.",
    "Dan R.",
    "US",
  ],
  [
    26,
    "bottle",
    5,
    "Great bottle",
    "The Trailhead Insulated Bottle 500 ml fits my bike cage and keeps ice for hours.",
    "Ivy C.",
    "US",
  ],
];

/** [days before the anchor, id, author, subreddit, title, selftext]. */
const REDDIT_ROWS: [number, string, string, string, string, string][] = [
  [
    1,
    "pd1a01",
    "glare_hunter",
    "sunglasses",
    "Any polarized eco sunglasses?",
    "I love my Tidewater Eco Sunglasses in Ocean Blue but they are not polarized. Does anyone know if a polarized version is coming? Glare on the water is rough.",
  ],
  [
    2,
    "pd1a02",
    "stepcount_steve",
    "Fitness",
    "Stride Smart Fitness Tracker battery life?",
    "Mine lasts two days with heart rate on. Is that normal for the Stride Smart Fitness Tracker or is my unit faulty?",
  ],
  [
    3,
    "pd1a03",
    "lowwaste_lu",
    "ZeroWaste",
    "Tidewater Eco Sunglasses made from ocean plastic, worth it?",
    "Thinking of buying the Sand colour. Anyone have them? How do they hold up after a few months?",
  ],
  [
    4,
    "pd1a04",
    "bassline_bee",
    "headphones",
    "Aura Wireless Earbuds worth it?",
    "Saw a big YouTube review of the Aura Wireless Earbuds. Are they better than Pebble Audio buds for the price?",
  ],
  [
    5,
    "pd1a05",
    "coral_coast",
    "sunglasses",
    "Tidewater sunglasses nose pads pinch",
    "Anyone else find the Tidewater Eco Sunglasses pinch the bridge of the nose? The Coral ones look amazing but I get red marks after an hour.",
  ],
  [6, "pd1a06", "hannah_outdoors", "sunglasses", POLARIZED_WISH.title, POLARIZED_WISH.body],
  [
    7,
    "pd1a07",
    "audio_nerd_42",
    "headphones",
    "Aura earbuds after two weeks",
    "Noise cancelling on the Aura Wireless Earbuds is solid, touch controls are a bit too sensitive.",
  ],
  [
    8,
    "pd1a08",
    "carry_on_only",
    "BuyItForLife",
    "Waxed Canvas Weekender after a year",
    "The Waxed Canvas Weekender has been on twenty trips, the canvas is scuffed in a good way and the zip still runs smooth.",
  ],
  [9, "pd1a09", "diy_jonas", "HomeImprovement", SHELF_ASSEMBLY.title, SHELF_ASSEMBLY.body],
  [
    10,
    "pd1a10",
    "seaglass_sara",
    "jewelry",
    "#oceanjewelry haul: Sea Glass Drop Pendant and Shell Hoop Earrings",
    "Both are lovely, the Sea Glass Drop Pendant is a little smaller than I expected.",
  ],
  [
    11,
    "pd1a11",
    "xiaolin_daily",
    "China_irl",
    "环保太阳镜值得买吗？",
    "看到有人推荐环保太阳镜，珊瑚色很好看，但听说戴久了会夹鼻子，有没有人买过？",
  ],
  [
    12,
    "pd1a12",
    "trail_runner_ray",
    "running",
    "Stride tracker vs FitLoop",
    "Switched from FitLoop to the Stride Smart Fitness Tracker, GPS pairing is better but the battery is worse.",
  ],
  [
    13,
    "pd1a13",
    "shade_seeker",
    "sunglasses",
    "Kelp Green vs Charcoal Tidewater?",
    "Both look dull next to Coral and Sand in the Tidewater Eco Sunglasses photos. Anyone seen them in person?",
  ],
  [
    14,
    "pd1a14",
    "summer_sol",
    "femalefashionadvice",
    "Cowrie Shell Anklet for summer?",
    "Is the Cowrie Shell Anklet comfortable enough to wear in the sea or does the clasp rust?",
  ],
  [
    15,
    "pd1a15",
    "anchor_andy",
    "HomeImprovement",
    "Modu Modular Home Shelf wall anchors",
    "Which anchors did you use for the Modu Modular Home Shelf in Oak? The included ones feel weak.",
  ],
  [
    16,
    "pd1a16",
    "green_closet",
    "sustainablefashion",
    "Recycled sunglasses brands?",
    "Looking at WaveShade and the Tidewater Eco Sunglasses. Which one is more comfortable for all-day wear?",
  ],
  [
    18,
    "pd1a18",
    "commuter_kim",
    "ZeroWaste",
    "Canopy Bamboo Travel Mug review",
    "The Canopy Bamboo Travel Mug replaced my disposable cups, the lid is the only weak point.",
  ],
  [
    20,
    "pd1a20",
    "hot_yoga_hana",
    "yoga",
    "Cork Yoga Mat grip in hot yoga",
    "The Cork Yoga Mat actually gets grippier when I sweat, unlike my old rubber mat.",
  ],
  [
    22,
    "pd1a22",
    "peak_bagger",
    "BuyItForLife",
    "Trailhead Insulated Bottle dent test",
    "Dropped my Trailhead Insulated Bottle down a scree slope, one dent and it still keeps ice overnight.",
  ],
  [
    25,
    "pd1a25",
    "basics_ben",
    "malefashionadvice",
    "Organic Cotton Crew Tee sizing",
    "The Organic Cotton Crew Tee runs a little long in the body, I went down to S.",
  ],
];

/** [days before the anchor, videoId, channel, title, description]. */
const YOUTUBE_VIDEO_ROWS: [number, string, string, string, string][] = [
  [
    6,
    "pdSeaSilv01",
    "Sea & Silver",
    "#oceanjewelry try-on: Sea Glass Drop Pendant, Shell Hoop Earrings",
    "Trying the Sea Glass Drop Pendant, the Shell Hoop Earrings in Gold and Silver and the Cowrie Shell Anklet.",
  ],
  [
    8,
    "pdTideTar01",
    "Tideline Tara",
    "Tidewater Eco Sunglasses review: ocean plastic shades",
    "A week of beach days in the Tidewater Eco Sunglasses, Coral and Ocean Blue. Comfort, colours and what I would change.",
  ],
  [
    10,
    "pdXiaoLin01",
    "小林开箱",
    "环保太阳镜开箱 | 海洋塑料做的太阳镜",
    "试戴环保太阳镜珊瑚色和沙色，聊聊舒适度和颜色。",
  ],
  [
    12,
    "pdGadgGar01",
    "Gadget Garage",
    "Aura Wireless Earbuds honest review",
    "Aura Wireless Earbuds vs Pebble Audio: noise cancelling, battery and fit.",
  ],
  [
    15,
    "pdRunRay001",
    "Run With Ray",
    "Stride Smart Fitness Tracker: 30 day test",
    "Battery, sleep tracking and GPS of the Stride Smart Fitness Tracker after a month of training.",
  ],
  [
    20,
    "pdSmallSp01",
    "Small Space Living",
    "Modu Modular Home Shelf build",
    "Building the Modu Modular Home Shelf in Walnut, step by step, with the parts the instructions skip.",
  ],
];

/** [videoId, hours after the video, author, text, likes]. */
const YOUTUBE_COMMENT_ROWS: [string, number, string, string, number][] = [
  [
    "pdTideTar01",
    2,
    "@sandy_shores",
    "Got mine in Sand, they look great but the nose pads pinch after an hour.",
    14,
  ],
  ["pdTideTar01", 5, "@fishing_fran", `${FISHING_TRIPS.title}. ${FISHING_TRIPS.body}`, 31],
  ["pdTideTar01", 9, "@polar_paul", "Please make a polarised version, I'd buy every colour.", 57],
  ["pdTideTar01", 20, "@coral_kate", "Coral is stunning on camera, ordering now.", 6],
  ["pdTideTar01", 30, "@temple_tom", "Too tight on the temples for me, had to send them back.", 9],
  ["pdTideTar01", 44, "@beach_bo", "These are my favourite sunglasses, light and they float!", 3],
  ["pdTideTar01", 70, "@hannah_outdoors", `${POLARIZED_WISH.title}. ${POLARIZED_WISH.body}`, 12],
  ["pdXiaoLin01", 3, "@阿珍", "珊瑚色好好看！", 8],
  ["pdXiaoLin01", 7, "@小王", "我的也是戴久了鼻托夹，希望改进一下。", 5],
  ["pdXiaoLin01", 26, "@海边的猫", "求出偏光款，开车用。", 11],
  [
    "pdGadgGar01",
    1,
    "@no_regrets_ned",
    "Bought the Aura Wireless Earbuds because of this video, no regrets.",
    40,
  ],
  ["pdGadgGar01", 4, "@pebble_fan", "Pebble Audio still has better battery imo.", 7],
  ["pdGadgGar01", 12, "@scratchy", "Is the Pearl White case as scratch prone as people say?", 2],
  ["pdGadgGar01", 36, "@tap_tap", "Touch controls are way too sensitive for me.", 4],
  ["pdRunRay001", 2, "@marathon_mo", "My Stride tracker battery also only lasts two days.", 18],
  ["pdRunRay001", 10, "@sleepy_sue", "Sleep tracking has been accurate for me.", 3],
  ["pdRunRay001", 28, "@loop_lover", "The FitLoop app is still better honestly.", 1],
  [
    "pdSmallSp01",
    3,
    "@flatpack_fiona",
    "The instructions for the Modu shelf were so confusing, this video saved me.",
    22,
  ],
  ["pdSmallSp01", 15, "@woodgrain", "Walnut looks amazing in your room.", 2],
  ["pdSmallSp01", 48, "@anchor_andy", "What wall anchors did you use?", 1],
  ["pdSeaSilv01", 2, "@pearl_diver", "The pendant is gorgeous.", 9],
  ["pdSeaSilv01", 6, "@hoop_dreams", "Gold hoops or silver? I can't decide.", 4],
  ["pdSeaSilv01", 18, "@anklet_ana", "Need that anklet for my holiday.", 2],
];

function productIndex(scenario: Scenario): Map<ProductKey, ScenarioProduct> {
  const byTitle = new Map(scenario.products.map((p) => [p.title, p]));
  const index = new Map<ProductKey, ScenarioProduct>();
  for (const [key, title] of Object.entries(PRODUCT_TITLES) as [ProductKey, string][]) {
    const product = byTitle.get(title);
    if (product) index.set(key, product);
  }
  return index;
}

function reviewProduct(product: ScenarioProduct | undefined): DemoReviewProduct | null {
  if (!product) return null;
  return {
    shopifyId: Number(product.id.split("/").pop()),
    handle: product.handle,
    title: product.title,
    sku: product.variants[0]?.sku ?? product.handle,
  };
}

function emailOf(name: string, index: number): string | null {
  // Every seventh reviewer was imported without an e-mail address.
  if (index % 7 === 3) return null;
  const local = name
    .normalize("NFD")
    .replace(/[^A-Za-z ]/g, "")
    .trim()
    .replace(/\s+/g, ".")
    .toLowerCase();
  return `${local || "reviewer"}.${index}@example.com`;
}

/** Hours past midnight for the n-th item, so items of the same day do not share a time. */
const hourOf = (n: number) => 7 + ((n * 5) % 13);

function reviewsFrom(
  rows: readonly ReviewRow[],
  products: Map<ProductKey, ScenarioProduct>,
  anchorMs: number,
): DemoReview[] {
  return rows
    .map(([days, key, rating, title, body, name, country], n) => ({
      index: n,
      postedAt: new Date(anchorMs - days * DAY_MS - hourOf(n) * HOUR_MS),
      rating,
      title,
      body,
      reviewerName: name,
      reviewerEmail: emailOf(name, n),
      verifiedBuyer: n % 5 !== 4,
      countryCode: country,
      product: key === null ? null : reviewProduct(products.get(key)),
    }))
    .sort((a, b) => a.postedAt.getTime() - b.postedAt.getTime())
    .map((review, index) => ({ ...review, index }));
}

/**
 * Where the demo's listening clock starts: a day before the scenario's "today" (the simulated
 * store's orders and mentions end there, so live items join the scenario's last week instead of
 * opening a nearly empty new one), or just after the newest item an earlier run already stored, so
 * a restarted demo's new items are always newer than what the connectors' cursors have seen.
 * @example demoListeningClockStart(scenario, null).toISOString() // "2026-11-22T00:00:00.000Z" for today 2026-11-23
 */
export function demoListeningClockStart(scenario: Scenario, newestStoredAt: Date | null): Date {
  const dayBeforeToday = Date.parse(`${scenario.historyEnd}T00:00:00Z`) - DAY_MS;
  return new Date(Math.max(dayBeforeToday, (newestStoredAt?.getTime() ?? 0) + 60_000));
}

/**
 * The start of `now`'s UTC day: seeded items are dated before it, so a demo restarted on the same
 * day serves the same items at the same times (and the connectors' cursors see nothing new).
 * @example demoListeningAnchor(new Date("2026-11-28T13:45:00Z")).toISOString() // "2026-11-28T00:00:00.000Z"
 */
export function demoListeningAnchor(now: Date): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
}

/**
 * Returns the seeded listening content about the scenario's products, dated before `anchor`
 * (see demoListeningAnchor). The same scenario and anchor always give the same content.
 * @example demoListeningContent(scenario, new Date("2026-11-28T00:00:00Z")).reddit.length // 20
 */
export function demoListeningContent(scenario: Scenario, anchor: Date): DemoListeningContent {
  const products = productIndex(scenario);
  const anchorMs = anchor.getTime();
  const videos = YOUTUBE_VIDEO_ROWS.map(([days, videoId, channel, title, description], n) => ({
    videoId,
    channelId: `UCdemo${videoId.slice(2, 8)}`,
    channelTitle: channel,
    title,
    description,
    publishedAt: new Date(anchorMs - days * DAY_MS - hourOf(n) * HOUR_MS),
  }));
  const publishedAt = new Map(videos.map((v) => [v.videoId, v.publishedAt.getTime()]));
  const comments = YOUTUBE_COMMENT_ROWS.map(([videoId, hours, author, text, likes], n) => ({
    id: `Ugpd${videoId.slice(2)}c${n}`,
    videoId,
    author,
    authorChannelId: `UCviewer${author.replace(/[^A-Za-z0-9]/g, "") || n}`,
    text,
    // Comments never postdate the anchor, even on the newest video.
    publishedAt: new Date(Math.min(publishedAt.get(videoId)! + hours * HOUR_MS, anchorMs - HOUR_MS)),
    likeCount: likes,
  }));
  return {
    judgeme: reviewsFrom(JUDGEME_ROWS, products, anchorMs),
    yotpo: reviewsFrom(YOTPO_ROWS, products, anchorMs),
    reddit: REDDIT_ROWS.map(([days, id, author, subreddit, title, selftext], n) => ({
      id,
      author,
      subreddit,
      title,
      selftext,
      postedAt: new Date(anchorMs - days * DAY_MS - hourOf(n) * HOUR_MS),
    })),
    youtube: { videos, comments },
  };
}

// ---- items written while the demo runs ----

const TRICKLE_PRODUCTS: readonly ProductKey[] = [
  "sunglasses",
  "earbuds",
  "tracker",
  "sunglasses",
  "shelf",
  "pendant",
  "sunglasses",
  "mug",
  "earrings",
  "tee",
  "bottle",
];
const TRICKLE_COLOURS: Partial<Record<ProductKey, readonly string[]>> = {
  sunglasses: ["Coral", "Ocean Blue", "Sand", "Kelp Green", "Charcoal"],
  earbuds: ["Black", "Pearl White"],
  tracker: ["Graphite", "Glacier White"],
  shelf: ["Oak", "Walnut", "Matte White"],
  earrings: ["Silver", "Gold"],
  mug: ["Natural", "Slate"],
  tee: ["size S", "size M", "size L", "size XL"],
  bottle: ["500 ml", "750 ml"],
};
/** Neutral openings: {p} is the product, {c} its colour or size (dropped for single-variant products). */
const TRICKLE_OPENINGS = [
  "Just got the {p} in {c} and",
  "Week two with my {c} {p}:",
  "Picked up the {p} ({c}) last weekend and",
  "Honest update on the {p} in {c}:",
  "Second order of the {p} in {c}, and",
  "My partner borrowed my {c} {p} and",
  "A month in with the {p} in {c}:",
];
/** [stars, what the writer says] per product, along the scenario's stories. */
const TRICKLE_DETAILS: Partial<Record<ProductKey, readonly [number, string][]>> = {
  sunglasses: [
    [2, "the nose pads still pinch after an hour"],
    [4, "I really wish they came polarized for the water"],
    [2, "they are too tight on the temples on long drives"],
    [5, "the colour is even better in the sun"],
    [5, "people keep asking where they are from"],
  ],
  earbuds: [
    [5, "the noise cancelling is great on flights"],
    [2, "the case scratches too easily"],
    [4, "the fit is secure when running"],
  ],
  tracker: [
    [2, "the battery only lasts two days"],
    [5, "sleep tracking is spot on"],
    [2, "the strap is already fraying"],
  ],
  shelf: [
    [2, "the assembly instructions were confusing"],
    [5, "the modules feel really sturdy"],
    [3, "it needed extra wall anchors"],
  ],
};
const GENERIC_DETAILS: readonly [number, string][] = [
  [5, "it feels well made"],
  [4, "it arrived quicker than expected"],
  [5, "the quality is better than I expected"],
  [2, "it looks cheaper than in the photos"],
];
const HAPPY_CLOSINGS = ["Would recommend.", "Happy overall.", "Already eyeing another one."];
const UNHAPPY_CLOSINGS = [
  "Not sure I would buy it again.",
  "Hoping the next batch is better.",
  "Curious if others have this too.",
];
const TRICKLE_NAMES = ["Alex", "Jordan", "Sam", "Riley", "Casey", "Morgan", "Taylor", "Jamie", "Robin"];
const TRICKLE_COUNTRIES = ["US", "US", "GB", "DE", "CA", "AU"];
const TRICKLE_ZH_OPENINGS = [
  "刚收到{c}的环保太阳镜，",
  "第二次买{c}环保太阳镜了，",
  "{c}环保太阳镜戴了一个月，",
];
const TRICKLE_ZH_COLOURS = ["珊瑚色", "海洋蓝", "沙色", "海藻绿", "炭灰色"];
const TRICKLE_ZH_DETAILS = [
  "就是戴久了鼻托有点夹。",
  "希望能出偏光款，夏天开车用正好。",
  "颜色比图片还好看。",
  "包装很环保，物流也快。",
];
const TRICKLE_SUBREDDITS: Partial<Record<ProductKey, string>> = {
  sunglasses: "sunglasses",
  earbuds: "headphones",
  tracker: "Fitness",
  shelf: "HomeImprovement",
};

export interface DemoTrickleItems {
  judgeme: DemoReview;
  yotpo: DemoReview;
  reddit: DemoRedditPost;
  youtubeComment: DemoYoutubeComment;
}

/**
 * The items written at step `tick` of the demo's clock (the launcher counts minutes since the epoch,
 * so a restarted demo continues the texts instead of repeating them): one review for each review
 * app, one Reddit post and one YouTube comment, all posted at `at`. Ids carry `runId` so a restart
 * never reuses an id of an earlier run; texts are combined from parts so consecutive ticks never
 * repeat a text (which would be linked as a copy).
 * @example demoTrickleItems(scenario, 0, new Date("2026-11-28T10:00:00Z"), "r1").reddit.id // "r1t0"
 */
export function demoTrickleItems(
  scenario: Scenario,
  tick: number,
  at: Date,
  runId: string,
): DemoTrickleItems {
  const products = productIndex(scenario);
  const text = (offset: number) => {
    // Four disjoint sequences (one per platform): no item is a copy of another's text.
    const n = tick * 4 + offset;
    const key = TRICKLE_PRODUCTS[n % TRICKLE_PRODUCTS.length]!;
    const title = PRODUCT_TITLES[key];
    const colours = TRICKLE_COLOURS[key];
    const opening = TRICKLE_OPENINGS[n % TRICKLE_OPENINGS.length]!;
    const details = TRICKLE_DETAILS[key] ?? GENERIC_DETAILS;
    const [stars, detail] = details[Math.floor(n / TRICKLE_PRODUCTS.length) % details.length]!;
    const closings = stars >= 4 ? HAPPY_CLOSINGS : UNHAPPY_CLOSINGS;
    const closing = closings[n % closings.length]!;
    const named = colours
      ? opening.replace("{c}", colours[n % colours.length]!)
      : opening.replace(/ in \{c\}| \(\{c\}\)|\{c\} /, "");
    const body = `${named.replace("{p}", title)} ${detail}. ${closing}`;
    return {
      key,
      title,
      stars,
      body,
      name: `${TRICKLE_NAMES[n % TRICKLE_NAMES.length]} ${String.fromCharCode(65 + (n % 26))}.`,
    };
  };
  const review = (offset: number): DemoReview => {
    const t = text(offset);
    // Every ninth new review is written in Chinese about the sunglasses.
    const chinese = (tick + offset) % 9 === 4;
    // Judge.me and Yotpo write their Chinese reviews in the same block of ticks: apart by offset.
    const k = Math.floor(tick / 9) * 2 + offset;
    return {
      index: tick,
      postedAt: at,
      rating: t.stars,
      title: chinese
        ? "新评价"
        : t.stars >= 4
          ? "Happy with it"
          : t.stars === 3
            ? "Mixed feelings"
            : "Disappointed",
      body: chinese
        ? `${TRICKLE_ZH_OPENINGS[k % TRICKLE_ZH_OPENINGS.length]!.replace("{c}", TRICKLE_ZH_COLOURS[k % TRICKLE_ZH_COLOURS.length]!)}${TRICKLE_ZH_DETAILS[k % TRICKLE_ZH_DETAILS.length]}`
        : t.body,
      reviewerName: t.name,
      reviewerEmail: `${t.name.split(" ")[0]!.toLowerCase()}.${runId}.${tick}@example.com`,
      verifiedBuyer: tick % 4 !== 3,
      countryCode: chinese ? "CN" : TRICKLE_COUNTRIES[tick % TRICKLE_COUNTRIES.length]!,
      product: reviewProduct(products.get(chinese ? "sunglasses" : t.key)),
    };
  };
  const post = text(2);
  const comment = text(3);
  const videoIds = YOUTUBE_VIDEO_ROWS.map((row) => row[1]);
  return {
    judgeme: review(0),
    yotpo: review(1),
    reddit: {
      id: `${runId}t${tick}`,
      author: `${post.name.split(" ")[0]!.toLowerCase()}_${runId}_${tick}`,
      subreddit: TRICKLE_SUBREDDITS[post.key] ?? "BuyItForLife",
      title: `${post.title}: ${post.stars >= 4 ? "impressed so far" : "a few problems"}`,
      selftext: post.body,
      postedAt: at,
    },
    youtubeComment: {
      id: `Ugpd${runId}t${tick}`,
      videoId: videoIds[tick % videoIds.length]!,
      author: `@${comment.name.split(" ")[0]!.toLowerCase()}${tick}`,
      authorChannelId: `UCviewer${runId}${tick}`,
      text: comment.body,
      publishedAt: at,
      likeCount: tick % 4,
    },
  };
}
