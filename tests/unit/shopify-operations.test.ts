import { readdirSync } from "node:fs";
import path from "node:path";
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { loadAdminSchema } from "../fakes/shopify-admin";

// Every operation Pulse sends must validate against the committed Admin 2026-10 schema.
const dir = "app/integrations/shopify/operations";
const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));

describe("Admin GraphQL operations", () => {
  it("exist", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s validates against the Admin 2026-10 schema", async (file) => {
    const module = (await import(/* @vite-ignore */ path.resolve(dir, file))) as Record<string, unknown>;
    const operations = Object.values(module).filter(
      (v): v is string => typeof v === "string" && v.includes("#graphql"),
    );
    expect(operations.length).toBeGreaterThan(0);
    const { schema } = loadAdminSchema();
    for (const operation of operations) {
      const errors = validate(schema, parse(operation));
      expect(errors.map((e) => e.message)).toEqual([]);
      // Named, so logs and query-cost reports can say which operation they are about.
      expect(operation).toMatch(/\b(query|mutation) [A-Z]\w+/);
    }
  });
});
