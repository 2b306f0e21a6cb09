import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  EmptyState,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
  Thumbnail,
} from "@shopify/polaris";
import { ImageIcon } from "@shopify/polaris-icons";
import type { IndexTableHeading } from "@shopify/polaris/build/ts/src/components/IndexTable";
import type { NonEmptyArray } from "@shopify/polaris/build/ts/src/types";
import { Fragment, useState } from "react";
import { z } from "zod";
import { useShell } from "~/components/AppShell";
import { requireAdmin } from "~/services/admin-context.server";
import { listProductsWithStock, type CatalogProduct, type StockCell } from "~/services/catalog.server";
import { SyncStatusCard } from "~/components/SyncStatusCard";
import { syncStatusView } from "~/services/sync-status.server";

const querySchema = z.object({
  after: z.string().max(512).optional(),
  q: z.string().max(100).optional(),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, shopId } = await requireAdmin(request);
  const params = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [page, syncStatus] = await Promise.all([
    listProductsWithStock(admin, { after: params.after, search: params.q }),
    syncStatusView(shopId),
  ]);
  return { ...page, syncStatus, search: params.q ?? "", isFirstPage: !params.after };
};

export default function ProductsAndStock() {
  const { products, locations, nextCursor, search, isFirstPage, syncStatus } = useLoaderData<typeof loader>();
  const { t, locale } = useShell();
  const navigation = useNavigation();
  const [, setSearchParams] = useSearchParams();
  const [query, setQuery] = useState(search);
  const number = new Intl.NumberFormat(locale);

  return (
    <Page title={t("home.title")} subtitle={t("home.subtitle")} fullWidth>
      <Layout>
        <Layout.Section>
          <SyncStatusCard initial={syncStatus} />
        </Layout.Section>
        <Layout.Section>
          <Card padding="0">
            <Box padding="300">
              <Form method="get" role="search">
                <InlineStack gap="200" blockAlign="end" wrap={false}>
                  <div style={{ flex: 1 }}>
                    <TextField
                      label={t("home.searchLabel")}
                      labelHidden
                      name="q"
                      value={query}
                      onChange={setQuery}
                      placeholder={t("home.searchPlaceholder")}
                      autoComplete="off"
                      clearButton
                      onClearButtonClick={() => {
                        setQuery("");
                        setSearchParams({});
                      }}
                    />
                  </div>
                  <Button submit loading={navigation.state === "loading"}>
                    {t("home.searchLabel")}
                  </Button>
                </InlineStack>
              </Form>
            </Box>
            {products.length === 0 ? (
              search ? (
                <Box padding="400">
                  <Text as="p" tone="subdued">
                    {t("home.noMatch", { query: search })}
                  </Text>
                </Box>
              ) : (
                <EmptyState heading={t("home.empty.heading")} image="">
                  <p>{t("home.empty.body")}</p>
                </EmptyState>
              )
            ) : (
              <StockTable products={products} locations={locations} number={number} />
            )}
          </Card>
        </Layout.Section>
        <Layout.Section>
          <InlineStack gap="200" align="end">
            {!isFirstPage ? (
              <Button url={search ? `?q=${encodeURIComponent(search)}` : "?"}>{t("home.first")}</Button>
            ) : null}
            {nextCursor ? (
              <Button
                variant="primary"
                url={`?after=${encodeURIComponent(nextCursor)}${search ? `&q=${encodeURIComponent(search)}` : ""}`}
              >
                {t("home.next")}
              </Button>
            ) : null}
          </InlineStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

interface StockTableProps {
  products: CatalogProduct[];
  locations: { id: string; name: string }[];
  number: Intl.NumberFormat;
}

function StockTable({ products, locations, number }: StockTableProps) {
  const { t } = useShell();
  const headings: NonEmptyArray<IndexTableHeading> = [
    { title: t("home.column.product") },
    { title: t("home.column.sku") },
    ...locations.map((l) => ({ title: l.name })),
    { title: t("home.column.total"), alignment: "end" },
  ];

  return (
    <IndexTable
      resourceName={{ singular: t("home.resourceName"), plural: t("home.resourceNamePlural") }}
      itemCount={products.length}
      headings={headings}
      selectable={false}
    >
      {products.map((product, productIndex) => (
        <Fragment key={product.id}>
          <IndexTable.Row rowType="subheader" id={product.id} position={productIndex}>
            <IndexTable.Cell colSpan={locations.length + 3} scope="colgroup" as="th">
              <InlineStack gap="300" blockAlign="center">
                <Thumbnail source={ImageIcon} alt="" size="small" />
                <BlockStack gap="050">
                  <Text as="span" variant="headingSm" fontWeight="semibold">
                    {product.title}
                  </Text>
                  <Text as="span" tone="subdued" variant="bodySm">
                    {product.vendor} · {t("home.variantCount", { count: product.variants.length })}
                  </Text>
                </BlockStack>
                <StatusBadge status={product.status} />
              </InlineStack>
            </IndexTable.Cell>
          </IndexTable.Row>
          {product.variants.map((variant, variantIndex) => (
            <IndexTable.Row key={variant.id} id={variant.id} position={productIndex * 100 + variantIndex}>
              <IndexTable.Cell>
                <Text as="span">{variant.title}</Text>
              </IndexTable.Cell>
              <IndexTable.Cell>
                <Text as="span" tone="subdued">
                  {variant.sku ?? "—"}
                </Text>
              </IndexTable.Cell>
              {locations.map((location) => (
                <IndexTable.Cell key={location.id}>
                  <StockCellView cell={variant.stock[location.id]} number={number} />
                </IndexTable.Cell>
              ))}
              <IndexTable.Cell>
                <Text as="span" alignment="end" numeric fontWeight="semibold">
                  {number.format(variant.totalAvailable)}
                </Text>
              </IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </Fragment>
      ))}
    </IndexTable>
  );
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useShell();
  const known = status === "ACTIVE" || status === "DRAFT" || status === "ARCHIVED";
  const label = known ? t(`status.${status}`) : status;
  return <Badge tone={status === "ACTIVE" ? "success" : undefined}>{label}</Badge>;
}

function StockCellView({ cell, number }: { cell: StockCell | undefined; number: Intl.NumberFormat }) {
  const { t } = useShell();
  if (!cell) {
    return (
      <Text as="span" tone="subdued">
        {t("home.cell.notStocked")}
      </Text>
    );
  }
  return (
    <BlockStack gap="050">
      <Text as="span" numeric tone={cell.available <= cell.safetyStock ? "critical" : undefined}>
        {t("home.cell.available", { available: number.format(cell.available) })}
      </Text>
      <Text as="span" variant="bodySm" tone="subdued">
        {t("home.cell.detail", {
          incoming: number.format(cell.incoming),
          safetyStock: number.format(cell.safetyStock),
        })}
      </Text>
    </BlockStack>
  );
}
