import { storeWebhookJob } from "./definitions/store-webhook.server";
import type { JobDefinition } from "./types";

/** Every job Pulse runs. A worker only claims jobs whose name is here. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- definitions carry different payload types
export const jobDefinitions: JobDefinition<any>[] = [storeWebhookJob];
