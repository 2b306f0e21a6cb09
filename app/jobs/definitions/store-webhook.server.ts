import { z } from "zod";
import { applyStoreWebhook } from "~/services/store-webhooks.server";
import type { JobDefinition } from "../types";

const payload = z.object({
  shopId: z.string(),
  topic: z.string(),
  webhookId: z.string(),
  payload: z.unknown(),
});

/** Applies a store data webhook (products, inventory, locations, orders) to Pulse's mirror of the store. */
export const storeWebhookJob: JobDefinition<z.infer<typeof payload>> = {
  name: "store.webhook",
  payload,
  maxAttempts: 8,
  run: (job) => applyStoreWebhook(job.shopId, job.topic, job.payload),
};
