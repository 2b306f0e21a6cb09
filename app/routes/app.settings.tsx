import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import {
  Autocomplete,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  FormLayout,
  Icon,
  IndexTable,
  InlineError,
  InlineStack,
  Layout,
  List,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import { SearchIcon } from "@shopify/polaris-icons";
import { useEffect, useMemo, useState } from "react";
import { useShell } from "~/components/AppShell";
import { formatCount } from "~/components/format";
import type { ReplenishmentParameters } from "~/domain/inventory/settings";
import type { MessageKey } from "~/i18n";
import { requireAdmin } from "~/services/admin-context.server";
import { loadSettingsPage, updateInventorySettings } from "~/services/shop-settings.server";
import {
  AUTO_APPLY_FIELD,
  overrideField,
  REGION_ROWS_FIELD,
  regionRowField,
  REPLENISHMENT_PARAMETERS as PARAMETERS,
  type EditableShopSetting,
} from "~/services/shop-settings-fields";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  return loadSettingsPage(context.shopId);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const context = await requireAdmin(request);
  const form: Record<string, string> = {};
  for (const [name, value] of await request.formData()) if (typeof value === "string") form[name] = value;
  const result = await updateInventorySettings(context.shopId, form, context.actor);
  return result.ok
    ? { ok: true as const, changedCount: result.changes.length }
    : { ok: false as const, errors: result.errors };
};

type PageData = ReturnType<typeof useLoaderData<typeof loader>>;
type Parameter = keyof ReplenishmentParameters;
type RegionRow = { code: string; region: string };

/** Shop-wide fields by section, each labelled `settings.field.<path>` with help `…<path>.help`. */
const SECTIONS: { id: string; fields: EditableShopSetting[] }[] = [
  {
    id: "guardrails",
    fields: [
      "guardrails.minIntervalHours",
      "guardrails.minMagnitudePercent",
      "guardrails.minMagnitudeUnits",
      "guardrails.maxChangeUnitsPerDecision",
      "guardrails.maxChangePercentPerDecision",
    ],
  },
  { id: "supplier", fields: ["supplier.basePercent", "supplier.horizonDays"] },
  {
    id: "alerts",
    fields: [
      "alerts.negativeShareRisePercent",
      "alerts.positiveShareDropPercent",
      "alerts.marketingFocusPoints",
      "alerts.replenishmentPlanPoints",
      "alerts.productLineReviewPoints",
    ],
  },
  { id: "overstock", fields: ["overstock.maxCoverDays"] },
];

function settingValue(settings: PageData["effective"], path: string): unknown {
  const [group, key] = path.split(".") as [string, string];
  return (settings as unknown as Record<string, Record<string, unknown>>)[group]?.[key];
}

export default function Settings() {
  const data = useLoaderData<typeof loader>();
  const { t, showToast } = useShell();
  // The fetcher lives above the form: after a save the loader's new data remounts the form with the
  // stored values, and the toast must not be lost with it.
  const fetcher = useFetcher<typeof action>();

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    if (fetcher.data.ok) showToast(t("settings.toast.saved"));
    else showToast(t("settings.toast.invalid"), { error: true });
    // Only a finished submission is reported, once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  const submitted = fetcher.state === "idle" && fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  return (
    <SettingsForm
      key={data.version}
      data={data}
      errors={submitted ? submitted.errors : data.storedErrors}
      saving={fetcher.state !== "idle"}
      onSave={(form) => fetcher.submit(form, { method: "post" })}
    />
  );
}

function SettingsForm({
  data,
  errors,
  saving,
  onSave,
}: {
  data: PageData;
  errors: Record<string, string>;
  saving: boolean;
  onSave: (form: Record<string, string>) => void;
}) {
  const { t, locale } = useShell();
  const [values, setValues] = useState<Record<string, string>>(data.values);
  const [productIds, setProductIds] = useState<string[]>(data.productOverrideIds);
  const [regionRows, setRegionRows] = useState<RegionRow[]>(data.regionRows);
  const dirty =
    JSON.stringify(values) !== JSON.stringify(data.values) ||
    JSON.stringify(regionRows) !== JSON.stringify(data.regionRows);
  const set = (name: string) => (value: string) => setValues((current) => ({ ...current, [name]: value }));
  const fmt = (value: unknown) => (typeof value === "number" ? formatCount(locale, value) : String(value));

  const productById = useMemo(() => new Map(data.products.map((p) => [p.id, p])), [data.products]);
  // What an empty override field inherits: the supplier's own value if it has one, else the shop's.
  const shopValue = (parameter: Parameter) =>
    values[`shopDefaults.${parameter}`]?.trim() || fmt(data.defaults.shopDefaults[parameter]);
  const supplierValue = (vendor: string, parameter: Parameter) =>
    (vendor && values[overrideField("suppliers", vendor, parameter)]?.trim()) || shopValue(parameter);

  // Shown beside their field; any other error (a setting the page does not edit) goes in the banner.
  const shownFields = new Set([
    ...Object.keys(values),
    ...regionRows.map((_, index) => regionRowField(index)),
    ...productIds.map((id) => `products.${id}`),
  ]);
  const otherErrors = Object.entries(errors).filter(([field]) => !shownFields.has(field));
  const errorCount = Object.keys(errors).length;

  const save = () => {
    const form: Record<string, string> = { ...values, [REGION_ROWS_FIELD]: String(regionRows.length) };
    regionRows.forEach((row, index) => {
      form[`${regionRowField(index)}.code`] = row.code;
      form[`${regionRowField(index)}.region`] = row.region;
    });
    onSave(form);
  };

  const addProduct = (id: string) => {
    if (productIds.includes(id)) return;
    setProductIds((current) => [...current, id]);
    setValues((current) => {
      const next = { ...current };
      for (const p of PARAMETERS) next[overrideField("products", id, p)] ??= "";
      return next;
    });
  };
  // A removed row is sent with every field empty, which removes the stored override.
  const removeProduct = (id: string) => {
    setProductIds((current) => current.filter((other) => other !== id));
    setValues((current) => {
      const next = { ...current };
      for (const p of PARAMETERS) next[overrideField("products", id, p)] = "";
      return next;
    });
  };

  const numberField = (name: string, label: string, extra: { helpText?: string; placeholder?: string }) => (
    <TextField
      key={name}
      label={label}
      autoComplete="off"
      inputMode="decimal"
      value={values[name] ?? ""}
      onChange={set(name)}
      error={errors[name]}
      {...extra}
    />
  );

  const autonomy = data.effective.autonomy;
  return (
    <Page
      title={t("settings.title")}
      subtitle={t("settings.subtitle")}
      primaryAction={{ content: t("settings.save"), onAction: save, loading: saving, disabled: !dirty }}
    >
      <Layout>
        {errorCount > 0 ? (
          <Layout.Section>
            <Banner tone="critical" title={t("settings.errors.title", { count: errorCount })}>
              <BlockStack gap="200">
                <p>{t("settings.errors.body")}</p>
                {otherErrors.length > 0 ? (
                  <List>
                    {otherErrors.map(([field, message]) => (
                      <List.Item key={field}>{message}</List.Item>
                    ))}
                  </List>
                ) : null}
              </BlockStack>
            </Banner>
          </Layout.Section>
        ) : null}

        <Layout.AnnotatedSection
          title={t("settings.shopDefaults.title")}
          description={t("settings.shopDefaults.description")}
        >
          <Card>
            <FormLayout>
              {PARAMETERS.map((p) =>
                numberField(`shopDefaults.${p}`, t(`settings.parameter.${p}` as MessageKey), {
                  helpText: t(`settings.parameter.${p}.help` as MessageKey, {
                    value: fmt(data.defaults.shopDefaults[p]),
                  }),
                  placeholder: fmt(data.defaults.shopDefaults[p]),
                }),
              )}
            </FormLayout>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          title={t("settings.suppliers.title")}
          description={t("settings.suppliers.description")}
        >
          <Card padding="0">
            {data.suppliers.length === 0 ? (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  {t("settings.suppliers.empty")}
                </Text>
              </Box>
            ) : (
              <IndexTable
                resourceName={{
                  singular: t("settings.suppliers.resourceName"),
                  plural: t("settings.suppliers.resourceNamePlural"),
                }}
                itemCount={data.suppliers.length}
                selectable={false}
                headings={[
                  { title: t("settings.suppliers.column.supplier") },
                  ...PARAMETERS.map((p) => ({ title: t(`settings.column.${p}` as MessageKey) })),
                ]}
              >
                {data.suppliers.map((vendor, index) => (
                  <IndexTable.Row id={vendor} key={vendor} position={index}>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        {vendor}
                      </Text>
                    </IndexTable.Cell>
                    <OverrideCells
                      kind="suppliers"
                      id={vendor}
                      name={vendor}
                      placeholder={shopValue}
                      values={values}
                      errors={errors}
                      onChange={set}
                    />
                  </IndexTable.Row>
                ))}
              </IndexTable>
            )}
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          title={t("settings.products.title")}
          description={t("settings.products.description")}
        >
          <Card padding="0">
            <Box padding="400">
              <ProductPicker
                products={data.products.filter((p) => !productIds.includes(p.id))}
                onPick={addProduct}
              />
            </Box>
            {productIds.length === 0 ? (
              <Box padding="400" paddingBlockStart="0">
                <Text as="p" tone="subdued">
                  {t("settings.products.empty")}
                </Text>
              </Box>
            ) : (
              <IndexTable
                resourceName={{
                  singular: t("settings.products.resourceName"),
                  plural: t("settings.products.resourceNamePlural"),
                }}
                itemCount={productIds.length}
                selectable={false}
                headings={[
                  { title: t("settings.products.column.product") },
                  ...PARAMETERS.map((p) => ({ title: t(`settings.column.${p}` as MessageKey) })),
                  { title: t("settings.products.column.actions"), alignment: "end" as const },
                ]}
              >
                {productIds.map((id, index) => {
                  const product = productById.get(id);
                  const name = product?.title ?? t("settings.products.missing", { id });
                  return (
                    <IndexTable.Row id={id} key={id} position={index}>
                      <IndexTable.Cell>
                        <div data-testid="product-override-row">
                          <BlockStack gap="100">
                            <Text as="span" fontWeight="semibold">
                              {name}
                            </Text>
                            {product?.vendor ? (
                              <Text as="span" variant="bodySm" tone="subdued">
                                {product.vendor}
                              </Text>
                            ) : null}
                            {errors[`products.${id}`] ? (
                              <InlineError message={errors[`products.${id}`]!} fieldID={id} />
                            ) : null}
                          </BlockStack>
                        </div>
                      </IndexTable.Cell>
                      <OverrideCells
                        kind="products"
                        id={id}
                        name={name}
                        placeholder={(p) => supplierValue(product?.vendor ?? "", p)}
                        values={values}
                        errors={errors}
                        onChange={set}
                      />
                      <IndexTable.Cell>
                        <InlineStack align="end">
                          <Button
                            variant="plain"
                            tone="critical"
                            onClick={() => removeProduct(id)}
                            accessibilityLabel={t("settings.products.removeLabel", { name })}
                          >
                            {t("settings.products.remove")}
                          </Button>
                        </InlineStack>
                      </IndexTable.Cell>
                    </IndexTable.Row>
                  );
                })}
              </IndexTable>
            )}
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          title={t("settings.autonomy.title")}
          description={t("settings.autonomy.description")}
        >
          <Card>
            <BlockStack gap="400">
              <Checkbox
                label={t("settings.autonomy.autoApply")}
                helpText={t("settings.autonomy.autoApply.help")}
                checked={values[AUTO_APPLY_FIELD] === "true"}
                onChange={(checked) => set(AUTO_APPLY_FIELD)(String(checked))}
                error={errors[AUTO_APPLY_FIELD]}
              />
              {numberField(
                "autonomy.autoApplyMaxChangePercent",
                t("settings.field.autonomy.autoApplyMaxChangePercent"),
                {
                  helpText: t("settings.field.autonomy.autoApplyMaxChangePercent.help", {
                    swing: fmt(autonomy.humanRequiredDailySwingPercent),
                    value: fmt(data.defaults.autonomy.autoApplyMaxChangePercent),
                  }),
                  placeholder: fmt(data.defaults.autonomy.autoApplyMaxChangePercent),
                },
              )}
              <BlockStack gap="200">
                <Text as="h3" variant="headingSm">
                  {t("settings.autonomy.rulesTitle")}
                </Text>
                <List>
                  <List.Item>{t("settings.autonomy.rule.tasks")}</List.Item>
                  <List.Item>{t("settings.autonomy.rule.newProductLine")}</List.Item>
                  <List.Item>{t("settings.autonomy.rule.supplierOrder")}</List.Item>
                  <List.Item>
                    {t("settings.autonomy.rule.dailySwing", {
                      swing: fmt(autonomy.humanRequiredDailySwingPercent),
                    })}
                  </List.Item>
                  <List.Item>{t("settings.autonomy.rule.speculative")}</List.Item>
                  <List.Item>{t("settings.autonomy.rule.historicalRange")}</List.Item>
                </List>
              </BlockStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        {SECTIONS.map((section) => (
          <Layout.AnnotatedSection
            key={section.id}
            title={t(`settings.${section.id}.title` as MessageKey)}
            description={t(`settings.${section.id}.description` as MessageKey)}
          >
            <Card>
              <FormLayout>
                {section.fields.map((path) =>
                  numberField(path, t(`settings.field.${path}` as MessageKey), {
                    helpText: t(`settings.field.${path}.help` as MessageKey, {
                      value: fmt(settingValue(data.defaults, path)),
                    }),
                    placeholder: fmt(settingValue(data.defaults, path)),
                  }),
                )}
              </FormLayout>
            </Card>
          </Layout.AnnotatedSection>
        ))}

        <Layout.AnnotatedSection
          title={t("settings.regional.title")}
          description={t("settings.regional.description")}
        >
          <Card>
            <BlockStack gap="300">
              {regionRows.length === 0 ? (
                <Text as="p" tone="subdued">
                  {t("settings.regional.empty")}
                </Text>
              ) : null}
              {regionRows.map((row, index) => {
                const change = (patch: Partial<RegionRow>) =>
                  setRegionRows((rows) => rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
                return (
                  <BlockStack gap="100" key={index}>
                    <InlineStack gap="200" blockAlign="end" wrap={false}>
                      <TextField
                        label={t("settings.regional.code")}
                        labelHidden={index > 0}
                        autoComplete="off"
                        placeholder="US-CA"
                        value={row.code}
                        onChange={(code) => change({ code })}
                      />
                      <TextField
                        label={t("settings.regional.region")}
                        labelHidden={index > 0}
                        autoComplete="off"
                        placeholder="us-west"
                        value={row.region}
                        onChange={(region) => change({ region })}
                      />
                      <Button
                        variant="plain"
                        tone="critical"
                        onClick={() => setRegionRows((rows) => rows.filter((_, i) => i !== index))}
                        accessibilityLabel={t("settings.regional.removeLabel", { code: row.code || "—" })}
                      >
                        {t("settings.regional.remove")}
                      </Button>
                    </InlineStack>
                    {errors[regionRowField(index)] ? (
                      <InlineError message={errors[regionRowField(index)]!} fieldID={`region-${index}`} />
                    ) : null}
                  </BlockStack>
                );
              })}
              <InlineStack>
                <Button onClick={() => setRegionRows((rows) => [...rows, { code: "", region: "" }])}>
                  {t("settings.regional.add")}
                </Button>
              </InlineStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection title={t("settings.advanced.title")}>
          <Card>
            <Text as="p" tone="subdued">
              {t("settings.advanced.body")}
            </Text>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}

/** One override row's parameter cells (supplier or product): empty inherits the placeholder. */
function OverrideCells(props: {
  kind: "suppliers" | "products";
  id: string;
  name: string;
  placeholder: (parameter: Parameter) => string;
  values: Record<string, string>;
  errors: Record<string, string | undefined>;
  onChange: (field: string) => (value: string) => void;
}) {
  const { t } = useShell();
  return (
    <>
      {PARAMETERS.map((p) => {
        const field = overrideField(props.kind, props.id, p);
        return (
          <IndexTable.Cell key={p}>
            <div style={{ minWidth: "6rem" }}>
              <TextField
                label={t(`settings.override.${p}` as MessageKey, { name: props.name })}
                labelHidden
                autoComplete="off"
                inputMode="decimal"
                value={props.values[field] ?? ""}
                placeholder={props.placeholder(p)}
                error={props.errors[field]}
                onChange={props.onChange(field)}
              />
            </div>
          </IndexTable.Cell>
        );
      })}
    </>
  );
}

/** Searches the catalogue by title; picking a product adds an empty override row for it. */
function ProductPicker({
  products,
  onPick,
}: {
  products: PageData["products"];
  onPick: (id: string) => void;
}) {
  const { t } = useShell();
  const [query, setQuery] = useState("");
  const options = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return products
      .filter((p) => needle === "" || p.title.toLowerCase().includes(needle))
      .slice(0, 20)
      .map((p) => ({ value: p.id, label: p.title }));
  }, [products, query]);
  return (
    <Autocomplete
      options={options}
      selected={[]}
      onSelect={(selected) => {
        if (selected[0]) onPick(selected[0]);
        setQuery("");
      }}
      emptyState={<Text as="p">{t("settings.products.noMatch")}</Text>}
      textField={
        <Autocomplete.TextField
          label={t("settings.products.add")}
          value={query}
          onChange={setQuery}
          prefix={<Icon source={SearchIcon} />}
          placeholder={t("settings.products.searchPlaceholder")}
          autoComplete="off"
        />
      }
    />
  );
}
