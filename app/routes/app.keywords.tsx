import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import {
  Badge,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  EmptyState,
  Filters,
  IndexTable,
  InlineStack,
  Layout,
  Page,
  Pagination,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { useShell } from "~/components/AppShell";
import { ConfirmDeleteModal, FormModal } from "~/components/FormModal";
import { formatCount } from "~/components/format";
import type { MessageKey } from "~/i18n";
import { findKeyword } from "~/models/keywords.server";
import { listProductChoices } from "~/models/product-choices.server";
import { requireAdmin } from "~/services/admin-context.server";
import {
  deleteKeyword,
  listKeywordPage,
  saveKeyword,
  setKeywordActive,
  suggestKeywords,
  type KeywordKindName,
  type KeywordStatusFilter,
  type KeywordView,
} from "~/services/sources.server";

const KINDS: KeywordKindName[] = ["product", "competitor", "industry"];
const STATUSES: KeywordStatusFilter[] = ["all", "active", "suggested"];

// The list's state lives in the URL (?q=&kind=&status=&page=) so a reload or the back button
// shows the same page; anything malformed falls back to the unfiltered first page.
const listQuerySchema = z.object({
  q: z.string().max(100).catch("").default(""),
  kind: z.enum(["product", "competitor", "industry"]).optional().catch(undefined),
  status: z.enum(["all", "active", "suggested"]).catch("all").default("all"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const context = await requireAdmin(request);
  const query = listQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, products] = await Promise.all([
    listKeywordPage(context.shopId, {
      search: query.q,
      kind: query.kind,
      status: query.status,
      page: query.page,
    }),
    listProductChoices(context.shopId),
  ]);
  return {
    ...list,
    filters: { q: query.q.trim(), kind: query.kind ?? null, status: query.status },
    products,
  };
};

/** "a, b" or one per line → ["a", "b"]. */
const listOf = (value: string) =>
  value
    .split(/[\n,，]/)
    .map((item) => item.trim())
    .filter(Boolean);

const saveSchema = z.object({
  id: z.string().max(64).optional(),
  term: z.string().max(500).default(""),
  kind: z.enum(["product", "competitor", "industry"]).catch("industry"),
  productId: z.string().max(64).optional(),
  language: z.string().max(20).optional(),
  exclusions: z.string().max(10_000).default(""),
  active: z.enum(["true", "false"]).default("true"),
});
const idSchema = z.object({ id: z.string().min(1).max(64) });

export const action = async ({ request }: ActionFunctionArgs) => {
  const context = await requireAdmin(request);
  const form = Object.fromEntries(await request.formData());
  switch (form.intent) {
    case "save": {
      const parsed = saveSchema.safeParse(form);
      if (!parsed.success)
        return {
          intent: "save" as const,
          ok: false as const,
          errors: { form: "Reload the page and try again." },
        };
      const input = parsed.data;
      const existing = input.id ? await findKeyword(context.shopId, input.id) : null;
      const productId = input.kind === "product" && input.productId ? input.productId : null;
      const result = await saveKeyword(context.shopId, {
        id: input.id || undefined,
        term: input.term,
        kind: input.kind,
        productId,
        // A variant link survives an edit only while the keyword stays on the same product.
        variantId: existing && existing.productId === productId ? existing.variantId : null,
        language: input.language?.trim() || undefined,
        exclusions: listOf(input.exclusions),
        active: input.active === "true",
      });
      return result.ok
        ? { intent: "save" as const, ok: true as const, created: !input.id }
        : { intent: "save" as const, ok: false as const, errors: result.errors };
    }
    case "toggle": {
      const parsed = idSchema.extend({ active: z.enum(["true", "false"]) }).safeParse(form);
      if (!parsed.success) return { intent: "toggle" as const, ok: false as const };
      const result = await setKeywordActive(context.shopId, parsed.data.id, parsed.data.active === "true");
      return { intent: "toggle" as const, ok: result.ok };
    }
    case "delete": {
      const parsed = idSchema.safeParse(form);
      if (!parsed.success) return { intent: "delete" as const, ok: false as const };
      return { intent: "delete" as const, ok: (await deleteKeyword(context.shopId, parsed.data.id)).ok };
    }
    case "suggest": {
      const { created } = await suggestKeywords(context.shopId);
      return { intent: "suggest" as const, ok: true as const, created };
    }
    default:
      return { intent: "unknown" as const, ok: false as const };
  }
};

type ProductChoice = { id: string; title: string };

export default function Keywords() {
  const { keywords, total, page, pageCount, filters, products } = useLoaderData<typeof loader>();
  const { t, showToast } = useShell();
  const fetcher = useFetcher<typeof action>();
  const [editing, setEditing] = useState<KeywordView | "new" | null>(null);
  const [deleting, setDeleting] = useState<KeywordView | null>(null);
  const busy = fetcher.state !== "idle";
  const pendingIntent = busy ? String(fetcher.formData?.get("intent") ?? "") : null;
  const pendingId = busy ? String(fetcher.formData?.get("id") ?? "") : null;
  const filtered = filters.q !== "" || filters.kind !== null || filters.status !== "all";

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    const data = fetcher.data;
    if (data.intent === "suggest") {
      showToast(
        data.created > 0
          ? t("keywords.toast.suggested", { count: data.created })
          : t("keywords.toast.noSuggestions"),
      );
    } else if (data.intent === "delete") {
      setDeleting(null);
      showToast(data.ok ? t("keywords.toast.deleted") : t("keywords.toast.gone"), { error: !data.ok });
    } else if (data.intent === "toggle") {
      if (!data.ok) showToast(t("keywords.toast.gone"), { error: true });
    } else if (data.intent === "unknown") {
      showToast(t("keywords.toast.reload"), { error: true });
    }
    // Only a finished submission is reported, once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  // Actions go through fetchers, which never navigate: after one the loader revalidates with the
  // page's own URL, so the merchant stays on the same filtered page.
  const suggest = () => fetcher.submit({ intent: "suggest" }, { method: "post" });
  const suggestAction = {
    content: t("keywords.suggest"),
    onAction: suggest,
    loading: pendingIntent === "suggest",
  };

  return (
    <Page
      title={t("keywords.title")}
      subtitle={t("keywords.subtitle")}
      fullWidth
      primaryAction={{ content: t("keywords.add"), onAction: () => setEditing("new") }}
      secondaryActions={[suggestAction]}
    >
      <Layout>
        <Layout.Section>
          <Card padding="0">
            {total === 0 && !filtered ? (
              <EmptyState
                heading={t("keywords.empty.heading")}
                action={{ content: t("keywords.add"), onAction: () => setEditing("new") }}
                secondaryAction={suggestAction}
                image=""
              >
                <p>{t("keywords.empty.body")}</p>
              </EmptyState>
            ) : (
              <>
                <KeywordFilters filters={filters} />
                <IndexTable
                  resourceName={{
                    singular: t("keywords.resourceName"),
                    plural: t("keywords.resourceNamePlural"),
                  }}
                  itemCount={keywords.length}
                  selectable={false}
                  emptyState={
                    <EmptyState heading={t("keywords.noMatch.heading")} image="">
                      <p>{t("keywords.noMatch.body")}</p>
                    </EmptyState>
                  }
                  headings={[
                    { title: t("keywords.column.term") },
                    { title: t("keywords.column.kind") },
                    { title: t("keywords.column.product") },
                    { title: t("keywords.column.language") },
                    { title: t("keywords.column.exclusions") },
                    { title: t("keywords.column.mentions"), alignment: "end" },
                    { title: t("keywords.column.active") },
                    { title: t("keywords.column.actions"), alignment: "end" },
                  ]}
                >
                  {keywords.map((keyword, index) => (
                    <KeywordRow
                      key={keyword.id}
                      keyword={keyword}
                      position={index}
                      toggling={pendingIntent === "toggle" && pendingId === keyword.id}
                      onToggle={(active) =>
                        fetcher.submit(
                          { intent: "toggle", id: keyword.id, active: String(active) },
                          { method: "post" },
                        )
                      }
                      onEdit={() => setEditing(keyword)}
                      onDelete={() => setDeleting(keyword)}
                    />
                  ))}
                </IndexTable>
                <KeywordPagination page={page} pageCount={pageCount} total={total} />
              </>
            )}
          </Card>
        </Layout.Section>
      </Layout>
      {editing ? (
        <KeywordEditor
          key={editing === "new" ? "new" : editing.id}
          keyword={editing === "new" ? null : editing}
          products={products}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {deleting ? (
        <ConfirmDeleteModal
          title={t("keywords.delete.title", { term: deleting.term })}
          body={deleting.suggested ? t("keywords.delete.bodySuggested") : t("keywords.delete.body")}
          confirmLabel={t("keywords.delete.confirm")}
          cancelLabel={t("keywords.cancel")}
          deleting={pendingIntent === "delete"}
          onConfirm={() => fetcher.submit({ intent: "delete", id: deleting.id }, { method: "post" })}
          onClose={() => setDeleting(null)}
        />
      ) : null}
    </Page>
  );
}

/**
 * The URL's search params with the list params changed; a changed filter starts again at page 1.
 * Other params (App Bridge's host, shop, embedded…) are kept.
 */
function withListParams(current: URLSearchParams, changes: Record<string, string | null>): URLSearchParams {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === "") next.delete(key);
    else next.set(key, value);
  }
  if (!("page" in changes)) next.delete("page");
  return next;
}

function KeywordFilters({
  filters,
}: {
  filters: { kind: KeywordKindName | null; status: KeywordStatusFilter };
}) {
  const { t } = useShell();
  const [params, setParams] = useSearchParams();
  const navigation = useNavigation();
  const urlQuery = params.get("q")?.trim() ?? "";
  const [query, setQuery] = useState(urlQuery);
  // The search text this field last put in the URL; any other change of ?q= came from Back/Forward
  // or a link, and the field shows it. A loader answering late never overwrites newer typing.
  const pushedQuery = useRef(urlQuery);

  useEffect(() => {
    if (urlQuery === pushedQuery.current) return;
    pushedQuery.current = urlQuery;
    setQuery(urlQuery);
  }, [urlQuery]);

  // Typing updates the URL after a pause, replacing the history entry so Back skips each keystroke.
  useEffect(() => {
    const typed = query.trim();
    if (typed === urlQuery) return;
    const timer = setTimeout(() => {
      pushedQuery.current = typed;
      setParams(withListParams(params, { q: typed }), { replace: true });
    }, 300);
    return () => clearTimeout(timer);
  }, [query, urlQuery, params, setParams]);

  const change = (changes: Record<string, string | null>) => setParams(withListParams(params, changes));
  const kindLabel = (kind: KeywordKindName) => t(`keywords.kind.${kind}` as MessageKey);
  const statusLabel = (status: KeywordStatusFilter) => t(`keywords.status.${status}` as MessageKey);

  return (
    <div data-testid="keyword-filters">
      <Filters
        queryValue={query}
        queryPlaceholder={t("keywords.filter.queryPlaceholder")}
        onQueryChange={setQuery}
        onQueryClear={() => {
          setQuery("");
          pushedQuery.current = "";
          change({ q: null });
        }}
        loading={navigation.state === "loading"}
        filters={[
          {
            key: "kind",
            label: t("keywords.filter.kind"),
            shortcut: true,
            filter: (
              <ChoiceList
                title={t("keywords.filter.kind")}
                titleHidden
                choices={KINDS.map((kind) => ({ label: kindLabel(kind), value: kind }))}
                selected={filters.kind ? [filters.kind] : []}
                onChange={(selected) => change({ kind: selected[0] ?? null })}
              />
            ),
          },
          {
            key: "status",
            label: t("keywords.filter.status"),
            shortcut: true,
            filter: (
              <ChoiceList
                title={t("keywords.filter.status")}
                titleHidden
                choices={STATUSES.map((status) => ({ label: statusLabel(status), value: status }))}
                selected={[filters.status]}
                onChange={(selected) =>
                  change({ status: selected[0] === "all" ? null : (selected[0] ?? null) })
                }
              />
            ),
          },
        ]}
        appliedFilters={[
          ...(filters.kind
            ? [
                {
                  key: "kind",
                  label: t("keywords.filter.kindApplied", { kind: kindLabel(filters.kind) }),
                  onRemove: () => change({ kind: null }),
                },
              ]
            : []),
          ...(filters.status !== "all"
            ? [
                {
                  key: "status",
                  label: t("keywords.filter.statusApplied", { status: statusLabel(filters.status) }),
                  onRemove: () => change({ status: null }),
                },
              ]
            : []),
        ]}
        onClearAll={() => {
          setQuery("");
          pushedQuery.current = "";
          change({ q: null, kind: null, status: null });
        }}
      />
    </div>
  );
}

function KeywordPagination({ page, pageCount, total }: { page: number; pageCount: number; total: number }) {
  const { t, locale } = useShell();
  const [params, setParams] = useSearchParams();
  const go = (to: number) => setParams(withListParams(params, { page: to > 1 ? String(to) : null }));
  if (total === 0) return null;
  return (
    <Box padding="300" borderBlockStartWidth="025" borderColor="border">
      <InlineStack align="center">
        <Pagination
          hasPrevious={page > 1}
          onPrevious={() => go(page - 1)}
          hasNext={page < pageCount}
          onNext={() => go(page + 1)}
          label={t("keywords.pagination", {
            page: formatCount(locale, page),
            pages: formatCount(locale, pageCount),
            count: total,
            total: formatCount(locale, total),
          })}
        />
      </InlineStack>
    </Box>
  );
}

function KeywordRow({
  keyword,
  position,
  toggling,
  onToggle,
  onEdit,
  onDelete,
}: {
  keyword: KeywordView;
  position: number;
  toggling: boolean;
  onToggle: (active: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, locale } = useShell();
  const kindTone =
    keyword.kind === "product" ? "info" : keyword.kind === "competitor" ? "warning" : undefined;
  return (
    <IndexTable.Row id={keyword.id} position={position}>
      <IndexTable.Cell>
        <div data-testid="keyword-row">
          <InlineStack gap="200" blockAlign="center" wrap={false}>
            <Text as="span" fontWeight="semibold">
              {keyword.term}
            </Text>
            {keyword.suggested ? <Badge tone="new">{t("keywords.suggestedBadge")}</Badge> : null}
          </InlineStack>
        </div>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Badge tone={kindTone}>{t(`keywords.kind.${keyword.kind}` as MessageKey)}</Badge>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" tone={keyword.productTitle ? undefined : "subdued"}>
          {keyword.productTitle ?? "—"}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span">{keyword.language}</Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" variant="bodySm" tone={keyword.exclusions.length ? undefined : "subdued"}>
          {keyword.exclusions.length ? keyword.exclusions.join(", ") : "—"}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {formatCount(locale, keyword.matchedMentions)}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Checkbox
          label={t("keywords.activeLabel", { term: keyword.term })}
          labelHidden
          checked={keyword.active}
          disabled={toggling}
          onChange={(checked) => onToggle(checked)}
        />
      </IndexTable.Cell>
      <IndexTable.Cell>
        <InlineStack gap="200" align="end" wrap={false}>
          <Button
            variant="plain"
            onClick={onEdit}
            accessibilityLabel={t("keywords.editLabel", { term: keyword.term })}
          >
            {t("keywords.edit")}
          </Button>
          <Button
            variant="plain"
            tone="critical"
            onClick={onDelete}
            accessibilityLabel={t("keywords.deleteLabel", { term: keyword.term })}
          >
            {t("keywords.deleteAction")}
          </Button>
        </InlineStack>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}

function KeywordEditor({
  keyword,
  products,
  onClose,
}: {
  keyword: KeywordView | null;
  products: ProductChoice[];
  onClose: () => void;
}) {
  const { t, showToast } = useShell();
  const fetcher = useFetcher<typeof action>();
  const [term, setTerm] = useState(keyword?.term ?? "");
  const [kind, setKind] = useState<KeywordKindName>(keyword?.kind ?? "product");
  const [productId, setProductId] = useState(keyword?.productId ?? "");
  const [language, setLanguage] = useState(keyword?.language ?? "en");
  const [exclusions, setExclusions] = useState(keyword?.exclusions.join(", ") ?? "");
  const [active, setActive] = useState(keyword?.active ?? true);
  const result = fetcher.state === "idle" ? fetcher.data : undefined;
  const errors: Record<string, string> =
    result && result.intent === "save" && !result.ok ? result.errors : {};
  const known = new Set(["term", "kind", "productId", "variantId", "language", "exclusions"]);
  const otherErrors = Object.entries(errors).filter(([key]) => !known.has(key));

  useEffect(() => {
    if (!result || result.intent !== "save" || !result.ok) return;
    showToast(t(result.created ? "keywords.toast.created" : "keywords.toast.updated"));
    onClose();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  const submit = () =>
    fetcher.submit(
      {
        intent: "save",
        ...(keyword ? { id: keyword.id } : {}),
        term,
        kind,
        productId: kind === "product" ? productId : "",
        language,
        exclusions,
        active: String(active),
      },
      { method: "post" },
    );

  return (
    <FormModal
      title={keyword ? t("keywords.form.editTitle", { term: keyword.term }) : t("keywords.form.addTitle")}
      submitLabel={t("keywords.form.save")}
      cancelLabel={t("keywords.cancel")}
      submitting={fetcher.state !== "idle"}
      onSubmit={submit}
      onClose={onClose}
      errorsTitle={t("keywords.form.errorsTitle")}
      otherErrors={otherErrors}
    >
      <TextField
        label={t("keywords.form.term")}
        value={term}
        onChange={setTerm}
        autoComplete="off"
        helpText={t("keywords.form.termHelp")}
        error={errors.term}
      />
      <Select
        label={t("keywords.form.kind")}
        options={KINDS.map((k) => ({ label: t(`keywords.kind.${k}` as MessageKey), value: k }))}
        value={kind}
        onChange={(value) => setKind(value as KeywordKindName)}
        helpText={t(`keywords.kindHelp.${kind}` as MessageKey)}
        error={errors.kind}
      />
      {kind === "product" ? (
        <Select
          label={t("keywords.form.product")}
          options={[
            { label: t("keywords.form.noProduct"), value: "" },
            ...products.map((p) => ({ label: p.title, value: p.id })),
          ]}
          value={productId}
          onChange={setProductId}
          error={errors.productId ?? errors.variantId}
        />
      ) : null}
      <TextField
        label={t("keywords.form.language")}
        value={language}
        onChange={setLanguage}
        autoComplete="off"
        helpText={t("keywords.form.languageHelp")}
        error={errors.language}
      />
      <TextField
        label={t("keywords.form.exclusions")}
        value={exclusions}
        onChange={setExclusions}
        autoComplete="off"
        multiline={2}
        helpText={t("keywords.form.exclusionsHelp")}
        error={errors.exclusions}
      />
      <Checkbox label={t("keywords.form.active")} checked={active} onChange={setActive} />
    </FormModal>
  );
}
