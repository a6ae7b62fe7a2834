import { foldVietnamese } from "../../domain/deadline/cell-text.js";
import { plainCell } from "./cells.js";

/** What a column of the appendix holds. */
export type ColumnRole =
  "stt" | "title" | "task" | "activity" | "product" | "lead" | "support" | "deadline" | "budget" | "other";

/** Header words, tried in this order: "Mục tiêu/Chỉ tiêu" is a title, "Chỉ tiêu/kết quả" a product. */
const HEADER_PATTERNS: ReadonlyArray<[ColumnRole, RegExp]> = [
  ["stt", /^(\d+\s*-?\s*)?(s\s*tt|tt|so tt|so thu tu)$/],
  ["deadline", /thoi gian|thoi han|tien do|han hoan thanh/],
  ["lead", /chu tri/],
  ["support", /phoi hop/],
  ["budget", /kinh phi|nguon von/],
  ["title", /muc tieu/],
  ["activity", /hoat dong|giai phap/],
  ["product", /ket qua|san pham|chi tieu/],
  ["title", /noi dung|chi so|ten nhiem vu/],
  ["task", /nhiem vu|cong viec/],
];

export function roleOfHeader(cell: string): ColumnRole {
  const folded = foldVietnamese(plainCell(cell))
    .replace(/[^a-z0-9/ ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [role, pattern] of HEADER_PATTERNS) if (pattern.test(folded)) return role;
  return "other";
}

export interface ColumnMap {
  /** Column index of each role found (the first column when a role repeats). */
  index: Partial<Record<ColumnRole, number>>;
  /** The header cells as printed, to recognise the header when it repeats after a page break. */
  headerCells: string[];
}

/** Reads a header row; null when the row is not the header of a task table. */
export function readHeader(cells: string[]): ColumnMap | null {
  const roles = cells.map(roleOfHeader);
  if (!roles.includes("stt") || !roles.includes("deadline")) return null;
  const index: Partial<Record<ColumnRole, number>> = {};
  roles.forEach((role, i) => {
    if (role === "other") return;
    if (index[role] === undefined) index[role] = i;
    // A second "Nhiệm vụ" column after the title is the task itself; the first was a running number.
    else if (role === "task" && index.title !== undefined && i > index.title) index.task = i;
  });
  if (index.title === undefined && index.task !== undefined) index.title = index.task;
  if (index.title === undefined) return null;
  return { index, headerCells: cells.map(plainCell) };
}

/** True for a row that repeats the header (tables repeat it on every page). */
export function isHeaderRepeat(cells: string[], columns: ColumnMap): boolean {
  const plain = cells.map(plainCell);
  const filled = plain.filter((c) => c.length > 0).length;
  if (filled === 0) return false;
  const same = plain.filter((c, i) => c.length > 0 && c === columns.headerCells[i]).length;
  return same * 2 >= filled && same >= 2;
}
