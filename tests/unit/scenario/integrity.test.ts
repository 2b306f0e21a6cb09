import { describe, expect, it } from "vitest";
import { localDateOf, zonedTimeToIso } from "~/demo/scenario/calendar";
import { regionsForCountry } from "~/demo/scenario/locations";
import { defaultScenario, mean } from "./scenario-fixture";

const scenario = defaultScenario();
const variants = scenario.products.flatMap((p) => p.variants.map((v) => ({ ...v, product: p })));
const variantById = new Map(variants.map((v) => [v.id, v]));
const locationIds = new Set(scenario.locations.map((l) => l.id));
const timeZone = scenario.shop.timezone;
const historyStartInstant = zonedTimeToIso(scenario.historyStart, 0, timeZone);
const historyEndInstant = zonedTimeToIso(scenario.historyEnd, 0, timeZone);

describe("the simulated store's shape", () => {
  it("is the Pulse demo shop with three regional warehouses", () => {
    expect(scenario.shop).toMatchObject({
      domain: "pulse-demo.myshopify.com",
      name: "Pulse Demo Outfitters",
      timezone: "America/New_York",
      currencyCode: "USD",
    });
    expect(scenario.locations.map((l) => l.region)).toEqual(["us-east", "us-west", "eu"]);
    for (const location of scenario.locations)
      expect(location.id).toMatch(/^gid:\/\/shopify\/Location\/\d+$/);
  });

  it("covers 26 weeks of history", () => {
    expect(scenario.historyStart).toBe("2026-05-25");
    expect(scenario.historyEnd).toBe("2026-11-23");
    expect(scenario.dailyDemand).toHaveLength(variants.length * scenario.locations.length * 182);
  });

  it("has every story, ordinary products with and without variants", () => {
    const stories = new Set(scenario.products.map((p) => p.story));
    expect([...stories].sort()).toEqual(
      [
        "eco-sunglasses",
        "fitness-tracker",
        "kol-spike-electronics",
        "modular-shelf",
        "noise",
        "ocean-jewelry",
        "ordinary",
      ].sort(),
    );
    const ordinary = scenario.products.filter((p) => p.story === "ordinary");
    expect(ordinary.length).toBeGreaterThanOrEqual(5);
    expect(ordinary.some((p) => p.variants.length === 1 && p.variants[0]?.title === "Default Title")).toBe(
      true,
    );
    expect(ordinary.some((p) => p.options[0]?.name === "Size" && p.variants.length > 1)).toBe(true);
    expect(scenario.products.filter((p) => p.story === "ocean-jewelry").length).toBeGreaterThanOrEqual(3);
    const sunglasses = scenario.products.find((p) => p.story === "eco-sunglasses");
    expect(sunglasses?.variants).toHaveLength(5);
  });

  it("keeps counts in the ranges the fake Admin API and demo expect", () => {
    expect(scenario.orders.length).toBeGreaterThan(10_000);
    expect(scenario.orders.length).toBeLessThan(25_000);
    expect(scenario.mentions).toHaveLength(5000);
    expect(scenario.inventoryLevels).toHaveLength(variants.length * scenario.locations.length);
  });

  it("uses unique GIDs everywhere", () => {
    const gids = [
      ...scenario.locations.map((l) => l.id),
      ...scenario.products.map((p) => p.id),
      ...variants.map((v) => v.id),
      ...variants.map((v) => v.inventoryItemId),
      ...scenario.orders.map((o) => o.id),
    ];
    expect(gids.filter((gid) => !/^gid:\/\/shopify\/[A-Za-z]+\/\d+$/.test(gid))).toEqual([]);
    expect(new Set(gids).size).toBe(gids.length);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(variants.length);
    expect(new Set(scenario.products.map((p) => p.handle)).size).toBe(scenario.products.length);
  });
});

describe("orders", () => {
  it("are numbered #1001 upwards in creation order", () => {
    const misnumbered = scenario.orders.filter(
      (order, index) =>
        order.name !== `#${1001 + index}` || order.id !== `gid://shopify/Order/${1001 + index}`,
    );
    expect(misnumbered).toEqual([]);
    const outOfOrder = scenario.orders.filter(
      (order, i) => i > 0 && order.createdAt < scenario.orders[i - 1]!.createdAt,
    );
    expect(outOfOrder).toEqual([]);
  });

  it("reference existing variants and locations with 1–3 positive lines at the variant's price", () => {
    // One assertion over collected problems: thousands of expect() calls are slow.
    const problems: string[] = [];
    for (const order of scenario.orders) {
      if (!locationIds.has(order.locationId)) problems.push(`${order.name}: unknown location`);
      if (order.lineItems.length < 1 || order.lineItems.length > 3)
        problems.push(`${order.name}: line count`);
      if (!(order.createdAt >= historyStartInstant && order.createdAt < historyEndInstant)) {
        problems.push(`${order.name}: created ${order.createdAt} outside the history`);
      }
      if (new Set(order.lineItems.map((l) => l.variantId)).size !== order.lineItems.length) {
        problems.push(`${order.name}: duplicate variant lines`);
      }
      for (const line of order.lineItems) {
        const variant = variantById.get(line.variantId);
        if (!variant) problems.push(`${order.name}: unknown variant ${line.variantId}`);
        if (!Number.isInteger(line.quantity) || line.quantity <= 0)
          problems.push(`${order.name}: quantity ${line.quantity}`);
        if (line.unitPrice !== variant?.price) problems.push(`${order.name}: price ${line.unitPrice}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("ship to countries the fulfilling warehouse serves", () => {
    const regionOf = new Map(scenario.locations.map((l) => [l.id, l.region]));
    const wrong = scenario.orders.filter(
      (order) =>
        !regionsForCountry(order.shippingCountryCode).includes(regionOf.get(order.locationId) as never),
    );
    expect(wrong).toEqual([]);
  });

  it("include a few cancellations", () => {
    const cancelled = scenario.orders.filter((o) => o.cancelledAt !== null);
    expect(cancelled.length).toBeGreaterThan(20);
    expect(cancelled.length / scenario.orders.length).toBeLessThan(0.03);
    for (const order of cancelled) expect(order.cancelledAt! > order.createdAt).toBe(true);
  });

  it("add up to the daily sold units per variant, warehouse and shop-local day", () => {
    const soldFromOrders = new Map<string, number>();
    for (const order of scenario.orders) {
      if (order.cancelledAt !== null) continue;
      const date = localDateOf(order.createdAt, timeZone);
      for (const line of order.lineItems) {
        const key = `${date}|${line.variantId}|${order.locationId}`;
        soldFromOrders.set(key, (soldFromOrders.get(key) ?? 0) + line.quantity);
      }
    }
    let mismatches = 0;
    for (const row of scenario.dailyDemand) {
      if ((soldFromOrders.get(`${row.date}|${row.variantId}|${row.locationId}`) ?? 0) !== row.soldUnits)
        mismatches += 1;
    }
    expect(mismatches).toBe(0);
  });
});

describe("daily demand", () => {
  it("never sells more than was wanted, nor anything from an empty shelf", () => {
    const wrong = scenario.dailyDemand.filter(
      (row) =>
        row.soldUnits < 0 ||
        row.soldUnits > row.demandUnits ||
        (!row.inStock && row.soldUnits !== 0) ||
        !variantById.has(row.variantId) ||
        !locationIds.has(row.locationId),
    );
    expect(wrong).toEqual([]);
  });

  it("runs out of stock sometimes, not always", () => {
    const outOfStock = scenario.dailyDemand.filter((row) => !row.inStock).length;
    expect(outOfStock).toBeGreaterThan(100);
    expect(outOfStock / scenario.dailyDemand.length).toBeLessThan(0.15);
  });

  it("is higher at weekends", () => {
    const byWeekday = Array.from({ length: 7 }, () => 0);
    for (const row of scenario.dailyDemand) {
      const weekday = new Date(`${row.date}T00:00:00Z`).getUTCDay();
      byWeekday[weekday] = (byWeekday[weekday] ?? 0) + row.demandUnits;
    }
    const weekend = mean([byWeekday[0]!, byWeekday[6]!]);
    const midweek = mean([byWeekday[2]!, byWeekday[3]!]);
    expect(weekend).toBeGreaterThan(midweek * 1.2);
  });
});

describe("inventory levels", () => {
  it("are consistent Shopify quantity states, never negative", () => {
    for (const level of scenario.inventoryLevels) {
      const q = level.quantities;
      for (const value of Object.values(q)) {
        expect(Number.isInteger(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(0);
      }
      expect(q.on_hand).toBe(q.available + q.committed + q.reserved + q.safety_stock);
      expect(locationIds.has(level.locationId)).toBe(true);
      expect(level.updatedAt < historyEndInstant).toBe(true);
    }
    const items = new Set(variants.map((v) => v.inventoryItemId));
    expect(scenario.inventoryLevels.every((l) => items.has(l.inventoryItemId))).toBe(true);
  });

  it("include low, overstocked, incoming and safety stock", () => {
    const levels = scenario.inventoryLevels;
    // Cover at the last four weeks' sales rate.
    const recentSold = new Map<string, number>();
    for (const row of scenario.dailyDemand) {
      if (row.date < "2026-10-26") continue;
      const key = `${variantById.get(row.variantId)?.inventoryItemId}|${row.locationId}`;
      recentSold.set(key, (recentSold.get(key) ?? 0) + row.soldUnits / 28);
    }
    const perDay = (l: (typeof levels)[number]) =>
      recentSold.get(`${l.inventoryItemId}|${l.locationId}`) ?? 0;
    expect(levels.filter((l) => l.quantities.available < perDay(l) * 7).length).toBeGreaterThan(3);
    expect(levels.filter((l) => l.quantities.on_hand > Math.max(10, perDay(l) * 56)).length).toBeGreaterThan(
      3,
    );
    expect(levels.filter((l) => l.quantities.incoming > 0).length).toBeGreaterThan(5);
    expect(levels.filter((l) => l.quantities.safety_stock > 0).length).toBeGreaterThan(5);
    expect(levels.filter((l) => l.quantities.committed > 0).length).toBeGreaterThan(5);
  });
});

describe("mentions", () => {
  const windowStartInstant = zonedTimeToIso("2026-08-31", 0, timeZone);
  const productById = new Map(scenario.products.map((p) => [p.id, p]));

  it("fall in the last 12 weeks, oldest first", () => {
    const outside = scenario.mentions.filter(
      (m) => !(m.postedAt >= windowStartInstant && m.postedAt < historyEndInstant),
    );
    expect(outside).toEqual([]);
    const postedAt = scenario.mentions.map((m) => m.postedAt);
    expect([...postedAt].sort()).toEqual(postedAt);
  });

  it("cover every platform with unique external ids and https URLs", () => {
    const platforms = new Set(scenario.mentions.map((m) => m.platform));
    expect([...platforms].sort()).toEqual([
      "instagram",
      "judgeme",
      "reddit",
      "shop_reviews",
      "tiktok",
      "youtube",
    ]);
    const ids = scenario.mentions.map((m) => `${m.platform}:${m.externalId}`);
    expect(new Set(ids).size).toBe(ids.length);
    expect(scenario.mentions.filter((m) => !/^https:\/\/\S+$/.test(m.url))).toEqual([]);
  });

  it("name the variant's colour or size whenever they are about one", () => {
    for (const mention of scenario.mentions) {
      if (mention.variantId === null) continue;
      const variant = variantById.get(mention.variantId);
      expect(variant?.product.id).toBe(mention.productId);
      const spec = variant!;
      const inText =
        mention.text.toLowerCase().includes(spec.title.toLowerCase()) ||
        (mention.language === "zh" && /[\u4e00-\u9fff]/.test(mention.text));
      expect(inText, mention.text).toBe(true);
    }
  });

  it("are about 8% Simplified Chinese", () => {
    const chinese = scenario.mentions.filter((m) => m.language === "zh");
    expect(chinese.length / scenario.mentions.length).toBeGreaterThan(0.06);
    expect(chinese.length / scenario.mentions.length).toBeLessThan(0.1);
    for (const mention of chinese) expect(mention.text).toMatch(/[\u4e00-\u9fff]/);
  });

  it("come from countries the store serves", () => {
    for (const mention of scenario.mentions)
      expect(regionsForCountry(mention.countryCode).length).toBeGreaterThan(0);
    const jewelryIds = new Set(scenario.products.filter((p) => p.story === "ocean-jewelry").map((p) => p.id));
    const euShare = (predicate: (productId: string | null) => boolean) => {
      const selected = scenario.mentions.filter((m) => predicate(m.productId) && m.authorKind === "customer");
      return selected.filter((m) => regionsForCountry(m.countryCode).includes("eu")).length / selected.length;
    };
    expect(euShare((id) => id !== null && jewelryIds.has(id))).toBeGreaterThan(euShare(() => true) + 0.1);
  });

  it("read as varied texts, not a few repeated strings", () => {
    const customerTexts = scenario.mentions.filter((m) => m.authorKind === "customer").map((m) => m.text);
    expect(new Set(customerTexts).size / customerTexts.length).toBeGreaterThan(0.9);
  });

  it("have heavy-tailed reach and plausible authors", () => {
    const reach = scenario.mentions.map((m) => m.authorReachFollowers).sort((a, b) => a - b);
    const median = reach[Math.floor(reach.length / 2)]!;
    expect(reach.at(-1)!).toBeGreaterThan(100 * Math.max(1, median));
    const implausible = scenario.mentions.filter(
      (m) =>
        !/^[a-z0-9._]+$/.test(m.authorHandle) ||
        m.authorReachFollowers < 0 ||
        m.authorAccountAgeDays <= 0 ||
        (m.productId !== null && !productById.has(m.productId)),
    );
    expect(implausible).toEqual([]);
  });

  it("carry ground truth for every text", () => {
    const untagged = scenario.mentions.filter(
      (m) =>
        !["positive", "neutral", "negative"].includes(m.intendedStance ?? "") || !Array.isArray(m.aspects),
    );
    expect(untagged).toEqual([]);
  });
});

describe("keywords", () => {
  it("list product names, the story hashtags, competitors, industry terms and Chinese aliases", () => {
    const terms = new Set(scenario.keywords.map((k) => k.term));
    expect(terms).toContain("#oceanjewelry");
    expect(terms).toContain("#ecosunglasses");
    expect(terms).toContain("环保太阳镜");
    expect(scenario.keywords.filter((k) => k.kind === "competitor").length).toBeGreaterThanOrEqual(2);
    expect(scenario.keywords.filter((k) => k.kind === "industry").length).toBeGreaterThanOrEqual(2);
    for (const product of scenario.products) expect(terms).toContain(product.title);
    const productIds = new Set(scenario.products.map((p) => p.id));
    for (const keyword of scenario.keywords) {
      if (keyword.productId !== null) expect(productIds.has(keyword.productId)).toBe(true);
    }
  });
});
