import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { Banner, Box } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisZhCN from "@shopify/polaris/locales/zh-CN.json" with { type: "json" };
import polarisEn from "@shopify/polaris/locales/en.json" with { type: "json" };
import { AppShell, useShell } from "~/components/AppShell";
import { env } from "~/config/env.server";
import { resolveLocale } from "~/i18n";
import { requireAdmin } from "~/services/admin-context.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  return {
    apiKey: env().shopifyApiKey,
    embedded: context.embedded,
    demo: context.demo,
    shopDomain: context.shopDomain,
    locale: resolveLocale(context.locale),
  };
};

export default function AppLayout() {
  const { apiKey, embedded, demo, shopDomain, locale } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp={embedded} apiKey={apiKey} i18n={locale === "zh-CN" ? polarisZhCN : polarisEn}>
      <AppShell embedded={embedded} locale={locale}>
        {demo ? <DemoBanner shopDomain={shopDomain} /> : null}
        <Outlet />
      </AppShell>
    </AppProvider>
  );
}

function DemoBanner({ shopDomain }: { shopDomain: string }) {
  const { t } = useShell();
  return (
    <Box paddingBlockStart="400" paddingInlineStart="400" paddingInlineEnd="400">
      <Banner tone="info" title={t("demo.bannerTitle")}>
        <p data-testid="demo-banner">{t("demo.bannerBody", { shop: shopDomain })}</p>
      </Banner>
    </Box>
  );
}

// Shopify needs Remix to catch some thrown responses, so that their headers are included in the response.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
