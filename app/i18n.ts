import en from "~/locales/en.json";
import zhCN from "~/locales/zh-CN.json";

export type MessageKey = keyof typeof en;
export type SupportedLocale = "en" | "zh-CN";

const catalogs: Record<SupportedLocale, Record<string, string>> = { en, "zh-CN": zhCN };

/** The supported locale closest to a Shopify or browser locale tag ("zh", "zh-CN", "en-GB" …). */
export function resolveLocale(tag: string | null | undefined): SupportedLocale {
  return tag?.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

/**
 * The message for a key in a locale, with `{name}` placeholders filled. Falls back to English,
 * then to the key itself, so a missing translation is visible rather than blank.
 * @example translate("en", "home.variantCount", { count: 5 }) // "5 variants"
 */
export function translate(
  locale: SupportedLocale,
  key: MessageKey,
  vars: Record<string, string | number> = {},
): string {
  const template = catalogs[locale][key] ?? en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}
