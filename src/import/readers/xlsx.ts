import ExcelJS from "exceljs";
import { ImportError } from "../import-error.js";
import type { SourceDocument, SourceRow, SourceTable } from "../source-document.js";

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) {
    // Excel stores typed dates; plans mean the calendar day.
    return `${String(value.getUTCDate()).padStart(2, "0")}/${String(value.getUTCMonth() + 1).padStart(2, "0")}/${value.getUTCFullYear()}`;
  }
  if ("richText" in value) {
    return value.richText.map((run) => (run.font?.bold ? `<b>${run.text}</b>` : run.text)).join("");
  }
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) return cellText(value.result);
  return "";
}

/** An Excel workbook: each sheet is a table; merged ranges are copied into the cells they cover, marked inherited. */
export async function readXlsxDocument(fileName: string, bytes: Buffer): Promise<SourceDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError(
      "tệp .xlsx bị hỏng hoặc không phải bảng tính Excel",
      fileName,
      {},
      error instanceof Error ? error.message : String(error),
    );
  }
  const paragraphs: string[] = [];
  const tables: SourceTable[] = [];
  workbook.eachSheet((sheet) => {
    const rows: SourceRow[] = [];
    const width = sheet.columnCount;
    let pendingBreak = false;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      const inherited: boolean[] = [];
      const covered: boolean[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        let text = cellText(master.value).trim();
        if (master.font?.bold && text.length > 0 && !text.startsWith("<b>")) text = `<b>${text}</b>`;
        const fromAbove = cell.isMerged && master.row !== cell.row;
        // Only the first column of a horizontal merge holds the text.
        const coveredSideways = cell.isMerged && master.col !== cell.col;
        cells.push(coveredSideways ? "" : text);
        inherited.push(fromAbove && !coveredSideways && text.length > 0);
        covered.push(coveredSideways);
      }
      const filled = cells.filter((t) => t.length > 0);
      if (filled.length === 0) {
        pendingBreak = rows.length > 0;
        continue;
      }
      if (rows.length === 0 && filled.length === 1) {
        paragraphs.push((filled[0] as string).replace(/<\/?b>/g, ""));
        continue;
      }
      rows.push({ cells, inherited, covered, row: r, afterPageBreak: pendingBreak });
      pendingBreak = false;
    }
    if (rows.length > 0) tables.push({ rows });
  });
  return { fileName, paragraphs, tables };
}
