/**
 * The settings of one import run (besides the file and the column mapping), validated where they
 * cross a boundary: the import form and the `sources.import` job payload.
 */
import { z } from "zod";
import { MAPPING_FIELDS, type ColumnMapping } from "./fields";

/** Everything a run needs besides the file and mapping; stored on the ImportRun. */
export const importSettingsSchema = z.object({
  fileName: z.string().min(1).max(255),
  dateOrder: z.enum(["day-first", "month-first"]),
  presetId: z.string().max(40).optional(),
  /** Overrides of what sniffing the file finds (the mapping step may fix a wrong guess). */
  delimiter: z.enum([",", ";", "\t", "|"]).optional(),
  headerRowIndex: z.number().int().min(0).max(1000).optional(),
  /** Platform for rows without one (e.g. "brandwatch" when the export has no network column). */
  defaultPlatform: z.string().max(40).optional(),
});
export type ImportSettings = z.infer<typeof importSettingsSchema>;

/** Field → column; unknown fields are refused. */
export const columnMappingSchema = z
  .object(Object.fromEntries(MAPPING_FIELDS.map((field) => [field, z.string().min(1).max(300).optional()])))
  .strict() as unknown as z.ZodType<ColumnMapping>;
