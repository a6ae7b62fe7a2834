import type { SourceDocument, SourceRow, SourceTable } from "../source-document.js";

/**
 * HTML as mammoth writes it from a .docx: paragraphs and tables whose merged
 * cells carry rowspan and colspan. Tables become grids: a cell spanning columns
 * fills its first column; a cell spanning rows is copied into the rows below
 * and marked inherited there, so the interpreter can tell a merged deadline
 * shared by several tasks from a task's own.
 */

interface RawCell {
  html: string;
  rowSpan: number;
  colSpan: number;
}

const TAG = /<(\/?)(table|tr|td|th|p|h[1-6]|li)\b([^>]*)>/gi;

function spanOf(attributes: string, name: string): number {
  const match = new RegExp(`${name}\\s*=\\s*"?(\\d+)`, "i").exec(attributes);
  const value = match ? Number(match[1]) : 1;
  return Number.isInteger(value) && value >= 1 && value <= 1000 ? value : 1;
}

function textOf(html: string): string {
  return html
    .replace(/<\/(p|li|h[1-6])>/gi, "\n")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<(?!\/?(b|strong)\b)[^>]*>/gi, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();
}

/** Expands a table's rows into a rectangular grid. */
function toGrid(rows: RawCell[][], firstRowNumber: number): SourceRow[] {
  const grid: Array<Array<{ text: string; inherited: boolean }>> = [];
  const width = Math.max(0, ...rows.map((cells) => cells.reduce((sum, c) => sum + c.colSpan, 0)));
  rows.forEach((cells, r) => {
    grid[r] ??= [];
    let column = 0;
    for (const cell of cells) {
      while (grid[r][column] !== undefined) column++;
      const text = textOf(cell.html);
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) {
          grid[r + dr]![column + dc] = { text: dc === 0 ? text : "", inherited: dr > 0 };
        }
      }
      column += cell.colSpan;
    }
  });
  return grid.map((cells, r) => {
    const full = Array.from({ length: width }, (_, c) => cells[c] ?? { text: "", inherited: false });
    return {
      cells: full.map((c) => c.text),
      inherited: full.map((c) => c.inherited && c.text.length > 0),
      row: firstRowNumber + r,
      afterPageBreak: false,
    };
  });
}

/** Reads paragraphs and tables out of an HTML fragment. */
export function readHtmlDocument(fileName: string, html: string): SourceDocument {
  const paragraphs: string[] = [];
  const tables: SourceTable[] = [];
  let depth = 0;
  let rows: RawCell[][] = [];
  let cell: { start: number; rowSpan: number; colSpan: number } | null = null;
  let paragraphStart = -1;
  let tableRowsSeen = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(html); match !== null; match = TAG.exec(html)) {
    const closing = match[1] === "/";
    const name = (match[2] as string).toLowerCase();
    const attributes = match[3] ?? "";
    if (name === "table") {
      if (!closing) {
        depth++;
        if (depth === 1) rows = [];
      } else if (depth > 0) {
        depth--;
        if (depth === 0) {
          tables.push({ rows: toGrid(rows, tableRowsSeen + 1) });
          tableRowsSeen += rows.length;
        }
      }
      continue;
    }
    if (depth === 0) {
      if (!closing) paragraphStart = match.index + match[0].length;
      else if (paragraphStart >= 0) {
        const text = textOf(html.slice(paragraphStart, match.index)).replace(/<\/?(b|strong)>/gi, "");
        if (text.length > 0)
          paragraphs.push(
            ...text
              .split("\n")
              .map((t) => t.trim())
              .filter((t) => t.length > 0),
          );
        paragraphStart = -1;
      }
      continue;
    }
    // Only the outermost table's cells count; a nested table stays text inside its cell.
    if (depth > 1) continue;
    if (name === "tr" && !closing) rows.push([]);
    if ((name === "td" || name === "th") && !closing) {
      cell = {
        start: match.index + match[0].length,
        rowSpan: spanOf(attributes, "rowspan"),
        colSpan: spanOf(attributes, "colspan"),
      };
    }
    if ((name === "td" || name === "th") && closing && cell) {
      rows[rows.length - 1]?.push({
        html: html.slice(cell.start, match.index),
        rowSpan: cell.rowSpan,
        colSpan: cell.colSpan,
      });
      cell = null;
    }
  }
  return { fileName, paragraphs, tables };
}
