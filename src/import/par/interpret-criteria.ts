/**
 * Reads a PAR INDEX criteria table ("Bộ Chỉ số CCHC" appendix) from the
 * table model every reader produces: finds the header (code, criterion,
 * maximum points, scoring, evidence, in any order), then turns each numbered
 * row into a criterion placed in the tree by how its code is written
 * (I → 1 → 1.1 → 1.1.1 → a)), joins unnumbered rows to the criterion above
 * (a cell wrapped over a page), and says what became of every row.
 */
import { cleanCellText, foldVietnamese } from "../../domain/deadline/cell-text.js";
import {
  type CodeStyle,
  type Criterion,
  type CriteriaSet,
  flattenCriteria,
  formatPoints,
  parseCriterionCode,
  parsePoints,
} from "../../domain/par/index.js";
import { ImportError } from "../import-error.js";
import type { SourceDocument, SourceRow } from "../source-document.js";

export type CriteriaRowRole =
  "header" | "header-repeat" | "column-numbers" | "criterion" | "continuation" | "total" | "skipped";

/** One row of the document and what the import made of it (`par import --explain`). */
export interface ExplainedCriteriaRow {
  table: number;
  source: { row?: number; line?: number; page?: number };
  role: CriteriaRowRole;
  /** The criterion the row became or joined. */
  code?: string;
  reason?: string;
  text: string;
}

export interface CriteriaDraft extends CriteriaSet {
  warnings: string[];
  explanation: ExplainedCriteriaRow[];
}

type Column = "code" | "name" | "max" | "scoring" | "evidence";

const HEADER_PATTERNS: Array<[Column, RegExp]> = [
  ["max", /^(diem toi da|diem chuan|thang diem|toi da|diem$|so diem toi da)/],
  ["scoring", /(cach (cham|tinh|thuc)|huong dan cham|phuong phap (cham|danh gia|xac dinh)|yeu cau|tieu chuan cham)/],
  ["evidence", /(kiem chung|minh chung|tai lieu)/],
  ["code", /^(stt|tt|so tt|ma|ky hieu|ma so)$/],
  ["name", /(linh vuc|tieu chi|noi dung|chi so)/],
];

/** Lines of a cell: a <br>, paragraph or list item is a line break; inside a line, one space. */
function cellLines(raw: string | undefined): string {
  if (!raw) return "";
  return raw
    .replace(/<br\s*\/?>|<\/p>|<\/li>/gi, "\n")
    .split("\n")
    .map((line) => cleanCellText(line))
    .filter((line) => line.length > 0)
    .join("\n");
}

const fold = (text: string) =>
  foldVietnamese(cleanCellText(text))
    .replace(/[():*]/g, "")
    .trim();

/** The columns of a header row, or null when the row is not one. */
function headerColumns(row: SourceRow): Partial<Record<Column, number>> | null {
  const columns: Partial<Record<Column, number>> = {};
  row.cells.forEach((cell, index) => {
    const text = fold(cell);
    if (!text || /tu cham|tu danh gia|tham dinh|ghi chu/.test(text)) return;
    for (const [column, pattern] of HEADER_PATTERNS) {
      if (columns[column] === undefined && pattern.test(text)) {
        columns[column] = index;
        return;
      }
    }
  });
  if (columns.name === undefined || columns.max === undefined) return null;
  // Without an STT column the code leads the criterion's own cell ("1.1. Ban hành …").
  return columns;
}

/** Whether header labels, left to right, are those of a criteria table (for the PDF reader). */
export function isCriteriaHeader(labels: string[]): boolean {
  return headerColumns({ cells: labels, afterPageBreak: false }) !== null;
}

const isColumnNumbers = (cells: string[]) => {
  const filled = cells.map((c) => cleanCellText(c)).filter((c) => c.length > 0);
  return filled.length >= 3 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c));
};

const LEADING_CODE = /^((?:[IVXL]+|\d{1,3}(?:\.\d{1,3})*)[.)]?|[a-zđ]\))\s+(?=\S)/u;

interface Open {
  criterion: Criterion;
  rank: number;
  style: CodeStyle;
}

/** Where a code sits: Roman fields above numbers, numbers above their dotted parts, letters under the row above. */
function rankOf(style: CodeStyle, parts: number, romanSeen: boolean, stack: readonly Open[]): number {
  const base = romanSeen ? 1 : 0;
  if (style === "roman") return 0;
  if (style === "number") return base;
  if (style === "dotted") return base + parts - 1;
  const host = [...stack].reverse().find((o) => o.style !== "letter");
  return (host?.rank ?? base) + 1;
}

type CellOf = (column: Column) => string;

/** The code and the name of a row: a field row may merge both across the two columns, or put the code in the name. */
function codeAndName(cell: CellOf): { codeText: string; name: string } {
  let codeText = cell("code");
  let name = cell("name");
  const fromCell = codeText && parseCriterionCode(codeText) ? null : (codeText || name).match(LEADING_CODE);
  if (fromCell) {
    const whole = codeText && !parseCriterionCode(codeText) ? codeText : name;
    codeText = fromCell[1] as string;
    name = whole.slice(fromCell[0].length).trim() || name;
    if (name === whole) name = cell("name");
  }
  return { codeText, name };
}

/** A row with no criterion code: the total (recomputed), the rest of the criterion above across a page, or skipped. */
function readUncodedRow(
  last: Criterion | null,
  { codeText, name }: { codeText: string; name: string },
  cell: CellOf,
  explain: (role: CriteriaRowRole, extra?: { code?: string; reason?: string }) => void,
): void {
  if (/^(tong cong|tong diem|tong so|cong)\b/.test(foldVietnamese(codeText || name))) {
    explain("total", { reason: "dòng tổng điểm: tính lại từ các tiêu chí" });
    return;
  }
  if (last && !codeText && (name || cell("scoring") || cell("evidence")) && !cell("max")) {
    const join = (a: string, b: string) => (a && b ? `${a}\n${b}` : a || b);
    // A name cut by a page break carries on in the same sentence; scoring and evidence keep their lines.
    if (name) last.name = `${last.name} ${name}`.trim();
    last.scoring = join(last.scoring, cell("scoring"));
    last.evidence = join(last.evidence, cell("evidence"));
    explain("continuation", { code: last.code });
    return;
  }
  explain("skipped", {
    reason: codeText ? `số thứ tự "${cleanCellText(codeText)}" không phải mã tiêu chí` : "dòng không có mã tiêu chí",
  });
}

/** Reads the criteria set of a document; `set` names the province and year the caller gives. */
export function interpretCriteria(
  document: SourceDocument,
  set: { province: string; year: number; title?: string; source?: string },
): CriteriaDraft {
  const explanation: ExplainedCriteriaRow[] = [];
  const warnings: string[] = [];
  const roots: Criterion[] = [];
  const used = new Set<string>();
  const stack: Open[] = [];
  let romanSeen = false;
  let headerFound = false;
  let last: Criterion | null = null;

  document.tables.forEach((table, tableIndex) => {
    let columns: Partial<Record<Column, number>> | null = null;
    for (const row of table.rows) {
      const source = {
        ...(row.row !== undefined ? { row: row.row } : {}),
        ...(row.line !== undefined ? { line: row.line } : {}),
        ...(row.page !== undefined ? { page: row.page } : {}),
      };
      const text = row.cells
        .map((c) => cleanCellText(c))
        .filter((c) => c.length > 0)
        .join(" | ")
        .slice(0, 120);
      const explain = (role: CriteriaRowRole, extra: { code?: string; reason?: string } = {}) =>
        explanation.push({ table: tableIndex + 1, source, role, text, ...extra });
      const header = headerColumns(row);
      if (header) {
        explain(columns || headerFound ? "header-repeat" : "header");
        columns = header;
        headerFound = true;
        continue;
      }
      if (!columns) {
        explain("skipped", { reason: "trước dòng tiêu đề của bảng chỉ số" });
        continue;
      }
      if (isColumnNumbers(row.cells)) {
        explain("column-numbers");
        continue;
      }
      const cell = (column: Column) => {
        const index = columns?.[column];
        return index === undefined ? "" : cellLines(row.cells[index]);
      };
      const { codeText, name } = codeAndName(cell);
      const parsed = parseCriterionCode(codeText);
      if (!parsed) {
        readUncodedRow(last, { codeText, name }, cell, explain);
        continue;
      }
      if (!name) {
        explain("skipped", { reason: `tiêu chí ${parsed.code} không có tên` });
        continue;
      }
      const maxText = cell("max");
      const maxPoints = parsePoints(maxText);
      if (maxText && maxPoints === null) {
        warnings.push(
          `${document.fileName} hàng ${row.row ?? row.line ?? "?"}: điểm tối đa "${maxText}" không phải số`,
        );
      }
      if (parsed.style === "roman") romanSeen = true;
      const rank = rankOf(parsed.style, parsed.parts, romanSeen, stack);
      while (stack.length > 0 && (stack.at(-1) as Open).rank >= rank) stack.pop();
      const parent = stack.at(-1)?.criterion ?? null;
      let code = parsed.code;
      if (parsed.style === "letter" && parent) code = `${parent.code}.${code}`;
      if (used.has(code) && parent) code = `${parent.code}.${parsed.code}`;
      if (used.has(code)) {
        warnings.push(`${document.fileName} hàng ${row.row ?? row.line ?? "?"}: mã ${code} lặp lại; đã bỏ qua`);
        explain("skipped", { reason: `mã ${code} lặp lại` });
        continue;
      }
      used.add(code);
      const criterion: Criterion = {
        code,
        name: name.replace(/\n/g, " "),
        maxPoints: maxPoints ?? Number.NaN,
        scoring: cell("scoring"),
        evidence: cell("evidence"),
        children: [],
      };
      (parent ? parent.children : roots).push(criterion);
      stack.push({ criterion, rank, style: parsed.style });
      last = criterion;
      explain("criterion", { code });
    }
  });
  if (!headerFound) {
    throw new ImportError(
      'không tìm thấy bảng chỉ số: cần một dòng tiêu đề có cột tiêu chí và cột "Điểm tối đa"',
      document.fileName,
    );
  }
  if (roots.length === 0) throw new ImportError("bảng chỉ số không có tiêu chí nào có mã", document.fileName);
  fillMaxPoints(roots, warnings);
  return {
    set: {
      province: set.province,
      year: set.year,
      title: set.title ?? titleOf(document),
      source: set.source ?? sourceOf(document),
    },
    criteria: roots,
    warnings,
    explanation,
  };
}

/** A parent without its own maximum takes its children's sum; one that disagrees with it is reported. */
function fillMaxPoints(criteria: Criterion[], warnings: string[]): void {
  for (const criterion of flattenCriteria(criteria).reverse()) {
    const sum = Math.round(criterion.children.reduce((s, c) => s + c.maxPoints, 0) * 100) / 100;
    if (Number.isNaN(criterion.maxPoints)) {
      if (criterion.children.length === 0) warnings.push(`tiêu chí ${criterion.code} không có điểm tối đa; tính là 0`);
      criterion.maxPoints = criterion.children.length > 0 ? sum : 0;
    } else if (criterion.children.length > 0 && Math.abs(sum - criterion.maxPoints) > 0.001) {
      warnings.push(
        `tiêu chí ${criterion.code}: điểm tối đa ${formatPoints(criterion.maxPoints)} khác tổng các tiêu chí con ${formatPoints(sum)}`,
      );
    }
  }
}

function titleOf(document: SourceDocument): string {
  const title = document.paragraphs
    .map((p) => cleanCellText(p))
    .find((p) => /chỉ số (cải cách hành chính|cchc)/iu.test(p));
  return title ?? document.fileName;
}

function sourceOf(document: SourceDocument): string {
  const source = document.paragraphs
    .map((p) => cleanCellText(p))
    .find((p) => /(kèm theo|ban hành).*(quyết định|qđ)|quyết định số/iu.test(p));
  return source ?? document.fileName;
}
