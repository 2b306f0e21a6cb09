import { describe, expect, it } from "vitest";
import en from "~/locales/en.json";
import zhCN from "~/locales/zh-CN.json";
import { resolveLocale, translate } from "~/i18n";

describe("translate", () => {
  it("fills placeholders and picks plural forms", () => {
    expect(translate("en", "home.variantCount", { count: 1 })).toBe("1 variant");
    expect(translate("en", "home.variantCount", { count: 3 })).toBe("3 variants");
    expect(translate("zh-CN", "home.variantCount", { count: 3 })).toBe("3 个款式");
    expect(translate("en", "home.noMatch", { query: "shelf" })).toBe("No products match “shelf”.");
  });

  it("maps Shopify and browser locales to a supported one", () => {
    expect(resolveLocale("zh-CN")).toBe("zh-CN");
    expect(resolveLocale("zh-TW,zh;q=0.9")).toBe("zh-CN");
    expect(resolveLocale("en-GB")).toBe("en");
    expect(resolveLocale(undefined)).toBe("en");
  });

  it("has every English message translated to Simplified Chinese and no extra keys", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, message] of Object.entries(en)) {
      expect(placeholders((zhCN as Record<string, string>)[key] ?? ""), key).toEqual(placeholders(message));
    }
  });
});
