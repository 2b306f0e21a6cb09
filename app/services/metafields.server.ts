import type { Prisma } from "@prisma/client";
import {
  adminRequest,
  type AdminGraphqlClient,
  type AdminRequestOptions,
} from "~/integrations/shopify/client.server";
import { METAFIELD_DEFINITION_CREATE, METAFIELDS_SET } from "~/integrations/shopify/operations/Metafields";
import { recordWrites, type WriteLogEntry } from "~/models/write-outbox.server";
import type { MetafieldDefinitionCreateMutation, MetafieldsSetMutation } from "~/types/admin.generated";

/**
 * Pulse's product metafields, in the app-owned namespace `$app:pulse` (Shopify stores it as
 * `app--<app id>--pulse`; only Pulse can write it, merchants and themes can read it).
 */
export const PULSE_METAFIELD_NAMESPACE = "$app:pulse";

/** Shopify sets at most 25 metafields per metafieldsSet call. */
export const METAFIELDS_PER_CALL = 25;

export const PRODUCT_SENTIMENT_DEFINITIONS = [
  {
    key: "sentiment_index",
    name: "Sentiment index",
    type: "number_decimal",
    description: "Pulse's weighted sentiment index for this product (−100 to 100).",
  },
  {
    key: "sentiment_label",
    name: "Sentiment label",
    type: "single_line_text_field",
    description: "Pulse's reading of the sentiment: positive, neutral or negative.",
  },
  {
    key: "top_drivers",
    name: "Top sentiment drivers",
    type: "list.single_line_text_field",
    description: "What customers talk about most (aspects such as comfort or battery).",
  },
  {
    key: "sentiment_updated_at",
    name: "Sentiment updated at",
    type: "date_time",
    description: "When Pulse last computed the sentiment summary.",
  },
] as const;

export interface ProductSentimentSummary {
  productShopifyId: string;
  /** −100..100 */
  index: number;
  label: "positive" | "neutral" | "negative";
  topDrivers: string[];
  updatedAt: Date;
}

/**
 * Creates the product metafield definitions (on install), so the values appear in the admin and can
 * be used by themes and Flow. Already existing definitions (code TAKEN) count as done.
 * Returns the keys created now.
 */
export async function ensureMetafieldDefinitions(
  shopId: string,
  admin: AdminGraphqlClient,
  actor: string,
  request?: AdminRequestOptions,
): Promise<{ created: string[]; existing: string[]; failed: { key: string; message: string }[] }> {
  const outcome = {
    created: [] as string[],
    existing: [] as string[],
    failed: [] as { key: string; message: string }[],
  };
  const log: WriteLogEntry[] = [];
  for (const definition of PRODUCT_SENTIMENT_DEFINITIONS) {
    const input = {
      ...definition,
      namespace: PULSE_METAFIELD_NAMESPACE,
      ownerType: "PRODUCT",
      access: { storefront: "PUBLIC_READ" },
    };
    const data = await adminRequest<MetafieldDefinitionCreateMutation>(
      admin,
      METAFIELD_DEFINITION_CREATE,
      { definition: input },
      request,
    );
    const payload = data.metafieldDefinitionCreate;
    const errors = payload?.userErrors ?? [];
    let status = "applied";
    if (payload?.createdDefinition) outcome.created.push(definition.key);
    else if (errors.some((e) => e.code === "TAKEN")) {
      outcome.existing.push(definition.key);
      status = "unchanged";
    } else {
      status = "failed";
      outcome.failed.push({ key: definition.key, message: errors.map((e) => e.message).join("; ") });
    }
    log.push({
      shopId,
      recommendationId: null,
      actor,
      operation: "metafieldDefinitionCreate",
      request: { definition: input } as Prisma.InputJsonValue,
      response: JSON.parse(JSON.stringify(payload ?? null)) as Prisma.InputJsonValue,
      status,
      audit: {
        action: "metafield_definition.ensured",
        subjectType: "MetafieldDefinition",
        subjectId: `${PULSE_METAFIELD_NAMESPACE}.${definition.key}`,
        details: { status },
      },
    });
  }
  await recordWrites(log);
  return outcome;
}

/** The four metafields of one product's sentiment summary, as metafieldsSet inputs. */
export function sentimentMetafields(summary: ProductSentimentSummary) {
  const base = { ownerId: summary.productShopifyId, namespace: PULSE_METAFIELD_NAMESPACE };
  return [
    { ...base, key: "sentiment_index", type: "number_decimal", value: summary.index.toFixed(1) },
    { ...base, key: "sentiment_label", type: "single_line_text_field", value: summary.label },
    {
      ...base,
      key: "top_drivers",
      type: "list.single_line_text_field",
      value: JSON.stringify(summary.topDrivers.slice(0, 5)),
    },
    { ...base, key: "sentiment_updated_at", type: "date_time", value: summary.updatedAt.toISOString() },
  ];
}

/**
 * Writes the sentiment summary metafields of products, 25 metafields (six products) per call, each
 * call atomic and logged. Returns how many products were written and the ones Shopify refused.
 */
export async function setProductSentimentMetafields(
  shopId: string,
  admin: AdminGraphqlClient,
  actor: string,
  summaries: ProductSentimentSummary[],
  request?: AdminRequestOptions,
): Promise<{ written: number; failed: { productShopifyId: string; message: string }[] }> {
  const perCall = Math.floor(METAFIELDS_PER_CALL / PRODUCT_SENTIMENT_DEFINITIONS.length);
  const result = { written: 0, failed: [] as { productShopifyId: string; message: string }[] };
  for (let i = 0; i < summaries.length; i += perCall) {
    const chunk = summaries.slice(i, i + perCall);
    const metafields = chunk.flatMap(sentimentMetafields);
    const data = await adminRequest<MetafieldsSetMutation>(admin, METAFIELDS_SET, { metafields }, request);
    const payload = data.metafieldsSet;
    const errors = payload?.userErrors ?? [];
    const ok = errors.length === 0;
    if (ok) result.written += chunk.length;
    else {
      const message = errors.map((e) => e.message).join("; ");
      for (const s of chunk) result.failed.push({ productShopifyId: s.productShopifyId, message });
    }
    await recordWrites([
      {
        shopId,
        recommendationId: null,
        actor,
        operation: "metafieldsSet",
        request: { metafields } as Prisma.InputJsonValue,
        response: JSON.parse(JSON.stringify(payload ?? null)) as Prisma.InputJsonValue,
        status: ok ? "applied" : "failed",
        audit: {
          action: ok ? "metafields.set" : "metafields.set_failed",
          subjectType: "Product",
          subjectId: chunk.length === 1 ? chunk[0]!.productShopifyId : null,
          details: { products: chunk.map((s) => s.productShopifyId), errors } as Prisma.InputJsonValue,
        },
      },
    ]);
  }
  return result;
}
