import { addDays } from "./calendar";
import type { RegionKey } from "./locations";
import type { ScenarioProduct } from "./types";

/** Stable internal names of the simulated products (GIDs are assigned from this order). */
export type ProductKey =
  | "sunglasses"
  | "pendant"
  | "anklet"
  | "ring"
  | "earrings"
  | "tracker"
  | "shelf"
  | "earbuds"
  | "mug"
  | "tee"
  | "weekender"
  | "yoga-mat"
  | "beanie"
  | "bottle"
  | "towel";

export interface VariantSpec {
  /** Option value, e.g. "Coral"; "Default Title" for single-variant products. */
  value: string;
  /** The same value in Simplified Chinese, for Chinese mentions. */
  valueZh?: string;
  /** Share of the product's demand this variant gets at baseline (shares of a product sum to 1). */
  demandShare: number;
  /** The eco sunglasses' story: 3 colours loved, 2 ignored (mentions and sales). */
  loved?: boolean;
  /** Days of the planned sales rate bought before the history starts (default 35). */
  openingCoverDays?: number;
  price?: string;
  unitCost?: string;
}

export interface ProductSpec {
  key: ProductKey;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  story: ScenarioProduct["story"];
  sentimentLed: boolean;
  aliasZh?: string;
  /** Null for single-variant products ("Title" / "Default Title" in Shopify). */
  optionName: string | null;
  /** Whether the option values are colours (colour words then appear in mention texts). */
  optionIsColour: boolean;
  variants: VariantSpec[];
  price: string;
  unitCost: string;
  skuPrefix: string;
  /** Units per day across all variants and regions before any story effect. */
  baseDailyUnits: number;
  regionWeights: Record<RegionKey, number>;
  /** Supplier lead time to the US warehouses; Rotterdam adds a week of ocean freight. */
  leadTimeDays: number;
  /** Suppliers ship in cases: slow movers end up overstocked, as in real stores. */
  casePackUnits: number;
  /** How people name the product in English posts. */
  mentionNames: string[];
  hashtags: string[];
}

const DEFAULT_REGION_WEIGHTS: Record<RegionKey, number> = { "us-east": 0.45, "us-west": 0.3, eu: 0.25 };

/** The simulated catalogue, in GID order. Each story of the product definition has its products here. */
export const PRODUCT_SPECS: readonly ProductSpec[] = [
  {
    key: "sunglasses",
    title: "Tidewater Eco Sunglasses",
    handle: "tidewater-eco-sunglasses",
    vendor: "BlueLoop Eyewear",
    productType: "Sunglasses",
    tags: ["eco", "ocean-plastic", "sunglasses", "summer"],
    story: "eco-sunglasses",
    sentimentLed: true,
    aliasZh: "环保太阳镜",
    optionName: "Color",
    optionIsColour: true,
    variants: [
      { value: "Coral", valueZh: "珊瑚色", demandShare: 0.27, loved: true },
      { value: "Ocean Blue", valueZh: "海洋蓝", demandShare: 0.27, loved: true },
      { value: "Sand", valueZh: "沙色", demandShare: 0.24, loved: true },
      { value: "Kelp Green", valueZh: "海藻绿", demandShare: 0.11, loved: false, openingCoverDays: 180 },
      { value: "Charcoal", valueZh: "炭灰色", demandShare: 0.11, loved: false, openingCoverDays: 180 },
    ],
    price: "59.00",
    unitCost: "17.50",
    skuPrefix: "TWS",
    baseDailyUnits: 13,
    regionWeights: { "us-east": 0.4, "us-west": 0.38, eu: 0.22 },
    leadTimeDays: 21,
    casePackUnits: 12,
    mentionNames: ["Tidewater sunglasses", "Tidewater shades", "eco sunglasses", "ocean plastic sunnies"],
    hashtags: ["#ecosunglasses", "#oceanplastic", "#sustainablestyle"],
  },
  {
    key: "pendant",
    title: "Sea Glass Drop Pendant",
    handle: "sea-glass-drop-pendant",
    vendor: "Saltwater Studio",
    productType: "Necklace",
    tags: ["ocean-jewelry", "blue", "necklace"],
    story: "ocean-jewelry",
    sentimentLed: true,
    aliasZh: "海玻璃吊坠",
    optionName: null,
    optionIsColour: false,
    variants: [{ value: "Default Title", demandShare: 1 }],
    price: "38.00",
    unitCost: "9.80",
    skuPrefix: "SGP",
    baseDailyUnits: 4,
    regionWeights: { "us-east": 0.28, "us-west": 0.22, eu: 0.5 },
    leadTimeDays: 14,
    casePackUnits: 10,
    mentionNames: ["sea glass pendant", "Sea Glass Drop Pendant", "blue pendant", "sea glass necklace"],
    hashtags: ["#oceanjewelry", "#seaglass", "#beachstyle"],
  },
  {
    key: "anklet",
    title: "Cowrie Shell Anklet",
    handle: "cowrie-shell-anklet",
    vendor: "Saltwater Studio",
    productType: "Anklet",
    tags: ["ocean-jewelry", "shell", "anklet"],
    story: "ocean-jewelry",
    sentimentLed: true,
    aliasZh: "贝壳脚链",
    optionName: null,
    optionIsColour: false,
    variants: [{ value: "Default Title", demandShare: 1 }],
    price: "24.00",
    unitCost: "5.20",
    skuPrefix: "CSA",
    baseDailyUnits: 3,
    regionWeights: { "us-east": 0.28, "us-west": 0.22, eu: 0.5 },
    leadTimeDays: 14,
    casePackUnits: 10,
    mentionNames: ["cowrie anklet", "shell anklet", "Cowrie Shell Anklet"],
    hashtags: ["#oceanjewelry", "#shelljewelry", "#summerjewelry"],
  },
  {
    key: "ring",
    title: "Ocean Blue Wave Ring",
    handle: "ocean-blue-wave-ring",
    vendor: "Saltwater Studio",
    productType: "Ring",
    tags: ["ocean-jewelry", "blue", "ring"],
    story: "ocean-jewelry",
    sentimentLed: true,
    aliasZh: "海浪戒指",
    optionName: "Size",
    optionIsColour: false,
    variants: [
      { value: "6", demandShare: 0.3 },
      { value: "7", demandShare: 0.42 },
      { value: "8", demandShare: 0.28 },
    ],
    price: "32.00",
    unitCost: "7.40",
    skuPrefix: "OWR",
    baseDailyUnits: 3,
    regionWeights: { "us-east": 0.28, "us-west": 0.22, eu: 0.5 },
    leadTimeDays: 14,
    casePackUnits: 6,
    mentionNames: ["wave ring", "Ocean Blue Wave Ring", "blue wave ring"],
    hashtags: ["#oceanjewelry", "#bluejewelry", "#beachstyle"],
  },
  {
    key: "earrings",
    title: "Shell Hoop Earrings",
    handle: "shell-hoop-earrings",
    vendor: "Saltwater Studio",
    productType: "Earrings",
    tags: ["ocean-jewelry", "shell", "earrings"],
    story: "ocean-jewelry",
    sentimentLed: true,
    aliasZh: "贝壳耳环",
    optionName: "Metal",
    optionIsColour: true,
    variants: [
      { value: "Silver", valueZh: "银色", demandShare: 0.55 },
      { value: "Gold", valueZh: "金色", demandShare: 0.45 },
    ],
    price: "29.00",
    unitCost: "6.90",
    skuPrefix: "SHE",
    baseDailyUnits: 4,
    regionWeights: { "us-east": 0.28, "us-west": 0.22, eu: 0.5 },
    leadTimeDays: 14,
    casePackUnits: 10,
    mentionNames: ["shell hoops", "shell earrings", "Shell Hoop Earrings"],
    hashtags: ["#oceanjewelry", "#shelljewelry", "#summerjewelry"],
  },
  {
    key: "tracker",
    title: "Stride Smart Fitness Tracker",
    handle: "stride-smart-fitness-tracker",
    vendor: "Stride Labs",
    productType: "Wearables",
    tags: ["fitness", "electronics", "wearable"],
    story: "fitness-tracker",
    sentimentLed: true,
    aliasZh: "智能运动手环",
    optionName: "Color",
    optionIsColour: true,
    variants: [
      { value: "Graphite", valueZh: "石墨黑", demandShare: 0.6 },
      { value: "Glacier White", valueZh: "冰川白", demandShare: 0.4 },
    ],
    price: "129.00",
    unitCost: "48.00",
    skuPrefix: "SFT",
    baseDailyUnits: 8,
    regionWeights: { "us-east": 0.45, "us-west": 0.35, eu: 0.2 },
    leadTimeDays: 28,
    casePackUnits: 10,
    mentionNames: ["Stride tracker", "Stride band", "fitness tracker", "Stride"],
    hashtags: ["#fitnesstracker", "#swimtraining", "#wearables"],
  },
  {
    key: "shelf",
    title: "Modu Modular Home Shelf",
    handle: "modu-modular-home-shelf",
    vendor: "Modu Home",
    productType: "Shelving",
    tags: ["home", "furniture", "modular"],
    story: "modular-shelf",
    sentimentLed: true,
    aliasZh: "模块化置物架",
    optionName: "Finish",
    optionIsColour: true,
    variants: [
      { value: "Oak", valueZh: "橡木色", demandShare: 0.45 },
      { value: "Walnut", valueZh: "胡桃木色", demandShare: 0.3 },
      { value: "Matte White", valueZh: "哑光白", demandShare: 0.25 },
    ],
    price: "149.00",
    unitCost: "52.00",
    skuPrefix: "MMS",
    baseDailyUnits: 5,
    regionWeights: { "us-east": 0.42, "us-west": 0.33, eu: 0.25 },
    leadTimeDays: 21,
    casePackUnits: 4,
    mentionNames: ["Modu shelf", "modular shelf", "Modu shelving", "Modu"],
    hashtags: ["#shelfie", "#homedecor", "#modularliving"],
  },
  {
    key: "earbuds",
    title: "Aura Wireless Earbuds",
    handle: "aura-wireless-earbuds",
    vendor: "Aura Audio",
    productType: "Audio",
    tags: ["electronics", "audio"],
    story: "kol-spike-electronics",
    sentimentLed: false,
    aliasZh: "无线耳机",
    optionName: "Color",
    optionIsColour: true,
    variants: [
      { value: "Black", valueZh: "黑色", demandShare: 0.62 },
      { value: "Pearl White", valueZh: "珍珠白", demandShare: 0.38 },
    ],
    price: "89.00",
    unitCost: "31.00",
    skuPrefix: "AWE",
    baseDailyUnits: 10,
    regionWeights: DEFAULT_REGION_WEIGHTS,
    leadTimeDays: 28,
    casePackUnits: 20,
    mentionNames: ["Aura earbuds", "Aura buds", "wireless earbuds", "Auras"],
    hashtags: ["#earbuds", "#techreview", "#audio"],
  },
  {
    key: "mug",
    title: "Canopy Bamboo Travel Mug",
    handle: "canopy-bamboo-travel-mug",
    vendor: "Canopy Goods",
    productType: "Drinkware",
    tags: ["kitchen", "travel"],
    story: "noise",
    sentimentLed: false,
    aliasZh: "竹制随行杯",
    optionName: "Color",
    optionIsColour: true,
    variants: [
      { value: "Natural", valueZh: "原木色", demandShare: 0.55 },
      { value: "Slate", valueZh: "石板灰", demandShare: 0.45 },
    ],
    price: "26.00",
    unitCost: "7.10",
    skuPrefix: "CBM",
    baseDailyUnits: 8,
    regionWeights: DEFAULT_REGION_WEIGHTS,
    leadTimeDays: 21,
    casePackUnits: 24,
    mentionNames: ["Canopy mug", "bamboo travel mug", "Canopy travel mug"],
    hashtags: ["#travelmug", "#zerowaste"],
  },
  {
    key: "tee",
    title: "Organic Cotton Crew Tee",
    handle: "organic-cotton-crew-tee",
    vendor: "Harbor Basics",
    productType: "T-Shirt",
    tags: ["apparel", "organic-cotton"],
    story: "ordinary",
    sentimentLed: false,
    aliasZh: "有机棉T恤",
    optionName: "Size",
    optionIsColour: false,
    variants: [
      { value: "S", demandShare: 0.2 },
      { value: "M", demandShare: 0.34 },
      { value: "L", demandShare: 0.3 },
      { value: "XL", demandShare: 0.16 },
    ],
    price: "28.00",
    unitCost: "8.20",
    skuPrefix: "OCT",
    baseDailyUnits: 14,
    regionWeights: DEFAULT_REGION_WEIGHTS,
    leadTimeDays: 14,
    casePackUnits: 12,
    mentionNames: ["organic tee", "crew tee", "Organic Cotton Crew Tee"],
    hashtags: ["#organiccotton"],
  },
  {
    key: "weekender",
    title: "Waxed Canvas Weekender",
    handle: "waxed-canvas-weekender",
    vendor: "Harbor Basics",
    productType: "Bags",
    tags: ["bags", "travel"],
    story: "ordinary",
    sentimentLed: false,
    aliasZh: "帆布旅行包",
    optionName: null,
    optionIsColour: false,
    variants: [{ value: "Default Title", demandShare: 1, price: "118.00", unitCost: "41.00" }],
    price: "118.00",
    unitCost: "41.00",
    skuPrefix: "WCW",
    baseDailyUnits: 4,
    regionWeights: DEFAULT_REGION_WEIGHTS,
    leadTimeDays: 21,
    casePackUnits: 6,
    mentionNames: ["weekender bag", "canvas weekender", "Waxed Canvas Weekender"],
    hashtags: ["#weekendbag"],
  },
  {
    key: "yoga-mat",
    title: "Cork Yoga Mat",
    handle: "cork-yoga-mat",
    vendor: "Canopy Goods",
    productType: "Fitness",
    tags: ["fitness", "cork"],
    story: "ordinary",
    sentimentLed: false,
    aliasZh: "软木瑜伽垫",
    optionName: null,
    optionIsColour: false,
    variants: [{ value: "Default Title", demandShare: 1 }],
    price: "68.00",
    unitCost: "21.00",
    skuPrefix: "CYM",
    baseDailyUnits: 7,
    regionWeights: DEFAULT_REGION_WEIGHTS,
    leadTimeDays: 21,
    casePackUnits: 8,
    mentionNames: ["cork yoga mat", "cork mat", "Cork Yoga Mat"],
    hashtags: ["#yogamat"],
  },
  {
    key: "beanie",
    title: "Merino Rib Beanie",
    handle: "merino-rib-beanie",
    vendor: "Harbor Basics",
    productType: "Accessories",
    tags: ["apparel", "merino", "winter"],
    story: "ordinary",
    sentimentLed: false,
    optionName: null,
    optionIsColour: false,
    variants: [{ value: "Default Title", demandShare: 1 }],
    price: "34.00",
    unitCost: "9.50",
    skuPrefix: "MRB",
    baseDailyUnits: 6,
    regionWeights: { "us-east": 0.45, "us-west": 0.2, eu: 0.35 },
    leadTimeDays: 14,
    casePackUnits: 12,
    mentionNames: ["merino beanie", "rib beanie", "Merino Rib Beanie"],
    hashtags: ["#merino"],
  },
  {
    key: "bottle",
    title: "Trailhead Insulated Bottle",
    handle: "trailhead-insulated-bottle",
    vendor: "Canopy Goods",
    productType: "Drinkware",
    tags: ["outdoor", "drinkware"],
    story: "ordinary",
    sentimentLed: false,
    aliasZh: "保温水瓶",
    optionName: "Size",
    optionIsColour: false,
    variants: [
      { value: "500 ml", demandShare: 0.45, price: "32.00", unitCost: "9.00" },
      { value: "750 ml", demandShare: 0.55, price: "36.00", unitCost: "10.40" },
    ],
    price: "32.00",
    unitCost: "9.00",
    skuPrefix: "TIB",
    baseDailyUnits: 11,
    regionWeights: DEFAULT_REGION_WEIGHTS,
    leadTimeDays: 14,
    casePackUnits: 24,
    mentionNames: ["Trailhead bottle", "insulated bottle", "Trailhead Insulated Bottle"],
    hashtags: ["#hydrate"],
  },
  {
    key: "towel",
    title: "Turkish Linen Beach Towel",
    handle: "turkish-linen-beach-towel",
    vendor: "Saltwater Studio",
    productType: "Home",
    tags: ["beach", "linen"],
    story: "ordinary",
    sentimentLed: false,
    optionName: null,
    optionIsColour: false,
    variants: [{ value: "Default Title", demandShare: 1 }],
    price: "42.00",
    unitCost: "12.60",
    skuPrefix: "TLT",
    baseDailyUnits: 5,
    regionWeights: DEFAULT_REGION_WEIGHTS,
    leadTimeDays: 21,
    casePackUnits: 10,
    mentionNames: ["linen beach towel", "Turkish towel", "Turkish Linen Beach Towel"],
    hashtags: ["#beachday"],
  },
];

/** A product as the Admin API sees it, with the spec that drives its simulation. */
export interface CatalogEntry {
  spec: ProductSpec;
  product: ScenarioProduct;
}

const PRODUCT_ID_BASE = 101;
const VARIANT_ID_BASE = 1001;
const INVENTORY_ITEM_ID_BASE = 5001;

/**
 * Returns the catalogue with Admin API GIDs, dated relative to the scenario's first day.
 * @example
 * const catalog = buildCatalog("2026-05-25");
 * catalog[0]?.product.variants.map((v) => v.title); // ["Coral", "Ocean Blue", "Sand", "Kelp Green", "Charcoal"]
 */
export function buildCatalog(historyStart: string): CatalogEntry[] {
  let variantNumber = 0;
  return PRODUCT_SPECS.map((spec, productIndex) => {
    // Products existed well before the simulated history; ids grow with creation date, as in Shopify.
    const createdAt = `${addDays(historyStart, -420 + productIndex * 9)}T14:${String(10 + productIndex).padStart(2, "0")}:00.000Z`;
    const variants = spec.variants.map((variantSpec, position) => {
      const n = variantNumber;
      variantNumber += 1;
      const skuSuffix =
        spec.optionName === null ? "" : `-${variantSpec.value.replace(/[^A-Za-z0-9]+/g, "").toUpperCase()}`;
      return {
        id: `gid://shopify/ProductVariant/${VARIANT_ID_BASE + n}`,
        title: variantSpec.value,
        sku: `${spec.skuPrefix}${skuSuffix}`,
        price: variantSpec.price ?? spec.price,
        unitCost: variantSpec.unitCost ?? spec.unitCost,
        selectedOptions: [{ name: spec.optionName ?? "Title", value: variantSpec.value }],
        inventoryItemId: `gid://shopify/InventoryItem/${INVENTORY_ITEM_ID_BASE + n}`,
        position: position + 1,
      };
    });
    const product: ScenarioProduct = {
      id: `gid://shopify/Product/${PRODUCT_ID_BASE + productIndex}`,
      title: spec.title,
      handle: spec.handle,
      vendor: spec.vendor,
      productType: spec.productType,
      tags: [...spec.tags],
      status: "ACTIVE",
      createdAt,
      updatedAt: `${addDays(historyStart, 150 + productIndex)}T09:30:00.000Z`,
      options: [{ name: spec.optionName ?? "Title", values: spec.variants.map((v) => v.value) }],
      variants,
      story: spec.story,
      sentimentLed: spec.sentimentLed,
      ...(spec.aliasZh === undefined ? {} : { aliasZh: spec.aliasZh }),
    };
    return { spec, product };
  });
}
