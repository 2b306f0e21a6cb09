import { adminRequest, type AdminGraphqlClient } from "~/integrations/shopify/client.server";
import { PRODUCTS_WITH_STOCK } from "~/integrations/shopify/operations/ProductsWithStock";
import type { ProductsWithStockQuery } from "~/types/admin.generated";

export interface StockCell {
  available: number;
  incoming: number;
  committed: number;
  safetyStock: number;
}

export interface CatalogVariant {
  id: string;
  title: string;
  sku: string | null;
  stock: Record<string, StockCell>; // by location id
  totalAvailable: number;
}

export interface CatalogProduct {
  id: string;
  title: string;
  status: string;
  vendor: string;
  variants: CatalogVariant[];
  totalAvailable: number;
}

export interface CatalogPage {
  products: CatalogProduct[];
  locations: { id: string; name: string }[];
  nextCursor: string | null;
}

const quantityKeys: Record<string, keyof StockCell> = {
  available: "available",
  incoming: "incoming",
  committed: "committed",
  safety_stock: "safetyStock",
};

/** Groups a page of variants (ordered by product) into products with stock per location. Pure. */
export function toCatalogPage(data: ProductsWithStockQuery): CatalogPage {
  const locations = new Map<string, string>();
  const products = new Map<string, CatalogProduct>();
  for (const variant of data.productVariants.nodes) {
    const stock: Record<string, StockCell> = {};
    for (const level of variant.inventoryItem.inventoryLevels.nodes) {
      locations.set(level.location.id, level.location.name);
      const cell: StockCell = { available: 0, incoming: 0, committed: 0, safetyStock: 0 };
      for (const q of level.quantities) {
        const key = quantityKeys[q.name];
        if (key) cell[key] = q.quantity;
      }
      stock[level.location.id] = cell;
    }
    const totalAvailable = Object.values(stock).reduce((sum, c) => sum + c.available, 0);
    const product = products.get(variant.product.id) ?? {
      id: variant.product.id,
      title: variant.product.title,
      status: variant.product.status,
      vendor: variant.product.vendor,
      variants: [],
      totalAvailable: 0,
    };
    product.variants.push({
      id: variant.id,
      title: variant.title,
      sku: variant.sku ?? null,
      stock,
      totalAvailable,
    });
    product.totalAvailable += totalAvailable;
    products.set(product.id, product);
  }
  return {
    products: [...products.values()],
    locations: [...locations]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    nextCursor: data.productVariants.pageInfo.hasNextPage
      ? (data.productVariants.pageInfo.endCursor ?? null)
      : null,
  };
}

/** One page of products with stock per location, read live through the Admin API. */
export async function listProductsWithStock(
  admin: AdminGraphqlClient,
  page: { after?: string | null; search?: string | null; pageSize?: number } = {},
): Promise<CatalogPage> {
  const search = page.search?.trim();
  const data = await adminRequest<ProductsWithStockQuery>(admin, PRODUCTS_WITH_STOCK, {
    first: page.pageSize ?? 25,
    after: page.after ?? null,
    query: search ? search.replace(/[\\:"*()]/g, " ") : null,
  });
  return toCatalogPage(data);
}
