import en from "~/locales/en.json";
import zhCN from "~/locales/zh-CN.json";

type CatalogKey = keyof typeof en;
type PluralStem<K> = K extends `${infer Stem}.other` ? Stem : never;

/** A message key, or the stem of a plural message (`home.variantCount` for `.one` / `.other`). */
export type MessageKey = CatalogKey | PluralStem<CatalogKey>;
export type SupportedLocale = "en" | "zh-CN";

const catalogs: Record<SupportedLocale, Record<string, string>> = { en, "zh-CN": zhCN };

/** The supported locale closest to a Shopify or browser locale tag ("zh", "zh-CN", "en-GB" …). */
export function resolveLocale(tag: string | null | undefined): SupportedLocale {
  return tag?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

/**
 * The message for a key in a locale, with `{name}` placeholders filled. Plural messages are stored as
 * `<key>.one`, `<key>.other` … and picked with Intl.PluralRules from `vars.count`. Falls back to
 * English, then to the key itself, so a missing translation is visible rather than blank.
 * @example translate("en", "home.variantCount", { count: 1 }) // "1 variant"
 */
export function translate(
  locale: SupportedLocale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  const lookup = (k: string) => catalogs[locale][k] ?? catalogs.en[k];
  const plural =
    typeof vars.count === "number"
      ? lookup(`${key}.${new Intl.PluralRules(locale).select(vars.count)}`)
      : undefined;
  const template = plural ?? lookup(key) ?? lookup(`${key}.other`) ?? key;
  return template.replace(/\{(\w+)\}/g, (match: string, name: string) =>
    name in vars ? String(vars[name]) : match,
  );
}
