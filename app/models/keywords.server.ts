import type { Prisma } from "@prisma/client";
import { databaseFlavour, db } from "~/db.server";
import type { CatalogueKeyword, CatalogueProduct, KeywordKind } from "~/domain/listening/catalogueIndex";

/** A shop's keywords with their product's title, in term order. */
export function listKeywordRows(shopId: string) {
  return db().keyword.findMany({
    where: { shopId },
    orderBy: [{ kind: "asc" }, { term: "asc" }],
    include: { product: { select: { title: true } } },
  });
}

/** Which of a shop's keywords a page of the Keywords list shows. */
export interface KeywordRowFilter {
  /** Part of the term, any case; blank matches every term. */
  termContains?: string;
  /** product | competitor | industry; undefined for every kind. */
  kind?: string;
  /** "active": keywords Pulse listens for; "suggested": proposed from the catalogue; "all": both and paused ones. */
  status?: "all" | "active" | "suggested";
}

/**
 * Terms containing `text` in any case. Prisma passes `contains` to LIKE without escaping, so a `%`
 * or `_` in the text would act as a wildcard. PostgreSQL: ILIKE (`mode: "insensitive"`) with the
 * wildcards escaped by backslash, LIKE's default escape character there. SQLite: its LIKE already
 * ignores case (ASCII letters; other scripts compare exactly, as ILIKE does for scripts without
 * case) but has no escape character unless the query names one, which Prisma does not; a text
 * with wildcards is looked up with instr() instead, which takes it literally.
 */
async function termContainsWhere(shopId: string, text: string): Promise<Prisma.KeywordWhereInput> {
  if (databaseFlavour() === "postgres") {
    const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
    // The app types against the SQLite client, whose StringFilter has no `mode`.
    return { term: { contains: escaped, mode: "insensitive" } as Prisma.StringFilter<"Keyword"> };
  }
  if (!/[%_]/.test(text)) return { term: { contains: text } };
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Keyword" WHERE "shopId" = ${shopId} AND instr(lower("term"), lower(${text})) > 0`;
  return { id: { in: rows.map((row) => row.id) } };
}

async function keywordRowWhere(shopId: string, filter: KeywordRowFilter): Promise<Prisma.KeywordWhereInput> {
  const term = filter.termContains?.trim();
  return {
    shopId,
    ...(term ? await termContainsWhere(shopId, term) : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.status === "active" ? { active: true } : {}),
    ...(filter.status === "suggested" ? { suggested: true } : {}),
  };
}

/**
 * One page of a shop's keywords matching `filter`, in the list's order (kind, then term; id breaks
 * ties so offsets never skip or repeat a row). Only `take` rows are read.
 *
 * @example
 * await listKeywordRowPage(shopId, { termContains: "tide", status: "active" }, { skip: 50, take: 50 });
 * // the second 50 active keywords whose term contains "tide" in any case
 */
export async function listKeywordRowPage(
  shopId: string,
  filter: KeywordRowFilter,
  page: { skip: number; take: number },
) {
  return db().keyword.findMany({
    where: await keywordRowWhere(shopId, filter),
    orderBy: [{ kind: "asc" }, { term: "asc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
    include: { product: { select: { title: true } } },
  });
}

/**
 * How many of a shop's keywords match `filter` (the total a paged list shows).
 *
 * @example
 * await countKeywordRows(shopId, { kind: "competitor" }); // 12
 */
export async function countKeywordRows(shopId: string, filter: KeywordRowFilter): Promise<number> {
  return db().keyword.count({ where: await keywordRowWhere(shopId, filter) });
}

export function findKeywordByTerm(shopId: string, term: string) {
  return db().keyword.findUnique({ where: { shopId_term: { shopId, term } } });
}

export function findKeyword(shopId: string, keywordId: string) {
  return db().keyword.findFirst({ where: { id: keywordId, shopId } });
}

export function insertKeyword(data: Prisma.KeywordUncheckedCreateInput) {
  return db().keyword.create({ data, include: { product: { select: { title: true } } } });
}

export async function updateKeywordRow(
  shopId: string,
  keywordId: string,
  data: Prisma.KeywordUncheckedUpdateManyInput,
) {
  const result = await db().keyword.updateMany({ where: { id: keywordId, shopId }, data });
  if (result.count === 0) return null;
  return db().keyword.findFirst({
    where: { id: keywordId, shopId },
    include: { product: { select: { title: true } } },
  });
}

export async function deleteKeywordRow(shopId: string, keywordId: string) {
  const result = await db().keyword.deleteMany({ where: { id: keywordId, shopId } });
  return result.count > 0;
}

/** Terms already taken in a shop, lower-cased. */
export async function existingKeywordTerms(shopId: string): Promise<Set<string>> {
  const rows = await db().keyword.findMany({ where: { shopId }, select: { term: true } });
  return new Set(rows.map((r) => r.term.toLowerCase()));
}

/** Inserts keyword rows in bulk (suggestions); the caller has removed terms that exist. */
export async function insertKeywords(rows: Prisma.KeywordCreateManyInput[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += 500) {
    created += (await db().keyword.createMany({ data: rows.slice(i, i + 500) })).count;
  }
  return created;
}

/** Does a product (and variant, when given) belong to the shop? */
export async function productBelongsToShop(shopId: string, productId: string, variantId?: string | null) {
  const product = await db().product.findFirst({ where: { id: productId, shopId }, select: { id: true } });
  if (!product) return { product: false, variant: false };
  if (!variantId) return { product: true, variant: true };
  const variant = await db().variant.findFirst({
    where: { id: variantId, shopId, productId },
    select: { id: true },
  });
  return { product: true, variant: variant !== null };
}

/** Mentions that matched each keyword (matchedKeywordIds is a JSON array, counted in memory per page). */
export async function countMentionsByKeyword(shopId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let afterId: string | null = null;
  for (;;) {
    const page: { id: string; matchedKeywordIds: Prisma.JsonValue }[] = await db().mention.findMany({
      where: { shopId, ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: "asc" },
      take: 5_000,
      select: { id: true, matchedKeywordIds: true },
    });
    for (const row of page) {
      if (!Array.isArray(row.matchedKeywordIds)) continue;
      for (const id of row.matchedKeywordIds)
        if (typeof id === "string") counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if (page.length < 5_000) return counts;
    afterId = page[page.length - 1]!.id;
  }
}

/**
 * What changes when the catalogue changes: counts and latest update times of products and variants
 * (a rename, a new alias, a deletion mark or a removed variant all move one of them).
 */
export async function catalogueStamp(shopId: string): Promise<string> {
  const [products, variants] = await Promise.all([
    db().product.aggregate({ where: { shopId }, _count: { _all: true }, _max: { updatedAt: true } }),
    db().variant.aggregate({ where: { shopId }, _count: { _all: true }, _max: { updatedAt: true } }),
  ]);
  return [
    products._count._all,
    products._max.updatedAt?.toISOString() ?? "",
    variants._count._all,
    variants._max.updatedAt?.toISOString() ?? "",
  ].join("|");
}

/** The shop's products that are not deleted, with variants, shaped for matching. */
export async function loadMatchingProducts(shopId: string): Promise<CatalogueProduct[]> {
  const products = await db().product.findMany({
    where: { shopId, deletedAt: null },
    select: {
      id: true,
      shopifyId: true,
      handle: true,
      title: true,
      aliases: true,
      variants: { select: { id: true, sku: true, title: true, selectedOptions: true } },
    },
  });
  return products.map((p) => ({
    id: p.id,
    shopifyId: p.shopifyId,
    handle: p.handle,
    title: p.title,
    aliases: stringArray(p.aliases),
    variants: p.variants.map((v) => ({
      id: v.id,
      sku: v.sku,
      title: v.title,
      optionValues: Array.isArray(v.selectedOptions)
        ? v.selectedOptions.flatMap((o) =>
            o && typeof o === "object" && !Array.isArray(o) && typeof o.value === "string" ? [o.value] : [],
          )
        : [],
    })),
  }));
}

/** The shop's active keywords, shaped for matching. */
export async function loadMatchingKeywords(shopId: string): Promise<CatalogueKeyword[]> {
  const keywords = await db().keyword.findMany({
    where: { shopId, active: true },
    orderBy: { id: "asc" },
    select: {
      id: true,
      term: true,
      kind: true,
      productId: true,
      variantId: true,
      exclusions: true,
      active: true,
    },
  });
  return keywords.map((k) => ({
    id: k.id,
    term: k.term,
    kind: (["product", "competitor", "industry"].includes(k.kind) ? k.kind : "industry") as KeywordKind,
    productId: k.productId,
    variantId: k.variantId,
    exclusions: stringArray(k.exclusions),
    active: k.active,
  }));
}

/** Catalogue rows that suggested keywords are made from. */
export function loadCatalogueForSuggestions(shopId: string) {
  return db().product.findMany({
    where: { shopId, deletedAt: null },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      handle: true,
      variants: { orderBy: { position: "asc" }, select: { id: true, sku: true, selectedOptions: true } },
    },
  });
}

export function stringArray(value: Prisma.JsonValue | null | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Adds a term to `Shop.settings.listening.dismissedSuggestions`, keeping every other setting. */
export async function dismissSuggestion(shopId: string, term: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const shop = await tx.shop.findUnique({ where: { id: shopId }, select: { settings: true } });
    if (!shop) return;
    const settings =
      shop.settings && typeof shop.settings === "object" && !Array.isArray(shop.settings)
        ? shop.settings
        : {};
    const listening =
      settings.listening && typeof settings.listening === "object" && !Array.isArray(settings.listening)
        ? settings.listening
        : {};
    const dismissed = stringArray(listening.dismissedSuggestions as Prisma.JsonValue);
    const lower = term.toLowerCase();
    if (dismissed.includes(lower)) return;
    await tx.shop.update({
      where: { id: shopId },
      data: {
        settings: { ...settings, listening: { ...listening, dismissedSuggestions: [...dismissed, lower] } },
      },
    });
  });
}
