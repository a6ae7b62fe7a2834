import { isUnnumberedSectionTitle, sectionMarkerOf, startsFresh, taskNumberOf } from "../interpret/cells.js";
import { cellText, columnAt, splitAtBorders } from "./pdf-columns.js";
import { joinRuns, type Line } from "./pdf-furniture.js";
import type { PdfRow } from "./pdf-grid.js";
import type { Run } from "./pdf-page.js";

/**
 * The distance between the baselines of two lines of one cell: the smallest
 * gap that recurs, at least a font height. Row gaps add the cells' padding;
 * a TT number centred in its row makes smaller, half gaps, which are skipped.
 */
function lineSpacing(lines: Line[]): number {
  const heights = lines.flatMap((line) => line.runs.map((run) => run.height)).sort((a, b) => a - b);
  const font = heights[Math.floor(heights.length / 2)] ?? 10;
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    if ((lines[i] as Line).page !== (lines[i - 1] as Line).page) continue;
    const gap = Math.round(((lines[i - 1] as Line).y - (lines[i] as Line).y) * 2) / 2;
    if (gap >= font * 0.9) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  }
  const recurring = [...counts.keys()];
  // Gaps within half a point of each other are the same spacing, rounded differently.
  return recurring.length > 0 ? Math.min(...recurring) + 0.5 : font * 1.2;
}

/**
 * What starts a row: a number in the TT column, or, in a table without one,
 * a line whose content cell and lead or deadline cell both start afresh (a
 * capital or a digit), since the lines that continue a wrapped cell start in
 * lower case, and a section title alone on its line.
 */
export type RowStart = { kind: "number"; column: number } | { kind: "content"; column: number; others: number[] };

/** A run in the TT column that numbers a task or a section. */
const opensRow = (run: Run, borders: number[], sttColumn: number): boolean =>
  columnAt(borders, run.x + 1) === sttColumn &&
  (taskNumberOf(run.text.trim()) !== null || sectionMarkerOf(run.text.trim(), "number-column") !== null);

function opensContentRow(line: Line, borders: number[], start: Extract<RowStart, { kind: "content" }>): boolean {
  const runs = line.runs.flatMap((r) => splitAtBorders(r, borders));
  const at = (column: number): Run | undefined => runs.find((run) => columnAt(borders, run.x + 1) === column);
  const content = at(start.column);
  if (!content || !startsFresh(content.text.trim())) return false;
  if (line.runs.length === 1 && isUnnumberedSectionTitle(joinRuns(line.runs).trim())) return true;
  return start.others.some((column) => {
    const other = at(column);
    return other !== undefined && startsFresh(other.text.trim());
  });
}

/**
 * Rows of a table printed without rules, from the lines below its header:
 * a row ends where the space between baselines is wider than the line spacing
 * inside cells (cell padding), or at the end of a page. When the TT numbers
 * print on the first line of their row (top-aligned cells, as Calc and
 * browsers print them), a TT number also starts a row; when they are centred
 * in their row (Writer), the number sits inside the group and only splits a
 * group that holds two of them.
 */
export function rowsFromText(
  body: Line[],
  borders: number[],
  start: RowStart,
  repeatsHeader: (line: Line) => boolean,
): PdfRow[] {
  const sttColumn = start.kind === "number" ? start.column : -1;
  const spacing = lineSpacing(body);
  const groups: Line[][] = [];
  body.forEach((line, i) => {
    const previous = body[i - 1];
    // A header repeated on a new page is a row of its own, however close the cut row's rest follows it.
    const fresh =
      !previous ||
      previous.page !== line.page ||
      previous.y - line.y > spacing * 1.25 ||
      repeatsHeader(previous) !== repeatsHeader(line);
    if (fresh) groups.push([line]);
    else groups[groups.length - 1]!.push(line);
  });
  const numbered = (line: Line): boolean =>
    start.kind === "number"
      ? line.runs.some((run) => opensRow(run, borders, sttColumn))
      : opensContentRow(line, borders, start);
  const numberedLines = groups.flatMap((group) => group.filter(numbered).map((line) => group.indexOf(line)));
  // Without numbers, a table whose cells have padding shows its rows by the gaps: as many groups as rows, or
  // about. Only a table printed without padding (one group a page) is cut where a row seems to open.
  const openings = groups.reduce((n, group) => n + group.filter(numbered).length, 0);
  const gapsShowRows = start.kind === "content" && groups.length * 2 >= openings;
  const topAligned =
    start.kind === "content" ||
    (numberedLines.length > 0 && numberedLines.filter((at) => at === 0).length * 2 >= numberedLines.length);
  const split: Line[][] = [];
  for (const group of groups) {
    let current: Line[] = [];
    let seenNumber = false;
    for (const line of group) {
      const opens = numbered(line);
      if (opens && current.length > 0 && !gapsShowRows && (topAligned || seenNumber)) {
        split.push(current);
        current = [];
        seenNumber = false;
      }
      seenNumber ||= opens;
      current.push(line);
    }
    if (current.length > 0) split.push(current);
  }
  const width = borders.length + 1;
  return split.map((group) => {
    const runs: Run[][] = Array.from({ length: width }, () => []);
    for (const line of group) {
      // A section title runs across the table; any other run that crosses a border holds two cells.
      const section =
        start.kind === "number"
          ? line.runs.some(
              (run) =>
                columnAt(borders, run.x + 1) === sttColumn &&
                sectionMarkerOf(run.text.trim(), "number-column") !== null,
            )
          : line.runs.length === 1 && isUnnumberedSectionTitle(joinRuns(line.runs).trim());
      for (const run of section ? line.runs : line.runs.flatMap((r) => splitAtBorders(r, borders))) {
        runs[columnAt(borders, run.x + 1)]!.push(run);
      }
    }
    return { page: (group[0] as Line).page, cells: runs.map(cellText), lines: group.length };
  });
}
