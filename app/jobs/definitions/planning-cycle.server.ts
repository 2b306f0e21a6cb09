import { z } from "zod";
import { listInstalledShopIds } from "~/models/planning.server";
import { planningCycleOf, runPlanningCycle } from "~/services/planning.server";
import { findPlanningShop } from "~/models/planning.server";
import { TerminalJobError, type JobDefinition } from "../types";

const shopPayload = z.object({ shopId: z.string().min(1) });

/**
 * Runs the weekly planning cycle of one shop. Terminal: shop gone or uninstalled, settings unusable
 * (recorded as an audit event for the merchant; retrying cannot fix them). Anything else — the
 * database briefly unavailable — is retried with backoff.
 */
export const planningCycleJob: JobDefinition<z.infer<typeof shopPayload>> = {
  name: "planning.cycle",
  payload: shopPayload,
  maxAttempts: 5,
  run: async ({ shopId }, context) => {
    const result = await runPlanningCycle(shopId, context.now());
    if (!result.ok) {
      const detail = result.errors.map((e) => e.message).join(" ");
      throw new TerminalJobError(
        `Planning cycle for shop ${shopId} stopped: ${result.reason}. ${detail}`.trim(),
      );
    }
  },
};

/**
 * Weekly fan-out: enqueues one planning cycle per installed shop, at most one per shop and cycle
 * (singleton key), so two schedulers or a retry never plan a shop twice in a week.
 * Schedule it with `jobQueue().schedule(planningWeeklyJob, 7 * 24 * 3_600_000, {})`.
 */
export const planningWeeklyJob: JobDefinition<Record<string, never>> = {
  name: "planning.weekly",
  payload: z.object({}).strict() as unknown as z.ZodType<Record<string, never>>,
  maxAttempts: 3,
  run: async (_payload, context) => {
    // Imported lazily: the queue module imports the registry, which imports this file.
    const { jobQueue } = await import("../queue.server");
    const now = context.now();
    for (const { id } of await listInstalledShopIds()) {
      const shop = await findPlanningShop(id);
      if (!shop) continue;
      await jobQueue().enqueue(
        planningCycleJob,
        { shopId: id },
        { singletonKey: `planning.cycle:${id}:${planningCycleOf(now, shop.timezone)}` },
      );
    }
  },
};
