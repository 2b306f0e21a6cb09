import { scoreMentionsJob } from "./definitions/mention-scoring.server";
import { planningCycleJob, planningWeeklyJob } from "./definitions/planning-cycle.server";
import { storeWebhookJob } from "./definitions/store-webhook.server";
import type { AnyJobDefinition } from "./types";

/** Every job Pulse runs. A worker only claims jobs whose name is here. */
export const jobDefinitions: AnyJobDefinition[] = [
  storeWebhookJob,
  scoreMentionsJob,
  planningCycleJob,
  planningWeeklyJob,
];
