/**
 * A minimal, dependency-free PDF 1.4 writer for one table (title, a few heading lines, columns and
 * rows, page numbers), in the standard Helvetica fonts every PDF reader has, so no font is embedded.
 * Text only, uncompressed streams: small enough to audit, and the output is deterministic for a given
 * input (no timestamps unless passed in), which keeps tests and golden files stable.
 */

export interface PdfTableColumn {
  header: string;
  /** Width in points (1/72 inch). */
  widthPt: number;
  align?: "left" | "right";
}

export interface PdfTableDocument {
  title: string;
  /** Lines under the title (supplier, cycle, totals…). */
  headingLines?: readonly string[];
  columns: readonly PdfTableColumn[];
  rows: readonly (readonly string[])[];
  /** Printed at the bottom of every page before the page number. */
  footer?: string;
  /** Document info: /CreationDate when given (keeps output deterministic otherwise). */
  createdAt?: Date;
}

// A4 landscape: supplier order lines are wide.
const PAGE_WIDTH = 842;
const PAGE_HEIGHT = 595;
const MARGIN = 40;
const BODY_SIZE = 9;
const ROW_HEIGHT = 14;
const TITLE_SIZE = 16;

/** Helvetica advance widths (1/1000 em) for ASCII 32..126, from the standard Adobe font metrics. */
const HELVETICA_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** Characters outside ASCII that WinAnsiEncoding has, by their byte in that encoding. */
const WIN_ANSI: Record<string, number> = {
  "€": 0x80,
  "‚": 0x82,
  "„": 0x84,
  "…": 0x85,
  "‘": 0x91,
  "’": 0x92,
  "“": 0x93,
  "”": 0x94,
  "•": 0x95,
  "–": 0x96,
  "—": 0x97,
  "™": 0x99,
  "×": 0xd7,
  "÷": 0xf7,
  "°": 0xb0,
  "±": 0xb1,
  "·": 0xb7,
  "£": 0xa3,
  "¥": 0xa5,
  "©": 0xa9,
  "®": 0xae,
  "§": 0xa7,
  µ: 0xb5,
};

/**
 * Returns the WinAnsi bytes of a text; Latin-1 letters map to themselves, a few typographic marks to
 * their WinAnsi codes, anything else (CJK, emoji) to "?" because the standard fonts cannot draw it.
 */
function winAnsiBytes(text: string): number[] {
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    if (code >= 32 && code <= 126) bytes.push(code);
    else if (WIN_ANSI[char] !== undefined) bytes.push(WIN_ANSI[char] as number);
    else if (code >= 0xa0 && code <= 0xff) bytes.push(code);
    else bytes.push(63);
  }
  return bytes;
}

/** Width of a text in points at a font size (non-ASCII counted as an average letter). */
function textWidthPt(text: string, size: number, bold = false): number {
  let units = 0;
  for (const byte of winAnsiBytes(text))
    units += byte >= 32 && byte <= 126 ? (HELVETICA_WIDTHS[byte - 32] as number) : 556;
  // Helvetica-Bold is about 5% wider; close enough for fitting cells.
  return ((units * size) / 1000) * (bold ? 1.05 : 1);
}

/** Cuts a text with "…" so it fits `maxWidth` points. */
function fitText(text: string, maxWidth: number, size: number, bold = false): string {
  const clean = text.replace(/[\r\n\t]+/g, " ");
  if (textWidthPt(clean, size, bold) <= maxWidth) return clean;
  const chars = [...clean];
  while (chars.length > 0 && textWidthPt(`${chars.join("")}…`, size, bold) > maxWidth) chars.pop();
  return `${chars.join("")}…`;
}

/** A PDF literal string: WinAnsi bytes with \, ( and ) escaped and other high bytes as octal. */
function pdfString(text: string): string {
  let out = "(";
  for (const byte of winAnsiBytes(text)) {
    if (byte === 0x5c || byte === 0x28 || byte === 0x29) out += `\\${String.fromCharCode(byte)}`;
    else if (byte < 32 || byte > 126) out += `\\${byte.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

function num(value: number): string {
  return (Math.round(value * 100) / 100).toString();
}

function textOp(font: "F1" | "F2", size: number, x: number, y: number, text: string): string {
  return `BT /${font} ${size} Tf ${num(x)} ${num(y)} Td ${pdfString(text)} Tj ET\n`;
}

function pdfDate(date: Date): string {
  const iso = date.toISOString();
  return `D:${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
}

/** Content streams of every page: title block on page 1, header row on every page. */
function pageContents(doc: PdfTableDocument): string[] {
  const tableWidth = doc.columns.reduce((sum, c) => sum + c.widthPt, 0);
  const scale = tableWidth > PAGE_WIDTH - 2 * MARGIN ? (PAGE_WIDTH - 2 * MARGIN) / tableWidth : 1;
  const widths = doc.columns.map((c) => c.widthPt * scale);
  const pages: string[] = [];
  let content = "";
  let y = PAGE_HEIGHT - MARGIN;
  const startPage = (first: boolean) => {
    content = "";
    y = PAGE_HEIGHT - MARGIN;
    if (first) {
      y -= TITLE_SIZE;
      content += textOp(
        "F2",
        TITLE_SIZE,
        MARGIN,
        y,
        fitText(doc.title, PAGE_WIDTH - 2 * MARGIN, TITLE_SIZE, true),
      );
      y -= 8;
      for (const line of doc.headingLines ?? []) {
        y -= ROW_HEIGHT;
        content += textOp(
          "F1",
          BODY_SIZE + 1,
          MARGIN,
          y,
          fitText(line, PAGE_WIDTH - 2 * MARGIN, BODY_SIZE + 1),
        );
      }
      y -= 10;
    }
    y -= ROW_HEIGHT;
    let x = MARGIN;
    doc.columns.forEach((column, i) => {
      const width = widths[i] as number;
      const text = fitText(column.header, width - 4, BODY_SIZE, true);
      const tx = column.align === "right" ? x + width - 2 - textWidthPt(text, BODY_SIZE, true) : x + 2;
      content += textOp("F2", BODY_SIZE, tx, y, text);
      x += width;
    });
    content += `0.6 w ${num(MARGIN)} ${num(y - 4)} m ${num(MARGIN + tableWidth * scale)} ${num(y - 4)} l S\n`;
  };
  const endPage = () => pages.push(content);
  startPage(true);
  for (const row of doc.rows) {
    if (y - ROW_HEIGHT < MARGIN + 24) {
      endPage();
      startPage(false);
    }
    y -= ROW_HEIGHT;
    let x = MARGIN;
    doc.columns.forEach((column, i) => {
      const width = widths[i] as number;
      const text = fitText(row[i] ?? "", width - 4, BODY_SIZE);
      const tx = column.align === "right" ? x + width - 2 - textWidthPt(text, BODY_SIZE) : x + 2;
      content += textOp("F1", BODY_SIZE, tx, y, text);
      x += width;
    });
  }
  endPage();
  return pages.map((body, i) => {
    const footer = `${doc.footer ? `${doc.footer} · ` : ""}Page ${i + 1} of ${pages.length}`;
    return body + textOp("F1", 8, MARGIN, MARGIN - 16, fitText(footer, PAGE_WIDTH - 2 * MARGIN, 8));
  });
}

/**
 * Returns a PDF 1.4 file (bytes) showing the table, paginated, in Helvetica.
 * Structure: catalog, page tree, two standard fonts, one page + content stream per page, info
 * dictionary, a cross-reference table with exact byte offsets and the trailer.
 *
 * @example
 * const bytes = renderTablePdf({ title: "Supplier order", columns: [{ header: "SKU", widthPt: 120 }], rows: [["TWS-CORAL"]] });
 * new TextDecoder("latin1").decode(bytes.subarray(0, 8)); // "%PDF-1.4"
 */
export function renderTablePdf(doc: PdfTableDocument): Uint8Array {
  const contents = pageContents(doc);
  const objects: string[] = [];
  // 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then (page, content) pairs.
  const pageIds = contents.map((_, i) => 6 + 2 * i);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pageIds.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objects[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  objects[5] = `<< /Producer ${pdfString("Pulse")} /Title ${pdfString(doc.title)}${doc.createdAt ? ` /CreationDate ${pdfString(pdfDate(doc.createdAt))}` : ""} >>`;
  contents.forEach((stream, i) => {
    const pageId = pageIds[i] as number;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    // Streams are ASCII (pdfString escapes high bytes), so string length = byte length.
    objects[pageId + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}endstream`;
  });

  // The binary comment line tells transfer tools the file is binary (PDF spec 7.5.2).
  let out = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefOffset = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  // Every character is below U+0100, so latin1 gives one byte per character and offsets hold.
  return Uint8Array.from(out, (char) => char.charCodeAt(0));
}
