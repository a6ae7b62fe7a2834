import type { SourceRow } from "../source-document.js";
import { looksLikeHeading, plainCell, sectionMarkerOf, startsFresh } from "./cells.js";
import { type ColumnMap, isColumnNumberRow, isHeaderRepeat } from "./columns.js";

const ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"];

/** The text of a row whose filled cells all say the same thing (a heading merged across the table), else "". */
function soleText(row: SourceRow): { text: string; raw: string } {
  const filled = row.cells
    .map((c, i) => ({ raw: c, text: row.covered?.[i] || row.inherited?.[i] ? "" : plainCell(c) }))
    .filter((c) => c.text.length > 0);
  const distinct = [...new Set(filled.map((c) => c.text))];
  return distinct.length === 1 ? { text: distinct[0] as string, raw: filled[0]?.raw ?? "" } : { text: "", raw: "" };
}

/**
 * A task table without a TT column, given the TT column it lacks: every row that
 * starts a task gets its running number within the section, a heading row gets
 * a section label the interpreter knows ("I …", "Phần 1: …"), and every other
 * row an empty cell, so the one table interpreter reads it like any numbered
 * table. The columns move one place to the right.
 */
export function numberRowsByOrder(columns: ColumnMap, rows: SourceRow[]): { columns: ColumnMap; rows: SourceRow[] } {
  const contentIndex = columns.index.title ?? columns.index.task ?? columns.index.activity ?? 0;
  let sections = 0;
  let tasks = 0;
  const numbered = rows.map((row): SourceRow => {
    const { label, heading } = labelOf(row);
    // A heading's words move into the label ("I CẢI CÁCH THỂ CHẾ"), so they are read and shown once.
    const cells = [label, ...row.cells.map((c) => (heading ? "" : c))];
    return {
      ...row,
      cells,
      ...(row.inherited ? { inherited: [false, ...row.inherited] } : {}),
      ...(row.covered ? { covered: [false, ...row.covered] } : {}),
    };
  });

  function labelOf(row: SourceRow): { label: string; heading: boolean } {
    const none = { label: "", heading: false };
    if (row.cells.every((c) => plainCell(c).length === 0)) return none;
    if (isHeaderRepeat(row.cells, columns) || isColumnNumberRow(row.cells)) return none;
    const sole = soleText(row);
    if (sole.text.length > 0) {
      // "A. NHIỆM VỤ …" merged across: the interpreter opens the section from the text itself.
      if (sectionMarkerOf(sole.text, "text-column") || /^phần\s/iu.test(sole.text)) {
        tasks = 0;
        return none;
      }
      const arabic = /^(\d{1,2})[.)]\s+(.+)$/u.exec(sole.text);
      if (looksLikeHeading(sole.text, sole.raw)) {
        tasks = 0;
        sections++;
        if (arabic) return { label: `Phần ${arabic[1]}: ${arabic[2]}`, heading: true };
        return { label: `${ROMANS[sections - 1] ?? `Phần ${sections}:`} ${sole.text}`, heading: true };
      }
    }
    const content =
      row.inherited?.[contentIndex] || row.covered?.[contentIndex] ? "" : plainCell(row.cells[contentIndex]);
    if (content.length === 0) return none;
    // Words that finish the cell above, cut by a page break, are not a task of their own.
    if (row.afterPageBreak && !startsFresh(content)) return none;
    tasks++;
    return { label: String(tasks), heading: false };
  }

  const shifted: ColumnMap["index"] = { stt: 0 };
  for (const [role, index] of Object.entries(columns.index)) {
    if (index !== undefined && role !== "stt") shifted[role as keyof ColumnMap["index"]] = index + 1;
  }
  return {
    columns: {
      ...columns,
      index: shifted,
      headerCells: ["", ...columns.headerCells],
      headerRows: columns.headerRows.map((cells) => ["", ...cells]),
    },
    rows: numbered,
  };
}
