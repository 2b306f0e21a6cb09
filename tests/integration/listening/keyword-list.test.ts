import { describe, expect, it } from "vitest";
import { db, setDb, type Db } from "~/db.server";
import { KEYWORD_PAGE_SIZE, listKeywordPage } from "~/services/sources.server";
import { createTestShop } from "../../factories/shop";

// The Keywords page's list: filters and pages are applied in the query, on SQLite and PostgreSQL
// alike (the same file runs under `npm run test:pg`).

const pad = (n: number) => String(n).padStart(3, "0");

/**
 * 120 keywords: 60 product (every third one suggested, every fifth one paused), 40 competitor,
 * 20 industry; plus terms that differ only in case and terms holding LIKE wildcards.
 */
async function shopWithManyKeywords() {
  const shop = await createTestShop();
  const rows = [
    ...Array.from({ length: 60 }, (_, i) => ({
      term: `product term ${pad(i)}`,
      kind: "product",
      suggested: i % 3 === 0,
      active: i % 5 !== 0,
    })),
    ...Array.from({ length: 40 }, (_, i) => ({
      term: `competitor term ${pad(i)}`,
      kind: "competitor",
      suggested: false,
      active: true,
    })),
    ...Array.from({ length: 20 }, (_, i) => ({
      term: `industry term ${pad(i)}`,
      kind: "industry",
      suggested: false,
      active: true,
    })),
    { term: "#TideWater", kind: "product", suggested: false, active: true },
    { term: "riptide sunglasses", kind: "competitor", suggested: false, active: false },
    { term: "TIDE chart", kind: "industry", suggested: true, active: true },
    { term: "50% off", kind: "industry", suggested: false, active: true },
    { term: "snake_case", kind: "industry", suggested: false, active: true },
  ];
  await db().keyword.createMany({ data: rows.map((row) => ({ shopId: shop.id, ...row })) });
  return shop;
}

describe("listKeywordPage", () => {
  it("pages all keywords 50 at a time in kind-then-term order, without gaps or repeats", async () => {
    const shop = await shopWithManyKeywords();
    const first = await listKeywordPage(shop.id, {});
    expect(first).toMatchObject({ total: 125, page: 1, pageCount: 3, pageSize: 50 });
    expect(first.keywords).toHaveLength(KEYWORD_PAGE_SIZE);
    expect(first.keywords[0]!.term).toBe("competitor term 000");

    const pages = [
      first,
      await listKeywordPage(shop.id, { page: 2 }),
      await listKeywordPage(shop.id, { page: 3 }),
    ];
    expect(pages.map((p) => p.keywords.length)).toEqual([50, 50, 25]);
    const seen = pages.flatMap((p) => p.keywords.map((k) => k.id));
    expect(new Set(seen).size).toBe(125);
    const kinds = pages.flatMap((p) => p.keywords.map((k) => k.kind));
    expect(kinds).toEqual([...kinds].sort());
  });

  it("reads only the page's rows from the database", async () => {
    const shop = await shopWithManyKeywords();
    const base = db();
    const reads: unknown[] = [];
    setDb(
      base.$extends({
        query: {
          keyword: {
            findMany({ args, query }) {
              reads.push(args);
              return query(args);
            },
          },
        },
      }) as unknown as Db,
    );
    try {
      await listKeywordPage(shop.id, { page: 2 });
    } finally {
      setDb(base);
    }
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ skip: 50, take: 50 });
  });

  it("finds terms containing the search text in any case, and only those", async () => {
    const shop = await shopWithManyKeywords();
    const tide = await listKeywordPage(shop.id, { search: "tide" });
    expect(tide.total).toBe(3);
    expect(tide.keywords.map((k) => k.term).sort()).toEqual([
      "#TideWater",
      "TIDE chart",
      "riptide sunglasses",
    ]);
    expect((await listKeywordPage(shop.id, { search: "  TIDE  " })).total).toBe(3);

    // % and _ are text, not LIKE wildcards.
    expect((await listKeywordPage(shop.id, { search: "%" })).keywords.map((k) => k.term)).toEqual([
      "50% off",
    ]);
    expect((await listKeywordPage(shop.id, { search: "e_c" })).keywords.map((k) => k.term)).toEqual([
      "snake_case",
    ]);
    expect((await listKeywordPage(shop.id, { search: "no such keyword" })).keywords).toEqual([]);
  });

  it("narrows to one kind, to active or to suggested keywords, and combines filters", async () => {
    const shop = await shopWithManyKeywords();
    const competitors = await listKeywordPage(shop.id, { kind: "competitor" });
    expect(competitors.total).toBe(41);
    expect(competitors.keywords.every((k) => k.kind === "competitor")).toBe(true);

    const suggested = await listKeywordPage(shop.id, { status: "suggested" });
    expect(suggested.total).toBe(21); // 20 product suggestions and "TIDE chart"
    expect(suggested.keywords.every((k) => k.suggested)).toBe(true);

    const active = await listKeywordPage(shop.id, { status: "active" });
    expect(active.total).toBe(125 - 12 - 1); // paused: 12 product terms and "riptide sunglasses"
    expect(active.keywords.every((k) => k.active)).toBe(true);

    const all = await listKeywordPage(shop.id, { status: "all" });
    expect(all.total).toBe(125);

    const combined = await listKeywordPage(shop.id, {
      search: "TERM 01",
      kind: "product",
      status: "suggested",
    });
    expect(combined.keywords.map((k) => k.term)).toEqual([
      "product term 012",
      "product term 015",
      "product term 018",
    ]);
    expect(combined).toMatchObject({ total: 3, pageCount: 1 });
  });

  it("shows the last page when the one asked for is past the end, and one empty page when nothing matches", async () => {
    const shop = await shopWithManyKeywords();
    const beyond = await listKeywordPage(shop.id, { kind: "competitor", page: 9 });
    expect(beyond).toMatchObject({ page: 1, pageCount: 1, total: 41 });
    expect(beyond.keywords).toHaveLength(41);
    expect((await listKeywordPage(shop.id, { page: 0 })).page).toBe(1);
    expect(await listKeywordPage(shop.id, { search: "zzz", page: 4 })).toEqual({
      keywords: [],
      total: 0,
      page: 1,
      pageCount: 1,
      pageSize: 50,
    });
  });

  it("never lists another shop's keywords", async () => {
    const shop = await shopWithManyKeywords();
    const other = await createTestShop();
    await db().keyword.create({ data: { shopId: other.id, term: "tide pods", kind: "industry" } });
    expect((await listKeywordPage(shop.id, { search: "tide" })).total).toBe(3);
    expect((await listKeywordPage(other.id, {})).keywords.map((k) => k.term)).toEqual(["tide pods"]);
  });
});
