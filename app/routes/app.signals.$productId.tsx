import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  ProgressBar,
  Text,
} from "@shopify/polaris";
import type { ReactNode } from "react";
import { z } from "zod";
import { useShell } from "~/components/AppShell";
import { formatCount, formatIndex, formatPercent, formatSignedPercent } from "~/components/format";
import type { CountGrowth, SplitEntry } from "~/domain/signals";
import type { MessageKey } from "~/i18n";
import { requireAdmin } from "~/services/admin-context.server";
import { productSignalDetail } from "~/services/signals-view.server";

const params = z.object({ productId: z.string().min(1).max(64) });

export const loader = async ({ request, params: raw }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  const { productId } = params.parse(raw);
  const detail = await productSignalDetail(context.shopId, productId);
  if (!detail) throw new Response("Not found", { status: 404 });
  return detail;
};

export default function ProductSignals() {
  const { product, weeks, variants, latest } = useLoaderData<typeof loader>();
  const { t, locale } = useShell();
  const aspect = (id: string) => t(`aspect.${id}` as MessageKey);
  const growth = (g: CountGrowth, previous: number) =>
    g.status === "ok"
      ? t("signals.detail.growth", { change: formatSignedPercent(locale, g.changePercent) })
      : previous === 0
        ? t("signals.detail.growthNew")
        : t("signals.detail.growthFew");

  return (
    <Page
      title={product.title}
      subtitle={product.vendor}
      backAction={{ content: t("signals.back"), url: "/app/signals" }}
      fullWidth
    >
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("signals.detail.weeks")}
              </Text>
              <DataTable
                columnContentTypes={[
                  "text",
                  "numeric",
                  "numeric",
                  "numeric",
                  "numeric",
                  "numeric",
                  "numeric",
                ]}
                headings={[
                  t("signals.column.week"),
                  t("signals.column.mentions"),
                  t("signals.column.positive"),
                  t("signals.column.neutral"),
                  t("signals.column.negative"),
                  t("signals.column.index"),
                  t("signals.column.change"),
                ]}
                rows={[...weeks]
                  .reverse()
                  .map((w) => [
                    w.week,
                    formatCount(locale, w.volume),
                    formatPercent(locale, w.positiveShare),
                    formatPercent(locale, w.neutralShare),
                    formatPercent(locale, w.negativeShare),
                    formatIndex(locale, w.sentimentIndex),
                    w.indexChange === null
                      ? t("signals.notEnoughHistory")
                      : formatIndex(locale, w.indexChange),
                  ])}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
        {latest ? (
          <Layout.Section>
            <InlineGrid columns={{ xs: 1, md: 2 }} gap="400">
              <DetailCard
                title={t("signals.detail.drivers", { week: latest.week })}
                emptyText={t("signals.detail.noDrivers")}
              >
                {latest.drivers.map((d) => (
                  <InlineStack key={`${d.aspect}-${d.stance}`} align="space-between" blockAlign="center">
                    <InlineStack gap="200" blockAlign="center">
                      <Badge tone={d.stance === "positive" ? "success" : "critical"}>
                        {t(`stance.${d.stance}`)}
                      </Badge>
                      <Text as="span">{aspect(d.aspect)}</Text>
                    </InlineStack>
                    <Text as="span" tone="subdued">
                      {t("signals.detail.mentions", { count: d.mentions })} ·{" "}
                      {growth(d.growth, d.previousWeekMentions)}
                    </Text>
                  </InlineStack>
                ))}
              </DetailCard>
              <DetailCard
                title={t("signals.detail.needs", { week: latest.week })}
                emptyText={t("signals.detail.noNeeds")}
              >
                {latest.unmetNeeds.map((n) => (
                  <InlineStack key={n.clusterKey} align="space-between">
                    <Text as="span">{n.normalized}</Text>
                    <Text as="span" tone="subdued">
                      {t("signals.detail.mentions", { count: n.mentions })} ·{" "}
                      {growth(n.growth, n.previousWeekMentions)}
                    </Text>
                  </InlineStack>
                ))}
              </DetailCard>
              <SplitCard
                title={t("signals.detail.platforms", { week: latest.week })}
                entries={latest.platformSplit}
              />
              <SplitCard
                title={t("signals.detail.regions", { week: latest.week })}
                entries={latest.regionSplit}
              />
              <DetailCard
                title={t("signals.detail.influencers", { week: latest.week })}
                emptyText={t("signals.detail.noInfluencers")}
              >
                {latest.influencers.map((i) => (
                  <InlineStack key={i.authorHash} align="space-between">
                    <Text as="span">
                      {latest.influencerHandles[i.authorHash] ?? t("signals.detail.anonymousAuthor")} ·{" "}
                      {i.platform}
                    </Text>
                    <InlineStack gap="200">
                      <Text as="span" tone="subdued">
                        {t("signals.detail.followers", { count: formatCount(locale, i.reachFollowers) })}
                      </Text>
                      <Badge
                        tone={
                          i.stance === "positive"
                            ? "success"
                            : i.stance === "negative"
                              ? "critical"
                              : undefined
                        }
                      >
                        {t(`stance.${i.stance}`)}
                      </Badge>
                    </InlineStack>
                  </InlineStack>
                ))}
              </DetailCard>
              <DetailCard title={t("signals.detail.variants")}>
                {variants.map((v) => (
                  <InlineStack key={v.variantId} align="space-between">
                    <Text as="span">{v.title}</Text>
                    <Text as="span" tone="subdued">
                      {formatIndex(locale, v.sentimentIndex)} · {formatPercent(locale, v.positiveShare)}{" "}
                      {t("stance.positive").toLowerCase()} ·{" "}
                      {t("signals.detail.mentions", { count: v.volume })}
                    </Text>
                  </InlineStack>
                ))}
              </DetailCard>
            </InlineGrid>
          </Layout.Section>
        ) : null}
      </Layout>
    </Page>
  );
}

/** A titled card of rows; shows `emptyText` when there are none. */
function DetailCard({
  title,
  emptyText,
  children,
}: {
  title: string;
  emptyText?: string;
  children: ReactNode[];
}) {
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {title}
        </Text>
        {children.length === 0 && emptyText ? (
          <Text as="p" tone="subdued">
            {emptyText}
          </Text>
        ) : (
          children
        )}
      </BlockStack>
    </Card>
  );
}

function SplitCard({ title, entries }: { title: string; entries: SplitEntry[] }) {
  const { t, locale } = useShell();
  return (
    <DetailCard title={title}>
      {entries.map((e) => (
        <BlockStack key={e.value} gap="100">
          <InlineStack align="space-between">
            <Text as="span">{e.value}</Text>
            <Text as="span" tone="subdued">
              {formatPercent(locale, e.positiveShare)} {t("stance.positive").toLowerCase()} ·{" "}
              {formatPercent(locale, e.negativeShare)} {t("stance.negative").toLowerCase()} ·{" "}
              {t("signals.detail.mentions", { count: e.volume })}
            </Text>
          </InlineStack>
          <Box>
            <ProgressBar
              progress={Math.round(e.positiveShare * 100)}
              tone="success"
              size="small"
              animated={false}
            />
          </Box>
        </BlockStack>
      ))}
    </DetailCard>
  );
}
