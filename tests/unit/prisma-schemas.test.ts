import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The SQLite and PostgreSQL schemas differ only in their header (generator output, provider).
// Everything after the models marker must be identical, or one database would drift from the other.
const MARKER = "// ---- models (keep identical";

function models(file: string): string {
  const text = readFileSync(file, "utf8");
  const start = text.indexOf(MARKER);
  if (start < 0) throw new Error(`${file} has no models marker`);
  return text.slice(text.indexOf("\n", start) + 1).trim();
}

describe("Prisma schemas", () => {
  it("declare identical models for SQLite and PostgreSQL", () => {
    expect(models("prisma/postgres/schema.prisma")).toBe(models("prisma/schema.prisma"));
  });

  it("declare the providers they are named for", () => {
    expect(readFileSync("prisma/schema.prisma", "utf8")).toMatch(/provider\s+=\s+"sqlite"/);
    expect(readFileSync("prisma/postgres/schema.prisma", "utf8")).toMatch(/provider\s+=\s+"postgresql"/);
  });

  it("contain every core table of the data model", () => {
    const declared = [...models("prisma/schema.prisma").matchAll(/^model (\w+) \{/gm)].map((m) => m[1]);
    for (const table of [
      "Shop",
      "Session",
      "Product",
      "Variant",
      "Location",
      "InventoryLevel",
      "SalesDaily",
      "Source",
      "Keyword",
      "Mention",
      "MentionScore",
      "SignalWeekly",
      "Alert",
      "Recommendation",
      "AdjustmentLog",
      "SupplierOrderDraft",
      "DigestRun",
      "AuditEvent",
    ]) {
      expect(declared).toContain(table);
    }
  });
});
