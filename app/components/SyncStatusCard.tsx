import { useFetcher } from "@remix-run/react";
import { Badge, BlockStack, Box, Button, Card, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useShell } from "~/components/AppShell";
import { formatCount, formatDateTime, formatPercent } from "~/components/format";
import type { SyncRunState } from "~/domain/sync/sync-progress";
import type { MessageKey } from "~/i18n";
import type { RequestSyncResult, SyncRunView, SyncStatusView } from "~/services/sync-status.server";

/** How often the card asks for fresh progress while a sync runs. */
const POLL_INTERVAL_MS = 3_000;
const STATUS_URL = "/app/sync-status";

const badgeTone: Record<SyncRunState, "success" | "info" | "attention" | "critical" | "warning" | undefined> =
  {
    never: undefined,
    waiting_for_shopify: "info",
    importing: "attention",
    succeeded: "success",
    succeeded_with_warnings: "warning",
    failed: "critical",
  };

/**
 * The store sync card: catalogue and orders runs with progress, last success and last error, and a
 * "Sync now" button. `initial` comes from the page's loader; while a sync is active the card polls
 * the sync-status resource route so the bars move without reloading the page.
 */
export function SyncStatusCard({ initial }: { initial: SyncStatusView }) {
  const { t, showToast } = useShell();
  const poll = useFetcher<SyncStatusView>();
  const request = useFetcher<{ result: RequestSyncResult; status: SyncStatusView }>();
  const [view, setView] = useState(initial);

  useEffect(() => setView(initial), [initial]);
  useEffect(() => {
    if (poll.data) setView(poll.data);
  }, [poll.data]);
  useEffect(() => {
    if (request.state !== "idle" || !request.data) return;
    setView(request.data.status);
    const { result } = request.data;
    showToast(t(`syncStatus.toast.${result.status}` as MessageKey), {
      error: result.status === "shop_not_found",
    });
  }, [request.state, request.data, showToast, t]);

  const pollLoad = poll.load;
  const pollIdle = poll.state === "idle";
  useEffect(() => {
    if (!view.active || !pollIdle) return;
    const timer = setTimeout(() => pollLoad(STATUS_URL), POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
  }, [view, pollIdle, pollLoad]);

  const submitting = request.state !== "idle";
  const retrying = view.job && view.job.attempts > 0 && view.job.lastError ? view.job : null;

  return (
    <div data-testid="sync-status">
      <Card>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                {t("syncStatus.title")}
              </Text>
              <Text as="p" tone="subdued" variant="bodySm">
                {t("syncStatus.subtitle")}
              </Text>
            </BlockStack>
            <Button
              onClick={() => request.submit({}, { method: "post", action: STATUS_URL })}
              loading={submitting}
              disabled={view.active}
            >
              {view.active ? t("syncStatus.syncing") : t("syncStatus.syncNow")}
            </Button>
          </InlineStack>
          {retrying ? (
            <Text as="p" tone="caution">
              {t("syncStatus.retrying", {
                attempt: retrying.attempts,
                max: retrying.maxAttempts,
                error: retrying.lastError ?? "",
              })}
            </Text>
          ) : null}
          <InlineStack gap="600" wrap>
            <RunSection run={view.catalog} timezone={view.timezone} />
            <RunSection run={view.orders} timezone={view.timezone} />
          </InlineStack>
        </BlockStack>
      </Card>
    </div>
  );
}

function RunSection({ run, timezone }: { run: SyncRunView; timezone: string }) {
  const { t, locale } = useShell();
  const when = (iso: string | null) => formatDateTime(locale, iso, timezone);
  const running = run.state === "waiting_for_shopify" || run.state === "importing";
  return (
    <div style={{ flex: "1 1 18rem", minWidth: "16rem" }} data-testid={`sync-run-${run.kind}`}>
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {t(`syncStatus.kind.${run.kind}` as MessageKey)}
          </Text>
          <Badge tone={badgeTone[run.state]} progress={running ? "partiallyComplete" : undefined}>
            {t(`syncStatus.state.${run.state}` as MessageKey)}
          </Badge>
        </InlineStack>
        {run.state === "never" ? (
          <Text as="p" tone="subdued">
            {t("syncStatus.never")}
          </Text>
        ) : (
          <>
            <ProgressBar
              progress={Math.round((run.progress ?? 0) * 100)}
              size="small"
              animated={false}
              tone={run.state === "failed" ? "critical" : run.progress === 1 ? "success" : "highlight"}
              ariaLabelledBy={`sync-progress-${run.kind}`}
            />
            <Text as="p" variant="bodySm" id={`sync-progress-${run.kind}`}>
              {run.objectsTotal !== null
                ? t("syncStatus.objects", {
                    done: formatCount(locale, run.objectsDone),
                    total: formatCount(locale, run.objectsTotal),
                    percent: formatPercent(locale, run.progress ?? 0),
                  })
                : run.state === "waiting_for_shopify"
                  ? t("syncStatus.preparing")
                  : t("syncStatus.objectsUnknownTotal", { done: formatCount(locale, run.objectsDone) })}
            </Text>
          </>
        )}
        <Box>
          {run.startedAt ? (
            <Text as="p" variant="bodySm" tone="subdued">
              {t("syncStatus.started", { at: when(run.startedAt) })}
              {run.finishedAt ? ` · ${t("syncStatus.finished", { at: when(run.finishedAt) })}` : ""}
            </Text>
          ) : null}
          <Text as="p" variant="bodySm" tone="subdued">
            {t("syncStatus.lastSuccess", {
              at: run.lastSuccessAt ? when(run.lastSuccessAt) : t("syncStatus.noSuccessYet"),
            })}
          </Text>
        </Box>
        {run.lastError ? (
          <Text as="p" variant="bodySm" tone={run.state === "failed" ? "critical" : "caution"}>
            {t(run.state === "failed" ? "syncStatus.lastError" : "syncStatus.warning", {
              error: run.lastError,
            })}
          </Text>
        ) : null}
      </BlockStack>
    </div>
  );
}
