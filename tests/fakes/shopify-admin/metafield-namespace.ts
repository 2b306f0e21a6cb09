/**
 * App-owned metafield namespaces. Apps write `$app` (or `$app:sub`) and Shopify stores
 * `app--<appId>` (or `app--<appId>--sub`); a namespace reserved for another app is refused.
 */

/**
 * The namespace as Shopify stores it, or null when it belongs to another app.
 *
 * @example
 * resolveMetafieldNamespace("$app", "42"); // "app--42"
 * resolveMetafieldNamespace("$app:pulse", "42"); // "app--42--pulse"
 * resolveMetafieldNamespace("app--7", "42"); // null (another app's)
 * resolveMetafieldNamespace("custom", "42"); // "custom"
 */
export function resolveMetafieldNamespace(
  namespace: string | null | undefined,
  appId: string,
): string | null {
  const written = namespace ?? "$app";
  if (written === "$app") return `app--${appId}`;
  if (written.startsWith("$app:")) return `app--${appId}--${written.slice("$app:".length)}`;
  const reserved = /^app--(\d+)(?:--.*)?$/.exec(written);
  if (reserved && reserved[1] !== appId) return null;
  return written;
}

/**
 * Metafield types the fake accepts, each with a check of the value's form (Shopify answers
 * INVALID_VALUE when it fails).
 *
 * @example
 * METAFIELD_TYPES["number_integer"]?.("12"); // true
 * METAFIELD_TYPES["number_integer"]?.("twelve"); // false
 */
export const METAFIELD_TYPES: Record<string, (value: string) => boolean> = {
  single_line_text_field: (v) => !v.includes("\n"),
  multi_line_text_field: () => true,
  number_integer: (v) => /^-?\d+$/.test(v),
  number_decimal: (v) => /^-?\d+(\.\d+)?$/.test(v),
  boolean: (v) => v === "true" || v === "false",
  date: (v) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  date_time: (v) => !Number.isNaN(Date.parse(v)),
  url: (v) => /^https?:\/\/\S+$/.test(v),
  json: (v) => {
    try {
      JSON.parse(v);
      return true;
    } catch {
      return false;
    }
  },
  "list.single_line_text_field": (v) => {
    try {
      const parsed: unknown = JSON.parse(v);
      return Array.isArray(parsed) && parsed.every((item) => typeof item === "string");
    } catch {
      return false;
    }
  },
  rating: (v) => {
    try {
      const parsed = JSON.parse(v) as { value?: unknown; scale_min?: unknown; scale_max?: unknown };
      return parsed.value !== undefined && parsed.scale_min !== undefined && parsed.scale_max !== undefined;
    } catch {
      return false;
    }
  },
};

/**
 * The category and value type `MetafieldDefinitionType` reports for a type name.
 *
 * @example
 * metafieldTypeInfo("number_decimal"); // { category: "NUMBER", valueType: "STRING" }
 */
export function metafieldTypeInfo(name: string): {
  category: string;
  valueType: "STRING" | "INTEGER" | "BOOLEAN" | "JSON_STRING";
} {
  if (name === "number_integer") return { category: "NUMBER", valueType: "INTEGER" };
  if (name === "number_decimal") return { category: "NUMBER", valueType: "STRING" };
  if (name === "boolean") return { category: "TRUE_FALSE", valueType: "BOOLEAN" };
  if (name === "json" || name === "rating" || name.startsWith("list."))
    return { category: "JSON", valueType: "JSON_STRING" };
  if (name.startsWith("date")) return { category: "DATE_TIME", valueType: "STRING" };
  return { category: "TEXT", valueType: "STRING" };
}
