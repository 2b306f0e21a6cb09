import { ApiType, shopifyApiProject } from "@shopify/api-codegen-preset";

// Types for every #graphql operation, generated offline: scripts/schema.mjs writes
// app/types/admin-2026-10.schema.json from the committed schema, and the preset uses that file
// instead of downloading when it exists (run `npm run graphql-codegen`).
export default {
  schema: "app/types/admin-2026-10.schema.json",
  documents: ["app/integrations/shopify/operations/*.ts"],
  projects: {
    default: shopifyApiProject({
      apiType: ApiType.Admin,
      apiVersion: "2026-10",
      documents: ["app/integrations/shopify/operations/*.ts"],
      outputDir: "app/types",
    }),
  },
};
