/**
 * Supplier order draft exports: CSV (the domain's RFC 4180 writer) and a one-table PDF.
 */
import { supplierOrderDraftsToCsv, type SupplierOrderDraft } from "~/domain/inventory";
import { renderTablePdf } from "./pdf";

export interface ExportFile {
  filename: string;
  contentType: string;
  body: Uint8Array;
}

/** File-name-safe form of a supplier name and cycle ("BlueLoop Eyewear", "2026-W48" → "blueloop-eyewear-2026-w48"). */
function slug(...parts: string[]): string {
  return (
    parts
      .join("-")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "supplier-order"
  );
}

/**
 * Returns the draft as a CSV file.
 *
 * @example
 * supplierOrderCsvFile(draft).filename; // "supplier-order-blueloop-eyewear-2026-w48.csv"
 */
export function supplierOrderCsvFile(draft: SupplierOrderDraft): ExportFile {
  return {
    filename: `supplier-order-${slug(draft.supplierId, draft.cycleId)}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: new TextEncoder().encode(supplierOrderDraftsToCsv([draft])),
  };
}

export interface SupplierOrderPdfLabels {
  title: string;
  headingLines: string[];
  columns: { sku: string; title: string; orderNow: string; heldBack: string; casePack: string; moq: string };
  footer?: string;
  /** Formats a unit count in the shop's locale. */
  formatUnits: (units: number) => string;
}

/**
 * Returns the draft as a PDF: one row per variant with the units to order now, the units held back
 * until sentiment is confirmed, case pack and MOQ. Labels come from the caller (locale files).
 *
 * @example
 * supplierOrderPdfFile(draft, labels).contentType; // "application/pdf"
 */
export function supplierOrderPdfFile(draft: SupplierOrderDraft, labels: SupplierOrderPdfLabels): ExportFile {
  const { columns, formatUnits } = labels;
  return {
    filename: `supplier-order-${slug(draft.supplierId, draft.cycleId)}.pdf`,
    contentType: "application/pdf",
    body: renderTablePdf({
      title: labels.title,
      headingLines: labels.headingLines,
      columns: [
        { header: columns.sku, widthPt: 120 },
        { header: columns.title, widthPt: 290 },
        { header: columns.orderNow, widthPt: 90, align: "right" },
        { header: columns.heldBack, widthPt: 90, align: "right" },
        { header: columns.casePack, widthPt: 80, align: "right" },
        { header: columns.moq, widthPt: 80, align: "right" },
      ],
      rows: draft.lines.map((line) => [
        line.sku ?? line.variantId,
        line.title ?? "",
        formatUnits(line.baseUnits),
        formatUnits(line.flexUnits),
        formatUnits(line.casePackUnits),
        formatUnits(line.moqUnits),
      ]),
      ...(labels.footer ? { footer: labels.footer } : {}),
    }),
  };
}
