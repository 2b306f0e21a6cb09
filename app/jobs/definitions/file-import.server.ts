import { z } from "zod";
import { columnMappingSchema, importSettingsSchema } from "~/integrations/sources/file-import/settings";
import { abandonImport, runImport } from "~/services/file-import.server";
import type { JobDefinition } from "../types";

const payload = z.object({
  shopId: z.string(),
  sourceId: z.string(),
  importRunId: z.string(),
  /** The upload saved under var/imports/<shop>/ by the import page. */
  filePath: z.string(),
  mapping: columnMappingSchema,
  settings: importSettingsSchema,
});

const MAX_ATTEMPTS = 3;

/**
 * Imports an uploaded file too large to import during the request. Idempotent: a retry reads the
 * file again from the start and what the failed attempt stored counts as duplicates. File problems
 * (empty, too large, no header) end the run inside runImport; after the last failed attempt the run
 * is marked failed and the file removed.
 */
export const fileImportJob: JobDefinition<z.infer<typeof payload>> = {
  name: "sources.import",
  payload,
  maxAttempts: MAX_ATTEMPTS,
  run: async ({ shopId, sourceId, importRunId, filePath, mapping, settings }, { attempt }) => {
    try {
      await runImport(shopId, sourceId, filePath, mapping, {
        ...settings,
        importRunId,
        deleteFileAfter: true,
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS) {
        const detail = error instanceof Error ? error.message : String(error);
        await abandonImport(
          shopId,
          importRunId,
          filePath,
          `The import stopped after ${MAX_ATTEMPTS} attempts (${detail}). Upload the file again; rows already imported are skipped.`,
        );
      }
      throw error;
    }
  },
};
