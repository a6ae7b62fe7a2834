import { sectionMarkerOf, taskNumberOf } from "../interpret/cells.js";
import { roleOfHeader } from "../interpret/columns.js";
import { ImportError } from "../import-error.js";
import type { SourceDocument, SourceRow } from "../source-document.js";
import { readTextDocument } from "./text.js";

/** A run of text pdfjs found, with its page and position (PDF points, y grows upwards). */
interface Run {
  text: string;
  x: number;
  y: number;
  page: number;
  endOfLine: boolean;
  /** Glyph height: the font size, near enough. */
  height: number;
  width: number;
}

/** Runs on one baseline of one page. */
interface Line {
  page: number;
  y: number;
  runs: Run[];
}

async function extractRuns(fileName: string, bytes: Buffer): Promise<Run[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const runs: Run[] = [];
  try {
    const pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      useSystemFonts: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    for (let pageNumber = 1; pageNumber <= pdf.numPages; pageNumber++) {
      const page = await pdf.getPage(pageNumber);
      const content = await page.getTextContent();
      for (const item of content.items) {
        if (!("str" in item)) continue;
        if (item.str.trim().length === 0) {
          const last = runs[runs.length - 1];
          if (last && item.hasEOL) last.endOfLine = true;
          continue;
        }
        runs.push({
          text: item.str.normalize("NFC"),
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          page: pageNumber,
          endOfLine: item.hasEOL,
          height: Math.abs(item.transform[3] as number) || item.height,
          width: item.width,
        });
      }
    }
    await pdf.destroy();
  } catch (error) {
    throw new ImportError(
      "tệp .pdf bị hỏng hoặc không đọc được",
      fileName,
      {},
      error instanceof Error ? error.message : String(error),
    );
  }
  if (runs.length === 0) {
    throw new ImportError("tệp .pdf không có chữ (có thể là ảnh quét); hãy gửi bản .docx hoặc .xlsx", fileName);
  }
  return runs;
}

function linesOf(runs: Run[]): Line[] {
  const sorted = [...runs].sort((a, b) => a.page - b.page || b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const run of sorted) {
    const last = lines[lines.length - 1];
    if (last && last.page === run.page && Math.abs(last.y - run.y) <= 2) last.runs.push(run);
    else lines.push({ page: run.page, y: run.y, runs: [run] });
  }
  return lines;
}

const isColumnNumberLine = (line: Line): boolean =>
  line.runs.length >= 3 && line.runs.every((run) => /^\(?\d{1,2}\)?$/.test(run.text.trim()));

/** Text that follows the appendix, not a row of it: the closing sections and the signature block. */
const AFTER_TABLE =
  /^(Nơi nhận|TM\.|KT\.|T\/M|([IVX]+|\d+)\.\s*(TỔ CHỨC THỰC HIỆN|KINH PHÍ THỰC HIỆN|ĐIỀU KHOẢN THI HÀNH|CHẾ ĐỘ BÁO CÁO))/iu;

interface Column {
  /** Left edge of the header text, and where the column's cells begin for the reader (see columnBoundaries). */
  x: number;
  left: number;
  right: number;
  text: string;
}

const centerOf = (run: Run): number => run.x + run.width / 2;

/**
 * Groups the header runs into columns. Word and LibreOffice centre header
 * cells, so the lines of one wrapped label share a centre (or, left-aligned, a
 * left edge). A label that spans several columns ("Đơn vị thực hiện" over
 * "Chủ trì" and "Phối hợp") is put in front of each column it covers.
 */
function headerColumns(runs: Run[]): Column[] {
  const groups: Array<{ runs: Run[]; left: number; right: number }> = [];
  for (const run of [...runs].sort((a, b) => a.x - b.x)) {
    const near = groups.find((g) =>
      g.runs.some((r) => Math.abs(r.x - run.x) < 12 || Math.abs(centerOf(r) - centerOf(run)) < 8),
    );
    if (near) {
      near.runs.push(run);
      near.left = Math.min(near.left, run.x);
      near.right = Math.max(near.right, run.x + run.width);
    } else groups.push({ runs: [run], left: run.x, right: run.x + run.width });
  }
  // A label above two or more labels, between them, spans their columns ("Đơn vị thực hiện" over "Chủ trì", "Phối hợp").
  const top = (g: { runs: Run[] }): number => Math.max(...g.runs.map((r) => r.y));
  const bottom = (g: { runs: Run[] }): number => Math.min(...g.runs.map((r) => r.y));
  const center = (g: { left: number; right: number }): number => (g.left + g.right) / 2;
  const covers = new Map<(typeof groups)[number], Array<(typeof groups)[number]>>();
  for (const g of groups) {
    const below = groups.filter((o) => o !== g && top(o) < bottom(g) - 1);
    const beside = groups.filter((o) => o !== g && !below.includes(o));
    const leftLimit = Math.max(-Infinity, ...beside.filter((o) => center(o) < center(g)).map((o) => o.right));
    const rightLimit = Math.min(Infinity, ...beside.filter((o) => center(o) > center(g)).map((o) => o.left));
    const under = below.filter((o) => center(o) > leftLimit && center(o) < rightLimit);
    if (under.some((o) => center(o) < center(g)) && under.some((o) => center(o) > center(g))) covers.set(g, under);
  }
  const textOf = (g: { runs: Run[] }): string =>
    [...g.runs]
      .sort((a, b) => b.y - a.y || a.x - b.x)
      .map((r) => r.text.trim())
      .join(" ");
  return groups
    .filter((g) => !covers.has(g))
    .map((g) => {
      const over = [...covers].filter(([, under]) => under.includes(g)).map(([label]) => label);
      return { x: g.left, left: g.left, right: g.right, text: [...over.map(textOf), textOf(g)].join(" ") };
    })
    .sort((a, b) => a.left - b.left);
}

/**
 * The header band: the line holding "TT"/"STT" and the lines just below it
 * that continue header cells ("Thời gian" / "hoàn thành").
 */
function findColumns(
  lines: Line[],
  acceptHeader?: (labels: string[]) => boolean,
): { columns: Column[]; headerLines: Set<number> } | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const tt = line.runs.find((run) => /^(số\s*)?s?tt\.?$/iu.test(run.text.trim()));
    if (!tt) continue;
    const band: number[] = [i];
    for (let k = i + 1; k < lines.length && band.length < 6; k++) {
      const next = lines[k] as Line;
      if (next.page !== line.page || line.y - next.y > 40) break;
      // A column-number row "(1) (2) (3)…" belongs to the header; any other line with a run under TT starts the body.
      if (isColumnNumberLine(next)) {
        band.push(k);
        break;
      }
      // The body starts with a run under TT, or left of it (the TT label is centred in the first column),
      // or with a number or a section heading.
      const startsBody = next.runs.some(
        (run) =>
          Math.abs(centerOf(run) - centerOf(tt)) < 8 ||
          run.x < tt.x - 6 ||
          Math.abs(run.x - tt.x) < 6 ||
          taskNumberOf(run.text.trim()) !== null ||
          sectionMarkerOf(run.text.trim(), "number-column") !== null,
      );
      if (startsBody) break;
      band.push(k);
    }
    const runs = band.filter((k) => !isColumnNumberLine(lines[k] as Line)).flatMap((k) => (lines[k] as Line).runs);
    const columns = headerColumns(runs);
    const roles = columns.map((c) => roleOfHeader(c.text));
    const accepted = roles.includes("deadline") || (acceptHeader?.(columns.map((c) => c.text)) ?? false);
    if (roles.includes("stt") && accepted) return { columns, headerLines: new Set(band) };
  }
  return null;
}

/**
 * The column a run belongs to: by its centre, against borders half way
 * between neighbouring header labels. Centred and left-aligned cells both
 * have their centre inside their own column, where a left edge may not be.
 */
function columnOf(columns: Column[], run: Run, sttColumn = 0): number {
  const borders = columns.map((column, i) =>
    i === 0 ? -Infinity : ((columns[i - 1] as Column).right + column.left) / 2,
  );
  const at = (x: number): number => {
    let index = 0;
    borders.forEach((border, i) => {
      if (x >= border) index = i;
    });
    return index;
  };
  const byCenter = at(centerOf(run));
  const byStart = at(run.x + 1);
  if (byStart === byCenter) return byCenter;
  // A run that crosses a border spans cells: a section title merged across the table, or a left-aligned merged cell.
  const text = run.text.trim();
  const marker = sectionMarkerOf(text, "number-column");
  if (marker && marker.title.length > 0) return sttColumn;
  if (run.x <= (columns[byStart] as Column).left + 10) return byStart;
  return byCenter;
}

/**
 * Rebuilds table rows from positions: runs go to the column whose header starts
 * left of them; a row starts where the vertical gap is wider than the line
 * spacing inside cells, and at every new page (marked as a page break, so a
 * cell cut by the page is joined back by the interpreter).
 */
function rowsFromPositions(
  lines: Line[],
  columns: Column[],
  headerLines: Set<number>,
): { rows: SourceRow[]; after: string[] } {
  const headerTexts = new Set([...headerLines].flatMap((k) => (lines[k] as Line).runs.map((run) => run.text.trim())));
  const firstBody = Math.max(...headerLines) + 1;
  const body: Line[] = [];
  const after: string[] = [];
  for (let i = firstBody; i < lines.length; i++) {
    const line = lines[i] as Line;
    const text = line.runs
      .map((run) => run.text)
      .join(" ")
      .trim();
    if (after.length > 0 || AFTER_TABLE.test(text)) {
      after.push(text);
      continue;
    }
    const repeatsHeader = line.runs.every((run) => headerTexts.has(run.text.trim())) || isColumnNumberLine(line);
    if (!repeatsHeader) body.push(line);
  }
  // Lines of one cell sit about 1.2 font heights apart; rows are further apart (cell padding).
  const heights = body.flatMap((line) => line.runs.map((run) => run.height)).sort((a, b) => a - b);
  const fontHeight = heights[Math.floor(heights.length / 2)] ?? 10;
  const rowGap = fontHeight * 1.2 * 1.35;
  const sttColumn = columns.findIndex((c) => roleOfHeader(c.text) === "stt");
  const opensRow = (line: Line): boolean =>
    line.runs.some(
      (run) =>
        columnOf(columns, run, sttColumn) === sttColumn &&
        (taskNumberOf(run.text.trim()) !== null || sectionMarkerOf(run.text.trim(), "number-column") !== null),
    );
  const rows: SourceRow[] = [];
  let cells: string[][] = columns.map(() => []);
  let afterPageBreak = false;
  let previous: Line | null = null;
  let rowPage = body[0]?.page ?? 1;
  const flush = (): void => {
    if (cells.some((c) => c.length > 0)) {
      rows.push({ cells: cells.map((c) => c.join(" ")), afterPageBreak, row: rows.length + 1, page: rowPage });
    }
    cells = columns.map(() => []);
  };
  for (const line of body) {
    if (previous && (line.page !== previous.page || previous.y - line.y > rowGap || opensRow(line))) {
      flush();
      afterPageBreak = line.page !== previous.page;
    }
    if (cells.every((c) => c.length === 0)) rowPage = line.page;
    for (const run of line.runs) cells[columnOf(columns, run, sttColumn)]?.push(run.text.trim());
    previous = line;
  }
  flush();
  return { rows, after };
}

export interface PdfReadOptions {
  /**
   * Another kind of table than a plan's (a PAR INDEX criteria table has no
   * deadline column): its header labels, left to right, make it a table too.
   */
  acceptHeader?: (labels: string[]) => boolean;
}

/**
 * A PDF: a table with a recognisable header is rebuilt from the runs'
 * coordinates; without one, the runs in stream order (cell by cell, as PDF
 * writers emit them) go to the PDF-text reader.
 */
export async function readPdfDocument(
  fileName: string,
  bytes: Buffer,
  options: PdfReadOptions = {},
): Promise<SourceDocument> {
  const runs = await extractRuns(fileName, bytes);
  const lines = linesOf(runs);
  const found = findColumns(lines, options.acceptHeader);
  if (found) {
    const firstHeaderLine = Math.min(...found.headerLines);
    const paragraphs = lines.slice(0, firstHeaderLine).map((line) =>
      line.runs
        .map((r) => r.text)
        .join(" ")
        .trim(),
    );
    const header: SourceRow = { cells: found.columns.map((c) => c.text), afterPageBreak: false, row: 0 };
    const body = rowsFromPositions(lines, found.columns, found.headerLines);
    return {
      fileName,
      paragraphs: [...paragraphs, ...body.after].filter((p) => p.length > 0),
      tables: [{ rows: [header, ...body.rows] }],
    };
  }
  const text = runs.map((run) => run.text + (run.endOfLine ? "\n\n" : " ")).join("");
  return readTextDocument(fileName, text);
}
