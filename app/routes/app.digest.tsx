import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  DataTable,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useState } from "react";
import { z } from "zod";
import { useShell } from "~/components/AppShell";
import { formatShortDateTime } from "~/components/format";
import type { MessageKey } from "~/i18n";
import { requireAdmin } from "~/services/admin-context.server";
import { digestPageView, requestDigestNow, saveDigestSettings } from "~/services/digest.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  return digestPageView(context.shopId, new Date());
};

const saveSchema = z.object({
  enabled: z.enum(["true", "false"]),
  recipients: z.string().max(10_000).default(""),
});

/** Field errors as message keys and their values, translated in the browser. */
type FieldError = { key: MessageKey; vars?: Record<string, string | number> };

export const action = async ({ request }: ActionFunctionArgs) => {
  const context = await requireAdmin(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "send") {
    return { intent: "send" as const, ...(await requestDigestNow(context.shopId, new Date())) };
  }
  if (form.intent === "save") {
    const parsed = saveSchema.safeParse(form);
    if (!parsed.success) {
      return {
        intent: "save" as const,
        ok: false as const,
        errors: [{ key: "digest.page.errorForm" }] as FieldError[],
      };
    }
    const result = await saveDigestSettings(context.shopId, {
      enabled: parsed.data.enabled === "true",
      recipients: parsed.data.recipients,
    });
    if (result.ok) return { intent: "save" as const, ok: true as const, recipients: result.recipients };
    return {
      intent: "save" as const,
      ok: false as const,
      errors: result.errors.map((e): FieldError =>
        e.kind === "invalid"
          ? { key: "digest.page.errorInvalid", vars: { value: e.value } }
          : { key: "digest.page.errorTooMany", vars: { max: e.max } },
      ),
    };
  }
  return { intent: "unknown" as const, ok: false as const };
};

const STATUS_TONE: Record<string, "success" | "critical" | "attention" | "info"> = {
  sent: "success",
  failed: "critical",
  skipped: "attention",
  sending: "info",
};

export default function DigestPage() {
  const { week, timezone, preview, shopEmail, settings, runs } = useLoaderData<typeof loader>();
  const { t, locale, showToast } = useShell();
  const send = useFetcher<typeof action>();
  const save = useFetcher<typeof action>();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [recipients, setRecipients] = useState(settings.recipients.join(", "));

  useEffect(() => {
    if (save.state !== "idle" || save.data?.intent !== "save") return;
    if (save.data.ok) {
      setRecipients(save.data.recipients.join(", "));
      showToast(t("digest.page.saved"));
    }
  }, [save.state, save.data, showToast, t]);

  const sendResult = send.data?.intent === "send" ? send.data : null;
  const sendMessage = (() => {
    if (!sendResult || sendResult.status === "notInstalled") return null;
    const key = {
      queued: "digest.page.sendQueued",
      alreadyQueued: "digest.page.sendAlreadyQueued",
      alreadySent: "digest.page.sendAlreadySent",
    }[sendResult.status] as MessageKey;
    return t(key, { week: sendResult.week });
  })();
  const saveErrors =
    save.data?.intent === "save" && !save.data.ok && "errors" in save.data ? save.data.errors : [];

  return (
    <Page title={t("digest.page.title")} subtitle={t("digest.page.subtitle")}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <InlineStack align="space-between" blockAlign="center" gap="200">
                <BlockStack gap="100">
                  <Text as="h2" variant="headingMd">
                    {t("digest.page.preview", { week })}
                  </Text>
                  <Text as="p" tone="subdued">
                    {t("digest.page.previewSubject", { subject: preview.subject })}
                  </Text>
                </BlockStack>
                <send.Form method="post">
                  <input type="hidden" name="intent" value="send" />
                  <Button variant="primary" submit loading={send.state !== "idle"}>
                    {t("digest.page.sendNow")}
                  </Button>
                </send.Form>
              </InlineStack>
              {sendMessage ? (
                <Banner tone={sendResult?.status === "queued" ? "success" : "info"}>
                  <p data-testid="digest-send-result">{sendMessage}</p>
                </Banner>
              ) : null}
              <Box
                borderColor="border"
                borderWidth="025"
                borderRadius="200"
                overflowX="hidden"
                overflowY="hidden"
              >
                {/* sandbox="" : the email's HTML runs no script and cannot navigate this page. */}
                <iframe
                  title={t("digest.page.previewFrame")}
                  data-testid="digest-preview"
                  sandbox=""
                  srcDoc={preview.html}
                  style={{ width: "100%", height: 640, border: 0, display: "block" }}
                />
              </Box>
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section variant="oneThird">
          <Card>
            <save.Form method="post">
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="enabled" value={String(enabled)} />
              <BlockStack gap="300">
                <Text as="h2" variant="headingMd">
                  {t("digest.page.settings")}
                </Text>
                <Checkbox label={t("digest.page.enabled")} checked={enabled} onChange={setEnabled} />
                <TextField
                  label={t("digest.page.recipients")}
                  name="recipients"
                  value={recipients}
                  onChange={setRecipients}
                  multiline={2}
                  autoComplete="email"
                  helpText={
                    shopEmail
                      ? t("digest.page.recipientsHelp", { email: shopEmail })
                      : t("digest.page.recipientsHelpNoEmail")
                  }
                  error={
                    saveErrors.length > 0 ? saveErrors.map((e) => t(e.key, e.vars)).join(" ") : undefined
                  }
                />
                <InlineStack align="end">
                  <Button submit loading={save.state !== "idle"}>
                    {t("digest.page.save")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </save.Form>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <Text as="h2" variant="headingMd">
                {t("digest.page.runs")}
              </Text>
            </Box>
            {runs.length === 0 ? (
              <Box padding="400" paddingBlockStart="0">
                <Text as="p" tone="subdued">
                  {t("digest.page.runsEmpty")}
                </Text>
              </Box>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text", "text", "text"]}
                headings={[
                  t("digest.page.column.week"),
                  t("digest.page.column.status"),
                  t("digest.page.column.recipients"),
                  t("digest.page.column.sentAt"),
                  t("digest.page.column.error"),
                ]}
                rows={runs.map((run) => [
                  run.week,
                  <Badge key="status" tone={STATUS_TONE[run.status]}>
                    {t(`digest.status.${run.status}` as MessageKey)}
                  </Badge>,
                  run.recipients.join(", ") || "—",
                  formatShortDateTime(locale, run.sentAt, timezone),
                  run.error ?? "",
                ])}
                verticalAlign="middle"
                truncate={false}
              />
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
