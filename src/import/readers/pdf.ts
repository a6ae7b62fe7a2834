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
  x: number;
  text: string;
}

/**
 * The header band: the line holding "TT"/"STT" and the lines just below it
 * that continue header cells ("Thời gian" / "hoàn thành"). Its runs, grouped by
 * left edge, give the columns.
 */
function findColumns(lines: Line[]): { columns: Column[]; headerLines: Set<number> } | null {
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
      if (next.runs.some((run) => Math.abs(run.x - tt.x) < 6)) break;
      band.push(k);
    }
    const runs = band
      .filter((k) => !isColumnNumberLine(lines[k] as Line))
      .flatMap((k) => (lines[k] as Line).runs)
      .sort((a, b) => a.x - b.x);
    const columns: Column[] = [];
    for (const run of runs) {
      const near = columns.find((c) => Math.abs(c.x - run.x) < 12);
      if (near) near.text += ` ${run.text}`;
      else columns.push({ x: run.x, text: run.text });
    }
    columns.sort((a, b) => a.x - b.x);
    const roles = columns.map((c) => roleOfHeader(c.text));
    if (roles.includes("stt") && roles.includes("deadline")) return { columns, headerLines: new Set(band) };
  }
  return null;
}

function columnOf(columns: Column[], x: number): number {
  let index = 0;
  columns.forEach((column, i) => {
    if (x >= column.x - 4) index = i;
  });
  return index;
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
        columnOf(columns, run.x) === sttColumn &&
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
    for (const run of line.runs) cells[columnOf(columns, run.x)]?.push(run.text.trim());
    previous = line;
  }
  flush();
  return { rows, after };
}

/**
 * A PDF: a table with a recognisable header is rebuilt from the runs'
 * coordinates; without one, the runs in stream order (cell by cell, as PDF
 * writers emit them) go to the PDF-text reader.
 */
export async function readPdfDocument(fileName: string, bytes: Buffer): Promise<SourceDocument> {
  const runs = await extractRuns(fileName, bytes);
  const lines = linesOf(runs);
  const found = findColumns(lines);
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
