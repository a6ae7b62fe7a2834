import { ImportError } from "../import-error.js";

/** A run of text pdfjs found, with its page and position (PDF points, y grows upwards). */
export interface Run {
  text: string;
  x: number;
  y: number;
  page: number;
  /** Glyph height: the font size, near enough. */
  height: number;
  width: number;
}

/** A ruling line, stroked or filled as a thin rectangle, in page coordinates. */
export interface Rule {
  /** Horizontal rules: y, and x from..to; vertical rules: x, and y from..to. */
  at: number;
  from: number;
  to: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  /** The y of the page's lower edge (its media box may not start at 0). */
  bottom: number;
  runs: Run[];
  horizontal: Rule[];
  vertical: Rule[];
}

type Matrix = [number, number, number, number, number, number];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Thicker than this is a shaded area, not a rule. */
const MAX_RULE_THICKNESS = 3;
/** Shorter than this is a glyph-sized mark (a bullet, an underline of one letter), not a cell border. */
const MIN_RULE_LENGTH = 4;

interface PathOps {
  OPS: Record<string, number>;
}

/**
 * The ruling lines of one page from its operator list: the current transform is
 * followed through save/restore/transform; a stroked segment that is level or
 * upright is a rule, and so is a filled rectangle thin in one direction (how
 * Chromium and LibreOffice Calc draw cell borders). Curves are ignored.
 */
function rulesOf(pdfjs: PathOps, fnArray: number[], argsArray: unknown[]): { horizontal: Rule[]; vertical: Rule[] } {
  const { OPS } = pdfjs;
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const addBox = (x0: number, y0: number, x1: number, y1: number): void => {
    const [left, right] = x0 < x1 ? [x0, x1] : [x1, x0];
    const [bottom, top] = y0 < y1 ? [y0, y1] : [y1, y0];
    const w = right - left;
    const h = top - bottom;
    if (h <= MAX_RULE_THICKNESS && w >= MIN_RULE_LENGTH)
      horizontal.push({ at: (top + bottom) / 2, from: left, to: right });
    else if (w <= MAX_RULE_THICKNESS && h >= MIN_RULE_LENGTH)
      vertical.push({ at: (left + right) / 2, from: bottom, to: top });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, argsArray[i] as Matrix);
    else if (fn === OPS.constructPath) {
      const [paint, [data]] = argsArray[i] as [number, [ArrayLike<number> | null]];
      if (!data || paint === OPS.endPath) continue;
      const stroked = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke;
      // Points of each subpath, in page space.
      const subpaths: Array<Array<[number, number]>> = [];
      let current: Array<[number, number]> = [];
      for (let k = 0; k < data.length;) {
        const op = data[k++];
        if (op === 0) {
          if (current.length > 0) subpaths.push(current);
          current = [apply(ctm, data[k++] as number, data[k++] as number)];
        } else if (op === 1) current.push(apply(ctm, data[k++] as number, data[k++] as number));
        else if (op === 2) {
          k += 4;
          current.push(apply(ctm, data[k++] as number, data[k++] as number));
        } else if (op === 3) {
          k += 2;
          current.push(apply(ctm, data[k++] as number, data[k++] as number));
        } else if (op === 4) {
          if (current[0]) current.push(current[0]);
        } else break;
      }
      if (current.length > 0) subpaths.push(current);
      for (const points of subpaths) {
        if (stroked) {
          for (let k = 1; k < points.length; k++) {
            const [x0, y0] = points[k - 1] as [number, number];
            const [x1, y1] = points[k] as [number, number];
            if (Math.abs(y1 - y0) < 0.5 || Math.abs(x1 - x0) < 0.5) addBox(x0, y0, x1, y1);
          }
        } else if (points.length >= 4) {
          const xs = points.map((p) => p[0]);
          const ys = points.map((p) => p[1]);
          addBox(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
        }
      }
    }
  }
  return { horizontal, vertical };
}

/**
 * Drops a run printed twice at the same place: some writers fake bold or a
 * shadow by drawing the text again, which would read as "Phòng Kinh tế Phòng Kinh tế".
 */
function dedupeRuns(runs: Run[]): void {
  const seen = new Set<string>();
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i] as Run;
    const key = `${run.text}@${Math.round(run.x)}:${Math.round(run.y)}`;
    if (seen.has(key)) runs.splice(i, 1);
    else seen.add(key);
  }
}

/** Every page's text runs and ruling lines. */
export async function readPdfPages(fileName: string, bytes: Buffer): Promise<PdfPage[]> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const pages: PdfPage[] = [];
  try {
    const pdf = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      useSystemFonts: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!("str" in item) || item.str.trim().length === 0) continue;
        runs.push({
          text: item.str.normalize("NFC"),
          x: item.transform[4] as number,
          y: item.transform[5] as number,
          page: number,
          height: Math.abs(item.transform[3] as number) || item.height,
          width: item.width,
        });
      }
      dedupeRuns(runs);
      const operators = await page.getOperatorList();
      const rules = rulesOf(pdfjs, operators.fnArray, operators.argsArray);
      pages.push({ number, width: x1 - x0, height: y1 - y0, bottom: y0, runs, ...rules });
      page.cleanup();
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
  if (pages.every((page) => page.runs.length === 0)) {
    throw new ImportError("tệp .pdf không có chữ (có thể là ảnh quét); hãy gửi bản .docx hoặc .xlsx", fileName);
  }
  return pages;
}
