import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import polarisEn from "@shopify/polaris/locales/en.json" with { type: "json" };
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import { useState } from "react";
import { resolveLocale, translate, type SupportedLocale } from "~/i18n";
import { login } from "~/shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

function loginErrorMessage(locale: SupportedLocale, errors: { shop?: LoginErrorType } | undefined) {
  if (errors?.shop === LoginErrorType.MissingShop) return translate(locale, "login.missingShop");
  if (errors?.shop === LoginErrorType.InvalidShop) return translate(locale, "login.invalidShop");
  return undefined;
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const locale = resolveLocale(request.headers.get("accept-language"));
  const errors = await login(request);
  return { locale, error: loginErrorMessage(locale, errors as { shop?: LoginErrorType }) };
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const locale = resolveLocale(request.headers.get("accept-language"));
  const errors = await login(request);
  return { error: loginErrorMessage(locale, errors as { shop?: LoginErrorType }) };
};

export default function Login() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const error = actionData?.error ?? loaderData.error;
  const t = (key: Parameters<typeof translate>[1]) => translate(loaderData.locale, key);
  return (
    <AppProvider isEmbeddedApp={false} apiKey="" i18n={polarisEn}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                {t("login.title")}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={t("login.shopLabel")}
                helpText={t("login.shopHelp")}
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={error}
              />
              <Button submit>{t("login.submit")}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
