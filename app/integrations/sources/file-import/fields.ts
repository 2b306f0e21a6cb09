/**
 * The fields of a mention a file's columns can be mapped to. Kept free of server-only imports: the
 * import page's mapping step renders one select per field in the browser.
 */
export const MAPPING_FIELDS = [
  "date",
  "platform",
  "author",
  "reach",
  "text",
  "url",
  "country",
  "language",
  "externalId",
  "rating",
  "title",
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];

/** Field → column name in the file (as written in the header, or a dotted JSONL key). */
export type ColumnMapping = Partial<Record<MappingField, string>>;

/** Without these a row cannot become a mention. */
export const REQUIRED_FIELDS: readonly MappingField[] = ["date", "text"];
