import { digestScheduleJob, digestSendJob } from "./definitions/digest.server";
import { fileImportJob } from "./definitions/file-import.server";
import { scoreMentionsJob } from "./definitions/mention-scoring.server";
import { mentionRetentionPurgeJob, sourceSyncJob, sourcesScheduleJob } from "./definitions/listening.server";
import { planningCycleJob, planningWeeklyJob } from "./definitions/planning-cycle.server";
import { storeWebhookJob } from "./definitions/store-webhook.server";
import {
  bulkSyncPollJob,
  fullSyncJob,
  nightlyReconcileJob,
  shopifyInstallJob,
  writeOutboxJob,
  writeOutboxSweepJob,
} from "./definitions/shopify-sync.server";
import type { AnyJobDefinition } from "./types";

/**
 * Every job Pulse runs; a worker only claims jobs whose name is here. A function, not a constant:
 * job modules import the queue, which imports this registry, so the list is read at call time,
 * after every module in that cycle has finished loading.
 */
export function jobDefinitions(): AnyJobDefinition[] {
  return [
    storeWebhookJob,
    scoreMentionsJob,
    planningCycleJob,
    planningWeeklyJob,
    shopifyInstallJob,
    fullSyncJob,
    bulkSyncPollJob,
    nightlyReconcileJob,
    writeOutboxJob,
    writeOutboxSweepJob,
    fileImportJob,
    sourceSyncJob,
    sourcesScheduleJob,
    mentionRetentionPurgeJob,
    digestSendJob,
    digestScheduleJob,
  ];
}
