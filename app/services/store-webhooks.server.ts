import { z } from "zod";
import { localDay } from "~/domain/calendar/local-day";
import { TerminalJobError } from "~/jobs/types";
import {
  addSales,
  deactivateLocation,
  getShop,
  markProductDeleted,
  setAvailableQuantity,
  setUnitCost,
  upsertLocation,
  upsertProduct,
} from "~/models/catalog.server";

// Webhook payloads are the REST resource shapes (numeric ids plus admin_graphql_api_id).
const gid = (kind: string, id: number | string) => `gid://shopify/${kind}/${id}`;
const money = (value: string | number | null | undefined) => Math.round(Number(value ?? 0) * 100);

const productPayload = z.object({
  admin_graphql_api_id: z.string(),
  title: z.string(),
  handle: z.string(),
  vendor: z.string().nullish(),
  product_type: z.string().nullish(),
  status: z.string().nullish(),
  tags: z.string().nullish(),
  updated_at: z.string().nullish(),
  options: z.array(z.object({ name: z.string(), position: z.number() })).nullish(),
  variants: z
    .array(
      z.object({
        admin_graphql_api_id: z.string(),
        title: z.string(),
        sku: z.string().nullish(),
        price: z.union([z.string(), z.number()]).nullish(),
        position: z.number().nullish(),
        inventory_item_id: z.number(),
        option1: z.string().nullish(),
        option2: z.string().nullish(),
        option3: z.string().nullish(),
      }),
    )
    .default([]),
});

const productDeletePayload = z.object({ id: z.number() });

const inventoryLevelPayload = z.object({
  inventory_item_id: z.number(),
  location_id: z.number(),
  available: z.number().nullable(),
  updated_at: z.string(),
});

const inventoryItemPayload = z.object({ id: z.number(), cost: z.union([z.string(), z.number()]).nullish() });

const locationPayload = z.object({
  id: z.number(),
  name: z.string(),
  country_code: z.string().nullish(),
  province_code: z.string().nullish(),
  active: z.boolean().default(true),
});

const orderPayload = z.object({
  created_at: z.string(),
  cancelled_at: z.string().nullish(),
  location_id: z.number().nullish(),
  line_items: z.array(
    z.object({
      variant_id: z.number().nullish(),
      quantity: z.number(),
      price: z.union([z.string(), z.number()]),
    }),
  ),
});

function parse<S extends z.ZodTypeAny>(schema: S, payload: unknown, topic: string): z.output<S> {
  const result = schema.safeParse(payload);
  // A malformed payload will be malformed on every retry: fail the job for good, with the reason.
  if (!result.success)
    throw new TerminalJobError(`${topic} payload is not in the expected shape: ${result.error.message}`);
  return result.data;
}

/**
 * Applies one store data webhook to Pulse's mirror of the store. Orders are reduced to units per
 * variant × location × shop-local day at once; customer details are never read.
 * Order edits, refunds and cancellations (orders/updated) and bulk operation results are reconciled
 * by the full sync of the Admin integration rather than patched here.
 */
export async function applyStoreWebhook(shopId: string, topic: string, payload: unknown): Promise<void> {
  const shop = await getShop(shopId);
  if (!shop || shop.uninstalledAt) return; // uninstalled since: nothing to keep in sync

  switch (topic) {
    case "PRODUCTS_CREATE":
    case "PRODUCTS_UPDATE": {
      const p = parse(productPayload, payload, topic);
      const optionNames = (p.options ?? []).sort((a, b) => a.position - b.position).map((o) => o.name);
      await upsertProduct(shopId, {
        shopifyId: p.admin_graphql_api_id,
        title: p.title,
        handle: p.handle,
        vendor: p.vendor ?? "",
        productType: p.product_type ?? "",
        status: (p.status ?? "active").toUpperCase(),
        tags: (p.tags ?? "")
          .split(",")
          .map((t) => t.trim())
          .filter(Boolean),
        shopifyUpdatedAt: p.updated_at ? new Date(p.updated_at) : null,
        variants: p.variants.map((v, index) => ({
          shopifyId: v.admin_graphql_api_id,
          shopifyInventoryItemId: gid("InventoryItem", v.inventory_item_id),
          title: v.title,
          sku: v.sku || null,
          priceMinor: money(v.price),
          position: v.position ?? index + 1,
          selectedOptions: [v.option1, v.option2, v.option3].flatMap((value, i) =>
            value && optionNames[i] ? [{ name: optionNames[i], value }] : [],
          ),
        })),
      });
      return;
    }
    case "PRODUCTS_DELETE": {
      const p = parse(productDeletePayload, payload, topic);
      await markProductDeleted(shopId, gid("Product", p.id), new Date());
      return;
    }
    case "INVENTORY_LEVELS_UPDATE": {
      const p = parse(inventoryLevelPayload, payload, topic);
      if (p.available === null) return; // untracked item
      await setAvailableQuantity(shopId, {
        inventoryItemId: gid("InventoryItem", p.inventory_item_id),
        locationId: gid("Location", p.location_id),
        available: p.available,
        updatedAt: new Date(p.updated_at),
      });
      return;
    }
    case "INVENTORY_ITEMS_UPDATE": {
      const p = parse(inventoryItemPayload, payload, topic);
      await setUnitCost(
        shopId,
        gid("InventoryItem", p.id),
        p.cost === null || p.cost === undefined ? null : money(p.cost),
      );
      return;
    }
    case "LOCATIONS_CREATE":
    case "LOCATIONS_UPDATE": {
      const p = parse(locationPayload, payload, topic);
      await upsertLocation(shopId, {
        shopifyId: gid("Location", p.id),
        name: p.name,
        countryCode: p.country_code ?? null,
        provinceCode: p.province_code ?? null,
        isActive: p.active,
      });
      return;
    }
    case "LOCATIONS_DELETE": {
      const p = parse(z.object({ id: z.number() }), payload, topic);
      await deactivateLocation(shopId, gid("Location", p.id));
      return;
    }
    case "ORDERS_CREATE": {
      const p = parse(orderPayload, payload, topic);
      if (p.cancelled_at) return;
      const day = localDay(new Date(p.created_at), shop.timezone);
      for (const line of p.line_items) {
        if (!line.variant_id) continue; // custom line items have no variant
        await addSales(shopId, {
          variantShopifyId: gid("ProductVariant", line.variant_id),
          locationShopifyId: p.location_id ? gid("Location", p.location_id) : null,
          day,
          units: line.quantity,
          revenueMinor: money(line.price) * line.quantity,
        });
      }
      return;
    }
    case "ORDERS_UPDATED":
    case "BULK_OPERATIONS_FINISH":
      return;
    default:
      throw new TerminalJobError(`No handler for webhook topic ${topic}`);
  }
}
