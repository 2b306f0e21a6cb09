import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";

let counter = 0;

/** A listening source row (no credentials) for a shop. */
export function createTestSource(shopId: string, overrides: Partial<Prisma.SourceUncheckedCreateInput> = {}) {
  counter += 1;
  return db().source.create({
    data: { shopId, kind: "ingest_webhook", name: `Factory source ${counter}`, ...overrides },
  });
}

/** A product with variants given as option values (one variant per entry). */
export async function createTestProduct(
  shopId: string,
  input: {
    title: string;
    handle?: string;
    aliases?: string[];
    variants?: { title?: string; sku?: string | null; options: { name: string; value: string }[] }[];
  },
) {
  counter += 1;
  const product = await db().product.create({
    data: {
      shopId,
      shopifyId: `gid://shopify/Product/${1000 + counter}`,
      title: input.title,
      handle: input.handle ?? input.title.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
      aliases: input.aliases ?? [],
    },
  });
  const variants = [];
  for (const [i, v] of (
    input.variants ?? [{ options: [{ name: "Title", value: "Default Title" }] }]
  ).entries()) {
    counter += 1;
    variants.push(
      await db().variant.create({
        data: {
          shopId,
          productId: product.id,
          shopifyId: `gid://shopify/ProductVariant/${5000 + counter}`,
          shopifyInventoryItemId: `gid://shopify/InventoryItem/${9000 + counter}`,
          title: v.title ?? v.options.map((o) => o.value).join(" / "),
          sku: v.sku ?? null,
          selectedOptions: v.options,
          position: i + 1,
        },
      }),
    );
  }
  return { product, variants };
}
