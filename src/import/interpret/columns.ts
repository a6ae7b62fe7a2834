import { foldVietnamese } from "../../domain/deadline/cell-text.js";
import { plainCell } from "./cells.js";

/** What a column of the appendix holds. */
export type ColumnRole =
  "stt" | "title" | "task" | "activity" | "product" | "lead" | "support" | "deadline" | "budget" | "other";

/**
 * Header words, tried in this order: "Mục tiêu/Chỉ tiêu" is a title, "Chỉ
 * tiêu/kết quả" a product; "Đơn vị thực hiện" over "Phối hợp" is support,
 * alone it is the lead.
 */
const HEADER_PATTERNS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ["stt", /^(\d+\s*-?\s*)?(s\s*tt|tt|so tt|so thu tu|thu tu)$/],
  ["deadline", /thoi gian|thoi han|tien do|han hoan thanh|moc hoan thanh/],
  ["lead", /chu tri/],
  ["support", /phoi hop/],
  ["budget", /kinh phi|nguon von/],
  ["title", /muc tieu/],
  ["activity", /hoat dong|giai phap/],
  ["product", /ket qua|san pham|chi tieu/],
  ["title", /noi dung|chi so|ten nhiem vu|ten cong viec/],
  ["task", /nhiem vu|cong viec/],
  ["lead", /(don vi|co quan|bo phan|trach nhiem|phan cong)\b.*thuc hien|thuc hien$|^don vi$|^co quan$/],
];

function foldHeader(cell: string): string {
  return foldVietnamese(plainCell(cell))
    .replace(/[^a-z0-9/ ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function roleOfHeader(cell: string): ColumnRole {
  const folded = foldHeader(cell);
  if (folded.length === 0) return "other";
  for (const [role, pattern] of HEADER_PATTERNS) if (pattern.test(folded)) return role;
  return "other";
}

export interface ColumnMap {
  /** Column index of each role found (the first column when a role repeats). */
  index: Partial<Record<ColumnRole, number>>;
  /** The header rows' cells as printed, to recognise the header when it repeats after a page break. */
  headerCells: string[];
  /** Every row of the header (two-level headers and the column-number row), as printed. */
  headerRows: string[][];
  /** Rows the header takes, from the row it was found in. */
  height: number;
  /**
   * The table has no TT/STT column: it was recognised by its content, lead and
   * deadline columns, and its tasks are numbered by their order in each section.
   */
  numberedByOrder?: boolean;
}

const COLUMN_NUMBER = /^\(?(\d{1,2}|[A-Z])\)?\.?$/;

/** "(1) (2) (3) …" or "1 2 3 …" under a header: the columns' numbers, not a task. */
export function isColumnNumberRow(cells: string[]): boolean {
  const filled = cells.map(plainCell).filter((c) => c.length > 0);
  if (filled.length < 3 || !filled.every((c) => COLUMN_NUMBER.test(c))) return false;
  const numbers = filled
    .map((c) => /\d+/.exec(c)?.[0])
    .filter((n): n is string => n !== undefined)
    .map(Number);
  // A run of numbers that only goes up (letters such as "A B" may come first).
  return numbers.length >= 2 && numbers.every((n, i) => i === 0 || n > (numbers[i - 1] as number));
}

/** The label of each column over the header rows: a cell merged across columns labels every column it covers. */
function combinedLabels(rows: Array<{ cells: string[]; covered?: boolean[]; inherited?: boolean[] }>): string[] {
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const labels: string[][] = Array.from({ length: width }, () => []);
  for (const row of rows) {
    let spanning = "";
    for (let c = 0; c < width; c++) {
      const own = plainCell(row.cells[c]);
      let text = own;
      if (row.covered?.[c]) text = spanning;
      else spanning = own;
      if (row.inherited?.[c]) continue;
      if (text.length > 0 && !(labels[c] as string[]).includes(text)) (labels[c] as string[]).push(text);
    }
  }
  return labels.map((parts) => parts.join(" "));
}

const SUB_HEADER = /^(bat dau|hoan thanh|ket thuc|ghi chu|so luong|ngay|thang|quy)$/;

/** A row that continues a header: an empty TT cell and short header words only ("Chủ trì", "Phối hợp"). */
function continuesHeader(row: { cells: string[]; inherited?: boolean[] }, sttIndex: number): boolean {
  if (!row.inherited?.[sttIndex] && plainCell(row.cells[sttIndex]).length > 0) return false;
  const own = row.cells.map((c, i) => (row.inherited?.[i] ? "" : plainCell(c))).filter((c) => c.length > 0);
  if (own.length === 0) return false;
  return own.every((c) => c.length <= 40 && (roleOfHeader(c) !== "other" || SUB_HEADER.test(foldHeader(c))));
}

/** Content, lead and deadline: enough to recognise a task table that numbers its tasks only by their order. */
/** Whether header roles name a task table without a TT column: its content, its lead and its deadline. */
export function namesATaskTable(roles: ColumnRole[]): boolean {
  const content = roles.includes("title") || roles.includes("task") || roles.includes("activity");
  return content && roles.includes("lead") && roles.includes("deadline");
}

function mapRoles(labels: string[]): ColumnMap["index"] | null {
  const roles = labels.map(roleOfHeader);
  if (!roles.includes("deadline")) return null;
  if (!roles.includes("stt") && !namesATaskTable(roles)) return null;
  const index: Partial<Record<ColumnRole, number>> = {};
  roles.forEach((role, i) => {
    if (role === "other") return;
    if (index[role] === undefined) index[role] = i;
    // A second "Nhiệm vụ" column after the title is the task itself; the first was a running number.
    else if (role === "task" && index.title !== undefined && i > index.title) index.task = i;
    // "Thời gian" over "Bắt đầu" / "Hoàn thành": the deadline is when the work ends.
    else if (role === "deadline" && /hoan thanh|ket thuc|han/.test(foldHeader(labels[i] as string))) {
      const chosen = foldHeader(labels[index.deadline as number] as string);
      if (/bat dau/.test(chosen)) index.deadline = i;
    }
  });
  index.title ??= index.task ?? index.activity;
  if (index.title === undefined) return null;
  return index;
}

/**
 * Reads the header that starts at `rows[at]`: one row, or two when the next
 * one names the parts of a merged label ("Đơn vị thực hiện" over "Chủ trì",
 * "Phối hợp"), plus a column-number row if one follows. Null when the row does
 * not start the header of a task table.
 */
export function readHeaderAt(
  rows: ReadonlyArray<{ cells: string[]; covered?: boolean[]; inherited?: boolean[] }>,
  at: number,
): ColumnMap | null {
  const first = rows[at];
  if (!first) return null;
  const firstRoles = first.cells.map(roleOfHeader);
  const numbered = firstRoles.includes("stt");
  // Without a TT column the first row must name the content, the lead and the deadline itself.
  if (numbered ? firstRoles.filter((r) => r !== "other").length < 2 : !namesATaskTable(firstRoles)) return null;
  let height = 1;
  const sttIndex = firstRoles.indexOf("stt");
  while (height < 3 && rows[at + height] && continuesHeader(rows[at + height]!, sttIndex)) height++;
  const block = rows.slice(at, at + height);
  const index = mapRoles(combinedLabels(block));
  if (!index) return null;
  if (rows[at + height] && isColumnNumberRow(rows[at + height]!.cells)) height++;
  const headerRows = rows.slice(at, at + height).map((r) => r.cells.map(plainCell));
  return {
    index,
    headerCells: headerRows[0] as string[],
    headerRows,
    height,
    ...(numbered ? {} : { numberedByOrder: true }),
  };
}

/** Reads a one-row header; null when the row is not the header of a task table. */
export function readHeader(cells: string[]): ColumnMap | null {
  return readHeaderAt([{ cells }], 0);
}

/** True for a row that repeats the header (tables repeat it on every page). */
export function isHeaderRepeat(cells: string[], columns: ColumnMap): boolean {
  const plain = cells.map(plainCell);
  const filled = plain.filter((c) => c.length > 0).length;
  if (filled === 0) return false;
  return columns.headerRows.some((header) => {
    const same = plain.filter((c, i) => c.length > 0 && c === header[i]).length;
    return same * 2 >= filled && (same >= 2 || (same === filled && filled === 1 && header.length === 1));
  });
}
