import type { SourceDocument, SourceRow, SourceTable } from "../source-document.js";
import { readHeaderAt } from "../interpret/columns.js";
import { detectDelimiter, parseCsv } from "./csv.js";
import { looksLikePdfTableText, readPdfTextTable } from "./pdf-text.js";

/** Rows of one width that make a table: fewer could be a sentence with commas in it. */
const MIN_DELIMITED_ROWS = 3;

/**
 * Whether a text without tabs is a task table saved with ';' or ',' between cells
 * (Excel's CSV saved under another name, a copy out of a spreadsheet tool). Prose
 * has commas too, so it takes a row that reads as a task table's header followed
 * by rows of the same width.
 */
export function looksLikeDelimitedTable(text: string): boolean {
  const delimiter = detectDelimiter(text);
  if (delimiter === "\t") return false;
  const rows = parseCsv(text, delimiter).filter((row) => row.cells.some((cell) => cell.trim() !== ""));
  const headerAt = rows.findIndex((row, at) => row.cells.length >= 3 && readHeaderAt(rows, at) !== null);
  if (headerAt < 0) return false;
  const width = rows[headerAt]!.cells.length;
  const following = rows.slice(headerAt, headerAt + 1 + MIN_DELIMITED_ROWS);
  return following.length > MIN_DELIMITED_ROWS && following.every((row) => row.cells.length === width);
}

/**
 * Plain text as copied out of a plan: table rows are tab-separated lines, other
 * lines are paragraphs. Blank lines and stray one-cell lines (page breaks,
 * footnotes) between rows of a table mark a page break instead of ending it.
 */
export function readTextDocument(fileName: string, text: string): SourceDocument {
  const lines = text.normalize("NFC").replace(/\r\n?/g, "\n").split("\n");
  const paragraphs: string[] = [];
  const paragraphLines: number[] = [];
  const tables: SourceTable[] = [];
  let current: SourceRow[] | null = null;
  let width = 0;
  let pendingBreak = false;
  // Lines between rows are kept aside: they are a break when the table goes on, paragraphs when it ends.
  let between: string[] = [];

  const closeTable = (): void => {
    if (current) tables.push({ rows: current });
    current = null;
    paragraphs.push(...between.filter((line) => line.trim().length > 0));
    between = [];
  };

  lines.forEach((line, index) => {
    const cells = line.split("\t");
    if (cells.length > 1) {
      if (current && cells.length !== width) closeTable();
      if (!current) {
        current = [];
        width = cells.length;
        pendingBreak = false;
        paragraphs.push(...between.filter((l) => l.trim().length > 0));
        between = [];
      }
      current.push({ cells, line: index + 1, afterPageBreak: pendingBreak });
      pendingBreak = false;
      between = [];
      return;
    }
    if (current) {
      between.push(line);
      pendingBreak = true;
      // A long run of prose means the table is over.
      if (between.filter((l) => l.trim().length > 0).length > 3) closeTable();
    } else if (line.trim().length > 0) {
      paragraphs.push(line.trim());
      paragraphLines.push(index + 1);
    }
  });
  closeTable();
  if (tables.length === 0 && looksLikePdfTableText(lines)) {
    // Text out of a PDF: no tabs survive, so the table is rebuilt from its lines.
    return { fileName, paragraphs, tables: [readPdfTextTable(lines)] };
  }
  // Line numbers hold only while no table took lines: then every paragraph is one line of its own.
  return tables.length === 0 ? { fileName, paragraphs, paragraphLines, tables } : { fileName, paragraphs, tables };
}
