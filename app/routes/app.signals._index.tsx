import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useNavigate } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Text,
} from "@shopify/polaris";
import { useShell } from "~/components/AppShell";
import { formatCount, formatIndex, formatPercent, formatSignedPercent } from "~/components/format";
import type { MessageKey } from "~/i18n";
import { requireAdmin } from "~/services/admin-context.server";
import { productSignalOverview } from "~/services/signals-view.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  return { products: await productSignalOverview(context.shopId, context.timezone, new Date()) };
};

export default function SignalsOverview() {
  const { products } = useLoaderData<typeof loader>();
  const { t, locale } = useShell();
  const navigate = useNavigate();
  const aspect = (id: string) => t(`aspect.${id}` as MessageKey);

  return (
    <Page title={t("signals.title")} subtitle={t("signals.subtitle")} fullWidth>
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {products.length === 0 ? (
              <EmptyState heading={t("signals.empty.heading")} image="">
                <p>{t("signals.empty.body")}</p>
              </EmptyState>
            ) : (
              <IndexTable
                resourceName={{ singular: t("signals.column.product"), plural: t("signals.title") }}
                itemCount={products.length}
                selectable={false}
                headings={[
                  { title: t("signals.column.product") },
                  { title: t("signals.column.week") },
                  { title: t("signals.column.mentions"), alignment: "end" },
                  { title: t("signals.column.index"), alignment: "end" },
                  { title: t("signals.column.change"), alignment: "end" },
                  { title: t("signals.column.negativeChange"), alignment: "end" },
                  { title: t("signals.column.drivers") },
                ]}
              >
                {products.map((p, index) => (
                  <IndexTable.Row
                    key={p.productId}
                    id={p.productId}
                    position={index}
                    onClick={() => navigate(`/app/signals/${p.productId}`)}
                  >
                    <IndexTable.Cell>
                      <BlockStack gap="050">
                        <Text as="span" fontWeight="semibold">
                          {p.title}
                        </Text>
                        {p.lowTrustMentions > 0 ? (
                          <Text as="span" variant="bodySm" tone="caution">
                            {t("signals.lowTrust", { count: p.lowTrustMentions })}
                          </Text>
                        ) : null}
                      </BlockStack>
                    </IndexTable.Cell>
                    <IndexTable.Cell>{p.week}</IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {formatCount(locale, p.volume)}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text
                        as="span"
                        alignment="end"
                        numeric
                        tone={p.sentimentIndex < 0 ? "critical" : undefined}
                      >
                        {formatIndex(locale, p.sentimentIndex)}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {p.indexChange === null
                          ? t("signals.notEnoughHistory")
                          : formatIndex(locale, p.indexChange)}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {formatPercent(locale, p.negativeShare)} (
                        {formatSignedPercent(locale, p.negativeShareChangePercent)})
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <InlineStack gap="100">
                        {p.topPositive ? (
                          <Badge tone="success">
                            {t("signals.driverPositive", { aspect: aspect(p.topPositive) })}
                          </Badge>
                        ) : null}
                        {p.topNegative ? (
                          <Badge tone="critical">
                            {t("signals.driverNegative", { aspect: aspect(p.topNegative) })}
                          </Badge>
                        ) : null}
                      </InlineStack>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
