import { describe, expect, it } from "vitest";
import { renderTablePdf } from "~/integrations/export/pdf";
import { supplierOrderCsvFile, supplierOrderPdfFile } from "~/integrations/export/supplier-order";
import type { SupplierOrderDraft } from "~/domain/inventory";

const latin1 = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

/** Checks the cross-reference table: every in-use entry points at "N 0 obj" and startxref at "xref". */
function expectValidXref(text: string): void {
  const startxref = /startxref\n(\d+)\n%%EOF\n$/.exec(text);
  expect(startxref).not.toBeNull();
  const xrefAt = Number(startxref![1]);
  expect(text.slice(xrefAt, xrefAt + 5)).toBe("xref\n");
  const header = /^xref\n0 (\d+)\n/.exec(text.slice(xrefAt));
  expect(header).not.toBeNull();
  const count = Number(header![1]);
  const entries = text
    .slice(xrefAt + header![0].length)
    .split("\n")
    .slice(0, count);
  expect(entries[0]).toBe("0000000000 65535 f ");
  for (let id = 1; id < count; id++) {
    const entry = entries[id] as string;
    expect(entry).toMatch(/^\d{10} 00000 n $/);
    const offset = Number(entry.slice(0, 10));
    expect(text.slice(offset, offset + `${id} 0 obj`.length)).toBe(`${id} 0 obj`);
  }
  expect(text).toContain(`trailer\n<< /Size ${count} /Root 1 0 R`);
  // Stream lengths are exact.
  for (const match of text.matchAll(/<< \/Length (\d+) >>\nstream\n/g)) {
    const start = (match.index as number) + match[0].length;
    expect(text.slice(start + Number(match[1]), start + Number(match[1]) + 9)).toBe("endstream");
  }
}

describe("renderTablePdf", () => {
  it("writes a PDF 1.4 file with a valid cross-reference table and the table's lines", () => {
    const bytes = renderTablePdf({
      title: "Supplier order – BlueLoop Eyewear",
      headingLines: ["Cycle 2026-W48", "Order now: 120 units (held back: 80)"],
      columns: [
        { header: "SKU", widthPt: 120 },
        { header: "Variant", widthPt: 260 },
        { header: "Order now", widthPt: 90, align: "right" },
      ],
      rows: [
        ["TWS-CORAL", "Tidewater Eco Sunglasses – Coral", "48"],
        ["TWS-SAND", "Sand (it's (really) \\ nice)", "72"],
      ],
      footer: "Pulse",
    });
    const text = latin1(bytes);
    expect(text.startsWith("%PDF-1.4\n")).toBe(true);
    expectValidXref(text);
    expect(text).toContain("(TWS-CORAL) Tj");
    expect(text).toContain("(Tidewater Eco Sunglasses \\226 Coral) Tj");
    expect(text).toContain("(Sand \\(it's \\(really\\) \\\\ nice\\)) Tj");
    expect(text).toContain("(48) Tj");
    expect(text).toContain("/BaseFont /Helvetica ");
    expect(text).toContain("(Pulse \\267 Page 1 of 1) Tj");
  });

  it("paginates long tables and repeats the header on every page", () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`SKU-${i}`, `Variant ${i}`]);
    const text = latin1(
      renderTablePdf({
        title: "Long",
        columns: [
          { header: "SKU", widthPt: 100 },
          { header: "Name", widthPt: 200 },
        ],
        rows,
      }),
    );
    expectValidXref(text);
    const pages = Number(/\/Count (\d+)/.exec(text)![1]);
    expect(pages).toBeGreaterThan(2);
    expect(text.match(/\(SKU\) Tj/g)).toHaveLength(pages);
    expect(text).toContain("(SKU-119) Tj");
    expect(text).toContain(`(Page ${pages} of ${pages}) Tj`);
  });

  it("is deterministic and replaces characters Helvetica cannot draw", () => {
    const doc = { title: "环保太阳镜 order", columns: [{ header: "A", widthPt: 50 }], rows: [["😍"]] };
    const a = renderTablePdf(doc);
    expect(latin1(a)).toBe(latin1(renderTablePdf(doc)));
    expect(latin1(a)).toContain("(????? order) Tj");
  });
});

describe("supplier order exports", () => {
  const draft: SupplierOrderDraft = {
    supplierId: "BlueLoop Eyewear",
    cycleId: "2026-W48",
    lines: [
      {
        supplierId: "BlueLoop Eyewear",
        productId: "p1",
        variantId: "v1",
        sku: "TWS-CORAL",
        title: "Tidewater – Coral",
        baseUnits: 48,
        flexUnits: 36,
        casePackUnits: 12,
        moqUnits: 0,
      },
    ],
    totalBaseUnits: 48,
    totalFlexUnits: 36,
  };

  it("exports CSV with the domain's columns", () => {
    const file = supplierOrderCsvFile(draft);
    expect(file.filename).toBe("supplier-order-blueloop-eyewear-2026-w48.csv");
    const text = new TextDecoder().decode(file.body);
    expect(text.split("\r\n")[1]).toBe(
      "BlueLoop Eyewear,2026-W48,p1,v1,TWS-CORAL,Tidewater – Coral,48,36,12,0",
    );
  });

  it("exports a PDF with one row per line, labelled by the caller", () => {
    const file = supplierOrderPdfFile(draft, {
      title: "Supplier order",
      headingLines: ["BlueLoop Eyewear · 2026-W48"],
      columns: {
        sku: "SKU",
        title: "Variant",
        orderNow: "Order now",
        heldBack: "Held back",
        casePack: "Case pack",
        moq: "MOQ",
      },
      formatUnits: (n) => new Intl.NumberFormat("en-US").format(n),
    });
    expect(file.contentType).toBe("application/pdf");
    const text = latin1(file.body);
    expect(text.startsWith("%PDF-1.4")).toBe(true);
    expect(text).toContain("(TWS-CORAL) Tj");
    expect(text).toContain("(36) Tj");
  });
});
