/**
 * Supplier split: commit part of the horizon quantity now and hold the rest back until sentiment
 * is confirmed by sales; group the lines into one draft per supplier.
 */
import { roundToSupplierTerms } from "./reorderPolicy";

export interface SupplierQuantitySplit {
  horizonUnits: number;
  /** Ordered now: whole cases, at least the MOQ. */
  baseUnits: number;
  /** Held back: released or cancelled as sentiment confirms. */
  flexUnits: number;
}

/**
 * Returns the base and flexible parts of a horizon quantity.
 * Rule: base = 60% of the horizon forecast, rounded up to whole cases and the MOQ; flexible = the rest
 * (0 when rounding already covers the horizon).
 *
 * @example
 * splitSupplierQuantity(100, 60, 12, 0); // { horizonUnits: 100, baseUnits: 60, flexUnits: 40 }
 */
export function splitSupplierQuantity(
  horizonUnits: number,
  basePercent: number,
  casePackUnits: number,
  moqUnits: number,
): SupplierQuantitySplit {
  const horizon = Number.isFinite(horizonUnits) && horizonUnits > 0 ? Math.ceil(horizonUnits - 1e-9) : 0;
  const baseUnits = roundToSupplierTerms((horizon * basePercent) / 100, casePackUnits, moqUnits);
  return { horizonUnits: horizon, baseUnits, flexUnits: Math.max(0, horizon - baseUnits) };
}

export interface SupplierOrderLine {
  supplierId: string;
  productId: string;
  variantId: string;
  sku: string | null;
  title: string | null;
  baseUnits: number;
  flexUnits: number;
  casePackUnits: number;
  moqUnits: number;
}

export interface SupplierOrderDraft {
  supplierId: string;
  cycleId: string;
  lines: SupplierOrderLine[];
  totalBaseUnits: number;
  totalFlexUnits: number;
}

/**
 * Returns one draft per supplier (sorted by supplier, lines by variant) from order lines; lines with
 * nothing to order are left out.
 *
 * @example
 * groupSupplierOrderDrafts([lineA1, lineB1, lineA2], "2025-W14").map((d) => d.supplierId); // ["A", "B"]
 */
export function groupSupplierOrderDrafts(
  lines: readonly SupplierOrderLine[],
  cycleId: string,
): SupplierOrderDraft[] {
  const bySupplier = new Map<string, SupplierOrderLine[]>();
  for (const line of lines) {
    if (line.baseUnits <= 0 && line.flexUnits <= 0) continue;
    const group = bySupplier.get(line.supplierId) ?? [];
    group.push(line);
    bySupplier.set(line.supplierId, group);
  }
  return [...bySupplier.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([supplierId, group]) => {
      const sorted = [...group].sort((a, b) =>
        a.variantId < b.variantId ? -1 : a.variantId > b.variantId ? 1 : 0,
      );
      return {
        supplierId,
        cycleId,
        lines: sorted,
        totalBaseUnits: sorted.reduce((sum, l) => sum + l.baseUnits, 0),
        totalFlexUnits: sorted.reduce((sum, l) => sum + l.flexUnits, 0),
      };
    });
}

const CSV_COLUMNS = [
  "supplier_id",
  "cycle",
  "product_id",
  "variant_id",
  "sku",
  "title",
  "order_now_units",
  "held_back_units",
  "case_pack_units",
  "moq_units",
] as const;

/** Quotes a CSV field when needed (RFC 4180) and defuses spreadsheet formulas (=, +, -, @). */
function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Returns the drafts as CSV text (header + one row per line, CRLF line ends as RFC 4180 asks).
 *
 * @example
 * supplierOrderDraftsToCsv(drafts).split("\r\n")[0];
 * // "supplier_id,cycle,product_id,variant_id,sku,title,order_now_units,held_back_units,case_pack_units,moq_units"
 */
export function supplierOrderDraftsToCsv(drafts: readonly SupplierOrderDraft[]): string {
  const rows = [CSV_COLUMNS.join(",")];
  for (const draft of drafts) {
    for (const line of draft.lines) {
      rows.push(
        [
          line.supplierId,
          draft.cycleId,
          line.productId,
          line.variantId,
          line.sku,
          line.title,
          line.baseUnits,
          line.flexUnits,
          line.casePackUnits,
          line.moqUnits,
        ]
          .map(csvField)
          .join(","),
      );
    }
  }
  return rows.join("\r\n") + "\r\n";
}
