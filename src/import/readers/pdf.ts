import { isUnnumberedSectionTitle, plainCell, startsFresh } from "../interpret/cells.js";
import { type ColumnMap, isColumnNumberRow, isHeaderRepeat, readHeaderAt, roleOfHeader } from "../interpret/columns.js";
import type { OutsideLine, SourceDocument, SourceRow } from "../source-document.js";
import { bordersFromText, columnAt, findHeader, isColumnNumberLine, type TableHeader } from "./pdf-columns.js";
import { dropFurniture, joinRuns, type Line } from "./pdf-furniture.js";
import { gridColumns, gridRows, levelOf, type PdfRow } from "./pdf-grid.js";
import { type PdfPage, readPdfPages } from "./pdf-page.js";
import { type RowStart, rowsFromText } from "./pdf-text-rows.js";
import { readTextDocument } from "./text.js";

/** Text that follows the appendix, not a row of it: the closing sections and the signature block. */
const AFTER_TABLE =
  /^(Nơi nhận|TM\.|KT\.|T\/M|([IVX]+|\d+)\.\s*(TỔ CHỨC THỰC HIỆN|KINH PHÍ THỰC HIỆN|ĐIỀU KHOẢN THI HÀNH|CHẾ ĐỘ BÁO CÁO))/iu;

const lineText = (line: Line): string => joinRuns(line.runs);

/** The table as rows per page (its header first), and the document's lines outside it. */
interface PdfTable {
  body: PdfRow[];
  before: Line[];
  after: Line[];
}

/** Reads a ruled table: every page's grid, with the header's column edges. */
function ruledTable(pages: PdfPage[], lines: Line[][], header: TableHeader, xs: number[]): PdfTable {
  const headerPage = header.tt.page - 1;
  const headerTop = Math.max(...header.lines.map((k) => lines.flat()[k] as Line).map((l) => levelOf(l.runs[0]!)));
  const table: PdfTable = { body: [], before: [], after: [] };
  for (let p = 0; p < pages.length; p++) {
    if (p < headerPage) {
      table.before.push(...(lines[p] ?? []));
      continue;
    }
    // On the header's page the grid starts at the first rule above the header's top line.
    const rulesAbove = (pages[p] as PdfPage).horizontal.map((h) => h.at).filter((y) => y >= headerTop);
    const top = p === headerPage && rulesAbove.length > 0 ? Math.min(...rulesAbove) : Infinity;
    const grid = gridRows(pages[p] as PdfPage, lines[p] ?? [], xs, top);
    (p === headerPage ? table.before : table.after).push(...grid.above);
    table.body.push(...grid.rows);
    table.after.push(...grid.below);
  }
  return table;
}

/** Reads a table without rules: columns from the header labels and the gaps in the text below them. */
function unruledTable(lines: Line[][], header: TableHeader): PdfTable {
  const flat = lines.flat();
  const last = Math.max(...header.lines);
  const before = flat.slice(0, Math.min(...header.lines));
  const body: Line[] = [];
  const after: Line[] = [];
  for (const line of flat.slice(last + 1)) {
    if (after.length > 0 || AFTER_TABLE.test(lineText(line))) after.push(line);
    else body.push(line);
  }
  const borders = bordersFromText(
    header.columns,
    body.filter((line) => !isColumnNumberLine(line)),
  );
  const roles = header.columns.map((c) => roleOfHeader(c.text));
  const labels: string[] = header.columns.map(() => "");
  header.columns.forEach((c) => {
    const at = columnAt(borders, (c.left + c.right) / 2);
    labels[at] = [labels[at], c.text].filter(Boolean).join(" ");
  });
  const headerRow: PdfRow = { page: header.tt.page, cells: labels, lines: header.lines.length };
  const headerTexts = new Set(header.lines.flatMap((k) => (flat[k] as Line).runs.map((run) => run.text.trim())));
  // The header's lines and the column-number line "(1) (2) (3)…" are rows of their own.
  const repeatsHeader = (line: Line): boolean =>
    isColumnNumberLine(line) || line.runs.every((run) => headerTexts.has(run.text.trim()));
  const columnOf = (role: string): number => {
    const at = roles.indexOf(role as (typeof roles)[number]);
    return at < 0 ? -1 : columnAt(borders, (header.columns[at]!.left + header.columns[at]!.right) / 2);
  };
  const contentColumn = Math.max(columnOf("title"), columnOf("task"), columnOf("activity"));
  const start: RowStart = roles.includes("stt")
    ? { kind: "number", column: columnOf("stt") }
    : { kind: "content", column: contentColumn, others: [columnOf("lead"), columnOf("deadline")] };
  const rows = rowsFromText(body, borders, start, repeatsHeader);
  return { body: [headerRow, ...rows], before, after };
}

/** Rows from the end of the table on (the signature block inside a grid) go to the text after it. */
function cutAtEnd(table: PdfTable): PdfRow[] {
  const end = table.body.findIndex((row) => AFTER_TABLE.test(row.cells.map(plainCell).filter(Boolean).join(" ")));
  return end < 0 ? [] : table.body.splice(end);
}

/**
 * Joins a row cut by a page break: the first row of a page (after a repeated
 * header) with an empty TT cell finishes the last row of the page before. It
 * is joined here, cell by cell, when a cell cannot start a value (lower case,
 * punctuation). Otherwise it may be an activity row of the task above (one
 * without a deadline of its own), so it goes to the interpreter marked as
 * following a page break, which decides cell by cell.
 */
function joinPageBreaks(rows: PdfRow[], columns: ColumnMap): SourceRow[] {
  // Without a TT column nothing marks a row as new, so every first row of a page is looked at.
  const stt = columns.index.stt;
  const out: SourceRow[] = [];
  let previous: SourceRow | undefined;
  // Per column, the rows showing one cell merged down over them (the first one owns it).
  const merged: SourceRow[][] = [];
  const setCell = (row: SourceRow, c: number, text: string): void => {
    row.cells = row.cells.map((cell, i) => (i === c ? text : cell));
  };
  /** Adds text to the cell of `row` in column c, and to every row the same merged cell covers. */
  const extend = (row: SourceRow, c: number, more: string): void => {
    const group = merged[c]?.includes(row) ? merged[c] : [row];
    const text = [group[0]!.cells[c], more].filter(Boolean).join(" ");
    for (const member of group) setCell(member, c, text);
  };
  // Without TT, a part that has words but neither lead nor deadline, and is no section title, is a row's rest:
  // a task of its own always names who leads it or when it is due.
  const unnumberedRest = (cells: string[]): boolean => {
    if (stt !== undefined) return false;
    const filled = cells.filter((c) => c.length > 0);
    const lead = cells[columns.index.lead ?? -1] ?? "";
    const deadline = cells[columns.index.deadline ?? -1] ?? "";
    return filled.length > 0 && !lead && !deadline && !isUnnumberedSectionTitle(filled[0] as string);
  };
  let lastPage = rows[0]?.page ?? 1;
  let pageStart = false;
  for (const row of rows) {
    if (row.page !== lastPage) pageStart = true;
    lastPage = row.page;
    const source: SourceRow = {
      cells: row.cells,
      afterPageBreak: false,
      page: row.page,
      ...(row.inherited ? { inherited: row.inherited } : {}),
      ...(row.covered ? { covered: row.covered } : {}),
    };
    out.push(source);
    if (isHeaderRepeat(row.cells, columns) || isColumnNumberRow(row.cells)) continue;
    const atBreak =
      pageStart &&
      previous !== undefined &&
      (stt === undefined || (plainCell(row.cells[stt]).length === 0 && !row.inherited?.[stt]));
    pageStart = false;
    if (atBreak && previous) {
      const own = row.cells.map((c, i) => (row.inherited?.[i] ? "" : plainCell(c)));
      if (own.some((c) => c.length > 0 && !startsFresh(c)) || row.continued?.some(Boolean) || unnumberedRest(own)) {
        // Cut by the page: each cell finishes the one above it, a merged cell for all the rows it covers.
        own.forEach((text, c) => {
          if (text.length > 0) extend(previous!, c, text);
        });
        out.pop();
        // Rows below that share a cell merged down from this part now share the whole of it.
        row.cells.forEach((_, c) => {
          if (own[c]) merged[c] = merged[c]?.includes(previous!) ? merged[c] : [previous!];
        });
        continue;
      }
      source.afterPageBreak = true;
    }
    row.cells.forEach((_, c) => {
      if (row.continued?.[c] && merged[c]?.length) {
        extend(merged[c][0]!, c, plainCell(row.cells[c]));
        setCell(source, c, merged[c][0]!.cells[c] ?? "");
        source.inherited = source.cells.map((_, i) => i === c || (source.inherited?.[i] ?? false));
        merged[c].push(source);
      } else if (row.inherited?.[c] && merged[c]?.length) {
        setCell(source, c, merged[c][0]!.cells[c] ?? "");
        merged[c].push(source);
      } else merged[c] = [source];
    });
    previous = source;
  }
  return out;
}

/**
 * A PDF from any producer: the page's rules give the table's grid when it has
 * one, the gaps in the text give its columns when it has none; page headers
 * and footers are dropped, rows cut by a page break are joined. Without a
 * recognisable table header the text goes to the text reader.
 */
export interface PdfReadOptions {
  /**
   * Another kind of table than a plan's (a PAR INDEX criteria table has no
   * deadline column): its header labels, left to right, make it a table too.
   */
  acceptHeader?: (labels: string[]) => boolean;
}

export async function readPdfDocument(
  fileName: string,
  bytes: Buffer,
  options: PdfReadOptions = {},
): Promise<SourceDocument> {
  const pages = await readPdfPages(fileName, bytes);
  const { lines, dropped } = dropFurniture(pages);
  const outside: OutsideLine[] = dropped.map((d) => ({ page: d.page, text: d.text, reason: d.reason }));
  const table = labelledTable(pages, lines, options) ?? unlabelledRuledTable(pages, lines);
  if (!table) {
    const text = lines.map((page) => page.map(lineText).join("\n")).join("\n\n");
    return { ...readTextDocument(fileName, text), outside };
  }
  return documentOf(fileName, table, outside);
}

/** The table under a header found by its labels ("TT" and a deadline column, or what `acceptHeader` takes). */
function labelledTable(pages: PdfPage[], lines: Line[][], options: PdfReadOptions): PdfTable | null {
  const header = findHeader(lines.flat(), options.acceptHeader);
  if (!header) return null;
  const xs = gridColumns(pages[header.tt.page - 1] as PdfPage, header);
  const ruled = xs ? ruledTable(pages, lines, header, xs) : null;
  return ruled && ruled.body.length > 0 ? ruled : unruledTable(lines, header);
}

/**
 * A ruled task table without a TT column: its header has no label to find it by,
 * so each ruled grid of three or more columns is read and the first whose rows
 * start with a task table's header (content, lead and deadline) is taken.
 */
function unlabelledRuledTable(pages: PdfPage[], lines: Line[][]): PdfTable | null {
  for (const start of ruledTableStarts(pages, lines)) {
    const table = ruledTable(pages, lines, start.header, start.xs);
    const rows = table.body
      .slice(0, 6)
      .map((row) => ({ cells: row.cells, ...(row.covered ? { covered: row.covered } : {}) }));
    if (rows.some((_, at) => readHeaderAt(rows, at)?.numberedByOrder)) return table;
  }
  return null;
}

/** The first line inside each ruled grid, with the grid's column edges. */
function ruledTableStarts(pages: PdfPage[], lines: Line[][]): Array<{ header: TableHeader; xs: number[] }> {
  const starts: Array<{ header: TableHeader; xs: number[] }> = [];
  let offset = 0;
  lines.forEach((pageLines, p) => {
    let inside = false;
    pageLines.forEach((line, k) => {
      const leftmost = [...line.runs].sort((a, b) => a.x - b.x)[0];
      const header: TableHeader | null = leftmost ? { lines: [offset + k], columns: [], tt: leftmost } : null;
      const xs = header ? gridColumns(pages[p] as PdfPage, header) : null;
      if (header && xs && !inside) starts.push({ header, xs });
      inside = xs !== null;
    });
    offset += pageLines.length;
  });
  return starts;
}

/** The document a table makes: its header and rows, and every line outside it as text. */
function documentOf(fileName: string, table: PdfTable, outside: OutsideLine[]): SourceDocument {
  const trailing = cutAtEnd(table);
  const rows = table.body;
  const asSource = (row: PdfRow): SourceRow => ({
    cells: row.cells,
    afterPageBreak: false,
    page: row.page,
    ...(row.covered ? { covered: row.covered } : {}),
  });
  const sourceRows = rows.map(asSource);
  let headerAt = -1;
  let columns: ColumnMap | null = null;
  for (let i = 0; i < Math.min(rows.length, 6) && !columns; i++) {
    columns = readHeaderAt(sourceRows, i);
    if (columns) headerAt = i;
  }
  const lead = columns ? rows.slice(0, headerAt) : [];
  const headerRows = columns ? sourceRows.slice(headerAt, headerAt + columns.height) : [];
  const body = columns
    ? joinPageBreaks(rows.slice(headerAt + columns.height), columns)
    : sourceRows.map((row) => ({ ...row }));
  body.forEach((row, i) => (row.row = i + 1));
  headerRows.forEach((row) => (row.row = 0));
  const rowText = (row: PdfRow): string => row.cells.map(plainCell).filter(Boolean).join(" ");
  const paragraphs = [
    ...table.before.map(lineText),
    ...lead.map(rowText),
    ...trailing.map(rowText),
    ...table.after.map(lineText),
  ].filter((p) => p.length > 0);
  for (const line of [...table.before, ...table.after]) {
    outside.push({ page: line.page, text: lineText(line), reason: "văn bản ngoài bảng nhiệm vụ" });
  }
  for (const row of [...lead, ...trailing]) {
    outside.push({ page: row.page, text: rowText(row), reason: "văn bản ngoài bảng nhiệm vụ" });
  }
  return { fileName, paragraphs, tables: [{ rows: [...headerRows, ...body] }], outside };
}
