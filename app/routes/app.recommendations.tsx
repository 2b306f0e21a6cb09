import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  InlineStack,
  Layout,
  List,
  Page,
  Tabs,
  Text,
} from "@shopify/polaris";
import { useEffect } from "react";
import { z } from "zod";
import { useShell } from "~/components/AppShell";
import { formatCount } from "~/components/format";
import type { MessageKey } from "~/i18n";
import { requireAdmin } from "~/services/admin-context.server";
import { REVIEW_TABS, type ReviewTab } from "~/components/review-tabs";
import {
  decideRecommendation,
  recommendationsForReview,
  type ReviewRow,
} from "~/services/recommendation-review.server";

const tabs = Object.keys(REVIEW_TABS) as ReviewTab[];
const querySchema = z.object({ tab: z.enum(tabs as [ReviewTab, ...ReviewTab[]]).catch("proposed") });
const decisionSchema = z.object({ id: z.string().min(1).max(64), decision: z.enum(["approve", "reject"]) });

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  const { tab } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { tab, ...(await recommendationsForReview(context.shopId, tab)) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const context = await requireAdmin(request);
  const parsed = decisionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success)
    return { ok: false as const, message: "The decision was not understood; reload the page and try again." };
  return decideRecommendation(context.shopId, parsed.data.id, parsed.data.decision, context.actor);
};

export default function Recommendations() {
  const { tab, rows, counts } = useLoaderData<typeof loader>();
  const { t, showToast } = useShell();
  // One fetcher for the page: a decided card leaves the list when the loader revalidates, so the
  // toast saying what happened must not live in the card.
  const fetcher = useFetcher<typeof action>();
  const pendingId = fetcher.state === "idle" ? null : String(fetcher.formData?.get("id") ?? "");
  const decide = (id: string, decision: "approve" | "reject") =>
    fetcher.submit({ id, decision }, { method: "post" });

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const data = fetcher.data;
    showToast(data.ok ? t(`rec.toast.${data.message}`) : data.message, { error: !data.ok });
  }, [fetcher.state, fetcher.data, showToast, t]);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const count = (key: ReviewTab) => REVIEW_TABS[key].reduce((sum, status) => sum + (counts[status] ?? 0), 0);

  return (
    <Page title={t("rec.title")} subtitle={t("rec.subtitle")} fullWidth>
      <Layout>
        <Layout.Section>
          <Tabs
            tabs={tabs.map((key) => ({ id: key, content: t(`rec.tab.${key}`, { count: count(key) }) }))}
            selected={tabs.indexOf(tab)}
            onSelect={(index) => {
              const next = new URLSearchParams(params);
              next.set("tab", tabs[index] ?? "proposed");
              navigate(`?${next.toString()}`);
            }}
          />
        </Layout.Section>
        <Layout.Section>
          {rows.length === 0 ? (
            <Card>
              <Text as="p" tone="subdued">
                {tab === "proposed" ? t("rec.empty.proposed") : t("rec.empty.other")}
              </Text>
            </Card>
          ) : (
            <BlockStack gap="300">
              {rows.map((row) => (
                <RecommendationCard
                  key={row.id}
                  row={row}
                  busy={pendingId === row.id}
                  onDecide={(decision) => decide(row.id, decision)}
                />
              ))}
            </BlockStack>
          )}
        </Layout.Section>
      </Layout>
    </Page>
  );
}

interface RecommendationCardProps {
  row: ReviewRow;
  busy: boolean;
  onDecide: (decision: "approve" | "reject") => void;
}

function RecommendationCard({ row, busy, onDecide }: RecommendationCardProps) {
  const { t, locale } = useShell();

  const signed = (n: number) => new Intl.NumberFormat(locale, { signDisplay: "exceptZero" }).format(n);
  const where = [row.product, row.variant, row.location ?? t("rec.allLocations")].filter(Boolean).join(" · ");
  const hasQuantities = row.currentQuantity !== null && row.proposedQuantity !== null;

  return (
    <div data-testid="recommendation" data-kind={row.kind}>
      <Card>
        <BlockStack gap="300">
          <InlineStack align="space-between" blockAlign="start" wrap={false}>
            <BlockStack gap="100">
              <InlineStack gap="200" blockAlign="center">
                <Badge tone={row.kind === "reduce" ? "warning" : "info"}>
                  {t(`kind.${row.kind}` as MessageKey)}
                </Badge>
                {row.tier ? <Badge>{t(`tier.${row.tier}` as MessageKey)}</Badge> : null}
                {row.status !== "proposed" ? (
                  <Badge
                    tone={
                      row.status === "failed" ? "critical" : row.status === "applied" ? "success" : undefined
                    }
                  >
                    {t(`status.${row.status}` as MessageKey)}
                  </Badge>
                ) : null}
              </InlineStack>
              <Text as="h3" variant="headingSm">
                {where}
              </Text>
              <Text as="p" variant="bodyLg" fontWeight="semibold">
                {hasQuantities
                  ? t("rec.quantities", {
                      name: row.quantityName,
                      current: formatCount(locale, row.currentQuantity!),
                      proposed: formatCount(locale, row.proposedQuantity!),
                      delta: signed(row.proposedQuantity! - row.currentQuantity!),
                    })
                  : t("rec.noQuantities")}
              </Text>
            </BlockStack>
            {row.status === "proposed" ? (
              <InlineStack gap="200">
                <Button disabled={busy} onClick={() => onDecide("reject")}>
                  {t("rec.reject")}
                </Button>
                <Button variant="primary" loading={busy} onClick={() => onDecide("approve")}>
                  {t("rec.approve")}
                </Button>
              </InlineStack>
            ) : null}
          </InlineStack>
          <Box background="bg-surface-secondary" padding="300" borderRadius="200">
            <BlockStack gap="200">
              <Text as="p">
                <Text as="span" fontWeight="semibold">
                  {t("rec.why")}:{" "}
                </Text>
                {row.explanation.formula}
              </Text>
              <ExplanationValues title={t("rec.inputs")} values={row.explanation.inputs} />
              <ExplanationValues title={t("rec.result")} values={row.explanation.result} />
              {row.explanation.assumptions.length > 0 ? (
                <BlockStack gap="100">
                  <Text as="p" fontWeight="semibold">
                    {t("rec.assumptions")}
                  </Text>
                  <List type="bullet">
                    {row.explanation.assumptions.map((a) => (
                      <List.Item key={a}>{a}</List.Item>
                    ))}
                  </List>
                </BlockStack>
              ) : null}
              <Text as="p" variant="bodySm" tone="subdued">
                {t("rec.cycle", { cycle: row.cycle })} · {t("rec.rule", { rule: row.rule })}
                {row.decidedBy ? ` · ${t("rec.decidedBy", { actor: row.decidedBy })}` : ""}
                {row.failureReason ? ` · ${t("rec.failure", { reason: row.failureReason })}` : ""}
              </Text>
            </BlockStack>
          </Box>
        </BlockStack>
      </Card>
    </div>
  );
}

function ExplanationValues({
  title,
  values,
}: {
  title: string;
  values: Record<string, number | string | boolean | null>;
}) {
  const { locale } = useShell();
  const entries = Object.entries(values);
  if (entries.length === 0) return null;
  const show = (v: number | string | boolean | null) =>
    typeof v === "number"
      ? new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v)
      : String(v ?? "—");
  return (
    <Text as="p" variant="bodySm">
      <Text as="span" fontWeight="semibold">
        {title}:{" "}
      </Text>
      {entries.map(([k, v]) => `${k} ${show(v)}`).join(" · ")}
    </Text>
  );
}
