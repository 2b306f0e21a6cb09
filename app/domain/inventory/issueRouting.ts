/**
 * Routes customer complaints to the team that can fix them, by aspect.
 */
import { MS_PER_HOUR } from "./calendar";
import type { IssueAspect } from "./planningInput";
import type { InventorySettings } from "./settings";

export type TaskKind = "marketing_task" | "product_task" | "support_task";

export interface RoutedTask {
  kind: TaskKind;
  aspect: IssueAspect;
  negativeMentions: number;
  /** ISO instant; only support tasks carry a deadline. */
  dueAt: string | null;
  action: string;
}

const ROUTES: Record<IssueAspect, { kind: TaskKind; action: string }> = {
  design: {
    kind: "marketing_task",
    action: "Refresh marketing content (photos, copy) to address design complaints.",
  },
  function: { kind: "product_task", action: "Open a product fix for the reported functional problem." },
  service: { kind: "support_task", action: "Follow up with the affected customers through support." },
};

/**
 * Returns one task per aspect with enough negative mentions this week.
 * Rule: design/aesthetic → marketing content; function → product fix; service → support task due
 * within 24 hours of `now`.
 *
 * @example
 * routeIssues({ service: 7 }, DEFAULT_INVENTORY_SETTINGS.alerts, new Date("2025-03-10T09:00:00Z"));
 * // [{ kind: "support_task", aspect: "service", negativeMentions: 7, dueAt: "2025-03-11T09:00:00.000Z", … }]
 */
export function routeIssues(
  negativeAspectMentions: Partial<Record<IssueAspect, number>> | null | undefined,
  settings: InventorySettings["alerts"],
  now: Date,
): RoutedTask[] {
  if (!negativeAspectMentions) return [];
  const tasks: RoutedTask[] = [];
  for (const aspect of ["design", "function", "service"] as const) {
    const mentions = negativeAspectMentions[aspect];
    if (typeof mentions !== "number" || !Number.isFinite(mentions) || mentions < settings.minAspectMentions)
      continue;
    const route = ROUTES[aspect];
    tasks.push({
      kind: route.kind,
      aspect,
      negativeMentions: mentions,
      dueAt:
        route.kind === "support_task"
          ? new Date(now.getTime() + settings.supportTaskDueHours * MS_PER_HOUR).toISOString()
          : null,
      action: route.action,
    });
  }
  return tasks;
}
