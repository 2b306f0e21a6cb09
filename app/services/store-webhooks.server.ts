import { z } from "zod";
import { localDay } from "~/domain/calendar/local-day";
import { decimalToMinorUnits } from "~/domain/money/minor-units";
import { RetryableJobError, TerminalJobError } from "~/jobs/types";
import { adminForShop } from "~/integrations/shopify/admin-for-shop.server";
import { AdminApiError } from "~/integrations/shopify/client.server";
import {
  applyOrderSnapshot,
  hasOrderLedger,
  lastSucceededOrdersRun,
  locationIdsByShopifyId,
  primaryLocation,
  productDeletedAt,
} from "~/models/store-sync.server";
import { orderSnapshot } from "~/services/bulk-sync.server";
import { finishBulkOperation } from "~/services/store-sync.server";
import {
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
  id: z.number().optional(),
  admin_graphql_api_id: z.string().optional(),
  created_at: z.string(),
  updated_at: z.string().nullish(),
  cancelled_at: z.string().nullish(),
  location_id: z.number().nullish(),
  line_items: z.array(
    z.object({
      id: z.number().optional(),
      variant_id: z.number().nullish(),
      quantity: z.number(),
      current_quantity: z.number().nullish(),
      price: z.union([z.string(), z.number()]),
    }),
  ),
  refunds: z
    .array(
      z.object({
        refund_line_items: z.array(z.object({ line_item_id: z.number(), quantity: z.number() })).default([]),
      }),
    )
    .default([]),
});

const bulkFinishPayload = z.object({
  admin_graphql_api_id: z.string(),
  status: z.string().nullish(),
  error_code: z.string().nullish(),
});

function parse<S extends z.ZodTypeAny>(schema: S, payload: unknown, topic: string): z.output<S> {
  const result = schema.safeParse(payload);
  // A malformed payload will be malformed on every retry: fail the job for good, with the reason.
  if (!result.success)
    throw new TerminalJobError(`${topic} payload is not in the expected shape: ${result.error.message}`);
  return result.data;
}

/**
 * orders/create and orders/updated: the order's lines as they are now (current quantity after
 * refunds and edits; nothing for a cancelled order) replace what Pulse counted for it before, and
 * SalesDaily moves by the difference. Older versions than the one held are ignored.
 */
async function applyOrderWebhook(
  shopId: string,
  timezone: string,
  topic: string,
  p: z.output<typeof orderPayload>,
): Promise<void> {
  const orderId = p.admin_graphql_api_id ?? (p.id !== undefined ? gid("Order", p.id) : null);
  if (!orderId) throw new TerminalJobError(`${topic} payload has no order id`);
  const createdAt = new Date(p.created_at);
  if (topic === "ORDERS_UPDATED" && !(await hasOrderLedger(shopId, orderId))) {
    // Never counted: fine when it is newer than the last orders sync's window, but an order from
    // before that window may be inside SalesDaily already (imported earlier): leave it to the sync.
    const lastSync = await lastSucceededOrdersRun(shopId);
    if (lastSync?.windowStartDay && localDay(createdAt, timezone) < lastSync.windowStartDay) return;
  }
  const refunded = new Map<number, number>();
  for (const refund of p.refunds) {
    for (const line of refund.refund_line_items) {
      refunded.set(line.line_item_id, (refunded.get(line.line_item_id) ?? 0) + line.quantity);
    }
  }
  const location = p.location_id
    ? gid("Location", p.location_id)
    : ((await primaryLocation(shopId))?.shopifyId ?? null);
  const snapshot = orderSnapshot(
    {
      id: orderId,
      createdAt,
      updatedAt: new Date(p.updated_at ?? p.created_at),
      cancelled: Boolean(p.cancelled_at),
      locationShopifyId: location,
      lines: p.line_items.map((line, index) => ({
        id: line.id !== undefined ? gid("LineItem", line.id) : `${orderId}/line/${index}`,
        variantId: line.variant_id ? gid("ProductVariant", line.variant_id) : null,
        quantity: line.quantity,
        currentQuantity:
          line.current_quantity ??
          Math.max(0, line.quantity - (line.id !== undefined ? (refunded.get(line.id) ?? 0) : 0)),
        price: Number(line.price),
      })),
    },
    timezone,
    null,
  );
  await applyOrderSnapshot(shopId, snapshot, await locationIdsByShopifyId(shopId));
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
      const deletedAt = await productDeletedAt(shopId, p.admin_graphql_api_id);
      // A delivery older than the product's deletion must not bring it back.
      if (deletedAt && p.updated_at && new Date(p.updated_at) <= deletedAt) return;
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
          priceMinor: decimalToMinorUnits(v.price) ?? 0,
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
        p.cost === null || p.cost === undefined ? null : (decimalToMinorUnits(p.cost) ?? 0),
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
    case "ORDERS_CREATE":
    case "ORDERS_UPDATED": {
      const p = parse(orderPayload, payload, topic);
      await applyOrderWebhook(shopId, shop.timezone, topic, p);
      return;
    }
    case "BULK_OPERATIONS_FINISH": {
      const p = parse(bulkFinishPayload, payload, topic);
      const admin = await adminForShop(shop.domain);
      try {
        await finishBulkOperation(shopId, admin, p.admin_graphql_api_id);
      } catch (error) {
        if (error instanceof AdminApiError && error.kind === "retryable")
          throw new RetryableJobError(error.message);
        if (error instanceof AdminApiError) throw new TerminalJobError(error.message);
        throw error;
      }
      return;
    }
    default:
      throw new TerminalJobError(`No handler for webhook topic ${topic}`);
  }
}
