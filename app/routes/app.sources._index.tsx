import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  ActionList,
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  List,
  Modal,
  Page,
  Popover,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { useShell } from "~/components/AppShell";
import { ConfirmDeleteModal, FormModal } from "~/components/FormModal";
import { formatCount, formatShortDateTime, formatTime } from "~/components/format";
import { summarizeQuota, type QuotaSummary } from "~/components/source-quota";
import { env } from "~/config/env.server";
import type { MessageKey } from "~/i18n";
import { CONNECTOR_FIELDS, pollingKinds } from "~/integrations/sources/registry.server";
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from "~/integrations/sources/ingest-signature";
import type { SourceKind } from "~/integrations/sources/types";
import { requireAdmin } from "~/services/admin-context.server";
import { MAX_MENTIONS_PER_DELIVERY, MAX_TIMESTAMP_AGE_SECONDS } from "~/services/ingest-webhook.server";
import {
  createSource,
  deleteSource,
  listSources,
  pauseSource,
  requestSourceSync,
  resumeSource,
  rotateIngestSecret,
  testSourceConnection,
  updateSource,
  type SourceView,
} from "~/services/sources.server";

/** Where merchants import CSV/JSONL files (its own page). */
const IMPORT_URL = "/app/sources/import";

/**
 * What the browser gets of a source: the fields are picked one by one, so nothing stored on the
 * source (credentials above all) can reach the page by being added to SourceView later.
 */
function clientSource(view: SourceView) {
  const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: view.id,
    kind: view.kind as string,
    name: view.name,
    status: view.status,
    statusReason: view.statusReason,
    config: configValues(view.config),
    hasCredentials: view.hasCredentials,
    pollEveryMinutes: view.pollEveryMinutes,
    backfillDays: view.backfillDays,
    nextRunAt: iso(view.nextRunAt),
    lastRunAt: iso(view.lastRunAt),
    lastSuccessAt: iso(view.lastSuccessAt),
    lastError: view.lastError,
    lastCounts: view.lastCounts,
    quota: summarizeQuota(view.quota),
    mentionCount: view.mentionCount,
    ingestUrl: view.ingestUrl,
  };
}
export type ClientSource = ReturnType<typeof clientSource>;

/** A source's non-secret settings as form values (lists joined with ", "). */
function configValues(config: unknown): Record<string, string> {
  if (!config || typeof config !== "object" || Array.isArray(config)) return {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(config as Record<string, unknown>)) {
    if (Array.isArray(value)) values[key] = value.map(String).join(", ");
    else if (value === null || value === undefined) values[key] = "";
    else if (typeof value !== "object") values[key] = String(value);
  }
  return values;
}

/** Kinds a merchant can add here: the polling connectors of this build and the signed webhook. */
function creatableKinds(): SourceKind[] {
  return [...pollingKinds(), "ingest_webhook"];
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  const sources = await listSources(context.shopId);
  const kinds = creatableKinds();
  return {
    sources: sources.map(clientSource),
    kinds,
    polledKinds: pollingKinds() as string[],
    fields: Object.fromEntries(kinds.map((kind) => [kind, CONNECTOR_FIELDS[kind]])),
    timezone: context.timezone,
    // The ingest endpoint is called from outside (Zapier, Make…): the app's public URL.
    appUrl: env().appUrl || new URL(request.url).origin,
    ingestProtocol: {
      signatureHeader: SIGNATURE_HEADER,
      timestampHeader: TIMESTAMP_HEADER,
      maxAgeMinutes: Math.round(MAX_TIMESTAMP_AGE_SECONDS / 60),
      maxMentions: MAX_MENTIONS_PER_DELIVERY,
    },
  };
};

const idSchema = z.string().min(1).max(64);
const rowIntentSchema = z.object({
  intent: z.enum(["pause", "resume", "delete", "sync", "test", "rotate"]),
  sourceId: idSchema,
});

/** Form fields named `credentials.<name>` / `config.<name>`; empty secrets mean "keep the stored ones". */
function sourceFormInput(form: FormData) {
  const credentials: Record<string, string> = {};
  const config: Record<string, string> = {};
  const clearedConfig: string[] = [];
  for (const [key, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("credentials.") && value !== "") credentials[key.slice(12)] = value;
    if (key.startsWith("config.")) {
      if (value.trim() !== "") config[key.slice(7)] = value.trim();
      else clearedConfig.push(key.slice(7));
    }
  }
  const errors: Record<string, string> = {};
  const wholeNumber = (key: string, min: number, max: number, message: string) => {
    const raw = form.get(key);
    if (typeof raw !== "string" || raw.trim() === "") return undefined;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      errors[key] = message;
      return undefined;
    }
    return value;
  };
  const pollEveryMinutes = wholeNumber(
    "pollEveryMinutes",
    5,
    10_080,
    "Enter a whole number of minutes from 5 to 10080 (one week).",
  );
  const backfillDays = wholeNumber("backfillDays", 0, 3650, "Enter a whole number of days from 0 to 3650.");
  const name = String(form.get("name") ?? "").trim();
  return {
    errors,
    name,
    credentials: Object.keys(credentials).length > 0 ? credentials : undefined,
    config,
    clearedConfig,
    pollEveryMinutes,
    backfillDays,
  };
}

/** What the page's action answers; `ingestSecret` is the only place a secret ever goes to the browser, once. */
export type SourceActionResult =
  | { intent: "create" | "update"; ok: true; source: ClientSource; ingestSecret: string | null }
  | { intent: "create" | "update"; ok: false; errors: Record<string, string> }
  | { intent: "pause" | "resume" | "delete"; ok: true }
  | { intent: "sync"; ok: true; enqueued: boolean }
  | { intent: "test"; ok: true; sourceId: string; detail: string }
  | { intent: "test"; ok: false; sourceId: string; message: string }
  | { intent: "rotate"; ok: true; sourceId: string; ingestSecret: string }
  | { intent: "unknown"; ok: false };

export const action = async ({ request }: ActionFunctionArgs): Promise<SourceActionResult> => {
  const context = await requireAdmin(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");

  if (intent === "create" || intent === "update") {
    const input = sourceFormInput(form);
    if (Object.keys(input.errors).length > 0) return { intent, ok: false as const, errors: input.errors };
    if (intent === "create") {
      const kind = z.enum(creatableKinds() as [SourceKind, ...SourceKind[]]).safeParse(form.get("kind"));
      if (!kind.success)
        return { intent, ok: false as const, errors: { kind: "Choose what kind of source to add." } };
      const result = await createSource(context.shopId, {
        kind: kind.data,
        name: input.name,
        credentials: input.credentials,
        config: input.config,
        pollEveryMinutes: input.pollEveryMinutes,
        backfillDays: input.backfillDays,
      });
      if (!result.ok) return { intent, ok: false as const, errors: result.errors };
      return {
        intent,
        ok: true as const,
        source: clientSource(result.source),
        // Shown once, right after creation; never stored where the page can read it again.
        ingestSecret: result.ingestSecret ?? null,
      };
    }
    const sourceId = idSchema.safeParse(form.get("sourceId"));
    if (!sourceId.success)
      return { intent, ok: false as const, errors: { form: "Reload the page and try again." } };
    // The form shows only the settings a merchant sets; the rest of the stored config (a provider
    // address pointing at a local fake in the demo, say) is kept, and emptied fields fall back to
    // the connector's defaults.
    const current = (await listSources(context.shopId)).find((s) => s.id === sourceId.data);
    const stored =
      current?.config && typeof current.config === "object" && !Array.isArray(current.config)
        ? (current.config as Record<string, unknown>)
        : {};
    const config: Record<string, unknown> = { ...stored, ...input.config };
    for (const key of input.clearedConfig) delete config[key];
    const result = await updateSource(context.shopId, sourceId.data, {
      name: input.name || undefined,
      credentials: input.credentials,
      config,
      pollEveryMinutes: input.pollEveryMinutes,
      backfillDays: input.backfillDays,
    });
    if (!result.ok) return { intent, ok: false as const, errors: result.errors };
    return { intent, ok: true as const, source: clientSource(result.source), ingestSecret: null };
  }

  const parsed = rowIntentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { intent: "unknown", ok: false };
  const { sourceId } = parsed.data;
  switch (parsed.data.intent) {
    case "pause":
      await pauseSource(context.shopId, sourceId);
      return { intent: "pause" as const, ok: true as const };
    case "resume":
      await resumeSource(context.shopId, sourceId);
      return { intent: "resume" as const, ok: true as const };
    case "delete":
      await deleteSource(context.shopId, sourceId);
      return { intent: "delete" as const, ok: true as const };
    case "sync": {
      const { enqueued } = await requestSourceSync(context.shopId, sourceId);
      return { intent: "sync" as const, ok: true as const, enqueued };
    }
    case "test": {
      const result = await testSourceConnection(context.shopId, sourceId);
      return result.ok
        ? { intent: "test" as const, ok: true as const, sourceId, detail: result.detail }
        : { intent: "test" as const, ok: false as const, sourceId, message: result.message };
    }
    case "rotate": {
      const secret = await rotateIngestSecret(context.shopId, sourceId);
      return { intent: "rotate" as const, ok: true as const, sourceId, ingestSecret: secret };
    }
  }
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Fields = LoaderData["fields"][string];

export default function Sources() {
  const { sources, kinds, polledKinds, fields, timezone, appUrl } = useLoaderData<typeof loader>();
  const { t, showToast } = useShell();
  const rowFetcher = useFetcher<SourceActionResult>();
  const [editor, setEditor] = useState<{ mode: "create" } | { mode: "edit"; source: ClientSource } | null>(
    null,
  );
  const [deleting, setDeleting] = useState<ClientSource | null>(null);
  const [testResult, setTestResult] = useState<{ name: string; ok: boolean; text: string } | null>(null);
  const [rotated, setRotated] = useState<{ source: ClientSource; secret: string } | null>(null);

  const runRowAction = (intent: string, source: ClientSource) =>
    rowFetcher.submit({ intent, sourceId: source.id }, { method: "post" });
  const busyId = rowFetcher.state === "idle" ? null : String(rowFetcher.formData?.get("sourceId") ?? "");

  useEffect(() => {
    if (rowFetcher.state !== "idle" || !rowFetcher.data) return;
    const data = rowFetcher.data;
    const source = "sourceId" in data ? sources.find((s) => s.id === data.sourceId) : undefined;
    if (data.intent === "create" || data.intent === "update") return;
    switch (data.intent) {
      case "test":
        setTestResult({
          name: source?.name ?? "",
          ok: data.ok,
          text: data.ok ? data.detail : data.message,
        });
        break;
      case "rotate":
        if (source) setRotated({ source, secret: data.ingestSecret });
        break;
      case "sync":
        showToast(t(data.enqueued ? "sources.toast.syncEnqueued" : "sources.toast.syncAlreadyQueued"));
        break;
      case "pause":
      case "resume":
      case "delete":
        showToast(t(`sources.toast.${data.intent}` as MessageKey));
        if (data.intent === "delete") setDeleting(null);
        break;
      default:
        showToast(t("sources.toast.reload"), { error: true });
    }
    // Only a finished submission is reported, once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rowFetcher.state, rowFetcher.data]);

  const needAttention = sources.filter((s) => s.status === "needs_attention");

  return (
    <Page
      title={t("sources.title")}
      subtitle={t("sources.subtitle")}
      fullWidth
      primaryAction={{ content: t("sources.add"), onAction: () => setEditor({ mode: "create" }) }}
      secondaryActions={[{ content: t("sources.importFile"), url: IMPORT_URL }]}
    >
      <Layout>
        {needAttention.length > 0 ? (
          <Layout.Section>
            <Banner tone="critical" title={t("sources.attention.title", { count: needAttention.length })}>
              <List type="bullet">
                {needAttention.map((s) => (
                  <List.Item key={s.id}>
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="span">
                        <Text as="span" fontWeight="semibold">
                          {s.name}:
                        </Text>{" "}
                        {s.statusReason ?? t("sources.attention.noReason")}
                      </Text>
                      {s.kind !== "ingest_webhook" ? (
                        <Button variant="plain" onClick={() => setEditor({ mode: "edit", source: s })}>
                          {t("sources.action.editCredentials")}
                        </Button>
                      ) : null}
                    </InlineStack>
                  </List.Item>
                ))}
              </List>
            </Banner>
          </Layout.Section>
        ) : null}
        {testResult ? (
          <Layout.Section>
            <div data-testid="test-result">
              <Banner
                tone={testResult.ok ? "success" : "critical"}
                title={t(testResult.ok ? "sources.test.okTitle" : "sources.test.failedTitle", {
                  name: testResult.name,
                })}
                onDismiss={() => setTestResult(null)}
              >
                <p>{testResult.text}</p>
              </Banner>
            </div>
          </Layout.Section>
        ) : null}
        <Layout.Section>
          <Card padding="0">
            {sources.length === 0 ? (
              <EmptyState
                heading={t("sources.empty.heading")}
                action={{ content: t("sources.add"), onAction: () => setEditor({ mode: "create" }) }}
                secondaryAction={{ content: t("sources.importFile"), url: IMPORT_URL }}
                image=""
              >
                <p>{t("sources.empty.body")}</p>
              </EmptyState>
            ) : (
              <SourcesTable
                sources={sources}
                polledKinds={polledKinds}
                timezone={timezone}
                busyId={busyId}
                onAction={(intent, source) => {
                  if (intent === "edit") setEditor({ mode: "edit", source });
                  else if (intent === "delete") setDeleting(source);
                  else runRowAction(intent, source);
                }}
              />
            )}
          </Card>
        </Layout.Section>
      </Layout>
      {editor ? (
        <SourceEditor
          key={editor.mode === "edit" ? editor.source.id : "create"}
          mode={editor.mode}
          source={editor.mode === "edit" ? editor.source : null}
          kinds={kinds}
          polledKinds={polledKinds}
          fields={fields}
          appUrl={appUrl}
          onClose={() => setEditor(null)}
        />
      ) : null}
      {rotated ? (
        <IngestSecretModal
          title={t("sources.secret.rotatedTitle", { name: rotated.source.name })}
          ingestUrl={rotated.source.ingestUrl}
          secret={rotated.secret}
          appUrl={appUrl}
          onClose={() => setRotated(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDeleteModal
          title={t("sources.delete.title", { name: deleting.name })}
          body={t("sources.delete.body", { count: deleting.mentionCount })}
          confirmLabel={t("sources.delete.confirm")}
          cancelLabel={t("sources.cancel")}
          deleting={busyId === deleting.id}
          onConfirm={() => runRowAction("delete", deleting)}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </Page>
  );
}

type RowIntent = "sync" | "pause" | "resume" | "test" | "edit" | "rotate" | "delete";

function SourcesTable({
  sources,
  polledKinds,
  timezone,
  busyId,
  onAction,
}: {
  sources: ClientSource[];
  polledKinds: string[];
  timezone: string;
  busyId: string | null;
  onAction: (intent: RowIntent, source: ClientSource) => void;
}) {
  const { t, locale } = useShell();
  const when = (iso: string | null) => formatShortDateTime(locale, iso, timezone);
  return (
    <IndexTable
      resourceName={{ singular: t("sources.resourceName"), plural: t("sources.resourceNamePlural") }}
      itemCount={sources.length}
      selectable={false}
      headings={[
        { title: t("sources.column.source") },
        { title: t("sources.column.status") },
        { title: t("sources.column.lastRun") },
        { title: t("sources.column.lastSuccess") },
        { title: t("sources.column.lastCounts") },
        { title: t("sources.column.mentions"), alignment: "end" },
        { title: t("sources.column.quota") },
        { title: t("sources.column.actions"), alignment: "end" },
      ]}
    >
      {sources.map((source, index) => (
        <IndexTable.Row key={source.id} id={source.id} position={index}>
          <IndexTable.Cell>
            <div data-testid="source-row" data-kind={source.kind}>
              <BlockStack gap="050">
                <Text as="span" fontWeight="semibold">
                  {source.name}
                </Text>
                <Text as="span" variant="bodySm" tone="subdued">
                  {kindLabel(t, source.kind)}
                </Text>
              </BlockStack>
            </div>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <StatusCell source={source} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span">{when(source.lastRunAt)}</Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span">{when(source.lastSuccessAt)}</Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <CountsCell counts={source.lastCounts} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            <Text as="span" alignment="end" numeric>
              {formatCount(locale, source.mentionCount)}
            </Text>
          </IndexTable.Cell>
          <IndexTable.Cell>
            <QuotaCell quota={source.quota} timezone={timezone} />
          </IndexTable.Cell>
          <IndexTable.Cell>
            <InlineStack align="end">
              <RowActions
                source={source}
                polled={polledKinds.includes(source.kind)}
                busy={busyId === source.id}
                onAction={onAction}
              />
            </InlineStack>
          </IndexTable.Cell>
        </IndexTable.Row>
      ))}
    </IndexTable>
  );
}

function kindLabel(t: ReturnType<typeof useShell>["t"], kind: string): string {
  const label = t(`sources.kind.${kind}` as MessageKey);
  return label.startsWith("sources.kind.") ? kind : label;
}

function StatusCell({ source }: { source: ClientSource }) {
  const { t } = useShell();
  const tone = source.status === "active" ? "success" : source.status === "paused" ? undefined : "critical";
  return (
    <BlockStack gap="100">
      <span>
        <Badge tone={tone}>{t(`sources.status.${source.status}` as MessageKey)}</Badge>
      </span>
      {source.status === "needs_attention" ? (
        <Text as="p" variant="bodySm" tone="critical">
          {source.statusReason ?? t("sources.attention.noReason")}
        </Text>
      ) : source.lastError ? (
        <Text as="p" variant="bodySm" tone="caution">
          {t("sources.lastError", { error: source.lastError })}
        </Text>
      ) : null}
    </BlockStack>
  );
}

function CountsCell({ counts }: { counts: ClientSource["lastCounts"] }) {
  const { t, locale } = useShell();
  if (
    !counts ||
    (counts.fetched === undefined && counts.inserted === undefined && counts.duplicates === undefined)
  )
    return <Text as="span">—</Text>;
  const n = (value: number | undefined) => formatCount(locale, value ?? 0);
  return (
    <BlockStack gap="050">
      <Text as="span" variant="bodySm">
        {t("sources.counts.main", {
          fetched: n(counts.fetched),
          inserted: n(counts.inserted),
          duplicates: n(counts.duplicates),
        })}
      </Text>
      {counts.rejected ? (
        <Text as="span" variant="bodySm" tone="caution">
          {t("sources.counts.rejected", { rejected: n(counts.rejected) })}
        </Text>
      ) : null}
    </BlockStack>
  );
}

function QuotaCell({ quota, timezone }: { quota: QuotaSummary | null; timezone: string }) {
  const { t, locale } = useShell();
  if (!quota) return <Text as="span">—</Text>;
  const n = (value: number | null) => (value === null ? "—" : formatCount(locale, value));
  const text =
    quota.kind === "units"
      ? t("sources.quota.units", { used: n(quota.used), limit: n(quota.limit) })
      : quota.kind === "requests"
        ? t("sources.quota.requests", { requests: n(quota.requests), throttled: n(quota.throttled) })
        : t("sources.quota.rateLimit", {
            remaining: n(quota.remaining),
            resetAt: formatTime(locale, quota.resetAt, timezone),
          });
  return (
    <Text as="span" variant="bodySm">
      {text}
    </Text>
  );
}

function RowActions({
  source,
  polled,
  busy,
  onAction,
}: {
  source: ClientSource;
  /** Pulse polls this source (sync now, test connection and credentials apply). */
  polled: boolean;
  busy: boolean;
  onAction: (intent: RowIntent, source: ClientSource) => void;
}) {
  const { t } = useShell();
  const [open, setOpen] = useState(false);
  const pushed = !polled;
  const act = (intent: RowIntent) => () => {
    setOpen(false);
    onAction(intent, source);
  };
  const items = [
    ...(!pushed && source.status !== "paused"
      ? [{ content: t("sources.action.syncNow"), onAction: act("sync") }]
      : []),
    source.status === "paused"
      ? { content: t("sources.action.resume"), onAction: act("resume") }
      : { content: t("sources.action.pause"), onAction: act("pause") },
    ...(!pushed ? [{ content: t("sources.action.test"), onAction: act("test") }] : []),
    ...(source.kind === "ingest_webhook"
      ? [{ content: t("sources.action.rotateSecret"), onAction: act("rotate") }]
      : []),
    {
      content: pushed ? t("sources.action.edit") : t("sources.action.editCredentials"),
      onAction: act("edit"),
    },
    { content: t("sources.action.delete"), destructive: true, onAction: act("delete") },
  ];
  return (
    <Popover
      active={open}
      onClose={() => setOpen(false)}
      activator={
        <Button disclosure loading={busy} onClick={() => setOpen((o) => !o)}>
          {t("sources.column.actions")}
        </Button>
      }
    >
      <ActionList actionRole="menuitem" items={items} />
    </Popover>
  );
}

/** The connector's label for a field (listening.sourceFields), else the field name in words. */
function fieldLabel(t: ReturnType<typeof useShell>["t"], labelKey: string, name: string): string {
  const label = t(labelKey as MessageKey);
  if (label !== labelKey) return label;
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function SourceEditor({
  mode,
  source,
  kinds,
  polledKinds,
  fields,
  appUrl,
  onClose,
}: {
  mode: "create" | "edit";
  source: ClientSource | null;
  kinds: string[];
  polledKinds: string[];
  fields: Record<string, Fields>;
  appUrl: string;
  onClose: () => void;
}) {
  const { t, showToast } = useShell();
  const fetcher = useFetcher<SourceActionResult>();
  const [kind, setKind] = useState(source?.kind ?? kinds[0] ?? "ingest_webhook");
  const [name, setName] = useState(source?.name ?? "");
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(Object.entries(source?.config ?? {}).map(([k, v]) => [`config.${k}`, v])),
  );
  const [pollEveryMinutes, setPollEveryMinutes] = useState(String(source?.pollEveryMinutes ?? 60));
  const [backfillDays, setBackfillDays] = useState(String(source?.backfillDays ?? 90));
  const kindFields = fields[kind] ?? { credentials: [], config: [] };
  const polled = polledKinds.includes(kind);
  const submitting = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const saved = result && (result.intent === "create" || result.intent === "update") ? result : undefined;
  const errors: Record<string, string> = saved && !saved.ok ? saved.errors : {};
  const created =
    saved && saved.ok && saved.ingestSecret ? { ...saved, ingestSecret: saved.ingestSecret } : null;

  useEffect(() => {
    if (!saved || !saved.ok) return;
    if (saved.ingestSecret) return; // the secret view stays open until the merchant closes it
    showToast(t(mode === "create" ? "sources.toast.created" : "sources.toast.updated"));
    onClose();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  const knownErrorKeys = new Set([
    "name",
    "kind",
    "pollEveryMinutes",
    "backfillDays",
    ...kindFields.credentials.flatMap((f) => [f.name, `credentials.${f.name}`]),
    ...kindFields.config.flatMap((f) => [f.name, `config.${f.name}`]),
  ]);
  const otherErrors = Object.entries(errors).filter(([key]) => !knownErrorKeys.has(key));
  const fieldError = (group: "credentials" | "config", fieldName: string) =>
    errors[`${group}.${fieldName}`] ?? errors[fieldName];

  const configField = (field: { name: string; labelKey: string }) => (
    <TextField
      key={field.name}
      label={fieldLabel(t, field.labelKey, field.name)}
      value={values[`config.${field.name}`] ?? ""}
      onChange={(value) => setValues((v) => ({ ...v, [`config.${field.name}`]: value }))}
      autoComplete="off"
      error={fieldError("config", field.name)}
    />
  );

  const submit = () => {
    const form = new FormData();
    form.set("intent", mode === "create" ? "create" : "update");
    if (source) form.set("sourceId", source.id);
    form.set("kind", kind);
    form.set("name", name);
    if (polled) {
      form.set("pollEveryMinutes", pollEveryMinutes);
      form.set("backfillDays", backfillDays);
    }
    for (const field of kindFields.credentials)
      form.set(`credentials.${field.name}`, values[`credentials.${field.name}`] ?? "");
    for (const field of kindFields.config)
      form.set(`config.${field.name}`, values[`config.${field.name}`] ?? "");
    fetcher.submit(form, { method: "post" });
  };

  if (created) {
    return (
      <IngestSecretModal
        title={t("sources.secret.createdTitle", { name: created.source.name })}
        ingestUrl={created.source.ingestUrl}
        secret={created.ingestSecret}
        appUrl={appUrl}
        onClose={onClose}
      />
    );
  }

  return (
    <FormModal
      title={
        mode === "create"
          ? t("sources.form.addTitle")
          : t("sources.form.editTitle", { name: source?.name ?? "" })
      }
      submitLabel={mode === "create" ? t("sources.form.save") : t("sources.form.saveChanges")}
      cancelLabel={t("sources.cancel")}
      submitting={submitting}
      onSubmit={submit}
      onClose={onClose}
      errorsTitle={t("sources.form.errorsTitle")}
      otherErrors={otherErrors}
    >
      {mode === "create" ? (
        <Select
          label={t("sources.form.kind")}
          options={kinds.map((k) => ({ label: kindLabel(t, k), value: k }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setValues({});
          }}
          error={errors.kind}
          helpText={
            t(`sources.kindHelp.${kind}` as MessageKey).startsWith("sources.")
              ? undefined
              : t(`sources.kindHelp.${kind}` as MessageKey)
          }
        />
      ) : null}
      <TextField
        label={t("sources.form.name")}
        value={name}
        onChange={setName}
        autoComplete="off"
        error={errors.name}
        placeholder={kindLabel(t, kind)}
      />
      {kindFields.credentials.map((field) => (
        <TextField
          key={field.name}
          label={fieldLabel(t, field.labelKey, field.name)}
          type={field.secret ? "password" : "text"}
          // Secrets are never pre-filled: the browser never receives them.
          value={values[`credentials.${field.name}`] ?? ""}
          onChange={(value) => setValues((v) => ({ ...v, [`credentials.${field.name}`]: value }))}
          autoComplete={field.secret ? "new-password" : "off"}
          error={fieldError("credentials", field.name)}
          helpText={mode === "edit" && source?.hasCredentials ? t("sources.form.keepSecret") : undefined}
        />
      ))}
      {kindFields.config.map(configField)}
      {polled ? (
        <InlineStack gap="300" wrap={false}>
          <TextField
            label={t("sources.form.pollEveryMinutes")}
            type="number"
            value={pollEveryMinutes}
            onChange={setPollEveryMinutes}
            autoComplete="off"
            error={errors.pollEveryMinutes}
          />
          <TextField
            label={t("sources.form.backfillDays")}
            type="number"
            value={backfillDays}
            onChange={setBackfillDays}
            autoComplete="off"
            error={errors.backfillDays}
          />
        </InlineStack>
      ) : null}
      {kind === "ingest_webhook" && mode === "create" ? (
        <Text as="p" tone="subdued">
          {t("sources.form.webhookNote")}
        </Text>
      ) : null}
    </FormModal>
  );
}

/** The one view of a webhook source's signing secret, with how to send mentions to its URL. */
function IngestSecretModal({
  title,
  ingestUrl,
  secret,
  appUrl,
  onClose,
}: {
  title: string;
  /** The source's ingest path (relative to the app), or null. */
  ingestUrl: string | null | undefined;
  secret: string;
  appUrl: string;
  onClose: () => void;
}) {
  const { t } = useShell();
  return (
    <Modal
      open
      title={title}
      onClose={onClose}
      primaryAction={{ content: t("sources.secret.done"), onAction: onClose }}
    >
      <Modal.Section>
        <IngestInstructions url={ingestUrl ? new URL(ingestUrl, appUrl).toString() : ""} secret={secret} />
      </Modal.Section>
    </Modal>
  );
}

type IngestProtocol = LoaderData["ingestProtocol"];

const EXAMPLE_BODY =
  '{"mentions":[{"id":"post-123","platform":"tiktok","author":"@maker","text":"Love these sunglasses","postedAt":"2026-11-03T14:05:00Z"}]}';

function IngestInstructions({ url, secret }: { url: string; secret: string }) {
  const { t, locale } = useShell();
  const protocol: IngestProtocol = useLoaderData<typeof loader>().ingestProtocol;
  return (
    <BlockStack gap="300">
      <Banner tone="warning">
        <p>{t("sources.secret.onceWarning")}</p>
      </Banner>
      <TextField label={t("sources.secret.url")} value={url} readOnly autoComplete="off" />
      <div data-testid="ingest-secret">
        <TextField
          label={t("sources.secret.secret")}
          value={secret}
          readOnly
          autoComplete="off"
          monospaced
          selectTextOnFocus
        />
      </div>
      <Box>
        <Text as="h3" variant="headingSm">
          {t("sources.secret.howTitle")}
        </Text>
        <List type="number">
          <List.Item>
            {t("sources.secret.step1", { max: formatCount(locale, protocol.maxMentions) })}
            <Box padding="200" background="bg-surface-secondary" borderRadius="200">
              <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontSize: 12 }}>
                {EXAMPLE_BODY}
              </pre>
            </Box>
          </List.Item>
          <List.Item>
            {t("sources.secret.step2", {
              timestampHeader: protocol.timestampHeader,
              maxAgeMinutes: protocol.maxAgeMinutes,
            })}
          </List.Item>
          <List.Item>{t("sources.secret.step3", { signatureHeader: protocol.signatureHeader })}</List.Item>
          <List.Item>{t("sources.secret.step4")}</List.Item>
        </List>
      </Box>
    </BlockStack>
  );
}
