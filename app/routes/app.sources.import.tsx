import { randomUUID } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import {
  redirect,
  unstable_createFileUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  DropZone,
  IndexTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useMemo, useState } from "react";
import { z } from "zod";
import { useShell } from "~/components/AppShell";
import { formatCount, formatDateTime } from "~/components/format";
import { env } from "~/config/env.server";
import type { MessageKey } from "~/i18n";
import { formatBytes } from "~/integrations/sources/file-import/errors";
import {
  MAPPING_FIELDS,
  REQUIRED_FIELDS,
  type ColumnMapping,
  type MappingField,
} from "~/integrations/sources/file-import/fields";
import { suggestMapping } from "~/integrations/sources/file-import/mapping";
import { IMPORT_PRESETS } from "~/integrations/sources/file-import/presets";
import { columnMappingSchema } from "~/integrations/sources/file-import/settings";
import { requireAdmin } from "~/services/admin-context.server";
import {
  ensureFileImportSource,
  importDirectoryOf,
  importRunOf,
  previewImport,
  recentImportRuns,
  removeStaleUploads,
  startImport,
  type ImportPreview,
  type ImportRunView,
} from "~/services/file-import.server";
import { downloadImportFile } from "~/services/import-download.server";

/** Uploads are saved as `<uuid>.<ext>`; the token the page sends back must be exactly that. */
const TOKEN = /^[0-9a-f-]{36}\.(csv|tsv|txt|jsonl|ndjson|json)$/;
const ACCEPTED = ".csv,.tsv,.txt,.jsonl,.ndjson,.json";
const SHOWN_ERRORS = 100;

function clientRun(run: ImportRunView) {
  return {
    ...run,
    errors: run.errors.slice(0, SHOWN_ERRORS),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt ? run.finishedAt.toISOString() : null,
  };
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  const runId = new URL(request.url).searchParams.get("run");
  const run = runId ? await importRunOf(context.shopId, runId) : null;
  const recent = await recentImportRuns(context.shopId, 5);
  return {
    run: run ? clientRun(run) : null,
    recent: recent.map(clientRun),
    timezone: context.timezone,
    maxUploadBytes: env().importMaxBytes,
  };
};

const startSchema = z.object({
  intent: z.literal("start"),
  token: z.string().regex(TOKEN),
  fileName: z.string().min(1).max(255),
  mapping: z.string().transform((value, ctx) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: "mapping is not JSON" });
      return z.NEVER;
    }
  }),
  dateOrder: z.enum(["day-first", "month-first"]),
  presetId: z.string().max(40),
  headerRowIndex: z.coerce.number().int().min(0).max(1000),
  delimiter: z.enum([",", ";", "\t", "|"]),
});

type ActionResult =
  | { step: "upload"; error: string }
  | {
      step: "mapping";
      token: string;
      preview: {
        fileName: string;
        sizeBytes: number;
        encoding: string;
        delimiter: string;
        headerRowIndex: number;
        header: string[];
        rows: string[][];
        presetId: string;
        mapping: ColumnMapping;
        dateOrder: "day-first" | "month-first" | null;
        mappingsByPreset: Record<string, ColumnMapping>;
      };
      errors?: string[];
    };

/** The mapping step for a stored file: the same answer for an upload and a download. */
function mappingStep(token: string, p: ImportPreview): Extract<ActionResult, { step: "mapping" }> {
  return {
    step: "mapping",
    token,
    preview: {
      fileName: p.fileName,
      sizeBytes: p.sizeBytes,
      encoding: p.encoding.encoding,
      delimiter: p.delimiter,
      headerRowIndex: p.headerRowIndex,
      header: p.header,
      rows: p.rows,
      presetId: p.presetId,
      mapping: p.mapping,
      dateOrder: p.dateOrder,
      mappingsByPreset: Object.fromEntries(
        IMPORT_PRESETS.map((preset) => [preset.id, suggestMapping(p.header, preset)]),
      ),
    },
  };
}

export const action = async ({ request }: ActionFunctionArgs): Promise<ActionResult | Response> => {
  const context = await requireAdmin(request);
  const directory = await importDirectoryOf(context.shopId);

  if ((request.headers.get("content-type") ?? "").startsWith("multipart/form-data")) {
    await removeStaleUploads(context.shopId);
    const maxUploadBytes = env().importMaxBytes;
    let originalName = "";
    let token = "";
    let form: FormData;
    try {
      form = await unstable_parseMultipartFormData(
        request,
        unstable_createFileUploadHandler({
          directory,
          avoidFileConflicts: false,
          maxPartSize: maxUploadBytes,
          filter: ({ name }) => name === "file",
          file: ({ filename }) => {
            originalName = path.basename(filename).slice(0, 255);
            const extension =
              /\.(csv|tsv|txt|jsonl|ndjson|json)$/i.exec(originalName)?.[1]?.toLowerCase() ?? "csv";
            token = `${randomUUID()}.${extension}`;
            return token;
          },
        }),
      );
    } catch (error) {
      if (error instanceof MaxPartSizeExceededError)
        return {
          step: "upload",
          error: `The file is larger than the ${formatBytes(maxUploadBytes)} limit. Split it into smaller files and import each.`,
        };
      throw error;
    }
    if (!token || !form.get("file"))
      return { step: "upload", error: "Choose a CSV or JSONL file to import." };
    const filePath = path.join(directory, token);
    const preview = await previewImport(context.shopId, { path: filePath, name: originalName });
    if (!preview.ok) {
      await rm(filePath, { force: true });
      return { step: "upload", error: preview.error };
    }
    return mappingStep(token, preview.preview);
  }

  const form = Object.fromEntries(await request.formData());
  if (form.intent === "url") {
    const url = typeof form.url === "string" ? form.url.trim() : "";
    if (!url) return { step: "upload", error: "Enter the address of the file, starting with https://." };
    await removeStaleUploads(context.shopId);
    const downloaded = await downloadImportFile(context.shopId, url);
    if (!downloaded.ok) return { step: "upload", error: downloaded.error };
    return mappingStep(downloaded.token, downloaded.preview);
  }
  if (form.intent === "cancel" && typeof form.token === "string" && TOKEN.test(form.token)) {
    await rm(path.join(directory, form.token), { force: true });
    return redirect("/app/sources/import");
  }
  const parsed = startSchema.safeParse(form);
  const mapping = parsed.success ? columnMappingSchema.safeParse(parsed.data.mapping) : null;
  if (!parsed.success || !mapping?.success)
    return { step: "upload", error: "The import form was not understood. Upload the file again." };
  const sourceId = await ensureFileImportSource(context.shopId);
  const started = await startImport(context.shopId, {
    sourceId,
    filePath: path.join(directory, parsed.data.token),
    mapping: mapping.data,
    settings: {
      fileName: parsed.data.fileName,
      dateOrder: parsed.data.dateOrder,
      presetId: parsed.data.presetId,
      headerRowIndex: parsed.data.headerRowIndex,
      delimiter: parsed.data.delimiter,
    },
  });
  if (!started.ok) return { step: "upload", error: started.errors.join(" ") };
  return redirect(`/app/sources/import?run=${started.runId}`);
};

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type ClientRun = NonNullable<LoaderData["run"]>;

export default function ImportPage() {
  const { run, recent, timezone, maxUploadBytes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useShell();

  return (
    <Page
      title={t("import.title")}
      subtitle={t("import.subtitle")}
      backAction={{ content: t("import.back"), url: "/app/sources" }}
    >
      <Layout>
        {run ? (
          <Layout.Section>
            <RunView run={run} timezone={timezone} />
          </Layout.Section>
        ) : actionData && actionData.step === "mapping" ? (
          <Layout.Section>
            <MappingStep data={actionData} />
          </Layout.Section>
        ) : (
          <Layout.Section>
            <UploadStep
              error={actionData?.step === "upload" ? actionData.error : null}
              maxUploadBytes={maxUploadBytes}
            />
          </Layout.Section>
        )}
        {recent.length > 0 && (
          <Layout.Section>
            <RecentImports runs={recent} timezone={timezone} />
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}

function UploadStep({ error, maxUploadBytes }: { error: string | null; maxUploadBytes: number }) {
  const { t } = useShell();
  const submit = useSubmit();
  const navigation = useNavigation();
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState("");
  const uploading = navigation.state === "submitting" && navigation.formEncType === "multipart/form-data";
  const downloading = navigation.state === "submitting" && navigation.formData?.get("intent") === "url";

  const upload = () => {
    if (!file) return;
    const form = new FormData();
    form.append("file", file);
    submit(form, { method: "post", encType: "multipart/form-data" });
  };

  return (
    <Card>
      <BlockStack gap="400">
        {error && (
          <Banner tone="critical" title={t("import.upload.errorTitle")}>
            <p>{error}</p>
          </Banner>
        )}
        <Text as="p">{t("import.upload.help", { limit: formatBytes(maxUploadBytes) })}</Text>
        <DropZone
          accept={ACCEPTED}
          allowMultiple={false}
          variableHeight
          label={t("import.upload.label")}
          onDrop={(_all, accepted) => setFile(accepted[0] ?? null)}
        >
          {file ? (
            <Box padding="400">
              <Text as="p" fontWeight="semibold">
                {file.name} · {formatBytes(file.size)}
              </Text>
            </Box>
          ) : (
            <DropZone.FileUpload
              actionTitle={t("import.upload.action")}
              actionHint={t("import.upload.hint")}
            />
          )}
        </DropZone>
        <InlineStack align="end">
          <Button variant="primary" onClick={upload} disabled={!file} loading={uploading}>
            {t("import.upload.submit")}
          </Button>
        </InlineStack>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (url.trim()) submit({ intent: "url", url: url.trim() }, { method: "post" });
          }}
        >
          <BlockStack gap="200">
            <TextField
              label={t("import.url.label")}
              type="url"
              autoComplete="off"
              placeholder={t("import.url.placeholder")}
              helpText={t("import.url.help")}
              value={url}
              onChange={setUrl}
              connectedRight={
                <Button submit disabled={!url.trim() || uploading} loading={downloading}>
                  {t("import.url.submit")}
                </Button>
              }
            />
          </BlockStack>
        </form>
      </BlockStack>
    </Card>
  );
}

function MappingStep({ data }: { data: Extract<ActionResult, { step: "mapping" }> }) {
  const { t } = useShell();
  const submit = useSubmit();
  const navigation = useNavigation();
  const { preview, token } = data;
  const [presetId, setPresetId] = useState(preview.presetId);
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  const [dateOrder, setDateOrder] = useState<"day-first" | "month-first">(preview.dateOrder ?? "day-first");
  const missing = REQUIRED_FIELDS.filter((field) => !mapping[field]);
  const starting = navigation.state === "submitting" && navigation.formData?.get("intent") === "start";

  const columnOptions = useMemo(
    () => [
      { label: t("import.mapping.none"), value: "" },
      ...preview.header.map((column) => ({ label: column, value: column })),
    ],
    [preview.header, t],
  );

  const start = () =>
    submit(
      {
        intent: "start",
        token,
        fileName: preview.fileName,
        mapping: JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([, column]) => column))),
        dateOrder,
        presetId,
        headerRowIndex: String(preview.headerRowIndex),
        delimiter: preview.delimiter,
      },
      { method: "post" },
    );

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            {t("import.mapping.title", { file: preview.fileName })}
          </Text>
          <Text as="p" tone="subdued">
            {t("import.mapping.detected", {
              size: formatBytes(preview.sizeBytes),
              encoding: preview.encoding.toUpperCase(),
              delimiter: preview.delimiter === "\t" ? "Tab" : preview.delimiter,
              headerLine: preview.headerRowIndex + 1,
            })}
          </Text>
          <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
            <Select
              label={t("import.mapping.preset")}
              options={IMPORT_PRESETS.map((preset) => ({ label: preset.label, value: preset.id }))}
              value={presetId}
              onChange={(value) => {
                setPresetId(value);
                setMapping(preview.mappingsByPreset[value] ?? {});
              }}
            />
            <Select
              label={t("import.mapping.dateOrder")}
              helpText={t("import.mapping.dateOrderHelp")}
              options={[
                { label: t("import.mapping.dayFirst"), value: "day-first" },
                { label: t("import.mapping.monthFirst"), value: "month-first" },
              ]}
              value={dateOrder}
              onChange={(value) => setDateOrder(value === "month-first" ? "month-first" : "day-first")}
            />
          </InlineGrid>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 3 }} gap="300">
            {MAPPING_FIELDS.map((field: MappingField) => (
              <Select
                key={field}
                label={
                  t(`import.field.${field}` as MessageKey) + (REQUIRED_FIELDS.includes(field) ? " *" : "")
                }
                options={columnOptions}
                value={mapping[field] ?? ""}
                onChange={(value) => setMapping((current) => ({ ...current, [field]: value || undefined }))}
              />
            ))}
          </InlineGrid>
          {missing.length > 0 && (
            <Banner tone="warning">
              <p>{t("import.mapping.missing")}</p>
            </Banner>
          )}
          <InlineStack align="end" gap="200">
            <Button onClick={() => submit({ intent: "cancel", token }, { method: "post" })}>
              {t("import.mapping.cancel")}
            </Button>
            <Button variant="primary" onClick={start} disabled={missing.length > 0} loading={starting}>
              {t("import.mapping.start")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
      <Card padding="0">
        <Box padding="400">
          <Text as="h2" variant="headingMd">
            {t("import.mapping.previewTitle", { count: preview.rows.length })}
          </Text>
        </Box>
        <DataTable
          columnContentTypes={preview.header.map(() => "text")}
          headings={preview.header}
          rows={preview.rows.map((row) =>
            row.map((cell) => (cell.length > 80 ? `${cell.slice(0, 80)}…` : cell)),
          )}
          truncate
        />
      </Card>
    </BlockStack>
  );
}

const STATUS_TONE = { running: "info", succeeded: "success", failed: "critical" } as const;

function RunView({ run, timezone }: { run: ClientRun; timezone: string }) {
  const { t, locale } = useShell();
  const revalidator = useRevalidator();
  useEffect(() => {
    if (run.status !== "running") return;
    // Poll the run while the job works through the file.
    const timer = setInterval(() => {
      if (revalidator.state === "idle") revalidator.revalidate();
    }, 2000);
    return () => clearInterval(timer);
  }, [run.status, revalidator]);

  const figure = (key: MessageKey, value: number) => (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {t(key)}
      </Text>
      <Text as="p" variant="headingLg">
        {formatCount(locale, value)}
      </Text>
    </BlockStack>
  );

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="center">
            <Text as="h2" variant="headingMd">
              {run.fileName}
            </Text>
            <Badge tone={STATUS_TONE[run.status]}>{t(`import.status.${run.status}` as MessageKey)}</Badge>
          </InlineStack>
          <Text as="p" tone="subdued">
            {t("import.run.started", { at: formatDateTime(locale, run.startedAt, timezone) })}
            {run.finishedAt
              ? ` · ${t("import.run.finished", { at: formatDateTime(locale, run.finishedAt, timezone) })}`
              : ""}
          </Text>
          {run.error && (
            <Banner tone="critical" title={t("import.run.failedTitle")}>
              <p>{run.error}</p>
            </Banner>
          )}
          <InlineGrid columns={{ xs: 2, md: 4 }} gap="400">
            {figure("import.run.rowsRead", run.rowsRead)}
            {figure("import.run.rowsImported", run.rowsImported)}
            {figure("import.run.rowsDuplicate", run.rowsDuplicate)}
            {figure("import.run.rowsFailed", run.rowsFailed)}
          </InlineGrid>
          <InlineStack gap="200">
            <Button url="/app/sources/import">{t("import.run.another")}</Button>
            <Button url="/app/sources" variant="plain">
              {t("import.back")}
            </Button>
          </InlineStack>
        </BlockStack>
      </Card>
      {run.errors.length > 0 && (
        <Card padding="0">
          <Box padding="400">
            <BlockStack gap="100">
              <Text as="h2" variant="headingMd">
                {t("import.run.errorsTitle")}
              </Text>
              <Text as="p" tone="subdued">
                {t("import.run.errorsHelp", {
                  shown: formatCount(locale, run.errors.length),
                  total: formatCount(locale, run.rowsFailed),
                })}
              </Text>
            </BlockStack>
          </Box>
          <IndexTable
            resourceName={{ singular: t("import.run.errorSingular"), plural: t("import.run.errorPlural") }}
            itemCount={run.errors.length}
            selectable={false}
            headings={[{ title: t("import.run.line") }, { title: t("import.run.problem") }]}
          >
            {run.errors.map((error, index) => (
              <IndexTable.Row id={`${error.line}-${index}`} key={`${error.line}-${index}`} position={index}>
                <IndexTable.Cell>{error.line > 0 ? formatCount(locale, error.line) : "—"}</IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" breakWord>
                    {error.message}
                  </Text>
                </IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      )}
    </BlockStack>
  );
}

function RecentImports({ runs, timezone }: { runs: ClientRun[]; timezone: string }) {
  const { t, locale } = useShell();
  return (
    <Card padding="0">
      <Box padding="400">
        <Text as="h2" variant="headingMd">
          {t("import.recent.title")}
        </Text>
      </Box>
      <IndexTable
        resourceName={{ singular: t("import.recent.singular"), plural: t("import.recent.plural") }}
        itemCount={runs.length}
        selectable={false}
        headings={[
          { title: t("import.recent.file") },
          { title: t("import.recent.started") },
          { title: t("import.recent.status") },
          { title: t("import.run.rowsImported"), alignment: "end" },
          { title: t("import.run.rowsFailed"), alignment: "end" },
        ]}
      >
        {runs.map((run, index) => (
          <IndexTable.Row id={run.id} key={run.id} position={index}>
            <IndexTable.Cell>
              <Button variant="plain" url={`/app/sources/import?run=${run.id}`}>
                {run.fileName}
              </Button>
            </IndexTable.Cell>
            <IndexTable.Cell>{formatDateTime(locale, run.startedAt, timezone)}</IndexTable.Cell>
            <IndexTable.Cell>
              <Badge tone={STATUS_TONE[run.status]}>{t(`import.status.${run.status}` as MessageKey)}</Badge>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {formatCount(locale, run.rowsImported)}
              </Text>
            </IndexTable.Cell>
            <IndexTable.Cell>
              <Text as="span" alignment="end" numeric>
                {formatCount(locale, run.rowsFailed)}
              </Text>
            </IndexTable.Cell>
          </IndexTable.Row>
        ))}
      </IndexTable>
    </Card>
  );
}
